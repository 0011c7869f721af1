import Foundation
import SQLKit
import SamverkaCore

/// A numbered schema change. Migrations are never edited once released: add a new one.
struct Migration: Sendable {
    let version: Int
    let name: String
    /// On SQLite the migration rebuilds tables others refer to (create, copy, drop, rename):
    /// it runs with foreign keys off, and checks them before it commits.
    var rebuildsTables = false
    let statements: @Sendable (Engine) -> [String]
}

extension Store {
    /// Applies every migration not yet recorded, each in its own transaction, and records it.
    /// On PostgreSQL the whole run holds a session advisory lock on one connection (the
    /// schema table is created under it too), so instances starting together on an empty
    /// database take turns: the second finds everything applied. The lock is keyed by the
    /// schema, so instances on other schemas (the tests) do not wait for each other.
    @discardableResult
    /// `through`: stop after this version (tests bring a database to an old schema, fill it, then migrate on).
    public func migrate(now: Date = Date(), through last: Int = .max) async throws -> [Int] {
        guard engine == .postgres else {
            // One process serves an SQLite file; its transactions take the write lock.
            return try await applyMigrations(now: now, through: last) { migration, body in
                migration?.rebuildsTables == true ? try await self.withoutForeignKeys(body) : try await self.transaction(body)
            }
        }
        return try await withConnection { db in
            try await db.raw("SELECT pg_advisory_lock(\(bind: Self.migrationLockKey), hashtext(COALESCE(current_schema(), ''))) AS locked").run()
            do {
                let applied = try await applyMigrations(now: now, through: last) { _, body in try await self.transaction(on: db, begin: "BEGIN", body) }
                try await db.raw("SELECT pg_advisory_unlock(\(bind: Self.migrationLockKey), hashtext(COALESCE(current_schema(), ''))) AS unlocked").run()
                return applied
            } catch {
                // Closing the connection would free the lock too; unlock so the pool can reuse it.
                _ = try? await db.raw("SELECT pg_advisory_unlock(\(bind: Self.migrationLockKey), hashtext(COALESCE(current_schema(), ''))) AS unlocked").run()
                throw error
            }
        }
    }

    /// The first half of the advisory-lock key of migrations (the second is the schema).
    static let migrationLockKey: Int32 = 7306

    /// SQLite's procedure for rebuilding a table: foreign keys can only be switched off
    /// outside a transaction, on the connection that runs it; before committing, every
    /// reference must still hold.
    private func withoutForeignKeys(_ body: @Sendable (any SQLDatabase) async throws -> Bool) async throws -> Bool {
        try await withWriter { db in
            try await db.raw("PRAGMA foreign_keys = OFF").run()
            do {
                let result = try await transaction(on: db, begin: "BEGIN IMMEDIATE") { db in
                    let result = try await body(db)
                    if try await db.raw("PRAGMA foreign_key_check").first() != nil {
                        throw StoreError.unsupported(OperatorMessages.migrationBrokeReference)
                    }
                    return result
                }
                try await db.raw("PRAGMA foreign_keys = ON").run()
                return result
            } catch {
                try? await db.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
        }
    }

    private func applyMigrations(now: Date, through last: Int, _ transaction: (Migration?, @Sendable (any SQLDatabase) async throws -> Bool) async throws -> Bool) async throws -> [Int] {
        _ = try await transaction(nil) { db in
            try await db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)").run()
            return true
        }
        var applied: [Int] = []
        for migration in Migrations.all where migration.version <= last {
            let ran = try await transaction(migration) { [engine] db in
                let existing = try await db.raw("SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)").first()
                guard existing == nil else { return false }
                for statement in migration.statements(engine) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw("INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Int64(now.timeIntervalSince1970)))").run()
                return true
            }
            if ran { applied.append(migration.version) }
        }
        return applied
    }

    /// The versions recorded as applied, in order.
    public func appliedMigrations() async throws -> [Int] {
        try await withConnection { db in
            try await db.raw("SELECT version FROM schema_migrations ORDER BY version").all().map { try $0.decode(column: "version", as: Int.self) }
        }
    }

    public static var latestMigration: Int { Migrations.all.last!.version }
}

enum Migrations {
    /// Every module's migrations in version order (each module lists its own).
    static let all: [Migration] = Modules.all.flatMap(\.migrations).sorted { $0.version < $1.version }
}
