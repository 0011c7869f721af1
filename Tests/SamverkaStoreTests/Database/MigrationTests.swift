import SQLKit
import Testing
@testable import SamverkaStore

@Suite("Migrations")
struct MigrationTests {
    @Test("run from empty to latest, are recorded, and running again changes nothing")
    func fromEmptyToLatest() async throws {
        try await TestDatabase.withStore(migrate: false) { store in
            let applied = try await store.migrate()
            #expect(applied == Migrations.all.map(\.version))
            #expect(try await store.appliedMigrations() == Migrations.all.map(\.version))
            #expect(try await store.migrate().isEmpty)
            #expect(try await store.appliedMigrations().last == Store.latestMigration)
        }
    }

    @Test("the audit log refuses UPDATE and DELETE at the database")
    func auditLogIsAppendOnly() async throws {
        try await TestDatabase.withStore { store in
            try await store.transaction { db in
                try await AuditQueries.append(.init(staffID: nil, staffName: "test", action: .read, recordType: .child, reason: "test"), at: Fixture.start, db)
            }
            // On the writing connection, so it is the trigger that refuses (SQLite's readers
            // refuse every change on their own); the error names it.
            let update = await #expect(throws: (any Error).self) {
                try await store.singleStatement { db in try await db.raw("UPDATE audit_log SET reason = 'ändrad'").run() }
            }
            let delete = await #expect(throws: (any Error).self) {
                try await store.singleStatement { db in try await db.raw("DELETE FROM audit_log").run() }
            }
            for error in [update, delete] {
                #expect(error.map { Store.describe($0) }?.contains("append-only") == true)
            }
            let reasons = try await store.withConnection { db in try await db.raw("SELECT reason FROM audit_log").all().map { try $0.decode(column: "reason", as: String.self) } }
            #expect(reasons == ["test"])
        }
    }

    @Test("a failed transaction leaves nothing behind")
    func rollback() async throws {
        try await TestDatabase.withStore { store in
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await store.transaction { db in
                    try await AuditQueries.append(.init(staffID: nil, staffName: "x", action: .read, recordType: .child, reason: "x"), at: Fixture.start, db)
                    throw Boom()
                }
            }
            let count = try await store.withConnection { db in try await db.raw("SELECT COUNT(*) AS n FROM audit_log").first()!.decode(column: "n", as: Int64.self) }
            #expect(count == 0)
        }
    }
}
