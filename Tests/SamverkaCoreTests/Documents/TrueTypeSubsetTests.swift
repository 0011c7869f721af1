import Testing
@testable import SamverkaCore

@Suite("TrueType subset")
struct TrueTypeSubsetTests {
    static let used: Set<GlyphID> = Set(TestFonts.regular.glyphs(in: "Łukasz Wiśniewski Åsa"))

    @Test func theSubsetIsAFontWithTheSameGlyphIndicesAndWidths() throws {
        let font = TestFonts.regular
        let subset = try TrueTypeTables(bytes: TrueTypeSubset.bytes(of: font, keeping: Self.used))
        let outlines = try subset.outlines()
        #expect(try subset.numGlyphs() == font.numGlyphs)
        #expect(subset.data.bytes[try subset.range("hmtx")] == font.table("hmtx")) // the widths, unchanged
        for glyph in Self.used {
            #expect(subset.data.bytes[outlines[Int(glyph)]] == font.data.bytes[font.outlines[Int(glyph)]])
        }
        #expect(!outlines[0].isEmpty) // .notdef is always kept
        let unused = font.glyph(for: "ж")!
        #expect(!font.outlines[Int(unused)].isEmpty && outlines[Int(unused)].isEmpty)
        #expect(Set(subset.ranges.keys) == ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"])
        // The outlines fit the short loca format, half the size of the long one.
        #expect(try subset.data.i16(try subset.offset("head") + 50) == 0)
        #expect(try subset.range("loca").count == 2 * (font.numGlyphs + 1))
    }

    @Test func checksumsAreRight() throws {
        let bytes = TrueTypeSubset.bytes(of: TestFonts.regular, keeping: Self.used)
        #expect(TrueTypeSubset.checksum(bytes) == 0xB1B0_AFBA) // the whole file, with head's adjustment
        let subset = try TrueTypeTables(bytes: bytes)
        let data = subset.data
        for index in 0..<Int(try data.u16(4)) {
            let record = 12 + 16 * index
            let tag = String(decoding: bytes[record..<(record + 4)], as: UTF8.self)
            var table = Array(bytes[try subset.range(tag)])
            if tag == "head" { table.setU32(0, at: 8) } // head's checksum is taken without the adjustment
            #expect(try data.u32(record + 4) == TrueTypeSubset.checksum(table), "\(tag)")
            #expect(try subset.offset(tag) % 4 == 0)
        }
        #expect(TrueTypeSubset.checksum([0, 0, 1, 0, 2]) == 0x0000_0100 + 0x0200_0000)
    }

    @Test func componentsOfCompositeGlyphsAreKept() throws {
        let font = TestFonts.regular
        // DejaVu draws "Ä" as "A" plus a diaeresis.
        let umlaut = try #require(font.glyph(for: "Ä"))
        let parts = TrueTypeSubset.components(of: umlaut, in: font)
        #expect(parts.count == 2 && parts.contains(36))
        #expect(TrueTypeSubset.components(of: 36, in: font).isEmpty)
        let closure = TrueTypeSubset.closure(of: [umlaut], in: font)
        #expect(closure == Set(parts + [umlaut, 0]))
        let outlines = try TrueTypeTables(bytes: TrueTypeSubset.bytes(of: font, keeping: [umlaut])).outlines()
        for part in parts { #expect(!outlines[Int(part)].isEmpty) }
    }

    @Test func theTagIsSixLettersAndFollowsTheGlyphs() {
        let tag = TrueTypeSubset.tag(for: Self.used)
        #expect(tag.count == 6 && tag.allSatisfy { ("A"..."Z").contains($0) })
        #expect(TrueTypeSubset.tag(for: Self.used) == tag)
        #expect(TrueTypeSubset.tag(for: Self.used.union([1000])) != tag)
    }
}
