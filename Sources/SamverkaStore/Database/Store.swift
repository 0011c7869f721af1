@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SamverkaCore

/// The one store: an SQLite file by default, PostgreSQL when a URL is given. Every query
/// is written once with bound parameters (SQLKit interpolation) and runs on both.
public final class Store: Sendable {
    public let engine: Engine
    private let pool: Pool
    private let logger: Logger
    private let writeGate = WriteGate()

    // The PostgreSQL pool is thread-safe (it locks internally) but not marked Sendable.
    private enum Pool: @unchecked Sendable {
        case sqlite(SQLiteConnections)
        case postgres(EventLoopGroupConnectionPool<PreparingPostgresSource>)
    }

    private init(engine: Engine, pool: Pool, logger: Logger) {
        self.engine = engine
        self.pool = pool
        self.logger = logger
    }

    /// Opens (and creates) an SQLite file in WAL mode with foreign keys and a busy timeout.
    /// `maxConnectionsPerEventLoop` scales the idle readers kept (four per core for each):
    /// a read that suspends holds its reader, so more are in use than threads run them.
    public static func sqlite(path: String, maxConnectionsPerEventLoop: Int = 4, logger: Logger = Logger(label: "samverka.store")) async throws -> Store {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let connections = try SQLiteConnections(path: path, idleReaders: 4 * maxConnectionsPerEventLoop * System.coreCount)
        return Store(engine: .sqlite, pool: .sqlite(connections), logger: logger)
    }

    /// Connects to PostgreSQL. `searchPath` lets tests use a schema of their own.
    public static func postgres(url: String, searchPath: [String]? = nil, maxConnectionsPerEventLoop: Int = 4, logger: Logger = Logger(label: "samverka.store")) async throws -> Store {
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = searchPath
        let pool = EventLoopGroupConnectionPool(
            source: PreparingPostgresSource(source: PostgresConnectionSource(sqlConfiguration: configuration)),
            maxConnectionsPerEventLoop: maxConnectionsPerEventLoop, pruneInterval: .seconds(60),
            logger: logger, on: MultiThreadedEventLoopGroup.singleton
        )
        return Store(engine: .postgres, pool: .postgres(pool), logger: logger)
    }

    /// Runs `body` on one connection in autocommit mode: for reads that write nothing.
    public func withConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch pool {
        case .sqlite(let connections):
            return try await connections.withReader { reader in try await body(SQLiteDriverDatabase(handle: reader, logger: logger)) }
        case .postgres(let pool):
            let connection = try await pool.requestConnection().get()
            defer { pool.releaseConnection(connection) }
            return try await body(PreparedStatementDatabase(pooled: connection, logger: logger))
        }
    }

    /// Runs `body` on one connection for a long read that writes nothing (the statistics'
    /// scans of a year). On PostgreSQL in a read-only transaction without JIT: these scans'
    /// estimated cost passes the JIT threshold, and compiling them took longer than running
    /// them (bench/README.md, 2026-12-02).
    public func withLongRead<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard engine == .postgres else { return try await withConnection(body) }
        return try await withConnection { db in
            try await transaction(on: db, begin: "BEGIN READ ONLY") { db in
                try await db.raw("SET LOCAL jit = off").run()
                return try await body(db)
            }
        }
    }

    /// Runs `body` in one transaction: all of it is saved, or none of it.
    /// SQLite takes the write lock at BEGIN (IMMEDIATE) so two writers wait for each other
    /// through the busy timeout instead of failing on a lock upgrade.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard engine == .sqlite else {
            return try await withConnection { db in
                // Another instance changed a table under one of this connection's prepared
                // statements: the transaction was rolled back and that statement forgotten, so
                // it runs again on the same connection (a few times: a body reads several tables).
                for _ in 0..<3 {
                    do { return try await transaction(on: db, begin: "BEGIN", body) } catch where PreparedStatementDatabase.isStalePlan(error) { continue }
                }
                return try await transaction(on: db, begin: "BEGIN", body)
            }
        }
        return try await withWriter { db in try await transaction(on: db, begin: "BEGIN IMMEDIATE", body) }
    }

    /// Runs one writing statement without BEGIN and COMMIT: a single statement is atomic on
    /// its own, and on SQLite this saves two of the three round trips of a transaction (the
    /// audit row of every read goes this way). Use `transaction` for more than one statement.
    public func singleStatement(_ body: @Sendable (any SQLDatabase) async throws -> Void) async throws {
        try await withWriter(body)
    }

    /// Runs `body` on the connection that writes: on SQLite the one writer, through the write
    /// gate (its readers refuse changes); on PostgreSQL any pooled connection.
    func withWriter<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard case .sqlite(let connections) = pool else { return try await withConnection(body) }
        return try await gated { try await SQLiteExecutor.run { try await body(SQLiteDriverDatabase(handle: connections.writer, logger: logger)) } }
    }

    /// SQLite writes take turns through the write gate (see `WriteGate`).
    private func gated<T: Sendable>(_ write: () async throws -> T) async throws -> T {
        await writeGate.acquire()
        do {
            let result = try await write()
            await writeGate.release()
            return result
        } catch {
            await writeGate.release()
            throw error
        }
    }

    /// One transaction on a connection the caller holds (the migrations keep theirs for
    /// the advisory lock).
    func transaction<T: Sendable>(on db: any SQLDatabase, begin: String, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await db.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            do { try await db.raw("ROLLBACK").run() } catch {
                logger.error("rollback failed", metadata: ["error": "\(Store.describe(error))"])
            }
            throw error
        }
    }

    public func shutdown() async throws {
        switch pool {
        case .sqlite(let connections): connections.close()
        case .postgres(let pool): try await pool.shutdownAsync()
        }
    }

    /// A consistent online copy of the SQLite database (VACUUM INTO reads one snapshot, so
    /// writers carry on). For PostgreSQL use pg_dump.
    public func backup(to path: String) async throws {
        guard engine == .sqlite else { throw StoreError.unsupported(OperatorMessages.postgresBackup) }
        if FileManager.default.fileExists(atPath: path) {
            throw StoreError.unsupported(OperatorMessages.fileExists(path))
        }
        guard case .sqlite(let connections) = pool else { return }
        // Its own connection: the readers refuse VACUUM INTO (query_only), and the writer
        // would keep every write waiting for the copy.
        let reader = try SQLiteHandle(path: connections.path, readOnly: false)
        defer { reader.close() }
        try await SQLiteExecutor.run { try await SQLiteDriverDatabase(handle: reader, logger: logger).raw("VACUUM INTO \(bind: path)").run() }
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case unsupported(String)
    case notFound
    case conflict(String)

    public var description: String {
        switch self {
        case .unsupported(let text), .conflict(let text): text
        case .notFound: "not found"
        }
    }
}
