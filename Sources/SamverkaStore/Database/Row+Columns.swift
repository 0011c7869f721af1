import Foundation
import SQLKit

/// Short, typed column reads that behave the same on both engines (flags are integers).
extension SQLRow {
    func int64(_ column: String) throws -> Int64 { try decode(column: column, as: Int64.self) }
    // NULL checked first, then the plain type: decoding `T?` went through the slower generic
    // path of PostgresKit (conditional conformances), and lists decode thousands of cells.
    func optionalInt64(_ column: String) throws -> Int64? { try decodeNil(column: column) ? nil : try decode(column: column, as: Int64.self) }
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try decodeNil(column: column) ? nil : try decode(column: column, as: String.self) }
    func flag(_ column: String) throws -> Bool { try decode(column: column, as: Int64.self) != 0 }
    func date(_ column: String) throws -> Date { Date(timeIntervalSince1970: TimeInterval(try int64(column))) }
    func optionalDate(_ column: String) throws -> Date? { try optionalInt64(column).map { Date(timeIntervalSince1970: TimeInterval($0)) } }
}

extension Date {
    /// Times are stored as whole seconds since 1970 (UTC) on both engines.
    var epochSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
}

extension Bool {
    var flag: Int64 { self ? 1 : 0 }
}

extension SQLDatabase {
    /// INSERT … RETURNING id works on SQLite ≥ 3.35 and PostgreSQL alike.
    func insertReturningID(_ query: SQLQueryString) async throws -> Int64 {
        guard let row = try await raw(query + " RETURNING id").first() else { throw StoreError.notFound }
        return try row.int64("id")
    }
}
