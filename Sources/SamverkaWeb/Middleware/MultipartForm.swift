import Foundation
import Hummingbird

/// A file sent in a multipart/form-data body.
struct UploadedFile: Sendable {
    var fileName: String
    var declaredType: String
    var content: [UInt8]
}

/// multipart/form-data bodies (RFC 7578): text fields and files. Small on purpose: the
/// only upload is a signed consent form, so no streaming is needed.
enum MultipartForm {
    struct Parsed {
        var fields: [String: String] = [:]
        var files: [String: UploadedFile] = [:]
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type, or nil.
    static func boundary(contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 70 ? nil : value
        }
        return nil
    }

    /// Parses the body; nil when it is not well-formed.
    static func parse(_ body: [UInt8], boundary: String) -> Parsed? {
        let delimiter = Array(("--" + boundary).utf8)
        var parsed = Parsed()
        var positions: [Int] = []
        var searchFrom = 0
        while let found = find(delimiter, in: body, from: searchFrom) {
            positions.append(found)
            searchFrom = found + delimiter.count
        }
        guard positions.count >= 2 else { return nil }
        for (start, end) in zip(positions, positions.dropFirst()) {
            // A part runs from after "--boundary\r\n" to before "\r\n--boundary".
            var partStart = start + delimiter.count
            guard partStart + 2 <= body.count, body[partStart] == 13, body[partStart + 1] == 10 else { return nil }
            partStart += 2
            var partEnd = end
            if partEnd >= 2, body[partEnd - 2] == 13, body[partEnd - 1] == 10 { partEnd -= 2 }
            guard partStart <= partEnd else { return nil }
            let part = Array(body[partStart..<partEnd])
            guard let headerEnd = find([13, 10, 13, 10], in: part, from: 0) else { return nil }
            let headerText = String(decoding: part[..<headerEnd], as: UTF8.self)
            let content = Array(part[(headerEnd + 4)...])
            var name: String?
            var fileName: String?
            var type = "application/octet-stream"
            for line in headerText.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = parameter("name", in: line)
                    fileName = parameter("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    type = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            guard let name, !name.isEmpty else { continue }
            if let fileName {
                // A file input left empty sends an empty part with an empty file name.
                if !fileName.isEmpty || !content.isEmpty {
                    parsed.files[name] = UploadedFile(fileName: fileName, declaredType: type, content: content)
                }
            } else {
                parsed.fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        return parsed
    }

    private static func parameter(_ key: String, in line: String) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let parts = piece.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            // Keep only the last path component some browsers send.
            return value.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? value
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
