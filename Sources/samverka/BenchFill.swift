import ArgumentParser
import Foundation
import SamverkaStore
import SamverkaWeb

struct BenchFill: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-fill", abstract: "Fill a database with synthetic data for benchmarks (bench/).")

    @OptionGroup var store: StoreOptions

    @Option var children = 100_000
    @Option(name: .customLong("audit-rows")) var auditRows = 1_000_000
    @Option var reports = 500_000
    @Option var investigations = 100_000
    @Option var consents = 0

    func run() async throws {
        let database = try await store.openStore()
        try await database.migrate()
        let hash = try await BcryptHasher().hash(SamverkaStore.BenchFill.password)
        let summary = try await SamverkaStore.BenchFill.run(database, children: children, auditRows: auditRows, passwordHash: hash, now: Date()) { print($0) }
        let childIDs = summary.firstChildID...summary.lastChildID
        var concern: SamverkaStore.BenchFill.ConcernSetup?
        if reports > 0 || investigations > 0 {
            concern = try await SamverkaStore.BenchFill.fillConcern(database, reports: reports, investigations: investigations,
                                                                    children: childIDs, passwordHash: hash, now: Date()) { print($0) }
        }
        if consents > 0 {
            try await SamverkaStore.BenchFill.fillConsents(database, consents: consents, children: childIDs, school: summary.schoolID, bench: summary.staffID,
                                                           concern: concern, now: Date()) { print($0) }
        }
        // The fill writes units and name words directly: derive the search table once.
        try await database.transaction { db in try await ChildQueries.rebuildSearch(db) }
        try await database.shutdown()
        print("children \(summary.firstChildID)-\(summary.lastChildID) user \(summary.username) password \(summary.password)")
    }
}
