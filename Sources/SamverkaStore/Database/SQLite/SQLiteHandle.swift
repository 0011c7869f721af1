import Foundation
import SQLiteNIO
import VaporCSQLite

/// One SQLite connection over SQLite's C API (the library SQLiteNIO builds in, so the SQLite
/// version and its compile options stay what they were). Statements are compiled once per
/// connection and kept (`StatementCache`) and run on the calling thread, which for the
/// store's reads and transactions is `SQLiteExecutor`'s. One task uses a handle at a time
/// (the pool hands it out), so the handle itself needs no lock.
final class SQLiteHandle: @unchecked Sendable {
    let raw: OpaquePointer
    let path: String
    private var statements = StatementCache()

    /// `readOnly`: the connection refuses every change (`query_only`), so a write that went
    /// past the write gate fails at once instead of waiting on the lock.
    init(path: String, readOnly: Bool) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard opened == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            if let handle { sqlite_nio_sqlite3_close(handle) }
            throw SQLiteFailure(code: opened, message: message, sql: "open \(path)")
        }
        self.raw = handle
        self.path = path
        // Foreign keys are off by default in SQLite; NORMAL sync is safe in WAL mode (a power
        // cut may lose the last commits, never corrupt the file; a killed process loses
        // nothing committed). No mmap_size: SQLite unmaps the whole mapping whenever another
        // connection has written, which with an audit row per page cost more than it saved.
        var pragmas = ["PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000", "PRAGMA synchronous = NORMAL"]
        if readOnly { pragmas.append("PRAGMA query_only = ON") }
        do {
            for pragma in pragmas { try execute(pragma, []) { _ in } }
        } catch {
            close()
            throw error
        }
    }

    /// Runs one statement (the first of `sql`) with its binds, handing each row to `onRow`.
    func execute(_ sql: String, _ binds: [any Encodable & Sendable], _ onRow: (SQLiteRowValues) throws -> Void) throws {
        let statement = try statements.statement(for: sql, on: raw)
        defer { sqlite_nio_sqlite3_reset(statement.raw) }
        for (index, value) in binds.enumerated() {
            let code = try SQLiteBinds.bind(value, at: Int32(index + 1), to: statement.raw)
            guard code == SQLITE_OK else { throw failure(code, sql) }
        }
        var columns: SQLiteColumns?
        while true {
            let code = sqlite_nio_sqlite3_step(statement.raw)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw failure(code, sql) }
            let names = columns ?? statement.columns()
            columns = names
            try onRow(SQLiteRowValues(statement: statement.raw, columns: names))
        }
    }

    private func failure(_ code: Int32, _ sql: String) -> SQLiteFailure {
        SQLiteFailure(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(raw)), sql: sql)
    }

    func close() {
        statements.finalizeAll()
        sqlite_nio_sqlite3_close(raw)
    }
}

/// An error from SQLite: its (extended) result code, its message and the statement.
struct SQLiteFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    let sql: String

    var description: String { "SQLite error \(code): \(message) (in \(sql))" }
}
