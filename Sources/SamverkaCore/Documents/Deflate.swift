/// A small zlib (RFC 1950) / DEFLATE (RFC 1951) compressor for the embedded font files,
/// whose glyph location and width tables are mostly repetition. One block with the fixed
/// Huffman codes and greedy LZ77 matching: far simpler than a full zlib and enough for those
/// tables; any PDF reader inflates it (`/Filter /FlateDecode`). Core links no zlib.
enum Deflate {
    static func zlib(_ input: [UInt8]) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1) // BFINAL: the only block
        bits.write(1, count: 2) // BTYPE 01: fixed Huffman codes
        var position = 0
        var head = [Int](repeating: -1, count: 1 << hashBits)
        var previous = [Int](repeating: -1, count: input.count)
        func hash(_ at: Int) -> Int {
            (Int(input[at]) << 10 ^ Int(input[at + 1]) << 5 ^ Int(input[at + 2])) & ((1 << hashBits) - 1)
        }
        func remember(_ at: Int) {
            guard at + 2 < input.count else { return }
            let h = hash(at)
            previous[at] = head[h]
            head[h] = at
        }
        while position < input.count {
            var bestLength = 0, bestDistance = 0
            if position + 2 < input.count {
                var candidate = head[hash(position)]
                var tries = maxChain
                while candidate >= 0, position - candidate <= window, tries > 0 {
                    var length = 0
                    while length < maxMatch, position + length < input.count, input[candidate + length] == input[position + length] { length += 1 }
                    if length > bestLength { bestLength = length; bestDistance = position - candidate }
                    candidate = previous[candidate]
                    tries -= 1
                }
            }
            if bestLength >= 3 {
                bits.writeLength(bestLength)
                bits.writeDistance(bestDistance)
                for at in position..<(position + bestLength) { remember(at) }
                position += bestLength
            } else {
                bits.writeLiteral(Int(input[position]))
                remember(position)
                position += 1
            }
        }
        bits.writeLiteral(256) // end of block
        // CMF 0x78 (deflate, 32 KiB window), FLG 0x01 (no dictionary; the pair is a multiple of 31).
        var out: [UInt8] = [0x78, 0x01] + bits.finish()
        out.appendU32(adler32(input))
        return out
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    private static let hashBits = 15
    private static let window = 32768
    private static let maxMatch = 258
    /// How many earlier places with the same three bytes are tried: enough for the tables'
    /// regular patterns while keeping the time per PDF small.
    private static let maxChain = 16

    static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
}

/// DEFLATE's bit order: values go in least significant bit first, Huffman codes most
/// significant bit first.
private struct BitWriter {
    private var bytes: [UInt8] = []
    private var buffer: UInt32 = 0
    private var filled: UInt32 = 0

    mutating func write(_ value: Int, count: Int) {
        buffer |= UInt32(value) << filled
        filled += UInt32(count)
        while filled >= 8 {
            bytes.append(UInt8(buffer & 0xFF))
            buffer >>= 8
            filled -= 8
        }
    }

    /// The bytes, the last one padded with zero bits.
    mutating func finish() -> [UInt8] {
        if filled > 0 { bytes.append(UInt8(buffer & 0xFF)) }
        buffer = 0
        filled = 0
        return bytes
    }

    /// A Huffman code of `length` bits, reversed into the stream's order.
    mutating func writeCode(_ code: Int, length: Int) {
        var reversed = 0
        for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
        write(reversed, count: length)
    }

    /// The fixed literal/length code (RFC 1951, 3.2.6).
    mutating func writeLiteral(_ symbol: Int) {
        switch symbol {
        case 0...143: writeCode(0x30 + symbol, length: 8)
        case 144...255: writeCode(0x190 + symbol - 144, length: 9)
        case 256...279: writeCode(symbol - 256, length: 7)
        default: writeCode(0xC0 + symbol - 280, length: 8)
        }
    }

    mutating func writeLength(_ length: Int) {
        let index = Deflate.lengthBases.lastIndex { $0 <= length }!
        writeLiteral(257 + index)
        write(length - Deflate.lengthBases[index], count: Deflate.lengthExtraBits[index])
    }

    mutating func writeDistance(_ distance: Int) {
        let index = Deflate.distanceBases.lastIndex { $0 <= distance }!
        writeCode(index, length: 5)
        write(distance - Deflate.distanceBases[index], count: Deflate.distanceExtraBits[index])
    }
}
