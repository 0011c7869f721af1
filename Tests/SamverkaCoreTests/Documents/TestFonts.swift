import Foundation
@testable import SamverkaCore

/// The fonts the product ships, read from the source tree (Core has no bundle and does no
/// file I/O; the tests may). Parsed once for all tests.
enum TestFonts {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/SamverkaWeb/Fonts")

    static func bytes(_ name: String) -> [UInt8] {
        // A missing file is a broken checkout: fail loudly rather than skip.
        Array(try! Data(contentsOf: folder.appendingPathComponent(name + ".ttf")))
    }

    static let regular = try! TrueTypeFont(bytes: bytes("DejaVuSans"))
    static let bold = try! TrueTypeFont(bytes: bytes("DejaVuSans-Bold"))
    static let dejaVu = PDFFonts(regular: regular, bold: bold)
}
