import Foundation
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Backup")
struct BackupTests {
    @Test("an online SQLite backup is a complete, openable copy and never overwrites a file")
    func backup() async throws {
        guard TestDatabase.postgresURL == nil else { return }  // pg_dump's job on PostgreSQL
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            _ = try await f.registerChild(Numbers.make(2016, 6, 6), "Kopia", "Säkerhetsson")
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID().uuidString).sqlite").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await store.backup(to: path)
            await #expect(throws: StoreError.self) { try await store.backup(to: path) }
            let copy = try await Store.sqlite(path: path)
            let names = try await copy.withConnection { db in
                try await db.raw("SELECT family_name FROM children").all().map { try $0.decode(column: "family_name", as: String.self) }
            }
            #expect(names == ["Säkerhetsson"])
            #expect(try await copy.appliedMigrations() == Migrations.all.map(\.version))
            try await copy.shutdown()
        }
    }
}
