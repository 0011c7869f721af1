import Foundation

extension TrueTypeFont {
    /// The glyphs that print one character. A single code point the font has is its glyph.
    /// Otherwise the character is composed first (NFC), because names typed on some systems
    /// arrive decomposed ("A" + combining acute) while the font has the precomposed "Á".
    /// What still has no single glyph is printed code point by code point: the base letter
    /// and its combining marks, invisible format characters (variation selectors, zero-width
    /// joiners) left out, and glyph 0 (.notdef, a box) only for what the font truly lacks.
    func glyphs(for character: Character) -> [GlyphID] {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first {
            if let glyph = glyph(for: only) { return [glyph] }
            // Tabs and other controls are spacing, not something to draw.
            if only.properties.generalCategory == .control { return spaceGlyphs }
        }
        let composed = String(character).precomposedStringWithCanonicalMapping.unicodeScalars
        if composed.count == 1, let only = composed.first, let glyph = glyph(for: only) { return [glyph] }
        return composed.compactMap { scalar in
            glyph(for: scalar) ?? (scalar.properties.isDefaultIgnorableCodePoint ? nil : 0)
        }
    }

    /// The glyphs of a whole text, character by character.
    func glyphs(in text: some StringProtocol) -> [GlyphID] { text.flatMap { glyphs(for: $0) } }

    var spaceGlyphs: [GlyphID] { glyph(for: " ").map { [$0] } ?? [] }

    /// The width of a run of glyphs at `size` points.
    func width(of glyphs: [GlyphID], size: Double) -> Double {
        Double(glyphs.reduce(0) { $0 + pdfWidth(of: $1) }) * size / 1000
    }
}
