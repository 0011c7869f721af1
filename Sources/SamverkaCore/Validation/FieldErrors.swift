/// Validation messages keyed by form field name, shown next to the field.
public struct FieldErrors: Sendable, Hashable, Error {
    public private(set) var messages: [String: String] = [:]

    public init() {}

    public var isEmpty: Bool { messages.isEmpty }

    public subscript(field: String) -> String? {
        get { messages[field] }
        set { messages[field] = newValue }
    }

    /// Adds another set of messages; a field keeps its first message.
    public mutating func merge(_ other: FieldErrors) {
        for (field, message) in other.messages.sorted(by: { $0.key < $1.key }) { add(field, message) }
    }

    /// Keeps the first message for a field.
    public mutating func add(_ field: String, _ message: String) {
        if messages[field] == nil { messages[field] = message }
    }
}

/// Shared checks for free-text fields.
public enum TextRules {
    public static func trimmed(_ value: String?) -> String {
        (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Required single-line text with a maximum length.
    public static func required(_ value: String?, field: String, label: String, max: Int, into errors: inout FieldErrors) -> String {
        let text = trimmed(value)
        if text.isEmpty {
            errors.add(field, "Fyll i \(label.lowercased()).")
        } else if text.count > max {
            errors.add(field, "\(label) får vara högst \(max) tecken.")
        } else if text.contains(where: { $0.isNewline }) {
            errors.add(field, "\(label) ska stå på en rad.")
        }
        return text
    }

    /// Optional single-line text; nil when empty.
    public static func optional(_ value: String?, field: String, label: String, max: Int, into errors: inout FieldErrors) -> String? {
        let text = trimmed(value)
        if text.isEmpty { return nil }
        if text.count > max {
            errors.add(field, "\(label) får vara högst \(max) tecken.")
        } else if text.contains(where: { $0.isNewline }) {
            errors.add(field, "\(label) ska stå på en rad.")
        }
        return text
    }
}

import Foundation
