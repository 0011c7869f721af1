/// The table directory of a TrueType file and the glyph outlines `loca` locates: the part of
/// reading a font that a subset (which has no `cmap`) shares with a whole font, so the tests
/// read the subset back the same way.
struct TrueTypeTables: Sendable {
    let data: FontBytes
    /// Table tag → the table's bytes in `data`.
    let ranges: [String: Range<Int>]

    init(bytes: [UInt8]) throws {
        let data = FontBytes(bytes: bytes)
        // 0x00010000 is TrueType outlines; "true" is the old Apple tag for the same.
        let version = try data.u32(0)
        guard version == 0x0001_0000 || version == 0x7472_7565 else { throw TrueTypeError.notTrueType }
        var ranges: [String: Range<Int>] = [:]
        for index in 0..<Int(try data.u16(4)) {
            let record = 12 + 16 * index
            let tag = String(decoding: try data.slice(record..<(record + 4)), as: UTF8.self)
            let offset = Int(try data.u32(record + 8))
            let length = Int(try data.u32(record + 12))
            guard offset + length <= bytes.count else { throw TrueTypeError.truncated(at: offset + length) }
            ranges[tag] = offset..<(offset + length)
        }
        self.data = data
        self.ranges = ranges
        // The subset rewrites head's checksum adjustment and loca format, which end at 54.
        guard try range("head").count >= 54 else { throw TrueTypeError.truncated(at: try offset("head") + 54) }
    }

    func range(_ tag: String) throws -> Range<Int> {
        guard let range = ranges[tag] else { throw TrueTypeError.missingTable(tag) }
        return range
    }

    func offset(_ tag: String) throws -> Int { try range(tag).lowerBound }

    /// maxp.numGlyphs.
    func numGlyphs() throws -> Int { Int(try data.u16(try offset("maxp") + 4)) }

    /// Where each glyph's outline lies in `data`. `loca` holds numGlyphs + 1 offsets into
    /// `glyf`, halved in the short format (head.indexToLocFormat 0); glyph i runs from offset
    /// i to offset i + 1. Checked against `glyf` here, so copying outlines cannot fail later.
    func outlines() throws -> [Range<Int>] {
        let count = try numGlyphs()
        let longOffsets = try data.i16(try offset("head") + 50) != 0
        let loca = try offset("loca"), glyf = try range("glyf")
        var offsets: [Int] = []
        offsets.reserveCapacity(count + 1)
        for index in 0...count {
            offsets.append(longOffsets ? Int(try data.u32(loca + 4 * index)) : Int(try data.u16(loca + 2 * index)) * 2)
        }
        return try (0..<count).map { index in
            let start = glyf.lowerBound + offsets[index], end = glyf.lowerBound + offsets[index + 1]
            guard start <= end, end <= glyf.upperBound else { throw TrueTypeError.truncated(at: end) }
            return start..<end
        }
    }
}
