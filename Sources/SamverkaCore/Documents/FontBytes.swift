/// Big-endian reads over the bytes of a font file. Every read is bounds-checked and throws,
/// so a truncated or damaged file is an error at load time rather than a crash while a
/// letter is printed.
struct FontBytes: Sendable {
    let bytes: [UInt8]

    func u8(_ offset: Int) throws -> UInt8 {
        guard offset >= 0, offset < bytes.count else { throw TrueTypeError.truncated(at: offset) }
        return bytes[offset]
    }

    func u16(_ offset: Int) throws -> UInt16 {
        UInt16(try u8(offset)) << 8 | UInt16(try u8(offset + 1))
    }

    func i16(_ offset: Int) throws -> Int16 { Int16(bitPattern: try u16(offset)) }

    func u32(_ offset: Int) throws -> UInt32 {
        UInt32(try u16(offset)) << 16 | UInt32(try u16(offset + 2))
    }

    func i32(_ offset: Int) throws -> Int32 { Int32(bitPattern: try u32(offset)) }

    func slice(_ range: Range<Int>) throws -> ArraySlice<UInt8> {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { throw TrueTypeError.truncated(at: range.upperBound) }
        return bytes[range]
    }
}

/// Appends big-endian values, for writing the subset font.
extension Array where Element == UInt8 {
    mutating func appendU16(_ value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(value & 0xFF))
    }

    mutating func appendU32(_ value: UInt32) {
        appendU16(UInt16(value >> 16))
        appendU16(UInt16(value & 0xFFFF))
    }

    mutating func setU16(_ value: UInt16, at offset: Int) {
        self[offset] = UInt8(value >> 8)
        self[offset + 1] = UInt8(value & 0xFF)
    }

    mutating func setU32(_ value: UInt32, at offset: Int) {
        setU16(UInt16(value >> 16), at: offset)
        setU16(UInt16(value & 0xFFFF), at: offset + 2)
    }
}

public enum TrueTypeError: Error, Sendable, Hashable {
    case notTrueType
    case missingTable(String)
    case truncated(at: Int)
    case noUnicodeCmap
}
