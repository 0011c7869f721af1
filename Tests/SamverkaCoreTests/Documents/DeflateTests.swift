import Foundation
import Testing
@testable import SamverkaCore

@Suite("Deflate for font files")
struct DeflateTests {
    /// Compresses `input`, then inflates it with gzip, an independent implementation on every
    /// Debian machine: the DEFLATE data goes into a gzip member whose CRC and length gzip
    /// checks. A missing gzip fails the test.
    static func roundTrip(_ input: [UInt8]) async throws -> (zlib: [UInt8], inflated: [UInt8]) {
        let zlib = Deflate.zlib(input)
        var member: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF] + zlib.dropFirst(2).dropLast(4)
        for value in [crc32(input), UInt32(truncatingIfNeeded: input.count)] {
            member += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // Read while writing, so neither side waits on a full pipe.
        let reader = Task { stdout.fileHandleForReading.readDataToEndOfFile() }
        stdin.fileHandleForWriting.write(Data(member))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        let out = Array(await reader.value)
        #expect(process.terminationStatus == 0)
        return (zlib, out)
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    @Test func aSubsetFontInflatesToItselfAndShrinks() async throws {
        let font = TrueTypeSubset.bytes(of: TestFonts.regular, keeping: Set(TestFonts.regular.glyphs(in: "Łukasz Wiśniewski, Nguyễn Thị Ánh")))
        let (zlib, inflated) = try await Self.roundTrip(font)
        #expect(inflated == font)
        #expect(zlib.count < font.count / 2)
    }

    @Test(arguments: [0, 1, 2, 3, 257, 258, 259, 1000, 70_000])
    func runsAndEdgesOfTheMatchLengths(count: Int) async throws {
        let input = [UInt8](repeating: 0x41, count: count) + Array("slut".utf8)
        #expect(try await Self.roundTrip(input).inflated == input)
    }

    @Test func textAndNoiseInflateToThemselves() async throws {
        var noise: [UInt8] = []
        var state: UInt32 = 12345
        for _ in 0..<50_000 {
            state = state &* 1_103_515_245 &+ 12345 // a fixed sequence, so the test is the same every run
            noise.append(UInt8(state >> 24))
        }
        let text = Array(String(repeating: "Barnets röst: Elsa vill gå till skolan. ", count: 300).utf8)
        #expect(try await Self.roundTrip(noise).inflated == noise)
        #expect(try await Self.roundTrip(text).inflated == text)
        #expect(try await Self.roundTrip(noise + text + noise).inflated == noise + text + noise)
    }

    @Test func theZlibWrapper() {
        let zlib = Deflate.zlib(Array("Wikipedia".utf8))
        #expect(Array(zlib.prefix(2)) == [0x78, 0x01])
        #expect((0x78 * 256 + 0x01) % 31 == 0)
        #expect(Deflate.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Array(zlib.suffix(4)) == [0x11, 0xE6, 0x03, 0x98])
    }
}
