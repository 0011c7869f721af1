/// The `cmap` table: Unicode code point → glyph. Format 4 covers the Basic Multilingual
/// Plane; format 12 covers all of Unicode and, where a font has both, is a superset of 4, so
/// its entries win.
enum TrueTypeCmap {
    static func read(_ data: FontBytes, at cmap: Int, numGlyphs: Int) throws -> [UInt32: GlyphID] {
        var bmp: [UInt32: GlyphID] = [:]
        var full: [UInt32: GlyphID] = [:]
        var foundUnicode = false
        for index in 0..<Int(try data.u16(cmap + 2)) {
            let record = cmap + 4 + 8 * index
            let platform = try data.u16(record)
            let encoding = try data.u16(record + 2)
            // Unicode platform, or Windows with Unicode BMP (1) or full repertoire (10).
            guard platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10)) else { continue }
            let subtable = cmap + Int(try data.u32(record + 4))
            switch try data.u16(subtable) {
            case 4:
                try readFormat4(data, at: subtable, numGlyphs: numGlyphs, into: &bmp)
                foundUnicode = true
            case 12:
                try readFormat12(data, at: subtable, numGlyphs: numGlyphs, into: &full)
                foundUnicode = true
            default:
                continue
            }
        }
        guard foundUnicode else { throw TrueTypeError.noUnicodeCmap }
        return bmp.merging(full) { _, twelve in twelve }
    }

    /// Segments of code points, each with a delta or an offset into a glyph array.
    private static func readFormat4(_ data: FontBytes, at table: Int, numGlyphs: Int, into map: inout [UInt32: GlyphID]) throws {
        let segments = Int(try data.u16(table + 6)) / 2
        let ends = table + 14
        let starts = ends + 2 * segments + 2 // after the reserved pad
        let deltas = starts + 2 * segments
        let rangeOffsets = deltas + 2 * segments
        for segment in 0..<segments {
            let end = try data.u16(ends + 2 * segment)
            let start = try data.u16(starts + 2 * segment)
            let delta = try data.u16(deltas + 2 * segment)
            let rangeOffsetAt = rangeOffsets + 2 * segment
            let rangeOffset = Int(try data.u16(rangeOffsetAt))
            guard start <= end else { continue }
            for code in start...end where code != 0xFFFF {
                var glyph: UInt16
                if rangeOffset == 0 {
                    glyph = code &+ delta
                } else {
                    // The offset is relative to where it is stored (the spec's pointer trick).
                    glyph = try data.u16(rangeOffsetAt + rangeOffset + 2 * Int(code - start))
                    if glyph != 0 { glyph = glyph &+ delta }
                }
                if glyph != 0, Int(glyph) < numGlyphs { map[UInt32(code)] = glyph }
            }
        }
    }

    /// Groups of consecutive code points mapped to consecutive glyphs.
    private static func readFormat12(_ data: FontBytes, at table: Int, numGlyphs: Int, into map: inout [UInt32: GlyphID]) throws {
        let groups = Int(try data.u32(table + 12))
        for group in 0..<groups {
            let record = table + 16 + 12 * group
            let start = try data.u32(record)
            let end = try data.u32(record + 4)
            let firstGlyph = try data.u32(record + 8)
            // A group cannot map more code points than there are glyphs; a larger one is
            // damage, not a font, and would otherwise loop for a long time.
            guard start <= end, end <= 0x10FFFF, end - start < UInt32(numGlyphs) else { continue }
            for code in start...end {
                let glyph = firstGlyph + (code - start)
                if glyph != 0, glyph < UInt32(numGlyphs) { map[code] = GlyphID(glyph) }
            }
        }
    }
}
