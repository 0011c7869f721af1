import Testing
@testable import SamverkaCore

@Suite("TrueType subset")
struct TrueTypeSubsetTests {
    static let used: Set<GlyphID> = Set(TestFonts.regular.glyphs(for: "Łukasz Wiśniewski Åsa"))

    @Test func theSubsetIsAFontWithTheSameGlyphIndicesAndWidths() throws {
        let font = TestFonts.regular
        let subset = try TrueTypeFont(bytes: TrueTypeSubset.bytes(of: font, keeping: Self.used))
        #expect(subset.numGlyphs == font.numGlyphs)
        #expect(subset.unitsPerEm == font.unitsPerEm)
        for glyph in Self.used {
            #expect(subset.advance(of: glyph) == font.advance(of: glyph))
            #expect(subset.data.bytes[subset.outlines[Int(glyph)]] == font.data.bytes[font.outlines[Int(glyph)]])
        }
        #expect(!subset.outlines[0].isEmpty) // .notdef is always kept
        let unused = font.glyph(for: "ж")!
        #expect(!font.outlines[Int(unused)].isEmpty && subset.outlines[Int(unused)].isEmpty)
        #expect(Set(subset.tables.keys) == ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"])
    }

    @Test func checksumsAreRight() throws {
        let bytes = TrueTypeSubset.bytes(of: TestFonts.regular, keeping: Self.used)
        #expect(TrueTypeSubset.checksum(bytes) == 0xB1B0_AFBA) // the whole file, with head's adjustment
        let subset = try TrueTypeFont(bytes: bytes)
        let data = FontBytes(bytes: bytes)
        for index in 0..<Int(try data.u16(4)) {
            let record = 12 + 16 * index
            let tag = String(decoding: bytes[record..<(record + 4)], as: UTF8.self)
            var table = Array(bytes[subset.tables[tag]!])
            if tag == "head" { table.setU32(0, at: 8) } // head's checksum is taken without the adjustment
            #expect(try data.u32(record + 4) == TrueTypeSubset.checksum(table), "\(tag)")
            #expect(subset.tables[tag]!.lowerBound % 4 == 0)
        }
        #expect(TrueTypeSubset.checksum([0, 0, 1, 0, 2]) == 0x0000_0100 + 0x0200_0000)
    }

    @Test func componentsOfCompositeGlyphsAreKept() {
        let font = TestFonts.regular
        // Find a composite glyph among the accented capitals and check its parts come along.
        let composite = "ÅÄÖÁŁŚÇ".unicodeScalars.compactMap(font.glyph(for:)).first { !TrueTypeSubset.components(of: $0, in: font).isEmpty }
        guard let composite else { return } // every accented capital drawn as one outline: nothing to close over
        let closure = TrueTypeSubset.closure(of: [composite], in: font)
        #expect(closure.isSuperset(of: TrueTypeSubset.components(of: composite, in: font)))
        #expect(closure.contains(0))
    }

    @Test func theTagIsSixLettersAndFollowsTheGlyphs() {
        let tag = TrueTypeSubset.tag(for: Self.used)
        #expect(tag.count == 6 && tag.allSatisfy { ("A"..."Z").contains($0) })
        #expect(TrueTypeSubset.tag(for: Self.used) == tag)
        #expect(TrueTypeSubset.tag(for: Self.used.union([1000])) != tag)
    }
}
