import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Statement execution")
struct StatementCacheTests {
    @Test("a cached statement sees a changed schema: new columns, the same binds and types as before")
    func schemaChange() async throws {
        try await TestDatabase.withStore(migrate: false) { store in
            try await store.transaction { db in try await db.raw("CREATE TABLE probe (id BIGINT PRIMARY KEY, name TEXT)").run() }
            try await store.transaction { db in
                try await db.raw("INSERT INTO probe (id, name) VALUES (\(bind: Int64(1)), \(bind: "Åsa")), (\(bind: 2), \(bind: "")), (\(bind: Int64(3)), \(bind: String?.none))").run()
            }
            let read = { @Sendable () async throws -> [any SQLRow] in
                try await store.withConnection { db in try await db.raw("SELECT * FROM probe ORDER BY id").all() }
            }
            let before = try await read()
            #expect(before.first?.allColumns == ["id", "name"])
            #expect(try before.map { try $0.decode(column: "name", as: String?.self) } == ["Åsa", "", nil])
            #expect(try before[2].decodeNil(column: "name"))
            #expect(try before[0].decode(column: "id", as: Int.self) == 1)
            try await store.transaction { db in try await db.raw("ALTER TABLE probe ADD COLUMN note TEXT").run() }
            // Every pooled connection has the old statement cached; each must read the new shape.
            for _ in 0..<4 {
                let after = try await read()
                #expect(after.first?.allColumns == ["id", "name", "note"])
                #expect(after.first?.contains(column: "note") == true)
            }
        }
    }

    @Test("an error leaves the connection usable, and a refused statement is not half done")
    func errors() async throws {
        try await TestDatabase.withStore(migrate: false) { store in
            try await store.transaction { db in try await db.raw("CREATE TABLE probe (id BIGINT PRIMARY KEY)").run() }
            for _ in 0..<3 {
                await #expect(throws: (any Error).self) {
                    try await store.transaction { db in
                        try await db.raw("INSERT INTO probe (id) VALUES (\(bind: Int64(7)))").run()
                        try await db.raw("INSERT INTO probe (id) VALUES (\(bind: Int64(7)))").run()
                    }
                }
                await #expect(throws: (any Error).self) {
                    try await store.withConnection { db in try await db.raw("SELECT missing FROM probe").run() }
                }
            }
            let count = try await store.withConnection { db in try await db.raw("SELECT COUNT(*) AS n FROM probe").first()?.decode(column: "n", as: Int64.self) }
            #expect(count == 0)
        }
    }

    @Test("SQLite: reads refuse to write, so every write goes through the write gate")
    func readersRefuseWrites() async throws {
        guard TestDatabase.postgresURL == nil else { return }
        try await TestDatabase.withStore { store in
            await #expect(throws: (any Error).self) {
                try await store.withConnection { db in try await db.raw("DELETE FROM sessions").run() }
            }
            try await store.singleStatement { db in try await db.raw("DELETE FROM sessions").run() }
        }
    }

    @Test("PostgreSQL: a statement is prepared once per connection and reused")
    func preparedOnce() async throws {
        guard TestDatabase.postgresURL != nil else { return }
        try await TestDatabase.withStore { store in
            // One connection held throughout, so the view shows that connection's statements.
            let counts = try await store.withConnection { db in
                for id in 1...5 { _ = try await db.raw("SELECT id FROM units WHERE id = \(bind: Int64(id))").all() }
                return try await db.raw("""
                    SELECT COUNT(*) AS n FROM pg_prepared_statements WHERE statement LIKE 'SELECT id FROM units WHERE id = $1%'
                    """).first()?.decode(column: "n", as: Int64.self)
            }
            #expect(counts == 1)
        }
    }

    /// Two app instances over one PostgreSQL: a rolling upgrade's migration, run by the new
    /// instance, adds a column under a `SELECT *` the old instance has prepared ("cached plan
    /// must not change result type"). The old instance's next reads and transactions still
    /// answer, with the new shape.
    @Test("PostgreSQL: another instance changes a table under a prepared statement; reads and transactions still answer")
    func otherInstanceChangesSchema() async throws {
        guard let url = TestDatabase.postgresURL else { return }
        try await TestDatabase.withStore(migrate: false) { newer in
            let schema = try #require(try await newer.withConnection { db in try await db.raw("SELECT current_schema() AS s").first()?.decode(column: "s", as: String.self) })
            try await newer.transaction { db in try await db.raw("CREATE TABLE probe (id BIGINT PRIMARY KEY, name TEXT)").run() }
            try await newer.transaction { db in try await db.raw("INSERT INTO probe (id, name) VALUES (\(bind: Int64(1)), \(bind: "Åsa"))").run() }
            let older = try await Store.postgres(url: url, searchPath: [schema], maxConnectionsPerEventLoop: 1)
            do {
                let read: @Sendable (any SQLDatabase) async throws -> [String] = { db in
                    try await db.raw("SELECT * FROM probe WHERE id = \(bind: Int64(1))").all().first?.allColumns ?? []
                }
                for _ in 0..<3 {
                    #expect(try await older.withConnection(read) == ["id", "name"])
                    #expect(try await older.transaction(read) == ["id", "name"])
                }
                try await newer.transaction { db in try await db.raw("ALTER TABLE probe ADD COLUMN note TEXT").run() }
                for _ in 0..<3 {
                    #expect(try await older.withConnection(read) == ["id", "name", "note"])
                    #expect(try await older.transaction(read) == ["id", "name", "note"])
                }
                try await newer.transaction { db in try await db.raw("ALTER TABLE probe ADD COLUMN more TEXT").run() }
                for _ in 0..<3 { #expect(try await older.transaction(read) == ["id", "name", "note", "more"]) }
            } catch {
                try? await older.shutdown()
                throw error
            }
            try await older.shutdown()
        }
    }
}
