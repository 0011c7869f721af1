import Foundation
import SQLKit

/// A numbered schema change. Migrations are never edited once released: add a new one.
struct Migration: Sendable {
    let version: Int
    let name: String
    let statements: @Sendable (Engine) -> [String]
}

extension Store {
    /// Applies every migration not yet recorded, each in its own transaction, and records it.
    /// On PostgreSQL an advisory lock keeps two instances starting together from racing.
    @discardableResult
    public func migrate(now: Date = Date()) async throws -> [Int] {
        try await withConnection { db in
            try await db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)").run()
        }
        var applied: [Int] = []
        for migration in Migrations.all {
            let ran = try await transaction { [engine] db in
                if engine == .postgres {
                    try await db.raw("SELECT pg_advisory_xact_lock(7306) AS locked").run()
                }
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
    static let all: [Migration] = [foundation, concern, consent, logReview, collaboration, search, workListIndexes, registrySides, guardianNoticeLift]
}
