@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit
import SamverkaCore
import SQLiteNIO

/// The one store: an SQLite file by default, PostgreSQL when a URL is given. Every query
/// is written once with bound parameters (SQLKit interpolation) and runs on both.
public final class Store: Sendable {
    public let engine: Engine
    private let pool: Pool
    private let logger: Logger
    private let writeGate = WriteGate()

    // The pool is thread-safe (it locks internally) but not marked Sendable.
    private enum Pool: @unchecked Sendable {
        case sqlite(EventLoopGroupConnectionPool<SQLiteSource>)
        case postgres(EventLoopGroupConnectionPool<PostgresConnectionSource>)
    }

    private init(engine: Engine, pool: Pool, logger: Logger) {
        self.engine = engine
        self.pool = pool
        self.logger = logger
    }

    /// Opens (and creates) an SQLite file in WAL mode with foreign keys and a busy timeout.
    public static func sqlite(path: String, maxConnectionsPerEventLoop: Int = 4, logger: Logger = Logger(label: "samverka.store")) async throws -> Store {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let source = SQLiteSource(path: path)
        let pool = EventLoopGroupConnectionPool(
            source: source, maxConnectionsPerEventLoop: maxConnectionsPerEventLoop,
            pruneInterval: nil, logger: logger, on: MultiThreadedEventLoopGroup.singleton
        )
        let store = Store(engine: .sqlite, pool: .sqlite(pool), logger: logger)
        // journal_mode=WAL is a property of the file: set it once, with no other connection open.
        try await store.withConnection { db in try await db.raw("PRAGMA journal_mode=WAL").run() }
        return store
    }

    /// Connects to PostgreSQL. `searchPath` lets tests use a schema of their own.
    public static func postgres(url: String, searchPath: [String]? = nil, maxConnectionsPerEventLoop: Int = 4, logger: Logger = Logger(label: "samverka.store")) async throws -> Store {
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = searchPath
        let pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
            maxConnectionsPerEventLoop: maxConnectionsPerEventLoop, pruneInterval: .seconds(60),
            logger: logger, on: MultiThreadedEventLoopGroup.singleton
        )
        return Store(engine: .postgres, pool: .postgres(pool), logger: logger)
    }

    /// Runs `body` on one connection in autocommit mode: for reads that write nothing.
    public func withConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch pool {
        case .sqlite(let pool):
            let connection = try await pool.requestConnection().get()
            defer { pool.releaseConnection(connection) }
            return try await body(connection.sql(queryLogLevel: .trace))
        case .postgres(let pool):
            let connection = try await pool.requestConnection().get()
            defer { pool.releaseConnection(connection) }
            return try await body(connection.sql(queryLogLevel: .trace))
        }
    }

    /// Runs `body` in one transaction: all of it is saved, or none of it.
    /// SQLite takes the write lock at BEGIN (IMMEDIATE) so two writers wait for each other
    /// through the busy timeout instead of failing on a lock upgrade.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard engine == .sqlite else { return try await run(begin: "BEGIN", body) }
        return try await gated { try await run(begin: "BEGIN IMMEDIATE", body) }
    }

    /// Runs one writing statement without BEGIN and COMMIT: a single statement is atomic on
    /// its own, and on SQLite this saves two of the three round trips of a transaction (the
    /// audit row of every read goes this way). Use `transaction` for more than one statement.
    public func singleStatement(_ body: @Sendable (any SQLDatabase) async throws -> Void) async throws {
        guard engine == .sqlite else { return try await withConnection(body) }
        try await gated { try await withConnection(body) }
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

    private func run<T: Sendable>(begin: String, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection { db in try await transaction(on: db, begin: begin, body) }
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
        case .sqlite(let pool): try await pool.shutdownAsync()
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
        try await withConnection { db in try await db.raw("VACUUM INTO \(bind: path)").run() }
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

/// SQLite connections with the settings Samverka relies on, applied to every connection.
struct SQLiteSource: ConnectionPoolSource, Sendable {
    let path: String

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: .file(path: path), threadPool: .singleton, logger: logger, on: eventLoop)
            .flatMap { connection in
                // foreign keys are off by default in SQLite; NORMAL sync is safe in WAL mode
                // (a power cut may lose the last commits, never corrupt the file).
                // No mmap_size: SQLite unmaps the whole mapping whenever another connection
                // has written, which with an audit row per page cost more than it saved.
                let pragmas = ["PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000", "PRAGMA synchronous = NORMAL"]
                return pragmas.reduce(eventLoop.makeSucceededVoidFuture()) { chain, pragma in
                    chain.flatMap { connection.query(pragma).map { _ in } }
                }.map { connection }
            }
    }
}
