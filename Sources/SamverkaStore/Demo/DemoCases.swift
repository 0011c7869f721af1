import Foundation
import SQLKit
import SamverkaCore

/// The demo's work in progress, so a new user sees the concern path, the barrier and
/// collaboration at once: reports waiting in intake (one acute), an investigation with a
/// consent that lets the school see its status, and a collaboration case. Everything goes
/// through the services, so it is audited and obeys the policy like real work.
extension DemoMunicipality {
    public static func seedCases(_ store: Store, now: Date) async throws {
        let clock = ManualTimeSource(now.addingTimeInterval(-3 * 86_400))
        let reports = ReportService(store: store, clock: clock)
        let investigations = InvestigationService(store: store, clock: clock)
        let registry = RegistryService(store: store, clock: clock)
        let consents = ConsentService(store: store, clock: clock)
        let collaboration = CollaborationService(store: store, clock: clock)
        func origin(_ username: String) async throws -> RequestOrigin {
            let actor = try await store.withConnection { db -> Actor? in
                guard let staff = try await OrganisationQueries.staff(username: username, db) else { return nil }
                return try await OrganisationQueries.actor(staffID: staff.id, db)
            }
            guard let actor else { throw StoreError.notFound }
            return RequestOrigin(actor: actor, clientAddress: nil)
        }
        func pupils(_ school: String) async throws -> [RecordID] {
            try await store.withConnection { db in
                try await db.raw("""
                    SELECT c.id FROM children c JOIN units u ON u.id = c.enrolment_unit_id
                    WHERE u.name = \(bind: school) AND c.protected_identity = 0 ORDER BY c.id
                    """).all().map { try $0.decode(column: "id", as: Int64.self) }
            }
        }
        func ok<T>(_ outcome: Outcome<T>) throws -> T {
            guard case .ok(let value) = outcome else { throw StoreError.conflict("demo: \(outcome)") }
            return value
        }
        let ekbacken = try await pupils("Ekbackens skola"), strand = try await pupils("Strandskolan")
        guard ekbacken.count >= 3, let strandPupil = strand.first else { return }
        let mentor = try await origin("mentor.ekbacken"), intake = try await origin("mottagning"), officer = try await origin("utredare")
        var report = ReportInput()
        report.reporterContact = "070-111 22 33 (Maja, mentor)"

        // 1. A report that has just been received: waiting for intake to confirm it.
        report.observations = "Elias kommer ofta utan frukost och säger att det inte finns mat hemma. Han somnar på lektionerna."
        report.since = "Sedan höstlovet"
        report.actionsTaken = "Samtal med Elias; skolsköterskan har träffat honom."
        report.guardiansInformed = GuardianNotice.informed.rawValue
        report.requestJointMeeting = true
        _ = try ok(await reports.file(childID: ekbacken[0], report, handlingUnitID: "", by: mentor))

        // 2. An acute report from Strandskolan: first in the queue, guardians not told.
        clock.advance(by: 3600)
        var acute = ReportInput()
        acute.observations = "Eleven har blåmärken på överarmarna och säger att pappa blir arg. Vill inte gå hem."
        acute.since = "I dag"
        acute.reporterContact = "070-222 33 44 (Mira, mentor)"
        acute.acuteGrounds = [.physicalAbuse]
        _ = try ok(await reports.file(childID: strandPupil, acute, handlingUnitID: "", by: try await origin("mentor.strand")))

        // 3. A report that led to an investigation, with an intervention, and social
        // services' consent that lets Ekbackens skola see that it is running.
        clock.advance(by: 3600)
        report.observations = "Maja har hög frånvaro, 40 procent den här terminen. Hon säger att hon måste ta hand om sina syskon."
        report.requestJointMeeting = false
        let third = try ok(await reports.file(childID: ekbacken[1], report, handlingUnitID: "", by: mentor))
        clock.advance(by: 3600)
        try ok(await reports.handle(reportID: third, step: .confirmReceipt, by: intake))
        let decided = DecisionRecord(decidedBy: intake.actor.staffID, decidedByName: intake.actor.displayName, date: Stockholm.date(of: clock.now()), reasons: "Inget tyder på att Maja behöver omedelbart skydd.")
        try ok(await reports.handle(reportID: third, step: .protectionAssessment(immediateProtectionNeeded: false, decided), by: intake))
        let officers = try await store.withConnection { db in try await InvestigationQueries.caseOfficers(db) }
        guard let ulf = officers.first(where: { $0.id == officer.actor.staffID }) else { return }
        let today = Stockholm.date(of: clock.now()).iso
        try ok(await reports.decide(reportID: third, outcome: PreAssessmentOutcome.openInvestigation.rawValue, date: today,
                                    reasons: "Frånvaron och det Maja berättar behöver utredas.", caseOfficer: "\(ulf.id):\(ulf.unitID)", by: intake))
        guard let investigation = try await store.withConnection({ db in try await ReportQueries.report(id: third, db) })?.investigationID else { return }
        try ok(await investigations.addIntervention(id: investigation, kind: InterventionKind.parentSupport.rawValue, start: today, end: "",
                                                    responsible: "Fatima Familjesdotter", date: today, reasons: "Föräldrarna behöver stöd i vardagen.", by: officer))
        let guardian = try ok(await registry.addGuardian(childID: ekbacken[1], GuardianInput(givenName: "Sara", familyName: "Björk", phone: "070-333 44 55"), by: officer))
        let school = try await store.withConnection { db in try await OrganisationQueries.units(db, includeInactive: false).first { $0.name == "Ekbackens skola" } }
        var consent = ConsentInput()
        consent.giverKind = ConsentGiverKind.guardians.rawValue
        consent.guardianIDs = [guardian]
        consent.unitIDs = [school?.id].compactMap { $0 }
        consent.categories = [ConsentCategory.investigationStatus.rawValue]
        consent.purposeKind = ConsentPurposeKind.investigation.rawValue
        consent.purpose = "Skolan och socialtjänsten samverkar kring Majas närvaro under utredningen."
        consent.validFrom = today
        consent.validTo = Stockholm.date(of: clock.now()).adding(months: 6).iso
        consent.method = ConsentMethod.oral.rawValue
        consent.witness = "Ulla Vittne, IFO"
        _ = try ok(await consents.register(childID: ekbacken[1], consent, document: nil, by: officer))

        // 4. A collaboration case opened by the rektor, its first meeting still to book.
        var opened = CollaborationCaseInput()
        opened.reason = "Hög frånvaro och oro för hur Noah har det hemma; skola och familj behöver planera tillsammans."
        opened.knownOn = Stockholm.date(of: clock.now()).adding(days: -2).iso
        _ = try ok(await collaboration.openCase(childID: ekbacken[2], opened, by: try await origin("rektor.ekbacken")))

        // 5. A collaboration case at Strandskolan with its first meeting booked under a
        // consent: chair and secretary assigned, a talk with the child before it.
        if strand.count >= 2 { try await seedBookedMeeting(store, clock: clock, child: strand[1], origin: origin) }

        // 6. Two SIPs: one running with BUP, held and followed up; one closed.
        if ekbacken.count >= 5 { try await seedSIPs(store, clock: clock, running: ekbacken[3], closed: ekbacken[4], origin: origin) }
        // Trampolinen's families: F–3 pupils of Ekbacken not already in the cases above.
        let young = try await store.withConnection { db in
            try await db.raw("""
                SELECT c.id FROM children c JOIN units u ON u.id = c.enrolment_unit_id
                WHERE u.name = 'Ekbackens skola' AND c.protected_identity = 0 AND c.grade IN ('F', '1', '2', '3') ORDER BY c.id
                """).all().map { try $0.decode(column: "id", as: Int64.self) }
        }
        try await seedProgrammes(store, now: now, children: Array(young.filter { !ekbacken.prefix(5).contains($0) }.prefix(4)), origin: origin)
        // 7. The forums, a year of their meetings, the yearly wheel and the action plan (issue 19).
        try await seedForums(store, now: now, origin: origin)
        // 8. Referrals to Ekbackens elevhälsoteam (Steg 1): one decided, one waiting.
        try await seedStudentHealth(store, now: now, pupils: ekbacken.count >= 7 ? Array(ekbacken[5...6]) : Array(ekbacken.suffix(2)), origin: origin)
    }
}
