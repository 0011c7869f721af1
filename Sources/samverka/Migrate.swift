import ArgumentParser
import SamverkaStore

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let database = try await reportingFailure("Migreringen misslyckades") { try await store.openStore() }
        let applied = try await reportingFailure("Migreringen misslyckades", closing: database) { try await database.migrate() }
        print(applied.isEmpty ? "Databasen är redan uppdaterad (version \(Store.latestMigration))." : "Migreringar körda: \(applied.map(String.init).joined(separator: ", ")).")
        try await database.shutdown()
    }
}

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a consistent copy of the SQLite database while it runs.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The file to write (must not exist).")
    var file: String

    func run() async throws {
        guard store.postgresURL == nil else {
            throw ValidationError("Säkerhetskopiera PostgreSQL med pg_dump.")
        }
        let database = try await store.openStore()
        try await database.backup(to: file)
        try await database.shutdown()
        print("Säkerhetskopia skriven till \(file).")
    }
}
