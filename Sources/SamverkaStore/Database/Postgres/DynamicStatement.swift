import Logging
import PostgresNIO

/// PostgresNIO prepares and caches a statement per connection by the name its
/// `PostgresPreparedStatement` type gives, and reads the name, the SQL and the parameter
/// types from the type itself, at the start of `execute`. The store's statements are known
/// only at run time, so the one type reads them from a task-local value that the caller
/// sets around `execute` (`PreparedStatementDatabase`).
struct DynamicStatement: PostgresPreparedStatement {
    struct Text: Sendable {
        let name: String
        let sql: String
        let types: [PostgresDataType]
    }

    @TaskLocal static var current = Text(name: "", sql: "", types: [])

    static var name: String { current.name }
    static var sql: String { current.sql }
    static var bindingDataTypes: [PostgresDataType] { current.types }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}
