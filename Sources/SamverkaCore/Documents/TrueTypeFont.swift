/// A glyph's index in a TrueType font. The PDF writer uses it unchanged as the CID
/// (`/CIDToGIDMap /Identity`), so the subset keeps every glyph at its original index.
public typealias GlyphID = UInt16

/// A TrueType font read from its bytes: what a PDF needs to measure text, embed the font and
/// map characters to glyphs. Pure: the caller loads the file (the web layer from its bundle,
/// tests from the source tree) and passes the bytes in.
public struct TrueTypeFont: Sendable {
    public struct Box: Sendable, Hashable {
        public var xMin: Int, yMin: Int, xMax: Int, yMax: Int
    }

    /// The whole file, for the subset to copy tables from.
    let data: FontBytes
    /// Table tag → the table's bytes in `data`.
    let tables: [String: Range<Int>]

    /// From the `name` table ("DejaVuSans-Bold"); the PDF's BaseFont.
    public let postScriptName: String
    public let unitsPerEm: Int
    public let boundingBox: Box
    public let ascent: Int
    public let descent: Int
    public let capHeight: Int
    public let italicAngle: Double
    public let numGlyphs: Int
    /// Where each glyph's outline lies in `data`.
    let outlines: [Range<Int>]
    /// Advance width of every glyph, in font units.
    let advances: [UInt16]
    let cmap: [UInt32: GlyphID]
    /// The lowest code point mapped to each glyph, for the PDF's ToUnicode map: where a font
    /// maps several characters to one glyph (Å and the ångström sign), the lowest one is the
    /// ordinary letter, which is also what Unicode normalisation (NFC) gives.
    let unicodeOfGlyph: [GlyphID: UInt32]

    public init(bytes: [UInt8]) throws {
        let file = try TrueTypeTables(bytes: bytes)
        let data = file.data
        let tables = file.ranges
        self.data = data
        self.tables = tables

        let head = try file.offset("head")
        unitsPerEm = Int(try data.u16(head + 18))
        boundingBox = Box(xMin: Int(try data.i16(head + 36)), yMin: Int(try data.i16(head + 38)),
                          xMax: Int(try data.i16(head + 40)), yMax: Int(try data.i16(head + 42)))

        let hhea = try file.offset("hhea")
        ascent = Int(try data.i16(hhea + 4))
        descent = Int(try data.i16(hhea + 6))
        let horizontalMetrics = Int(try data.u16(hhea + 34))

        numGlyphs = try file.numGlyphs()
        outlines = try file.outlines()

        // post.italicAngle is 16.16 fixed point; upright without the table.
        if let post = tables["post"]?.lowerBound {
            italicAngle = Double(try data.i32(post + 4)) / 65536
        } else {
            italicAngle = 0
        }

        let hmtx = try file.offset("hmtx")
        var advances: [UInt16] = []
        advances.reserveCapacity(numGlyphs)
        for glyph in 0..<numGlyphs {
            let index = min(glyph, max(0, horizontalMetrics - 1))
            advances.append(try data.u16(hmtx + 4 * index))
        }
        self.advances = advances

        let cmap = try TrueTypeCmap.read(data, at: try file.offset("cmap"), numGlyphs: numGlyphs)
        self.cmap = cmap
        var unicodeOfGlyph: [GlyphID: UInt32] = [:]
        for (scalar, glyph) in cmap where unicodeOfGlyph[glyph].map({ scalar < $0 }) ?? true {
            unicodeOfGlyph[glyph] = scalar
        }
        self.unicodeOfGlyph = unicodeOfGlyph
        // OS/2 carries the cap height from version 2 on. Older fonts (DejaVu has version 1)
        // give it by the top of "H", as font tools do; the ascent is the last resort.
        if let os2 = tables["OS/2"]?.lowerBound, try data.u16(os2) >= 2 {
            capHeight = Int(try data.i16(os2 + 88))
        } else if let h = cmap[0x48], outlines[Int(h)].count >= 10 {
            capHeight = Int(try data.i16(outlines[Int(h)].lowerBound + 8)) // the glyph's yMax
        } else {
            capHeight = ascent
        }
        postScriptName = try Self.postScriptName(data, at: tables["name"]?.lowerBound) ?? "Font"
    }

    /// The glyph for one code point, or nil when the font has none (glyph 0 is .notdef).
    public func glyph(for scalar: Unicode.Scalar) -> GlyphID? { cmap[scalar.value] }

    /// Advance width in font units.
    public func advance(of glyph: GlyphID) -> Int {
        Int(glyph) < advances.count ? Int(advances[Int(glyph)]) : 0
    }

    /// Advance width in the PDF's glyph space (1/1000 em), rounded: the one number both the
    /// `/W` array and the line wrapping use, so what is measured is what is drawn.
    public func pdfWidth(of glyph: GlyphID) -> Int {
        (advance(of: glyph) * 1000 + unitsPerEm / 2) / max(1, unitsPerEm)
    }

    /// Scales a value in font units to 1/1000 em.
    func pdfUnits(_ value: Int) -> Int {
        Int((Double(value) * 1000 / Double(max(1, unitsPerEm))).rounded())
    }

    func table(_ tag: String) -> ArraySlice<UInt8>? {
        tables[tag].map { data.bytes[$0] }
    }

    /// nameID 6 (the PostScript name), from the Windows (UTF-16BE) or Macintosh (ASCII)
    /// record. PostScript names are ASCII, which is also all a PDF name may hold unescaped.
    private static func postScriptName(_ data: FontBytes, at name: Int?) throws -> String? {
        guard let name else { return nil }
        let count = Int(try data.u16(name + 2))
        let strings = name + Int(try data.u16(name + 4))
        for index in 0..<count {
            let record = name + 6 + 12 * index
            guard try data.u16(record + 6) == 6 else { continue }
            let platform = try data.u16(record)
            let length = Int(try data.u16(record + 8))
            let start = strings + Int(try data.u16(record + 10))
            let raw = try data.slice(start..<(start + length))
            let text: String
            if platform == 3 || platform == 0 {
                let units = stride(from: raw.startIndex, to: raw.endIndex - 1, by: 2).map { UInt16(raw[$0]) << 8 | UInt16(raw[$0 + 1]) }
                text = String(decoding: units, as: UTF16.self)
            } else {
                text = String(decoding: raw, as: UTF8.self)
            }
            let clean = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }))
            if !clean.isEmpty { return clean }
        }
        return nil
    }
}
