import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

/// The child page reads its own narrow rows (report lines, investigation summaries) instead
/// of whole records; these hold them to what the whole records say.
@Suite("Child page: report lines and shared lines read from narrow rows")
struct ChildPageTests {
    @Test("the report lines match the stored reports: latest first, stage, acute, investigation and access facts")
    func reportLines() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2014, 9, 3), "Vera", "Lind")
            let (decided, _) = try await f.openInvestigation(child: child, s)
            f.clock.advance(by: 3600)
            let new = try await f.fileReport(child: child)
            f.clock.advance(by: 3600)
            var acuteInput = Fixture.staffReport("Säger att hen inte vågar gå hem i kväll.")
            acuteInput.acuteGrounds = [AcuteGround.allCases[0]]
            let acute = try await f.fileReport(child: child, acuteInput)
            f.clock.advance(by: 3600)
            let received = try await f.fileReport(child: child)
            try requireOK(await f.reports.handle(reportID: received, step: .confirmReceipt, by: f.origin(f.intakeOfficer)))
            f.clock.advance(by: 3600)
            let assessed = try await f.fileReport(child: child)
            try await f.receiveAndAssess(assessed)

            let lines = try requireOK(await f.registry.view(childID: child, by: f.origin(f.intakeOfficer))).reports
            let records = try await store.withConnection { db in try await ReportQueries.forChild(childID: child, db) }
            let expected = records.map { r in
                ChildReportItem(id: r.id, receiptNumber: r.receiptNumber, kind: r.state.kind, receivedAt: r.state.receivedAt, stage: r.state.stage,
                                isAcute: r.isAcute, investigationID: r.investigationID, accessFacts: r.accessFacts)
            }
            #expect(lines == expected)
            #expect(lines.map(\.id) == [assessed, received, acute, new, decided])
            #expect(lines.map(\.stage) == [.assessed, .received, .new, .new, .decided(.openInvestigation)])
            #expect(lines.map(\.isAcute) == [false, false, true, false, false])
            #expect(lines.last?.investigationID != nil && lines.last?.accessFacts.caseOfficerID == s.caseOfficer.staffID)
            // A reporter does not follow reports here ("Mina anmälningar" does that).
            #expect(try requireOK(await f.registry.view(childID: child, by: f.origin(f.teacherA))).reports.isEmpty)
        }
    }

    @Test("shared lines: each investigation's dates, outcome and interventions in order, only as far as the consent names them")
    func sharedLines() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let (child, _, first) = try await ConsentServiceTests.setUp(f, s)
            let guardian = try await ConsentServiceTests.socialGuardian(f, s, child: child)
            let officer = f.origin(s.caseOfficer)
            let opened = f.todayISO
            let end = f.today.adding(months: 3).iso
            _ = try requireOK(await f.investigations.addIntervention(id: first, kind: InterventionKind.familyTreatment.rawValue, start: opened, end: end,
                                                                     responsible: "Frida", date: opened, reasons: "Behov av stöd", by: officer))
            _ = try requireOK(await f.investigations.addIntervention(id: first, kind: InterventionKind.parentSupport.rawValue, start: opened, end: "",
                                                                     responsible: "Frida", date: opened, reasons: "Behov av stöd", by: officer))
            f.clock.advance(by: 2 * 86_400)
            let closedOn = f.todayISO
            try requireOK(await f.investigations.close(id: first, outcome: InvestigationOutcome.withIntervention.rawValue, date: closedOn, reasons: "Klart", by: officer))
            f.clock.advance(by: 86_400)
            let (_, second) = try await f.openInvestigation(child: child, s)
            #expect(second != first)
            let secondOpened = f.todayISO

            let consents = ConsentService(store: store, clock: f.clock)
            let all = ConsentServiceTests.oralConsent(guardian: guardian, units: [f.schoolA, s.investigationUnit],
                                                      categories: [.investigationStatus, .outcome, .schoolInterventions], from: f.todayISO, to: end)
            let id = try requireOK(await consents.register(childID: child, all, document: nil, by: f.origin(s.caseOfficer)))
            let shared = try requireOK(await f.registry.view(childID: child, by: f.origin(f.teacherA))).shared
            #expect(shared.map(\.text) == [
                "Utredning inledd \(opened)", "Utredning avslutad \(closedOn)", "Avslutad med insats",
                "Insats: Familjebehandling från \(opened) till \(end)", "Insats: Föräldrastöd från \(opened)",
                "Utredning inledd \(secondOpened)",
            ])
            #expect(shared.allSatisfy { $0.reason.contains("Samtycke nr \(id)") })

            // Only the status: no outcome, no interventions.
            try requireOK(await consents.withdraw(consentID: id, withdrawnBy: "Gun Ek", by: f.origin(s.principalA)))
            let status = ConsentServiceTests.oralConsent(guardian: guardian, units: [f.schoolA], categories: [.investigationStatus], from: f.todayISO, to: end)
            _ = try requireOK(await consents.register(childID: child, status, document: nil, by: f.origin(s.caseOfficer)))
            #expect(try requireOK(await f.registry.view(childID: child, by: f.origin(f.teacherA))).shared.map(\.text) == [
                "Utredning inledd \(opened)", "Utredning avslutad \(closedOn)", "Utredning inledd \(secondOpened)",
            ])
        }
    }
}
