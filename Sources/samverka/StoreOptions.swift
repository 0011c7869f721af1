import ArgumentParser
import Foundation
import Logging
import SamverkaStore

/// Where the data lives: an SQLite file in the data folder, or PostgreSQL by URL.
struct StoreOptions: ParsableArguments {
    @Option(help: "Folder for the SQLite file and anything else Samverka stores on disk (env SAMVERKA_DATA).")
    var data: String?

    @Option(name: .customLong("database-url"), help: "PostgreSQL URL, e.g. postgres://user:pw@127.0.0.1:5432/samverka (env SAMVERKA_DATABASE_URL).")
    var databaseURL: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (env SAMVERKA_LOG_LEVEL).")
    var logLevel: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var dataFolder: String { data ?? environment["SAMVERKA_DATA"] ?? "./data" }
    var sqlitePath: String { URL(fileURLWithPath: dataFolder).appendingPathComponent("samverka.sqlite").path }
    var postgresURL: String? { (databaseURL ?? environment["SAMVERKA_DATABASE_URL"]).flatMap { $0.isEmpty ? nil : $0 } }

    func logger(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = (logLevel ?? environment["SAMVERKA_LOG_LEVEL"]).flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }

    func openStore() async throws -> Store {
        let logger = logger("samverka.store")
        if let url = postgresURL { return try await Store.postgres(url: url, logger: logger) }
        return try await Store.sqlite(path: sqlitePath, logger: logger)
    }

    var description: String { postgresURL != nil ? "PostgreSQL" : "SQLite \(sqlitePath)" }
}

/// Runs a command's start-up; when it fails, the operator reads the real cause (the
/// database's own message) on standard error, not the driver's generic description.
/// `closing` is shut down first (a pool dropped open traps, which would bury the message).
func reportingFailure<T>(_ what: String, closing store: Store? = nil, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ValidationError {
        try? await store?.shutdown()
        throw error
    } catch let error as ExitCode {
        try? await store?.shutdown()
        throw error
    } catch {
        FileHandle.standardError.write(Data("\(what): \(Store.describe(error))\n".utf8))
        try? await store?.shutdown()
        throw ExitCode.failure
    }
}
