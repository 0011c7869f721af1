import Foundation
import SQLKit
import SamverkaCore

/// Two years of the demo municipality's past (issue 20 point 7), so that the statistics page
/// shows every chart with something in it: about 25 reports a month with their clocks kept
/// or not, the decisions with who, when and why, investigations (some extended, most closed
/// in time) with their interventions, consultations and råd och stöd. Everything ended at
/// least a month ago, so nothing of it lands on a queue or a work list; the children it
/// concerns are registered by social services only (they belong to no school's list), and
/// reports that led nowhere name no child, as at a real intake. The staff who reported are
/// named by their unit only (they are not the demo's accounts, whose "Mina anmälningar" stay
/// short).
///
/// The numbers come from a fixed sequence, so every demo shows the same history.
public enum DemoHistory {
    /// A small deterministic generator (a linear congruential sequence): the same demo every time.
    struct Sequence {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
    }

    public static func seed(_ store: Store, now: Date) async throws {
        try await store.transaction { db in
            func id(_ sql: SQLQueryString) async throws -> RecordID {
                guard let row = try await db.raw(sql).first() else { throw StoreError.notFound }
                return try row.int64("id")
            }
            let intake = try await id("SELECT id FROM units WHERE kind = \(bind: UnitKind.ifoIntake.rawValue)")
            let investigating = try await id("SELECT id FROM units WHERE kind = \(bind: UnitKind.ifoInvestigation.rawValue)")
            let officer = try await id("SELECT id FROM staff WHERE username = 'utredare'")
            let intakeOfficer = try await id("SELECT id FROM staff WHERE username = 'mottagning'")
            let manager = try await id("SELECT id FROM staff WHERE username = 'enhetschef'")
            var reporters: [(staff: RecordID, unit: RecordID)] = []
            for name in ["mentor.ekbacken", "rektor.ekbacken", "mentor.strand", "kurator.ekbacken", "pedagog.solrosen", "forskolechef.larkan"] {
                let row = try await db.raw("""
                    SELECT s.id, a.unit_id FROM staff s JOIN staff_assignments a ON a.staff_id = s.id WHERE s.username = \(bind: name) AND a.unit_id IS NOT NULL
                    """).first()
                if let row { reporters.append((try row.int64("id"), try row.int64("unit_id"))) }
            }
            var seq = Sequence(state: 2026)
            let end = Stockholm.date(of: now).adding(days: -35)
            var day = Stockholm.date(of: now).adding(months: -24)
            var number = 0
            var childSerial = 0
            while day <= end {
                for _ in 0..<(seq.chance(83) ? (seq.chance(10) ? 2 : 1) : 0) {
                    number += 1
                    let received = Stockholm.startOfDay(day).addingTimeInterval(Double(7 * 3600 + seq.next(11 * 3600)))
                    try await report(number, received: received, &seq, &childSerial, intake: intake, investigating: investigating, officer: officer,
                                     intakeOfficer: intakeOfficer, manager: manager, reporters: reporters, db)
                }
                if seq.chance(27) {
                    let school = reporters[seq.next(reporters.count)].unit
                    try await db.raw("""
                        INSERT INTO consultations (consulted_on, school_unit_id, social_unit_id, topic, advice, led_to_report, logged_by, created_at)
                        VALUES (\(bind: day.iso), \(bind: school), \(bind: intake), 'Oro för en elevs hemsituation (avidentifierad)', 'Råd om samtal med vårdnadshavare och när en anmälan ska göras.',
                          \(bind: seq.chance(20) ? 1 : 0), \(bind: intakeOfficer), \(bind: Stockholm.startOfDay(day).epochSeconds + 36_000))
                        """).run()
                }
                if day.dayNumber % 7 == 6 {  // Wednesdays (1 January 1970 was a Thursday)
                    try await db.raw("""
                        INSERT INTO support_counts (unit_id, held_on, conversations, recorded_by, created_at)
                        VALUES (\(bind: intake), \(bind: day.iso), \(bind: 2 + seq.next(6)), \(bind: intakeOfficer), \(bind: Stockholm.startOfDay(day).epochSeconds + 57_600))
                        """).run()
                }
                day = day.adding(days: 1)
            }
        }
    }

    private static func report(_ number: Int, received: Date, _ seq: inout Sequence, _ childSerial: inout Int, intake: RecordID, investigating: RecordID,
                               officer: RecordID, intakeOfficer: RecordID, manager: RecordID, reporters: [(staff: RecordID, unit: RecordID)], _ db: any SQLDatabase) async throws {
        let t = received.epochSeconds
        let reporterRoll = seq.next(100)
        let reporterKind: ReporterKind = reporterRoll < 45 ? .staff : reporterRoll < 70 ? .agency : reporterRoll < 82 ? .privatePerson : reporterRoll < 90 ? .guardian : reporterRoll < 96 ? .anonymous : .youth
        let reporter = reporterKind == .staff ? reporters[seq.next(reporters.count)] : nil
        let channelRoll = seq.next(100)
        let channel: ReportChannel = channelRoll < 60 ? .written : channelRoll < 85 ? .eService : .oral
        let kind: ReportKind = seq.chance(8) ? .application : .concern
        let acute = kind == .concern && seq.chance(7)
        let protectionHours = seq.chance(22) ? 25 + seq.next(16) : 1 + seq.next(20)
        let protection = t + Int64(protectionHours * 3600 + seq.next(3600))
        let confirmed = t + Int64(300 + seq.next(protectionHours * 3600))
        let decidedDays = seq.chance(25) ? 15 + seq.next(10) : 3 + seq.next(11)
        let decided = protection + Int64(decidedDays * 86_400 - protectionHours * 3600)
        let outcomeRoll = seq.next(100)
        let outcome: PreAssessmentOutcome = kind == .application || outcomeRoll < 30 ? .openInvestigation : outcomeRoll < 95 ? .notOpened : .alreadyRunning
        let feedback = reporterKind == .staff && seq.chance(25)
        let feedbackGiven = decided + Int64((seq.chance(10) ? 8 + seq.next(5) : 1 + seq.next(6)) * 86_400)
        var child: RecordID? = nil
        var investigation: RecordID? = nil
        if outcome == .openInvestigation {
            childSerial += 1
            child = try await historyChild(childSerial, received: received, db)
            investigation = try await self.investigation(child: child!, opened: decided, &seq, unit: investigating, officer: officer, manager: manager, db)
            // As the real flow links them: the report to intake, the investigation to its unit,
            // so the officer whose investigation it was opens the child's page.
            let receivedAt = Date(timeIntervalSince1970: TimeInterval(t))
            try await ChildQueries.link(childID: child!, unitID: intake, reason: .report, now: receivedAt, db)
            try await ChildQueries.link(childID: child!, unitID: investigating, reason: .investigation, now: Date(timeIntervalSince1970: TimeInterval(decided)), db)
        }
        let receipt = "H\(Stockholm.date(of: received).year)-\(String(format: "%04d", number))"
        let reportID = try await db.insertReturningID("""
            INSERT INTO reports (receipt_number, kind, channel, child_id, child_description, handling_unit_id, reporter_kind, reporter_staff_id, reporter_unit_id,
              reporter_name, observations, acute_grounds, guardian_notice, joint_meeting_requested, received_at, receipt_confirmed_at, receipt_confirmed_by_name,
              protection_at, protection_needed, pre_assessment, decided_at, investigation_id, written_confirmed_at, feedback_requested_at, feedback_given_at, created_at)
            VALUES (\(bind: receipt), \(bind: kind.rawValue), \(bind: channel.rawValue), \(bind: child), \(bind: child == nil ? "Barn i Exempelby (historik)" : nil), \(bind: intake),
              \(bind: reporterKind.rawValue), NULL, \(bind: reporter?.unit), \(bind: reporterKind == .staff || reporterKind == .anonymous ? nil : "Uppgiftslämnare (historik)"),
              'Historik i demodatan: oro för barnets situation.', \(bind: acute ? AcuteGround.physicalAbuse.rawValue : ""), \(bind: acute ? GuardianNotice.withheldAcute.rawValue : GuardianNotice.informed.rawValue),
              0, \(bind: t), \(bind: confirmed), 'Moa Mottagningsson', \(bind: protection), \(bind: acute && seq.chance(30) ? 1 : 0), \(bind: outcome.rawValue), \(bind: decided),
              \(bind: investigation), \(bind: channel == .oral ? t + 86_400 : nil), \(bind: feedback ? decided - 86_400 : nil), \(bind: feedback ? feedbackGiven : nil), \(bind: t))
            """)
        try await decision(report: reportID, investigation: nil, kind: "protection-assessment", outcome: nil, by: intakeOfficer, name: "Moa Mottagningsson", at: protection, db)
        try await decision(report: reportID, investigation: nil, kind: "pre-assessment", outcome: outcome.rawValue, by: manager, name: "Eva Enhetsdotter", at: decided, db)
    }

    /// A child registered by social services only, as the investigation began.
    private static func historyChild(_ n: Int, received: Date, _ db: any SQLDatabase) async throws -> RecordID {
        // A birth day of its own for each history child (every 23rd day from 2008), so no two
        // share an identity number; the serial in 980–999 keeps it synthetic.
        let birth = SimpleDate(year: 2008, month: 3, day: 3)!.adding(days: n * 23)
        let child = ChildRegistration(identityNumber: IdentityNumber.make(birthDate: birth, serial: 980 + n % 20),
                                      givenName: DemoMunicipality.givenNames[(n * 3) % DemoMunicipality.givenNames.count],
                                      familyName: DemoMunicipality.familyNames[(n * 5) % DemoMunicipality.familyNames.count] + "-Historik",
                                      enrolmentUnitID: nil, grade: nil, protectedIdentity: false,
                                      address: PostalAddress(street: "Historikvägen \(1 + n % 40)", postalCode: "999 99", city: "Exempelby"))
        return try await ChildQueries.insert(child, registeredBy: [], side: .social, enrolInSchool: false, now: received, db)
    }

    /// An investigation opened on the decision: four months, one in seven extended by two,
    /// closed mostly in time; with an intervention about half the time.
    private static func investigation(child: RecordID, opened: Int64, _ seq: inout Sequence, unit: RecordID, officer: RecordID, manager: RecordID, _ db: any SQLDatabase) async throws -> RecordID {
        let openedAt = Date(timeIntervalSince1970: TimeInterval(opened))
        var due = ClockDuration.months(4).due(from: openedAt).epochSeconds
        let extended = seq.chance(14)
        let original = due
        if extended { due = Stockholm.endOfDay(Stockholm.date(of: openedAt).adding(months: 6)).epochSeconds }
        let closed = opened + Int64((extended ? 140 + seq.next(50) : seq.chance(15) ? 125 + seq.next(20) : 50 + seq.next(65)) * 86_400)
        let withIntervention = seq.chance(55)
        let followUp = seq.chance(20) ? Stockholm.date(of: Date(timeIntervalSince1970: TimeInterval(closed))).adding(months: 6).iso : nil
        let id = try await db.insertReturningID("""
            INSERT INTO investigations (child_id, unit_id, case_officer_id, opened_at, due_at, consent, closed_at, outcome, follow_up_until, created_at)
            VALUES (\(bind: child), \(bind: unit), \(bind: officer), \(bind: opened), \(bind: due), 'not-asked', \(bind: closed),
              \(bind: (withIntervention ? InvestigationOutcome.withIntervention : .withoutIntervention).rawValue), \(bind: followUp), \(bind: opened))
            """)
        try await decision(report: nil, investigation: id, kind: "investigation-opened", outcome: nil, by: manager, name: "Eva Enhetsdotter", at: opened, db)
        if extended {
            try await decision(report: nil, investigation: id, kind: "extension", outcome: nil, by: manager, name: "Eva Enhetsdotter", at: original - 10 * 86_400, newDue: due, previousDue: original, db)
        }
        if withIntervention {
            let kinds: [InterventionKind] = [.parentSupport, .parentSupport, .familyTreatment, .familyTreatment, .contactPerson, .fosterHome, .residentialCare, .other]
            let kind = kinds[seq.next(kinds.count)]
            let decisionID = try await decision(report: nil, investigation: id, kind: "intervention", outcome: kind.rawValue, by: manager, name: "Eva Enhetsdotter", at: closed, db)
            try await db.raw("""
                INSERT INTO interventions (investigation_id, kind, start_date, responsible, decision_id, created_at)
                VALUES (\(bind: id), \(bind: kind.rawValue), \(bind: Stockholm.date(of: Date(timeIntervalSince1970: TimeInterval(closed))).iso), 'IFO Familjebehandling', \(bind: decisionID), \(bind: closed))
                """).run()
        }
        try await decision(report: nil, investigation: id, kind: "closure", outcome: nil, by: officer, name: "Ulf Utredarsson", at: closed, db)
        if followUp != nil { try await decision(report: nil, investigation: id, kind: "follow-up", outcome: nil, by: manager, name: "Eva Enhetsdotter", at: closed, db) }
        return id
    }

    @discardableResult
    private static func decision(report: RecordID?, investigation: RecordID?, kind: String, outcome: String?, by staff: RecordID, name: String, at: Int64,
                                 newDue: Int64? = nil, previousDue: Int64? = nil, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO decisions (report_id, investigation_id, kind, outcome, decided_by, decided_by_name, decision_date, reasons, new_due_at, previous_due_at, recorded_at)
            VALUES (\(bind: report), \(bind: investigation), \(bind: kind), \(bind: outcome), \(bind: staff), \(bind: name),
              \(bind: Stockholm.date(of: Date(timeIntervalSince1970: TimeInterval(at))).iso), 'Historik i demodatan: skälen finns i akten.', \(bind: newDue), \(bind: previousDue), \(bind: at))
            """)
    }
}
