import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

/// The statistics the database groups (clocks by Stockholm day and minute) against figures
/// worked out by hand, across the end of summer time (25 October 2026, a day of 25 hours) and
/// a month boundary; the scopes; the door and the export row. Both engines.
@Suite("Statistics: the store's figures, scopes and the audited door")
struct StatisticsStoreTests {
    /// Stockholm wall-clock time.
    static func local(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) -> Date {
        Stockholm.calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min))!
    }

    /// Files a report at `received`, confirms it and records the protection assessment at
    /// `protection`, and decides it at `decided` (not opened), each at its own time.
    static func report(_ f: Fixture, child: RecordID, received: Date, protection: Date?, decided: Date?) async throws {
        f.clock.set(received)
        let id = try await f.fileReport(child: child)
        guard let protection else { return }
        f.clock.set(protection)
        try requireOK(await f.reports.handle(reportID: id, step: .confirmReceipt, by: f.origin(f.intakeOfficer)))
        try requireOK(await f.reports.handle(reportID: id, step: .protectionAssessment(immediateProtectionNeeded: false, f.decision(by: f.intakeOfficer, "Inget akut skyddsbehov.")),
                                             by: f.origin(f.intakeOfficer)))
        guard let decided else { return }
        f.clock.set(decided)
        try requireOK(await f.reports.decide(reportID: id, outcome: PreAssessmentOutcome.notOpened.rawValue, date: f.todayISO,
                                             reasons: "Oron är utredd av skolan och hemmet.", caseOfficer: "", by: f.origin(f.intakeOfficer)))
    }

    /// Four reports: three in October (one received on the night summer time ends), one on
    /// 1 November just after midnight.
    static func fill(_ f: Fixture) async throws -> RecordID {
        let child = try await f.registerChild(Numbers.make(2015, 5, 5), "Alva", "Berg", unit: f.schoolA)
        // 24 October 10:00 (UTC+2) → 25 October 10:00 (UTC+1): the same wall-clock time, 25 real hours: late.
        // Decided 7 November 23:00: the 14th day, on time.
        try await report(f, child: child, received: local(2026, 10, 24, 10), protection: local(2026, 10, 25, 10), decided: local(2026, 11, 7, 23))
        // 25 October 01:30 (UTC+2) → 26 October 00:30 (UTC+1): exactly 24 hours: on time. Decided 9 November 00:30: 15 days, late.
        try await report(f, child: child, received: local(2026, 10, 25, 1, 30), protection: local(2026, 10, 26, 0, 30), decided: local(2026, 11, 9, 0, 30))
        // 31 October 23:30, assessed 2 hours later (in November); never decided: overdue by 18 November.
        try await report(f, child: child, received: local(2026, 10, 31, 23, 30), protection: local(2026, 11, 1, 1, 30), decided: nil)
        // 1 November 00:30: November's.
        try await report(f, child: child, received: local(2026, 11, 1, 0, 30), protection: local(2026, 11, 1, 2), decided: nil)
        f.clock.set(Fixture.start)
        return child
    }

    @Test("the 24-hour and 14-day clocks of October, by hand: real hours across the DST change, Stockholm days across the month's end")
    func clocksByHand() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            _ = try await Self.fill(f)
            let october = try #require(StatisticsPeriod.month(2026, 10))
            let part = try await Modules.statistics(StatisticsQuery(period: october, unitIDs: nil, now: Fixture.start), store)
            let protection = ClockFigures(kind: .protectionAssessment, samples: part.clocks, at: Fixture.start)
            #expect(protection.started == 3 && protection.metOnTime == 2 && protection.metLate == 1 && protection.overdue == 0)
            #expect(protection.median == ClockTime(value: 24, unit: .hours))
            #expect(protection.percentile90 == ClockTime(value: 25, unit: .hours))
            let pre = ClockFigures(kind: .preAssessment, samples: part.clocks, at: Fixture.start)
            #expect(pre.started == 3 && pre.metOnTime == 1 && pre.metLate == 1 && pre.overdue == 1 && pre.running == 0)
            #expect(pre.median == ClockTime(value: 14.5, unit: .days) && pre.percentile90 == ClockTime(value: 15, unit: .days))
            #expect(part.receipts.reduce(0) { $0 + $1.count } == 3 && part.receiptsWaiting == 0)
            let report = StatisticsReport(period: october, scope: "Hela kommunen", part, at: Fixture.start)
            let byMonth = try #require(report.sections.flatMap(\.tables).first { $0.key == .reportsByMonth })
            #expect(byMonth.rows.map(\.label) == ["oktober 2026"] && byMonth.rows[0].cells == ["<5", "0"])

            let november = try #require(StatisticsPeriod.month(2026, 11))
            let later = try await Modules.statistics(StatisticsQuery(period: november, unitIDs: nil, now: Fixture.start), store)
            let novemberProtection = ClockFigures(kind: .protectionAssessment, samples: later.clocks, at: Fixture.start)
            #expect(novemberProtection.started == 1 && novemberProtection.metOnTime == 1 && novemberProtection.median == ClockTime(value: 1.5, unit: .hours))
        }
    }

    @Test("a unit's scope counts the reports from or to its units only; a side's its units")
    func scopes() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            _ = try await Self.fill(f)
            let autumn = try #require(StatisticsPeriod.term(2026, spring: false))
            func reports(_ units: Set<RecordID>?) async throws -> Int {
                let part = try await Modules.statistics(StatisticsQuery(period: autumn, unitIDs: units, now: Fixture.start), store)
                return part.tallies.filter { $0.table == .reportsByReporter }.reduce(0) { $0 + $1.count }
            }
            #expect(try await reports(nil) == 4)
            #expect(try await reports([f.schoolA]) == 4)
            #expect(try await reports([f.schoolB]) == 0)
            #expect(try await reports([f.intake]) == 4)
            #expect(try await reports([]) == 0)
        }
    }

    @Test("a teacher gets no statistics; a principal sees their unit only, and every view is an export in the log")
    func door() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            _ = try await Self.fill(f)
            let service = StatisticsService(store: store, clock: f.clock)
            let year = StatisticsPeriod.year(2026)
            guard case .denied = try await service.statistics(period: year, scope: nil, format: .page, by: f.origin(f.teacherA)) else {
                Issue.record("a teacher must get no statistics"); return
            }
            guard case .denied = try await service.statistics(period: year, scope: .municipality, format: .page, by: f.origin(s.principalA)) else {
                Issue.record("a principal must not see the whole municipality"); return
            }
            guard case .denied = try await service.statistics(period: year, scope: .units([f.schoolB]), format: .page, by: f.origin(s.principalA)) else {
                Issue.record("a principal must not see another school"); return
            }
            let view = try requireOK(await service.statistics(period: year, scope: nil, format: .csv, by: f.origin(s.principalA)))
            #expect(view.scope == .units([f.schoolA]) && view.choices.map(\.key) == ["enheter-\(f.schoolA)"])
            #expect(view.report.scope == "Skola A")
            let exports = try await f.auditRows(type: .statistics).filter { $0.action == .export }
            #expect(exports.count == 1 && exports[0].reason.contains("CSV") && exports[0].reason.contains("Skola A"))
            let refusals = try await f.auditRows(type: .statistics).filter { $0.action == .accessDenied }
            #expect(refusals.count == 3)
        }
    }
}
