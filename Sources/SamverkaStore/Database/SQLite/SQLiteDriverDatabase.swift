import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// SQLKit's `SQLDatabase` over one `SQLiteHandle`: queries are serialized with SQLite's
/// dialect, as before, and run at once on the calling thread with the handle's cached
/// statement. Only the pool's holder of the handle uses it, one statement after another.
struct SQLiteDriverDatabase: SQLDatabase {
    let handle: SQLiteHandle
    let logger: Logger

    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try run(query, onRow)
    }

    /// SQLKit's older entry point; nothing in Samverka calls it, but the protocol asks for it.
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        let loop = eventLoop
        do {
            try run(query, onRow)
            return loop.makeSucceededVoidFuture()
        } catch {
            return loop.makeFailedFuture(error)
        }
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> ()) throws {
        let (sql, binds) = serialize(query)
        if logger.logLevel <= .trace { logger.trace("\(sql) \(binds)") }
        try handle.execute(sql, binds) { onRow($0) }
    }
}
