@preconcurrency import AsyncKit
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresKit

/// PostgreSQL connections that remember which statements they have prepared.
struct PreparingPostgresSource: ConnectionPoolSource {
    let source: PostgresConnectionSource
    let schema = SchemaGeneration()

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<PreparingPostgresConnection> {
        source.makeConnection(logger: logger, on: eventLoop).map { [schema] in PreparingPostgresConnection(connection: $0, schema: schema) }
    }
}

/// Counts the schema changes this store has made. A prepared `SELECT *` fails once its
/// table has changed ("cached plan must not change result type"), so statements prepared
/// before a change are not used after it: the generation is part of their key.
final class SchemaGeneration: Sendable {
    private let value = NIOLockedValueBox(0)
    var current: Int { value.withLockedValue { $0 } }
    func advance() { value.withLockedValue { $0 += 1 } }
}

/// A pooled connection and the names of its prepared statements, by SQL text and parameter
/// types. One request uses a connection at a time; the lock only makes that safe to state.
final class PreparingPostgresConnection: ConnectionPoolItem, Sendable {
    let connection: PostgresConnection
    let schema: SchemaGeneration
    private let names = NIOLockedValueBox(PreparedNames())

    init(connection: PostgresConnection, schema: SchemaGeneration) {
        self.connection = connection
        self.schema = schema
    }

    var eventLoop: any EventLoop { connection.eventLoop }
    var isClosed: Bool { connection.isClosed }
    func close() -> EventLoopFuture<Void> { connection.close() }

    /// The name to execute `key` under; nil once the connection has prepared its share.
    func name(for key: String) -> String? { names.withLockedValue { $0.name(for: key) } }

    /// A statement that failed may have failed in its preparation (a table not made yet,
    /// say), which PostgresNIO keeps with the name: the next use gets a new one.
    func forget(_ key: String) { names.withLockedValue { $0.forget(key) } }

    /// Whether the connection is inside BEGIN … COMMIT/ROLLBACK: a failed statement there has
    /// aborted the transaction, so it cannot simply be run again.
    var inTransaction: Bool { transactionOpen.withLockedValue { $0 } }
    private let transactionOpen = NIOLockedValueBox(false)

    func noteTransactionControl(_ sql: String) {
        let head = sql.drop { $0 == " " || $0 == "\n" }.prefix(8).uppercased()
        if head.hasPrefix("BEGIN") || head.hasPrefix("START") { transactionOpen.withLockedValue { $0 = true } }
        if head.hasPrefix("COMMIT") || head.hasPrefix("ROLLBACK") || head.hasPrefix("END") { transactionOpen.withLockedValue { $0 = false } }
    }
}

/// PostgresNIO keeps every statement prepared on a connection for the connection's life,
/// so the bound is on the names given out: past it, new statements run unnamed, as before.
/// Samverka runs a few hundred distinct statements.
struct PreparedNames {
    static let limit = 1_000
    private var byKey: [String: String] = [:]
    private(set) var issued = 0

    mutating func name(for key: String) -> String? {
        if let name = byKey[key] { return name }
        guard issued < Self.limit else { return nil }
        issued += 1
        let name = "samverka_\(issued)"
        byKey[key] = name
        return name
    }

    mutating func forget(_ key: String) { byKey[key] = nil }
}
