import Foundation
import SQLiteKit
import VaporCSQLite

/// Binds SQLKit's parameters to a statement. Integers and text, nearly every parameter,
/// are bound directly; anything else (optionals, flags, data) is converted by SQLiteKit's
/// encoder, so every value binds as it did through SQLiteKit.
enum SQLiteBinds {
    /// SQLite copies the value before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    static func bind(_ value: any Encodable & Sendable, at index: Int32, to statement: OpaquePointer) throws -> Int32 {
        switch value {
        case let number as Int64: return sqlite_nio_sqlite3_bind_int64(statement, index, number)
        case let number as Int: return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
        case let text as String: return bindText(text, at: index, to: statement)
        default: return try bind(SQLiteDataEncoder().encode(value), at: index, to: statement)
        }
    }

    private static func bind(_ data: SQLiteData, at index: Int32, to statement: OpaquePointer) -> Int32 {
        switch data {
        case .integer(let number): return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
        case .float(let number): return sqlite_nio_sqlite3_bind_double(statement, index, number)
        case .text(let text): return bindText(text, at: index, to: statement)
        case .blob(let buffer):
            return buffer.withUnsafeReadableBytes {
                guard let base = $0.baseAddress, !$0.isEmpty else { return sqlite_nio_sqlite3_bind_zeroblob(statement, index, 0) }
                return sqlite_nio_sqlite3_bind_blob64(statement, index, base, UInt64($0.count), transient)
            }
        case .null: return sqlite_nio_sqlite3_bind_null(statement, index)
        }
    }

    private static func bindText(_ text: String, at index: Int32, to statement: OpaquePointer) -> Int32 {
        var text = text
        return text.withUTF8 {
            // A nil pointer would bind NULL: an empty text stays an empty text.
            guard let base = $0.baseAddress, !$0.isEmpty else {
                return sqlite_nio_sqlite3_bind_text64(statement, index, "", 0, transient, UInt8(SQLITE_UTF8))
            }
            return sqlite_nio_sqlite3_bind_text64(statement, index, base, UInt64($0.count), transient, UInt8(SQLITE_UTF8))
        }
    }
}
