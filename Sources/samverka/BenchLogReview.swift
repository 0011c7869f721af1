import ArgumentParser
import Foundation
import SamverkaStore

struct BenchLogReview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-log-review",
        abstract: "Time the log review's background scan on a bench database (bench/logreview.sh).")

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("chunk-size")) var chunkSize: Int64 = 100_000
    @Flag(help: "Forget earlier scans first (bench databases only).") var fresh = false

    func run() async throws {
        let database = try await store.openStore()
        try await database.migrate()
        do {
            let figures = try await LogReviewScanBench.run(database, requestedBy: SamverkaStore.BenchFill.username, chunkSize: chunkSize, fresh: fresh) { say($0) }
            say(String(format: "scan: %.2f s, %d audit rows, %d new flags, %d steps", figures.seconds, figures.rows, figures.raised, figures.steps))
        } catch {
            try? await database.shutdown()
            throw error
        }
        try await database.shutdown()
    }
}
