import Logging
import NIOCore
import PostgresKit
import SQLKit

/// SQLKit's `SQLDatabase` over one PostgreSQL connection that runs each distinct statement
/// as a named prepared statement, so PostgreSQL parses and plans it once per connection
/// instead of once per request (planning was most of a joined query's time). The SQL and the
/// bindings are exactly those PostgresKit sends; what PostgresKit would bind through its
/// Codable fallback, and statements that are not queries (DDL, BEGIN, SET), go through
/// PostgresKit unnamed as before.
struct PreparedStatementDatabase: SQLDatabase {
    let pooled: PreparingPostgresConnection
    let logger: Logger

    var eventLoop: any EventLoop { pooled.eventLoop }
    var dialect: any SQLDialect { PostgresDialect() }
    var queryLogLevel: Logger.Level? { .trace }
    private var unnamed: some SQLDatabase { pooled.connection.sql(queryLogLevel: .trace) }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (sql, binds) = serialize(query)
        guard Self.isQuery(sql) else {
            if Self.changesSchema(sql) { pooled.schema.advance() }
            pooled.noteTransactionControl(sql)
            return try await unnamed.execute(sql: query, onRow)
        }
        guard let (bindings, types) = Self.bindings(binds) else { return try await unnamed.execute(sql: query, onRow) }
        let key = "\(pooled.schema.current)\u{0}\(sql)\u{0}" + types.map { String($0.rawValue) }.joined(separator: ",")
        guard let name = pooled.name(for: key) else { return try await unnamed.execute(sql: query, onRow) }
        logger.trace("Executing prepared statement", metadata: ["sql": .string(sql), "name": .string(name)])
        do {
            try await run(name: name, sql: sql, types: types, bindings: bindings, onRow)
        } catch {
            guard Self.mayBeInPreparation(error) else { throw error }
            pooled.forget(key)
            // Another instance changed the table under a prepared `SELECT *` (a rolling
            // upgrade's migration): outside a transaction, prepare it anew and run it once
            // more; inside one, `Store.transaction` runs the whole transaction again.
            guard Self.isStalePlan(error), !pooled.inTransaction, let fresh = pooled.name(for: key) else { throw error }
            try await run(name: fresh, sql: sql, types: types, bindings: bindings, onRow)
        }
    }

    private func run(name: String, sql: String, types: [PostgresDataType], bindings: PostgresBindings,
                     _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let statement = DynamicStatement.Text(name: name, sql: sql, types: types)
        try await DynamicStatement.$current.withValue(statement) {
            let rows = try await pooled.connection.execute(DynamicStatement(bindings: bindings), logger: logger)
            for try await row in rows { onRow(row.sql()) }
        }
    }

    /// SQLKit's older entry point; nothing in Samverka calls it, but the protocol asks for it.
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        unnamed.execute(sql: query, onRow)
    }

    /// Errors a statement's preparation can raise: syntax and unknown names (class 42), a
    /// cached plan whose result changed with the schema (0A000), a lost statement (26000).
    /// A constraint refusal (class 23) is the execution's and keeps the name.
    static func mayBeInPreparation(_ error: any Error) -> Bool {
        guard let state = (error as? PSQLError)?.serverInfo?[.sqlState] else { return true }
        return state.hasPrefix("42") || state == "0A000" || state == "26000"
    }

    /// "Cached plan must not change result type": the statement's table changed since it was
    /// prepared, by a statement this store did not run.
    static func isStalePlan(_ error: any Error) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState] == "0A000"
    }

    /// Queries are worth a plan; DDL, transaction control and settings are not.
    static func isQuery(_ sql: String) -> Bool { startsWith(["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"], sql) }

    static func changesSchema(_ sql: String) -> Bool { startsWith(["CREATE", "ALTER", "DROP"], sql) }

    private static func startsWith(_ keywords: [String], _ sql: String) -> Bool {
        let head = sql.drop { $0 == " " || $0 == "\n" || $0 == "\t" }.prefix(6).uppercased()
        return keywords.contains { head.hasPrefix($0) }
    }

    /// The bindings as PostgresKit makes them (NULL first, then the types that encode
    /// themselves), with their types for the preparation; nil when a value needs
    /// PostgresKit's slower paths.
    static func bindings(_ binds: [any Encodable & Sendable]) -> (PostgresBindings, [PostgresDataType])? {
        var bindings = PostgresBindings(capacity: binds.count)
        var types: [PostgresDataType] = []
        types.reserveCapacity(binds.count)
        for value in binds {
            if isNil(value) {
                bindings.appendNull()
                types.append(.null)
            } else if let value = value as? any PostgresThrowingDynamicTypeEncodable {
                guard (try? bindings.append(value, context: .default)) != nil else { return nil }
                types.append(value.psqlType)
            } else {
                return nil
            }
        }
        return (bindings, types)
    }

    private static func isNil<T: Encodable>(_ value: T) -> Bool { (value as Optional<Any>) == nil }
}
