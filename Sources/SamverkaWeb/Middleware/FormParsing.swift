import Foundation
import Hummingbird

/// application/x-www-form-urlencoded bodies as a dictionary (last value wins; checkboxes
/// are present or absent).
enum URLEncodedForm {
    static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if !key.isEmpty { result[key] = value }
        }
        return result
    }

    private static func decode(_ part: Substring) -> String {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}

extension Request {
    /// Reads and parses a form body (at most 256 kB).
    mutating func form() async throws -> [String: String] {
        let buffer = try await collectBody(upTo: 256 * 1024)
        return URLEncodedForm.parse(String(buffer: buffer))
    }
}
