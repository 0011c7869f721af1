import Foundation
import Logging
import SQLKit
import Testing
@testable import SamverkaStore

@Suite("Migrations: instances starting together, and the cause of a failure")
struct ConcurrentMigrationTests {
    /// Several app instances started together on an empty PostgreSQL schema: every one
    /// succeeds, each migration runs exactly once. Rounds on fresh schemas, since a race
    /// need not show the first time.
    @Test("instances migrating one fresh PostgreSQL schema together all succeed", .enabled(if: TestDatabase.postgresURL != nil))
    func concurrentInstances() async throws {
        let url = try #require(TestDatabase.postgresURL)
        var logger = Logger(label: "test.migrate")
        logger.logLevel = .critical
        await TestDatabase.postgresGate.acquire()
        let admin = try await Store.postgres(url: url, maxConnectionsPerEventLoop: 1, logger: logger)
        do {
            for _ in 0..<3 {
                let schema = "m_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
                try await admin.withConnection { db in try await db.raw(SQLQueryString("CREATE SCHEMA \(schema)")).run() }
                var instances: [Store] = []
                for _ in 0..<4 { instances.append(try await Store.postgres(url: url, searchPath: [String(schema)], maxConnectionsPerEventLoop: 1, logger: logger)) }
                let results = await withTaskGroup(of: Result<[Int], any Error>.self) { group in
                    for store in instances {
                        group.addTask { do { return .success(try await store.migrate()) } catch { return .failure(error) } }
                    }
                    var all: [Result<[Int], any Error>] = []
                    for await result in group { all.append(result) }
                    return all
                }
                for store in instances { try await store.shutdown() }
                for case .failure(let error) in results { Issue.record("an instance failed: \(Store.describe(error))") }
                let applied = results.compactMap { try? $0.get() }.flatMap { $0 }
                #expect(applied.sorted() == Migrations.all.map(\.version), "each migration once, by one of the instances")
                try await admin.withConnection { db in try await db.raw(SQLQueryString("DROP SCHEMA \(schema) CASCADE")).run() }
            }
        } catch {
            try? await admin.shutdown()
            await TestDatabase.postgresGate.release()
            throw error
        }
        try await admin.shutdown()
        await TestDatabase.postgresGate.release()
    }

    @Test("a failure is described with the database's own message, not the driver's generic text")
    func describesTheCause() async throws {
        try await TestDatabase.withStore { store in
            do {
                try await store.withConnection { db in try await db.raw("SELECT * FROM no_such_table_here").run() }
                Issue.record("the query did not fail")
            } catch {
                let text = Store.describe(error)
                #expect(text.contains("no_such_table_here"), "\(text)")
                #expect(!text.contains("Generic description"), "\(text)")
                if store.engine == .postgres {
                    // The server's message and its SQLSTATE (42P01: undefined table).
                    #expect(text.contains("does not exist") && text.contains("42P01"), "\(text)")
                }
            }
        }
    }
}
