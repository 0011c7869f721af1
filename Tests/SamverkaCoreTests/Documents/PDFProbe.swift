import Foundation
@testable import SamverkaCore

/// Reads back what the writer produced: enough of PDF to check the structure, and poppler's
/// pdftotext and pdffonts (installed in CI) to read it as a viewer does.
enum PDFProbe {
    /// Byte for byte as text (Latin-1), so offsets and contents can be searched.
    static func text(_ bytes: [UInt8]) -> String { String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })) }

    /// How a string in `font` shows inside a content stream: its glyphs as a hex string.
    static func shown(_ text: String, font: PDFFont = .regular, fonts: PDFFonts = TestFonts.dejaVu) -> String {
        "<" + fonts[font].glyphs(in: text).map(PDFEmbeddedFont.hex).joined() + ">"
    }

    static func startxref(_ bytes: [UInt8]) -> Int? {
        let t = text(bytes)
        guard let r = t.range(of: "startxref\n", options: .backwards) else { return nil }
        return Int(t[r.upperBound...].prefix { $0.isNumber })
    }

    /// The offsets in the cross-reference table, object 1 first.
    static func xrefOffsets(_ bytes: [UInt8]) -> [Int] {
        guard let start = startxref(bytes) else { return [] }
        let lines = text(Array(bytes[start...])).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "xref", let count = lines[1].split(separator: " ").last.flatMap({ Int($0) }) else { return [] }
        return lines[3..<(2 + count)].map { Int($0.prefix(10))! }
    }

    /// Every stream's declared /Length and its actual byte count (one scalar per byte, so
    /// binary font data counts right).
    static func streamLengths(_ bytes: [UInt8]) -> [(declared: Int, actual: Int)] {
        let t = text(bytes)
        var result: [(Int, Int)] = []
        var search = t.startIndex
        while let l = t.range(of: "/Length ", range: search..<t.endIndex) {
            let declared = Int(t[l.upperBound...].prefix { $0.isNumber })!
            let s = t.range(of: ">>\nstream\n", range: l.upperBound..<t.endIndex)!
            let e = t.range(of: "\nendstream", range: s.upperBound..<t.endIndex)!
            result.append((declared, t.unicodeScalars.distance(from: s.upperBound, to: e.lowerBound)))
            search = e.upperBound
        }
        return result
    }

    struct ToolResult {
        var output: String
        var errors: String
    }

    /// Runs a poppler tool on the PDF written to a temporary file. A missing tool fails the
    /// test (CI installs poppler-utils), it is never skipped.
    static func run(_ tool: String, _ arguments: [String], on pdf: [UInt8]) throws -> ToolResult {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("samverka-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        process.arguments = arguments.map { $0 == "{}" ? file.path : $0 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ToolFailure(tool: tool, message: String(decoding: err, as: UTF8.self)) }
        return ToolResult(output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    struct ToolFailure: Error { var tool: String; var message: String }

    /// What pdftotext reads, with every run of white space as one space, so a sentence that
    /// wrapped onto two lines is still found as one.
    static func extractedText(_ pdf: [UInt8]) throws -> String {
        let result = try run("pdftotext", ["-enc", "UTF-8", "{}", "-"], on: pdf)
        return result.output.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
