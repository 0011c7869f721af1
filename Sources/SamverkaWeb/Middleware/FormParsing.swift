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
    /// The query string decoded the way a GET form sends it ("+" is a space, "%2B" a plus),
    /// which `uri.queryParameters` does not do.
    var formQuery: [String: String] { URLEncodedForm.parse(uri.query ?? "") }

    /// Forms carry at most 256 kB of text; an upload at most the signed-form limit.
    static let maxFormBytes = 256 * 1024
    static let maxUploadBytes = 11 * 1024 * 1024
    /// A body from someone not signed in (the sign-in form, the public e-service) gets
    /// far less: nobody can make the server hold megabytes without an account. The
    /// e-service's longest text (8000 characters) still fits in any script: a four-byte
    /// character is twelve bytes percent-encoded, 96 kB in all.
    static let maxAnonymousBytes = 128 * 1024

    private var multipartBoundary: String? { MultipartForm.boundary(contentType: headers[.contentType]) }

    /// Reads and parses a form body, URL-encoded or multipart (its text fields).
    mutating func form(limit: Int? = nil) async throws -> [String: String] {
        try await formWithFiles(limit: limit).fields
    }

    /// The text fields and the files of a form. The body is collected once and kept, so
    /// the CSRF check and the handler can both read it.
    /// `limit` lowers the size limits (bodies from people not signed in); too large a body
    /// throws `NIOTooManyBytesError`, which the error page answers with 413.
    mutating func formWithFiles(limit: Int? = nil) async throws -> (fields: [String: String], files: [String: UploadedFile]) {
        if let boundary = multipartBoundary {
            let buffer = try await collectBody(upTo: min(limit ?? .max, Self.maxUploadBytes))
            guard let parsed = MultipartForm.parse(Array(buffer: buffer), boundary: boundary) else { throw HTTPError(.badRequest) }
            return (parsed.fields, parsed.files)
        }
        let buffer = try await collectBody(upTo: min(limit ?? .max, Self.maxFormBytes))
        return (URLEncodedForm.parse(String(buffer: buffer)), [:])
    }
}
