import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Log review: automatic flags, verdicts, monthly sample, summary")
struct LogReviewServiceTests {
    static func flags(_ f: Fixture) async throws -> [ReviewFlagRecord] {
        try await f.store.withConnection { db in try await LogReviewQueries.open(limit: 1000, db) }
    }

    /// Asks for the automatic check as the reviewer and runs the background job to its end.
    static func scan(_ f: Fixture, chunkSize: Int64 = 100_000) async throws {
        try requireOK(await LogReviewService(store: f.store, clock: f.clock).requestScan(by: f.origin(f.logReviewer)))
        try await JobRunner(store: f.store, clock: f.clock, jobs: [LogReviewScanJob(engine: f.store.engine, chunkSize: chunkSize)]).runDue()
    }

    /// 2026-11-18 (Wednesday) at a Stockholm time.
    static func at(_ f: Fixture, day: Int = 18, _ hour: Int, _ minute: Int = 0) {
        f.clock.set(Stockholm.calendar.date(from: DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute))!)
    }

    @Test("a scan flags out-of-hours access and access without a case, never the own pupil in office hours, and raises nothing twice")
    func scan() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let review = LogReviewService(store: store, clock: f.clock)
            Self.at(f, 9)
            let own = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let other = try await f.registerChild(Numbers.make(2014, 4, 2), "Liv", "Al")
            _ = try requireOK(await f.registry.view(childID: own, by: f.origin(f.teacherA)))
            Self.at(f, 22)
            _ = try requireOK(await f.registry.view(childID: own, by: f.origin(f.teacherA)))
            // The next morning a teacher of another school uses emergency access.
            Self.at(f, day: 19, 9)
            let consents = ConsentService(store: store, clock: f.clock)
            _ = try requireOK(await consents.requestEmergencyAccess(identityNumber: Numbers.make(2014, 4, 2), reason: "Barnet har kommit till vår skola i dag", by: f.origin(f.teacherB)))
            _ = try requireOK(await f.registry.view(childID: other, by: f.origin(f.teacherB)))

            try requireDenied(await review.requestScan(by: f.origin(f.teacherA)))
            try await Self.scan(f)
            let flags = try await Self.flags(f)
            let outOfHours = flags.filter { $0.kind == .outOfHours }
            #expect(outOfHours.count == 1)
            #expect(outOfHours.first?.childID == own && outOfHours.first?.staffName == f.teacherA.displayName)
            let noCase = flags.filter { $0.kind == .noCase }
            #expect(noCase.map(\.childID) == [other])
            #expect(noCase.first?.staffName == f.teacherB.displayName)
            #expect(flags.contains { $0.kind == .emergencyAccess && $0.childID == other })
            let state = try await f.store.withConnection { db in try await LogReviewScanStateQueries.state(db) }
            #expect(state.lastRaised == outOfHours.count + noCase.count)
            // Scanning again raises nothing new.
            try await Self.scan(f)
            #expect(try await Self.flags(f).count == flags.count)
            #expect(try await f.store.withConnection { db in try await LogReviewScanStateQueries.state(db) }.lastRaised == 0)
            #expect(try await f.auditRows(type: .reviewScan).contains { $0.reason.contains("kontrollen klar") && $0.staffName == f.logReviewer.displayName })
        }
    }

    @Test("twenty children opened within the hour raise a many-children flag")
    func manyChildren() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            Self.at(f, 10)
            for day in 1...20 {
                _ = try await f.registerChild(Numbers.make(2013, 5, day), "Barn\(day)", "Ek")
                f.clock.advance(by: 60)
            }
            try await Self.scan(f)
            let many = try await Self.flags(f).filter { $0.kind == .manyChildren }
            #expect(many.count == 1)
            #expect(many.first?.staffName == f.teacherA.displayName)
        }
    }

    @Test("the reviewer marks a flag justified or not with a note, once; the open count follows")
    func verdicts() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let review = LogReviewService(store: store, clock: f.clock)
            Self.at(f, 21)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            _ = try requireOK(await f.registry.view(childID: child, by: f.origin(f.teacherA)))
            try await Self.scan(f)
            #expect(try await review.openCount(for: f.teacherA) == nil)
            let before = try #require(try await review.openCount(for: f.logReviewer))
            #expect(before >= 1)
            let overview = try requireOK(await review.overview(by: f.origin(f.logReviewer)))
            #expect(overview.openCount == before)
            let flag = try #require(overview.open.first)
            try requireDenied(await review.overview(by: f.origin(f.teacherA)))
            try requireDenied(await review.resolve(flagID: flag.id, justified: "yes", note: "Ok", by: f.origin(f.teacherA)))

            let missing = try requireInvalid(await review.resolve(flagID: flag.id, justified: "", note: "", by: f.origin(f.logReviewer)))
            #expect(missing["justified"] != nil && missing["note"] != nil)
            try requireOK(await review.resolve(flagID: flag.id, justified: "no", note: "Saknade tjänstebehov; taget med chefen.", by: f.origin(f.logReviewer)))
            let again = try requireInvalid(await review.resolve(flagID: flag.id, justified: "yes", note: "Ändrar mig", by: f.origin(f.logReviewer)))
            #expect(again["justified"] == "Flaggan är redan granskad.")
            #expect(try await review.openCount(for: f.logReviewer) == before - 1)
            let resolved = try requireOK(await review.overview(by: f.origin(f.logReviewer))).recentlyResolved
            #expect(resolved.first?.id == flag.id && resolved.first?.justified == false && resolved.first?.note == "Saknade tjänstebehov; taget med chefen.")
        }
    }

    @Test("the monthly sample is drawn once per month and unit, and the summary counts it without names")
    func sampleAndSummary() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let review = LogReviewService(store: store, clock: f.clock)
            Self.at(f, 9)
            var children: [RecordID] = []
            for day in 1...6 { children.append(try await f.registerChild(Numbers.make(2014, 6, day), "Barn\(day)", "Ek")) }
            children.append(try await f.registerChild(Numbers.make(2014, 7, 1), "Bo", "Berg", unit: f.schoolB, by: f.teacherB))
            Self.at(f, day: 19, 9)

            try requireInvalid(await review.drawSample(month: "2026-12", perUnit: "2", seed: 1, by: f.origin(f.logReviewer)))
            try requireInvalid(await review.drawSample(month: "2026-11", perUnit: "0", seed: 1, by: f.origin(f.logReviewer)))
            let drawn = try requireOK(await review.drawSample(month: "2026-11", perUnit: "2", seed: 99, by: f.origin(f.logReviewer)))
            // School A had six accesses (two sampled); school B one.
            #expect(drawn == 3)
            let samples = try await Self.flags(f).filter { $0.kind == .sample }
            #expect(samples.count == 3)
            #expect(samples.filter { $0.staffName == f.teacherB.displayName }.count == 1)
            let twice = try requireInvalid(await review.drawSample(month: "2026-11", perUnit: "2", seed: 5, by: f.origin(f.logReviewer)))
            #expect(twice["month"] == "Stickprovet för 2026-11 är redan draget.")

            try requireDenied(await review.summary(from: "2026-11-01", to: "2026-11-30", by: f.origin(f.teacherA)))
            let (name, csv) = try requireOK(await review.summary(from: "2026-11-01", to: "2026-11-19", by: f.origin(f.logReviewer)))
            #expect(name == "loggkontroll-2026-11-01-2026-11-19.csv")
            let lines = csv.components(separatedBy: "\r\n")
            #expect(lines.contains("2026-11-01–2026-11-19;Stickprov;3;0;0;0;3"))
            #expect(!csv.contains("Ek") && !csv.contains(f.teacherA.displayName))
            #expect(try await f.auditRows(type: .reviewSummary).first?.action == .export)
        }
    }

    @Test("a flag raised on a log reviewer goes to another reviewer: she cannot judge it herself")
    func ownFlag() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let review = LogReviewService(store: store, clock: f.clock)
            let other = try await store.transaction { db -> Actor in
                let id = try await OrganisationQueries.insertStaff(username: "logg2", displayName: "Annan Granskare", email: nil, passwordHash: "x", mustChangePassword: false, now: f.clock.now(), db)
                _ = try await OrganisationQueries.insertAssignment(staffID: id, role: .logReviewer, unitID: nil, now: f.clock.now(), db)
                try await ConsentQueries.raiseFlag(kind: ReviewFlagKind.noCase.rawValue, staffID: f.logReviewer.staffID, staffName: f.logReviewer.displayName, childID: nil,
                                                   detail: "Sökning på ett nummer", key: "own-flag-test", now: f.clock.now(), db)
                return try #require(try await OrganisationQueries.actor(staffID: id, db))
            }
            let flag = try #require(try await Self.flags(f).first)
            #expect(flag.staffID == f.logReviewer.staffID)
            let refused = try requireInvalid(await review.resolve(flagID: flag.id, justified: "yes", note: "Egen sökning", by: f.origin(f.logReviewer)))
            #expect(refused["justified"] == "En flagga på dig själv granskas av en annan loggranskare.")
            #expect(try await Self.flags(f).count == 1)
            try requireOK(await review.resolve(flagID: flag.id, justified: "yes", note: "Sökningen gällde ett eget ärende", by: f.origin(other)))
            #expect(try await Self.flags(f).isEmpty)
        }
    }
}
