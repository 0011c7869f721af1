import Foundation
import SQLKit
import SamverkaCore

/// The child a register extract is made about.
public struct ExtractSubject: Sendable {
    public let childID: RecordID
    /// Protected identity: no address and no relatives in the extract.
    public let protected: Bool

    static let protectedNote = RegistryExtractLabels.protectedNote
}

/// One section of a register extract and the tables it reads (so the coverage test can tell
/// when a table about a child is read by no section).
public struct ExtractSection: Sendable {
    public let tables: Set<String>
    let read: @Sendable (ExtractSubject, any SQLDatabase) async throws -> RegisterExtract.Section

    init(tables: Set<String>, read: @escaping @Sendable (ExtractSubject, any SQLDatabase) async throws -> RegisterExtract.Section) {
        self.tables = tables
        self.read = read
    }
}

/// Reading stored values into an extract's words.
enum ExtractValue {
    /// A stored code shown by its Swedish label (the code itself if unknown).
    static func label(_ row: any SQLRow, _ column: String, _ label: (String) -> String?) throws -> String {
        let raw = try row.string(column)
        return label(raw) ?? raw
    }

    static func time(_ row: any SQLRow, _ column: String) throws -> String? {
        try row.optionalDate(column).map(Stockholm.format)
    }
}
