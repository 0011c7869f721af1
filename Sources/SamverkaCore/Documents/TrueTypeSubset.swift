/// A copy of a TrueType font with only the outlines a document uses, so a letter embeds a
/// few kilobytes of glyphs instead of the whole font. Glyph indices are kept (every unused
/// glyph becomes empty) because the PDF addresses glyphs by their original index; only the
/// tables a PDF viewer needs for a CIDFontType2 font are written (ISO 32000-1, 9.9).
enum TrueTypeSubset {
    /// Tables kept when the font has them. `cmap`, `name`, `post` and the layout tables are
    /// left out: the PDF maps glyphs itself (`/CIDToGIDMap /Identity`) and names the font.
    static let keptTables = ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"]

    static func bytes(of font: TrueTypeFont, keeping used: Set<GlyphID>) -> [UInt8] {
        let glyphs = closure(of: used, in: font)
        var glyf: [UInt8] = []
        var offsets: [Int] = []
        offsets.reserveCapacity(font.numGlyphs + 1)
        for glyph in 0..<font.numGlyphs {
            offsets.append(glyf.count)
            guard glyphs.contains(GlyphID(glyph)) else { continue }
            glyf += font.data.bytes[font.outlines[glyph]]
            // Four-byte alignment keeps every offset even, as the short loca format needs.
            while glyf.count % 4 != 0 { glyf.append(0) }
        }
        offsets.append(glyf.count)

        // Short offsets (halved, 16 bits) when they fit: half the size of the long form.
        let short = glyf.count / 2 <= Int(UInt16.max)
        var loca: [UInt8] = []
        for offset in offsets {
            if short { loca.appendU16(UInt16(offset / 2)) } else { loca.appendU32(UInt32(offset)) }
        }

        var tables: [String: [UInt8]] = [:]
        for tag in keptTables {
            guard let table = font.table(tag) else { continue }
            tables[tag] = Array(table)
        }
        tables["glyf"] = glyf
        tables["loca"] = loca
        // The reader has checked that head is there and long enough.
        tables["head"]?.setU32(0, at: 8) // checkSumAdjustment, set below over the finished file
        tables["head"]?.setU16(short ? 0 : 1, at: 50) // indexToLocFormat
        return assemble(tables)
    }

    /// The used glyphs, glyph 0 (always required) and every component of a composite glyph
    /// ("Å" may be drawn as "A" plus a ring), recursively.
    static func closure(of used: Set<GlyphID>, in font: TrueTypeFont) -> Set<GlyphID> {
        var result: Set<GlyphID> = [0]
        var pending = Array(used.filter { Int($0) < font.numGlyphs }) + [0]
        while let glyph = pending.popLast() {
            result.insert(glyph)
            for component in components(of: glyph, in: font) where !result.contains(component) && Int(component) < font.numGlyphs {
                pending.append(component)
            }
        }
        return result
    }

    /// The glyphs a composite glyph is built from (none for a simple glyph).
    /// A damaged composite yields the components read before the damage.
    static func components(of glyph: GlyphID, in font: TrueTypeFont) -> [GlyphID] {
        guard Int(glyph) < font.numGlyphs else { return [] }
        let data = FontBytes(bytes: Array(font.data.bytes[font.outlines[Int(glyph)]]))
        // A negative contour count marks a composite.
        guard data.bytes.count >= 10, let contours = try? data.i16(0), contours < 0 else { return [] }
        var result: [GlyphID] = []
        var offset = 10
        while let flags = try? data.u16(offset), let component = try? data.u16(offset + 2) {
            result.append(component)
            offset += 4
            offset += flags & 0x0001 != 0 ? 4 : 2 // ARG_1_AND_2_ARE_WORDS
            if flags & 0x0008 != 0 { offset += 2 } // WE_HAVE_A_SCALE
            else if flags & 0x0040 != 0 { offset += 4 } // WE_HAVE_AN_X_AND_Y_SCALE
            else if flags & 0x0080 != 0 { offset += 8 } // WE_HAVE_A_TWO_BY_TWO
            guard flags & 0x0020 != 0 else { break } // MORE_COMPONENTS
        }
        return result
    }

    /// The font file: the table directory (sorted by tag, as the format requires), each
    /// table padded to four bytes, its checksum, and head.checkSumAdjustment so that the
    /// whole file sums to 0xB1B0AFBA.
    static func assemble(_ tables: [String: [UInt8]]) -> [UInt8] {
        let tags = tables.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let count = tags.count
        var power = 1, log = 0
        while power * 2 <= count { power *= 2; log += 1 }
        var out: [UInt8] = []
        out.appendU32(0x0001_0000)
        out.appendU16(UInt16(count))
        out.appendU16(UInt16(power * 16)) // searchRange
        out.appendU16(UInt16(log)) // entrySelector
        out.appendU16(UInt16(count * 16 - power * 16)) // rangeShift
        var offset = 12 + 16 * count
        var headOffset: Int?
        for tag in tags {
            let table = tables[tag]!
            out += Array(tag.utf8)
            out.appendU32(checksum(table))
            out.appendU32(UInt32(offset))
            out.appendU32(UInt32(table.count))
            if tag == "head" { headOffset = offset }
            offset += (table.count + 3) / 4 * 4
        }
        for tag in tags {
            out += tables[tag]!
            while out.count % 4 != 0 { out.append(0) }
        }
        if let headOffset { out.setU32(0xB1B0_AFBA &- checksum(out), at: headOffset + 8) }
        return out
    }

    /// The sum of the bytes as big-endian 32-bit words, zero-padded, modulo 2³².
    static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var sum: UInt32 = 0
        var word: UInt32 = 0
        var index = 0
        for byte in bytes {
            word = word << 8 | UInt32(byte)
            index += 1
            if index == 4 { sum = sum &+ word; word = 0; index = 0 }
        }
        if index > 0 { sum = sum &+ (word << (8 * UInt32(4 - index))) }
        return sum
    }

    /// "KQXZBA": six capital letters from the used glyphs. PDF requires a subset's name to
    /// carry a tag so that two different subsets of one font are never taken for each
    /// other; deriving it from the glyphs keeps the output the same for the same text.
    static func tag(for glyphs: Set<GlyphID>) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 // FNV-1a
        for glyph in glyphs.sorted() {
            for byte in [UInt8(glyph >> 8), UInt8(glyph & 0xFF)] {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        var letters = ""
        for _ in 0..<6 {
            letters.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(hash % 26)))
            hash /= 26
        }
        return letters
    }
}
