import Testing
@testable import SamverkaCore

@Suite("TrueType font reader")
struct TrueTypeFontTests {
    @Test func headMetricsAndNamesOfDejaVuSans() {
        let font = TestFonts.regular
        #expect(font.postScriptName == "DejaVuSans")
        #expect(TestFonts.bold.postScriptName == "DejaVuSans-Bold")
        #expect(font.unitsPerEm == 2048)
        #expect(font.numGlyphs == 6253)
        #expect(TestFonts.bold.numGlyphs == 6196)
        #expect(font.ascent == 1901)
        #expect(font.descent == -483)
        #expect(font.italicAngle == 0)
        #expect(font.boundingBox.xMin < 0 && font.boundingBox.yMax > font.ascent - 1000)
        // DejaVu's OS/2 table predates the cap height field: it is read from the top of "H".
        #expect(font.capHeight == 1493)
    }

    @Test func cmapFindsLatinPolishAndVietnameseLetters() {
        let font = TestFonts.regular
        #expect(font.glyph(for: "A") == 36)
        #expect(font.glyph(for: " ") == 3)
        #expect(font.glyph(for: "Ł") == 259)
        #expect(font.glyph(for: "ễ") == 2499)
        #expect(font.glyph(for: "Á") == 131)
        #expect(font.glyph(for: "\u{E000}") == nil) // private use: not in the font
        #expect(font.glyph(for: "漢") == nil) // no CJK in DejaVu
        #expect(font.glyph(for: "\u{10300}") != nil) // Old Italic: beyond the BMP, from cmap format 12
    }

    @Test func widthsFromHmtx() {
        let font = TestFonts.regular
        #expect(font.advance(of: 36) == 1401) // A
        #expect(font.advance(of: 259) == 1151) // Ł
        #expect(font.advance(of: 2499) == 1260) // ễ
        #expect(font.pdfWidth(of: 36) == 684) // 1401 / 2048 em, in thousandths
        #expect(TestFonts.bold.advance(of: 36) == 1585)
        // Glyphs past the last long metric share its advance.
        #expect(font.advance(of: GlyphID(font.numGlyphs - 1)) > 0)
    }

    @Test func charactersAreComposedBeforeFallingBackToGlyphZero() {
        let font = TestFonts.regular
        let acute = font.glyph(for: "Á")!
        #expect(font.glyphs(for: "A\u{301}" as Character) == [acute])
        #expect(font.glyphs(for: "e\u{302}\u{303}" as Character) == [2499])
        #expect(font.glyphs(for: "\t" as Character) == [3])
        // No precomposed form: base letter and combining mark, each with its own glyph.
        let marked = font.glyphs(for: "q\u{301}" as Character)
        #expect(marked == [font.glyph(for: "q")!, font.glyph(for: "\u{301}")!])
        // Invisible characters the font lacks (a tag letter) are left out; other missing
        // characters are .notdef.
        #expect(font.glyph(for: "\u{E0061}") == nil)
        #expect(font.glyphs(for: "a\u{E0061}" as Character) == [font.glyph(for: "a")!])
        #expect(font.glyphs(for: "漢" as Character) == [0])
    }

    @Test func aFileThatIsNotAFontIsRefused() {
        #expect(throws: TrueTypeError.notTrueType) { try TrueTypeFont(bytes: Array("%PDF-1.4 not a font".utf8)) }
        #expect(throws: TrueTypeError.self) { try TrueTypeFont(bytes: Array(TestFonts.bytes("DejaVuSans").prefix(2000))) }
    }
}
