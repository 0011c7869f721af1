import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Demo: two years of history for the statistics")
struct DemoHistoryTests {
    @Test("last year has a few hundred reports with every clock measured and some cells suppressed, and nothing of it on the intake queue")
    func history() async throws {
        try await TestDatabase.withStore { store in
            let now = Fixture.start
            #expect(try await DemoMunicipality.seed(store, passwordHash: "x", now: now))
            try await DemoMunicipality.seedCases(store, now: now)
            let queueBefore = try await store.withConnection { db in try await db.raw("SELECT COUNT(*) AS n FROM reports WHERE decided_at IS NULL").first()!.count() }
            try await DemoHistory.seed(store, now: now)
            let queueAfter = try await store.withConnection { db in try await db.raw("SELECT COUNT(*) AS n FROM reports WHERE decided_at IS NULL").first()!.count() }
            #expect(queueBefore == queueAfter)
            let lastYear = try #require(StatisticsPeriod.year(2025))
            let part = try await Modules.statistics(StatisticsQuery(period: lastYear, unitIDs: nil, now: now), store)
            let reports = part.tallies.filter { $0.table == .reportsByReporter }.reduce(0) { $0 + $1.count }
            #expect((250...400).contains(reports), "\(reports) reports")
            let report = StatisticsReport(period: lastYear, scope: "Hela kommunen", part, at: now)
            let clocks = try #require(report.sections.first { $0.key == .clocks }).clocks
            for label in [ClockKind.protectionAssessment.label, ClockKind.preAssessment.label, ClockKind.investigation.label] {
                let row = try #require(clocks.first { $0.label == label })
                #expect(row.share.hasSuffix("%") && row.median != StatisticsReport.hidden, "\(label): \(row)")
            }
            let cells = report.sections.flatMap(\.tables).flatMap { $0.rows.flatMap(\.cells) }
            #expect(cells.contains("<5") && cells.contains { Int($0).map { $0 >= 5 } == true })
            #expect(report.sections.first { $0.key == .clocks }!.lines[0].points.filter { $0.share.hasSuffix("%") }.count >= 6)
        }
    }
}
