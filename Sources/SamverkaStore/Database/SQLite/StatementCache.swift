import Foundation
import VaporCSQLite

/// A connection's compiled statements, keyed by their SQL text: compiling was a large part
/// of a page's SQLite time (bench/README.md), and a page's statements repeat on every request. The store's queries
/// are a few hundred distinct texts, so the bound only stops a query built with literals
/// (none should be) from growing the cache without end: when full it starts again.
struct StatementCache {
    static let limit = 512
    private var entries: [String: CachedStatement] = [:]

    mutating func statement(for sql: String, on connection: OpaquePointer) throws -> CachedStatement {
        if let cached = entries[sql] { return cached }
        var raw: OpaquePointer?
        let code = sqlite_nio_sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard code == SQLITE_OK, let raw else {
            throw SQLiteFailure(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(connection)), sql: sql)
        }
        if entries.count >= Self.limit { finalizeAll() }
        let statement = CachedStatement(raw: raw)
        entries[sql] = statement
        return statement
    }

    mutating func finalizeAll() {
        for entry in entries.values { sqlite_nio_sqlite3_finalize(entry.raw) }
        entries = [:]
    }
}

/// A compiled statement and the names of its result columns, read once and checked on each
/// run (a schema change recompiles the statement inside SQLite and may change them).
final class CachedStatement {
    let raw: OpaquePointer
    private var known: SQLiteColumns?

    init(raw: OpaquePointer) { self.raw = raw }

    func columns() -> SQLiteColumns {
        if let known, known.matches(raw) { return known }
        let fresh = SQLiteColumns(raw)
        known = fresh
        return fresh
    }
}

/// Result column names and where each is; shared by every row of a statement.
final class SQLiteColumns: @unchecked Sendable {
    let names: [String]
    /// The first column of each name, as SQLite's own lookups and SQLiteNIO's took it.
    let index: [String: Int32]

    init(_ statement: OpaquePointer) {
        let count = sqlite_nio_sqlite3_column_count(statement)
        names = (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
        var index: [String: Int32] = [:]
        for (offset, name) in names.enumerated() where index[name] == nil { index[name] = Int32(offset) }
        self.index = index
    }

    func matches(_ statement: OpaquePointer) -> Bool {
        guard sqlite_nio_sqlite3_column_count(statement) == Int32(names.count) else { return false }
        for (offset, name) in names.enumerated() {
            guard let current = sqlite_nio_sqlite3_column_name(statement, Int32(offset)) else { return false }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(current).assumingMemoryBound(to: UInt8.self), count: strlen(current))
            guard name.utf8.elementsEqual(bytes) else { return false }
        }
        return true
    }
}
