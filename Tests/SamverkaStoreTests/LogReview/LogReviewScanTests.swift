import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

/// The set-based, incremental log review scan as a background job (issue 16).
@Suite("Log review: the incremental background scan and its connected check")
struct LogReviewScanTests {
    /// A flag as stored, every column that says what it is.
    struct StoredFlag: Hashable, CustomStringConvertible {
        var kind, key, detail: String
        var staffID: RecordID?, childID: RecordID?, at: Int64, auditID: RecordID?
        var description: String { "\(key) \(at) \(auditID ?? 0) \(detail)" }
    }

    static let scanKinds = [ReviewFlagKind.outOfHours, .manyChildren, .noCase].map(\.rawValue)

    static func storedFlags(_ store: Store) async throws -> Set<StoredFlag> {
        try await store.withConnection { db in
            Set(try await db.raw("SELECT * FROM review_flags WHERE kind IN (\(binds: scanKinds))").all().map { row in
                StoredFlag(kind: try row.string("kind"), key: try row.string("dedupe_key"), detail: try row.string("detail"), staffID: try row.optionalInt64("staff_id"),
                           childID: try row.optionalInt64("child_id"), at: try row.int64("at"), auditID: try row.optionalInt64("audit_id"))
            })
        }
    }

    /// What the scan raised before issue 16: the rules over every access, and the
    /// connected check asked once per person and child.
    static func perPairFlags(_ store: Store) async throws -> Set<StoredFlag> {
        try await store.withConnection { db in
            let entries = try await LogReviewQueries.childAccesses(from: Date(timeIntervalSince1970: 0), until: Date(timeIntervalSince1970: 4_000_000_000), db)
            var connected = Set<LogReviewRules.Pair>()
            for pair in Set(entries.map { LogReviewRules.Pair(staffID: $0.staffID, childID: $0.childID) }) {
                if try await LogReviewQueries.isConnected(pair, db) { connected.insert(pair) }
            }
            let flags = LogReviewRules.outOfHours(entries) + LogReviewRules.manyChildren(entries) + LogReviewRules.noCase(entries, connected: connected)
            return Set(flags.map {
                StoredFlag(kind: $0.kind.rawValue, key: $0.key, detail: $0.detail, staffID: $0.staffID, childID: $0.childID, at: $0.at.epochSeconds, auditID: $0.auditID)
            })
        }
    }

    static func read(_ f: Fixture, _ actor: Actor, child: RecordID, at: Date) async throws {
        try await f.store.transaction { db in
            try await AuditQueries.append(AuditEvent(staffID: actor.staffID, staffName: actor.displayName, action: .read, childID: child, recordType: .child,
                                                     recordID: String(child), reason: "Test"), at: at, db)
        }
    }

    static func runner(_ f: Fixture, chunkSize: Int64 = 100_000, owner: String = UUID().uuidString) -> JobRunner {
        JobRunner(store: f.store, clock: f.clock, owner: owner, jobs: [LogReviewScanJob(engine: f.store.engine, chunkSize: chunkSize)])
    }

    static func request(_ f: Fixture) async throws {
        try requireOK(await LogReviewService(store: f.store, clock: f.clock).requestScan(by: f.origin(f.logReviewer)))
    }

    static func state(_ f: Fixture) async throws -> LogReviewScanState {
        try await f.store.withConnection { db in try await LogReviewScanStateQueries.state(db) }
    }

    static func stockholm(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        Stockholm.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    /// A child at school B (teacher B's), whom teacher A has no connection to.
    static func otherSchoolChild(_ f: Fixture, _ month: Int = 1) async throws -> RecordID {
        try await f.registerChild(Numbers.make(2014, month, 2), "Liv", "Al", unit: f.schoolB, by: f.teacherB)
    }

    static func insertCase(_ f: Fixture, child: RecordID, owner: Actor, staff: [RecordID] = []) async throws -> RecordID {
        try await f.store.transaction { db in
            let id = try await db.insertReturningID("""
                INSERT INTO collaboration_cases (child_id, reason, known_on, opened_by, opened_by_name, opened_at, owner_id, owner_name, participants)
                VALUES (\(bind: child), 'Frånvaro', '2026-11-18', \(bind: f.admin.staffID), 'Admin', \(bind: f.clock.now().epochSeconds),
                  \(bind: owner.staffID), \(bind: owner.displayName), '[]')
                """)
            for s in staff { try await db.raw("INSERT INTO case_staff (case_id, staff_id) VALUES (\(bind: id), \(bind: s))").run() }
            return id
        }
    }

    @Test("a collaboration case's process owner who reads the child is not flagged for no case; a stranger is")
    func caseOwnerIsConnected() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let child = try await Self.otherSchoolChild(f)
            let stranger = try await f.registerChild(Numbers.make(2014, 2, 3), "Bo", "Berg", unit: f.schoolB, by: f.teacherB)
            // The owner only (no case_staff row): the case table itself connects her.
            _ = try await Self.insertCase(f, child: child, owner: f.teacherA)
            try await Self.read(f, f.teacherA, child: child, at: Self.stockholm(2026, 11, 18, 10))
            try await Self.read(f, f.teacherA, child: stranger, at: Self.stockholm(2026, 11, 18, 10, 5))
            try await Self.request(f)
            try await Self.runner(f).runDue()
            let noCase = try await Self.storedFlags(store).filter { $0.kind == ReviewFlagKind.noCase.rawValue && $0.staffID == f.teacherA.staffID }
            #expect(noCase.map(\.childID) == [stranger])
        }
    }

    @Test("each subject area's clause connects a person: case staff, a sibling in the case, a meeting's booker and action owner")
    func connectedClauses() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let child = try await Self.otherSchoolChild(f)
            let sibling = try await f.registerChild(Numbers.make(2016, 3, 4), "Ask", "Al", unit: f.schoolB, by: f.teacherB)
            func connected(_ actor: Actor, _ child: RecordID) async throws -> Bool {
                try await store.withConnection { db in try await LogReviewQueries.isConnected(.init(staffID: actor.staffID, childID: child), db) }
            }
            #expect(try await !connected(f.teacherA, child))
            #expect(try await !connected(f.intakeOfficer, child))
            #expect(try await connected(f.teacherB, child))
            let caseID = try await Self.insertCase(f, child: child, owner: f.teacherB, staff: [f.teacherA.staffID])
            try await store.transaction { db in try await db.raw("INSERT INTO case_siblings (case_id, child_id) VALUES (\(bind: caseID), \(bind: sibling))").run() }
            #expect(try await connected(f.teacherA, child))
            #expect(try await connected(f.teacherA, sibling))
            #expect(try await !connected(f.intakeOfficer, child))
            try await store.transaction { db in
                let meeting = try await db.insertReturningID("""
                    INSERT INTO meetings (context_kind, context_id, case_id, child_id, type_key, type_definition, meeting_date, start_time, end_time, participants, consent_ids,
                      child_attendance_decided, booked_by, booked_by_name, booked_at)
                    VALUES ('collaboration-case', \(bind: caseID), \(bind: caseID), \(bind: child), 'x', '{}', '2026-11-20', '09:00', '10:00', '[]', '[]', 1, \(bind: f.intakeOfficer.staffID), 'M', 0)
                    """)
                try await db.raw("INSERT INTO meeting_children (meeting_id, child_id) VALUES (\(bind: meeting), \(bind: child))").run()
                try await db.raw("""
                    INSERT INTO meeting_actions (meeting_id, case_id, what, responsible_staff_id, responsible_name, due_on, created_at)
                    VALUES (\(bind: meeting), \(bind: caseID), 'Ring', \(bind: f.admin.staffID), 'A', '2026-12-01', 0)
                    """).run()
            }
            #expect(try await connected(f.intakeOfficer, child))
            #expect(try await connected(f.admin, child))
            #expect(ConnectedClause.all.map(\.name).contains("case-staff"))
        }
    }

    /// Accesses over five days around the end of summer time (Sunday 2026-10-25), at all
    /// hours, by four people, to children some of them are connected to, with a burst.
    static func fillMixedLog(_ f: Fixture) async throws -> [RecordID] {
        f.clock.set(Self.stockholm(2026, 10, 22, 8))
        var children: [RecordID] = []
        for day in 1...14 { children.append(try await f.registerChild(Numbers.make(2013, 4, day), "A\(day)", "Ek")) }
        for day in 1...14 { children.append(try await f.registerChild(Numbers.make(2013, 6, day), "B\(day)", "Al", unit: f.schoolB, by: f.teacherB)) }
        var generator = SeededGenerator(seed: 16)
        let people: [Actor] = [f.teacherA, f.teacherB, f.intakeOfficer, f.admin]
        var at = Self.stockholm(2026, 10, 22, 0).epochSeconds
        let end = Self.stockholm(2026, 10, 27, 0).epochSeconds
        var rows: [AuditEvent] = [], times: [Int64] = []
        while at < end {
            at += Int64(generator.next() % 2400) + 1
            let person = people[Int(generator.next() % UInt64(people.count))]
            let child = children[Int(generator.next() % UInt64(children.count))]
            rows.append(AuditEvent(staffID: person.staffID, staffName: person.displayName, action: .read, childID: child, recordType: .child, reason: "Test"))
            times.append(at)
        }
        // Teacher B opens 22 different children within 40 minutes on Saturday night, across 01:00.
        var burst = Self.stockholm(2026, 10, 24, 0, 30).epochSeconds
        for child in children.prefix(22) {
            rows.append(AuditEvent(staffID: f.teacherB.staffID, staffName: f.teacherB.displayName, action: .read, childID: child, recordType: .child, reason: "Test"))
            times.append(burst)
            burst += 110
        }
        let ordered = times.indices.sorted { times[$0] < times[$1] }.map { (rows[$0], times[$0]) }
        try await f.store.transaction { db in
            for (row, time) in ordered { try await AuditQueries.append(row, at: Date(timeIntervalSince1970: TimeInterval(time)), db) }
        }
        return children
    }

    @Test("the set-based scan in small chunks raises exactly what the per-pair scan raised")
    func sameAsPerPair() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            _ = try await Self.fillMixedLog(f)
            let expected = try await Self.perPairFlags(store)
            #expect(expected.contains { $0.kind == ReviewFlagKind.manyChildren.rawValue })
            #expect(expected.contains { $0.kind == ReviewFlagKind.noCase.rawValue })
            #expect(expected.count > 50)
            try await Self.request(f)
            try await Self.runner(f, chunkSize: 37).runDue()
            let raised = try await Self.storedFlags(store)
            #expect(raised.subtracting(expected).sorted { $0.key < $1.key }.map(\.description) == [])
            #expect(expected.subtracting(raised).sorted { $0.key < $1.key }.map(\.description) == [])
        }
    }

    @Test("a burst across midnight is the evening's flag only: the next day's first half hour, read alone, would look like a burst of its own")
    func burstAcrossMidnight() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            f.clock.set(Self.stockholm(2026, 11, 20, 8))
            var children: [RecordID] = []
            for index in 0..<61 { children.append(try await f.registerChild(Numbers.make(2012 + index / 28, 1 + index % 12, 1 + index % 28), "C\(index)", "Ek", unit: f.schoolB, by: f.teacherB)) }
            // One child a minute from 23:30 to 00:30: every window ending after midnight
            // reaches back into the evening, so no window starts on the 22nd.
            let start = Self.stockholm(2026, 11, 21, 23, 30).epochSeconds
            try await store.transaction { [children] db in
                for (index, child) in children.enumerated() {
                    try await AuditQueries.append(AuditEvent(staffID: f.teacherA.staffID, staffName: f.teacherA.displayName, action: .read, childID: child,
                                                             recordType: .child, reason: "Test"), at: Date(timeIntervalSince1970: TimeInterval(start + Int64(index) * 60)), db)
                }
            }
            let isTeacherAsBurst = { (flag: StoredFlag) in flag.kind == ReviewFlagKind.manyChildren.rawValue && flag.staffID == f.teacherA.staffID }
            let expected = try await Self.perPairFlags(store).filter(isTeacherAsBurst)
            #expect(expected.map(\.key) == ["many:\(f.teacherA.staffID):2026-11-21"])
            try await Self.request(f)
            try await Self.runner(f).runDue()
            #expect(try await Self.storedFlags(store).filter(isTeacherAsBurst) == expected)
        }
    }

    @Test("a run checks each person–child pair once and forgets the answers when it ends, so a connection made since counts in the next run")
    func pairsForgottenBetweenRuns() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let child = try await Self.otherSchoolChild(f)
            for day in 23...25 { try await Self.read(f, f.teacherA, child: child, at: Self.stockholm(2026, 11, day, 10)) }
            try await Self.request(f)
            try await Self.runner(f, chunkSize: 1).runDue()
            let noCase = { try await Self.storedFlags(store).filter { $0.kind == ReviewFlagKind.noCase.rawValue }.map(\.key).sorted() }
            let id = f.teacherA.staffID
            #expect(try await noCase() == ["nocase:\(id):\(child):2026-11-23", "nocase:\(id):\(child):2026-11-24", "nocase:\(id):\(child):2026-11-25"])
            let left = try await store.withConnection { db in try await db.raw("SELECT COUNT(*) AS n FROM log_review_pairs").first()?.int64("n") }
            #expect(left == 0)
            // Teacher A joins a collaboration case about the child; the next day's reading is her case.
            _ = try await Self.insertCase(f, child: child, owner: f.teacherB, staff: [id])
            try await Self.read(f, f.teacherA, child: child, at: Self.stockholm(2026, 11, 26, 10))
            try await Self.request(f)
            try await Self.runner(f).runDue()
            #expect(try await noCase().count == 3)
        }
    }

    /// Every 7 minutes over a week.
    static let clockSteps = 7 * 24 * 60 / 7

    @Test("the scan's SQL reads the Stockholm wall clock as the rules do: working hours, the day and the time shown, every 7 minutes over a week with the change of summer time")
    func sqlClockMatchesRules() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let child = try await Self.otherSchoolChild(f)
            let start = Self.stockholm(2026, 10, 21, 0).epochSeconds
            var instants: [Int64: Date] = [:]
            try await store.transaction { db in
                for step in 0..<Self.clockSteps {
                    let instant = Date(timeIntervalSince1970: TimeInterval(start + Int64(step) * 420 + 13))
                    try await AuditQueries.append(AuditEvent(staffID: f.teacherA.staffID, staffName: "A", action: .read, childID: child, recordType: .child, reason: "Test"), at: instant, db)
                }
            }
            let hours = LogReviewRules.WorkingHours()
            let rows = try await store.transaction { db in
                let chunk = try await LogReviewScanQueries.collectChunk(.init(after: 0, through: 1_000_000), db)
                #expect(chunk.segments.count == 2)
                let rows = try await db.raw("""
                    WITH acc AS (\(LogReviewScanQueries.chunkAccesses(chunk)))
                    SELECT x.id, x.at, CASE WHEN \(LogReviewScanQueries.inHours(hours)) THEN 1 ELSE 0 END AS inside,
                      \(LogReviewScanQueries.localTime("x.local", store.engine)) AS shown, \(LogReviewScanQueries.isoDay("(x.local / 86400)", store.engine)) AS day
                    FROM acc x ORDER BY x.id
                    """).all()
                try await LogReviewScanQueries.dropChunk(db)
                return rows
            }
            #expect(rows.count == Self.clockSteps + 1)  // and the registration of the child
            var outside = 0
            for row in rows {
                let instant = try row.date("at")
                instants[try row.int64("id")] = instant
                #expect(try row.flag("inside") == hours.contains(instant), "\(Stockholm.format(instant))")
                #expect(try row.string("shown") == Stockholm.format(instant))
                #expect(try row.string("day") == Stockholm.date(of: instant).iso)
                if !hours.contains(instant) { outside += 1 }
            }
            #expect(outside > rows.count / 2 && outside < rows.count)
        }
    }

    @Test("a second scan reads only the rows logged since the first, and raises nothing twice")
    func incremental() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let child = try await Self.otherSchoolChild(f)
            try await Self.read(f, f.teacherA, child: child, at: Self.stockholm(2026, 11, 18, 22))
            try await Self.request(f)
            try await Self.runner(f).runDue()
            let first = try await Self.state(f)
            let flags = try await Self.storedFlags(store)
            #expect(flags.count == 2)  // out of hours and no case
            #expect(first.lastRaised == 2 && !first.running)

            // Nothing new but the first run's own audit rows (no child in them).
            try await Self.request(f)
            try await Self.runner(f).runDue()
            #expect(try await Self.storedFlags(store) == flags)
            let second = try await Self.state(f)
            #expect(second.lastRows == 2)  // the first run's chunk row and the request
            #expect(second.lastRaised == 0)

            try await Self.read(f, f.teacherA, child: child, at: Self.stockholm(2026, 11, 19, 23))
            try await Self.request(f)
            try await Self.runner(f).runDue()
            let third = try await Self.state(f)
            #expect(third.lastRows == 3)  // the second run's chunk row, the request and the read
            #expect(third.lastRaised == 2)
            #expect(try await Self.storedFlags(store).count == 4)
            #expect(third.lastAuditID > second.lastAuditID && second.lastAuditID > first.lastAuditID)
        }
    }

    @Test("two instances: one holds the job while its lease lasts; a lost lease rolls its step back; at once they raise each flag once")
    func twoRunners() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            _ = try await Self.fillMixedLog(f)
            let expected = try await Self.perPairFlags(store)
            try await Self.request(f)
            let job = LogReviewScanJob(engine: store.engine, chunkSize: 50)
            let a = JobRunner(store: store, clock: f.clock, owner: "a", jobs: [job], lease: 60)
            let b = JobRunner(store: store, clock: f.clock, owner: "b", jobs: [job], lease: 60)
            #expect(try await a.claim(job))
            #expect(try await a.step(job) == .more)
            #expect(try await !b.claim(job))
            #expect(try await b.runDue() == 0)
            // A stalls past its lease; B takes over and A's next step is refused.
            f.clock.advance(by: 61)
            #expect(try await b.claim(job))
            await #expect(throws: JobRunner.LeaseLost.self) { try await a.step(job) }
            #expect(try await b.step(job) == .more)

            // Both poll at once from here on.
            f.clock.advance(by: 61)
            async let first = a.runDue()
            async let second = b.runDue()
            let steps = try await first + second
            #expect(steps >= 1)
            _ = try await a.runDue() + b.runDue()
            #expect(try await !Self.state(f).running)
            #expect(try await Self.storedFlags(store) == expected)
        }
    }
}
