/// Validation messages keyed by form field name, shown next to the field.
public struct FieldErrors: Sendable, Hashable, Error {
    public private(set) var messages: [String: String] = [:]
    /// Fields in the order their messages were added: validators check a form top to bottom,
    /// so an error summary in this order follows the form.
    public private(set) var fields: [String] = []

    public init() {}

    public var isEmpty: Bool { messages.isEmpty }

    public subscript(field: String) -> String? {
        get { messages[field] }
        set {
            if newValue == nil { fields.removeAll { $0 == field } } else if messages[field] == nil { fields.append(field) }
            messages[field] = newValue
        }
    }

    /// Adds another set of messages; a field keeps its first message.
    public mutating func merge(_ other: FieldErrors) {
        for field in other.fields { if let message = other.messages[field] { add(field, message) } }
    }

    /// Equal when the messages are: the order is for showing, not for meaning.
    public static func == (lhs: FieldErrors, rhs: FieldErrors) -> Bool { lhs.messages == rhs.messages }
    public func hash(into hasher: inout Hasher) { hasher.combine(messages) }

    /// Keeps the first message for a field.
    public mutating func add(_ field: String, _ message: String) {
        if messages[field] == nil {
            messages[field] = message
            fields.append(field)
        }
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
