import Foundation
import NIOCore
import SQLKit
import SQLiteKit
import VaporCSQLite

/// One result row, its cells read out of SQLite when the row is stepped to. Integers and
/// text, nearly every cell the store reads, are returned without SQLKit's Codable path;
/// anything else goes through SQLiteKit's decoder as before.
struct SQLiteRowValues: SQLRow {
    let columns: SQLiteColumns
    let values: [SQLiteData]

    init(statement: OpaquePointer, columns: SQLiteColumns) {
        self.columns = columns
        values = (0..<Int32(columns.names.count)).map { Self.cell(statement, $0) }
    }

    private static func cell(_ statement: OpaquePointer, _ offset: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, offset) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, offset)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, offset))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, offset) else { return .text("") }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, offset))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, offset))
            guard let blob = sqlite_nio_sqlite3_column_blob(statement, offset), count > 0 else { return .blob(ByteBuffer()) }
            return .blob(ByteBuffer(bytes: UnsafeRawBufferPointer(start: blob, count: count)))
        default: return .null
        }
    }

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.index[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let offset = columns.index[column] else { return true }
        return values[Int(offset)] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let offset = columns.index[column] else { throw SQLiteMissingColumn(column: column) }
        let value = values[Int(offset)]
        switch value {
        case .integer(let number) where D.self == Int64.self: return unsafeBitCast(Int64(number), to: D.self)
        case .integer(let number) where D.self == Int.self: return unsafeBitCast(number, to: D.self)
        case .text(let text) where D.self == String.self: return unsafeBitCast(text, to: D.self)
        default: return try SQLiteDataDecoder().decode(D.self, from: value)
        }
    }
}

struct SQLiteMissingColumn: Error, CustomStringConvertible {
    let column: String
    var description: String { "no column \(column) in the row" }
}
