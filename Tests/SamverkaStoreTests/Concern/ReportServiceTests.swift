import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Reports of concern: filing, intake steps, feedback and visibility")
struct ReportServiceTests {
    @Test("full path: a teacher reports, intake receives, assesses and opens an investigation; the teacher sees only the feedback")
    func fullPath() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let childRows = try await f.count("child_units")

            // A form with errors keeps nothing: no report, no link, no 'create' row.
            var bad = ReportInput()
            bad.observations = "   "
            let errors = try requireInvalid(await f.reports.file(childID: child, bad, handlingUnitID: "", by: f.origin(f.teacherA)))
            #expect(errors["observations"] == "Beskriv vad du har sett eller hört.")
            #expect(errors["reporter_contact"] != nil)
            #expect(errors["guardians_informed"] != nil)
            #expect(try await f.count("reports") == 0)
            #expect(try await f.count("child_units") == childRows)
            #expect(try await f.auditRows(type: .report, .init(action: .create)).isEmpty)

            let reportID = try await f.fileReport(child: child)
            let created = try await f.auditRows(type: .report, .init(action: .create))
            #expect(created.count == 1)
            #expect(created.first?.recordID == String(reportID) && created.first?.staffID == f.teacherA.staffID && created.first?.childID == child)
            let filed = try await f.report(reportID)
            #expect(filed.childID == child && filed.handlingUnitID == f.intake && filed.reporterStaffID == f.teacherA.staffID)
            #expect(filed.reporterUnitName == "Skola A")
            #expect(filed.state.stage == .new && filed.state.reporterKind == .staff && filed.state.channel == .written)
            #expect(filed.guardianNotice == .informed)
            // The child is now linked to intake, so intake may open the child record.
            try requireOK(await f.registry.view(childID: child, by: f.origin(f.intakeOfficer)))

            f.clock.advance(by: 3600)
            let receivedAt = f.clock.now()
            try requireOK(await f.reports.handle(reportID: reportID, step: .confirmReceipt, by: f.origin(f.intakeOfficer)))
            f.clock.advance(by: 1800)
            try requireOK(await f.reports.handle(reportID: reportID, step: .protectionAssessment(immediateProtectionNeeded: false,
                                                                                                   f.decision(by: f.intakeOfficer, "HEMLIG-SKYDDSBEDÖMNING")),
                                                 by: f.origin(f.intakeOfficer)))
            #expect(try await f.report(reportID).state.stage == .assessed)
            f.clock.advance(by: 2 * 3600)
            let decidedAt = f.clock.now()
            try requireOK(await f.reports.decide(reportID: reportID, outcome: "open", date: f.todayISO, reasons: "HEMLIGA-SKÄL om familjen",
                                                 caseOfficer: s.caseOfficerChoice, by: f.origin(f.intakeOfficer)))

            #expect(try await f.count("investigations") == 1)
            let decided = try await f.report(reportID)
            #expect(decided.state.stage == .decided(.openInvestigation))
            #expect(decided.caseOfficerID == s.caseOfficer.staffID && decided.investigationUnitID == s.investigationUnit)
            let investigationID = try #require(decided.investigationID)
            let investigation = try await f.investigation(investigationID)
            #expect(investigation.childID == child && investigation.caseOfficerID == s.caseOfficer.staffID && investigation.unitID == s.investigationUnit)
            #expect(investigation.state.openedAt == decidedAt)
            // Opened 2026-11-18: due at the end of 2027-03-18, four calendar months later.
            #expect(investigation.state.clock.dueAt == Stockholm.endOfDay(SimpleDate(year: 2027, month: 3, day: 18)!))
            #expect(investigation.state.clock.dueLabel == "2027-03-18")
            #expect(investigation.state.isOpen && investigation.state.clock.extensions.isEmpty)

            // Every decision records who, when and why.
            // The report lists the pre-assessment once (not also "investigation opened"); the
            // opening is on the investigation's record, with its clock.
            let decisions = try await f.decisions(report: reportID)
            #expect(decisions.map(\.kind) == ["protection-assessment", "pre-assessment"])
            #expect(decisions.allSatisfy { $0.record.decidedBy == f.intakeOfficer.staffID && $0.record.date == f.today })
            #expect(decisions.first { $0.kind == "pre-assessment" }?.outcome == "open")
            #expect(decisions.first { $0.kind == "protection-assessment" }?.outcome == "not-needed")
            let opened = try await f.decisions(investigation: investigation.id)
            #expect(opened.map(\.kind) == ["investigation-opened"] && opened[0].newDueAt == investigation.state.clock.dueAt)
            #expect(try await f.auditRows(type: .investigation, .init(action: .create)).count == 1)

            // The teacher's "Mina anmälningar": the feedback the law allows, never the reasons.
            let mine = try await f.reports.mine(by: f.origin(f.teacherA))
            #expect(mine.count == 1)
            let (own, feedback) = try #require(mine.first)
            #expect(own.id == reportID)
            #expect(feedback.received == "Mottagen av \(f.intakeOfficer.displayName) \(Stockholm.format(receivedAt)).")
            #expect(feedback.decision == "Utredning har inletts.")
            #expect(feedback.investigation == nil)
            #expect(feedback.lines == [feedback.received, "Utredning har inletts."])
            for line in feedback.lines {
                #expect(!line.contains("HEMLIG"), "a decision's reasons reached the reporter")
            }
            // The report page gives the reporter the same, and hides who investigates.
            guard case .reporter(let page, let pageFeedback) = try requireOK(await f.reports.view(reportID: reportID, by: f.origin(f.teacherA))) else {
                Issue.record("the reporter got the handler's view"); return
            }
            #expect(pageFeedback == feedback)
            #expect(page.caseOfficerID == nil && page.investigationUnitID == nil)
        }
    }

    // MARK: Illegal steps

    @Test("a decision before receipt is refused and writes nothing")
    func decisionBeforeReceipt() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12))
            let reportID = try await f.fileReport(child: child)
            let before = try await f.concernCounts()
            let state = try await f.report(reportID).state

            let early = try requireInvalid(await f.reports.decide(reportID: reportID, outcome: "open", date: f.todayISO, reasons: "Skäl",
                                                                  caseOfficer: s.caseOfficerChoice, by: f.origin(f.intakeOfficer)))
            #expect(early["step"] == "Bekräfta mottagandet av anmälan först.")
            let protection = try requireInvalid(await f.reports.handle(reportID: reportID, step: .protectionAssessment(immediateProtectionNeeded: true, f.decision(by: f.intakeOfficer, "Skäl")),
                                                                       by: f.origin(f.intakeOfficer)))
            #expect(protection["step"] == "Bekräfta mottagandet av anmälan först.")
            #expect(try await f.concernCounts() == before)
            #expect(try await f.report(reportID).state == state)

            // Received but not yet assessed: the pre-assessment is still refused, and the
            // investigation its side effects would open is rolled back.
            try requireOK(await f.reports.handle(reportID: reportID, step: .confirmReceipt, by: f.origin(f.intakeOfficer)))
            let received = try await f.concernCounts()
            let unassessed = try requireInvalid(await f.reports.decide(reportID: reportID, outcome: "open", date: f.todayISO, reasons: "Skäl",
                                                                       caseOfficer: s.caseOfficerChoice, by: f.origin(f.intakeOfficer)))
            #expect(unassessed["step"] == "Gör skyddsbedömningen innan förhandsbedömningen beslutas.")
            #expect(try await f.concernCounts() == received)
            #expect(try await f.report(reportID).investigationID == nil)

            // Confirming twice is refused too.
            try requireInvalid(await f.reports.handle(reportID: reportID, step: .confirmReceipt, by: f.origin(f.intakeOfficer)))
            #expect(try await f.concernCounts() == received)
        }
    }

    @Test("a decision without reasons, date or case officer is refused field by field")
    func incompleteDecision() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12))
            let reportID = try await f.fileReport(child: child)
            try await f.receiveAndAssess(reportID)
            let before = try await f.concernCounts()
            let tomorrow = f.today.adding(days: 1).iso
            let errors = try requireInvalid(await f.reports.decide(reportID: reportID, outcome: "open", date: tomorrow, reasons: "  ",
                                                                   caseOfficer: "", by: f.origin(f.intakeOfficer)))
            #expect(errors["reasons"] == "Skriv skälen för beslutet.")
            #expect(errors["decision_date"] == "Beslutsdatum kan inte vara i framtiden.")
            #expect(errors["case_officer"] != nil)
            let unknown = try requireInvalid(await f.reports.decide(reportID: reportID, outcome: "maybe", date: f.todayISO, reasons: "Skäl",
                                                                    caseOfficer: s.caseOfficerChoice, by: f.origin(f.intakeOfficer)))
            #expect(unknown["outcome"] == "Välj beslut.")
            // A case officer string that names a real person in the wrong unit is not a choice.
            let wrongUnit = try requireInvalid(await f.reports.decide(reportID: reportID, outcome: "open", date: f.todayISO, reasons: "Skäl",
                                                                      caseOfficer: "\(s.caseOfficer.staffID):\(f.intake)", by: f.origin(f.intakeOfficer)))
            #expect(wrongUnit["case_officer"] != nil)
            #expect(try await f.concernCounts() == before)
        }
    }

    @Test("deciding twice is refused: no second investigation, no second decision")
    func decidingTwice() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12))
            let (reportID, investigationID) = try await f.openInvestigation(child: child, s)
            let before = try await f.concernCounts()

            for outcome in ["open", "not-opened", "already-running"] {
                let errors = try requireInvalid(await f.reports.decide(reportID: reportID, outcome: outcome, date: f.todayISO, reasons: "Igen",
                                                                       caseOfficer: s.caseOfficerChoice, by: f.origin(f.intakeOfficer)))
                #expect(errors["step"]?.hasPrefix("Anmälan är redan beslutad") == true, "\(outcome): \(errors.messages)")
            }
            #expect(try await f.concernCounts() == before)
            let report = try await f.report(reportID)
            #expect(report.investigationID == investigationID && report.state.preAssessment == .openInvestigation)

            // A second report about the same child cannot open a second investigation; it
            // joins the running one, without a pre-assessment clock.
            let second = try await f.fileReport(child: child, Fixture.staffReport("Ny oro: kommer inte till skolan."))
            try await f.receiveAndAssess(second)
            let beforeSecond = try await f.concernCounts()
            let refused = try requireInvalid(await f.reports.decide(reportID: second, outcome: "open", date: f.todayISO, reasons: "Skäl",
                                                                    caseOfficer: s.caseOfficerChoice, by: f.origin(f.intakeOfficer)))
            #expect(refused["step"] == "Barnet har redan en pågående utredning. Koppla anmälan till den i stället.")
            #expect(try await f.concernCounts() == beforeSecond)
            try requireOK(await f.reports.decide(reportID: second, outcome: "already-running", date: f.todayISO, reasons: "Pågående utredning",
                                                 caseOfficer: "", by: f.origin(f.intakeOfficer)))
            let joined = try await f.report(second)
            #expect(joined.investigationID == investigationID)
            #expect(joined.state.preAssessmentClock == nil)
            #expect(try await f.count("investigations") == 1)
            guard case .handler(let view) = try requireOK(await f.reports.view(reportID: second, by: f.origin(f.intakeOfficer))) else {
                Issue.record("intake got the reporter's view"); return
            }
            #expect(view.otherReports.map(\.id) == [reportID])
            #expect(view.runningInvestigationID == investigationID)
        }
    }

    @Test("'not opened' cannot be turned into 'open' afterwards")
    func notOpenedThenOpen() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12))
            let reportID = try await f.fileReport(child: child)
            try await f.receiveAndAssess(reportID)
            try requireOK(await f.reports.decide(reportID: reportID, outcome: "not-opened", date: f.todayISO, reasons: "HEMLIGT: ingen grund",
                                                 caseOfficer: "", by: f.origin(f.intakeOfficer)))
            #expect(try await f.count("investigations") == 0)
            let before = try await f.concernCounts()
            let errors = try requireInvalid(await f.reports.decide(reportID: reportID, outcome: "open", date: f.todayISO, reasons: "Ändrat mig",
                                                                   caseOfficer: s.caseOfficerChoice, by: f.origin(f.intakeOfficer)))
            #expect(errors["step"] == "Beslutet att inte inleda utredning kan inte öppnas igen. Ny oro registreras som en ny anmälan.")
            #expect(try await f.concernCounts() == before)
            let report = try await f.report(reportID)
            #expect(report.state.preAssessment == .notOpened && report.investigationID == nil)
            let mine = try await f.reports.mine(by: f.origin(f.teacherA))
            #expect(mine.first?.1.decision == "Utredning har inte inletts.")
            #expect(mine.first?.1.lines.contains { $0.contains("HEMLIG") } == false)
        }
    }

    // MARK: Feedback

    @Test("withheld feedback: the reporter learns only that the report is handled")
    func withheldFeedback() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12))
            let reportID = try await f.fileReport(child: child)
            try requireOK(await f.reports.handle(reportID: reportID, step: .confirmReceipt, by: f.origin(f.intakeOfficer)))
            try requireOK(await f.reports.handle(reportID: reportID, step: .withholdFeedback(reason: "HEMLIGT: anmälaren är släkt med familjen"), by: f.origin(f.intakeOfficer)))
            // Withholding twice is refused.
            try requireInvalid(await f.reports.handle(reportID: reportID, step: .withholdFeedback(reason: "igen"), by: f.origin(f.intakeOfficer)))
            // Before the decision: only the receipt.
            let early = try #require(try await f.reports.mine(by: f.origin(f.teacherA)).first?.1)
            #expect(early.decision == nil && early.investigation == nil)

            try requireOK(await f.reports.requestFeedback(reportID: reportID, by: f.origin(f.teacherA)))
            try requireOK(await f.reports.handle(reportID: reportID, step: .protectionAssessment(immediateProtectionNeeded: false, f.decision(by: f.intakeOfficer, "Skäl")),
                                                 by: f.origin(f.intakeOfficer)))
            try requireOK(await f.reports.decide(reportID: reportID, outcome: "open", date: f.todayISO, reasons: "HEMLIGA-SKÄL",
                                                 caseOfficer: s.caseOfficerChoice, by: f.origin(f.intakeOfficer)))

            let feedback = try #require(try await f.reports.mine(by: f.origin(f.teacherA)).first?.1)
            #expect(feedback.decision == "Anmälan är handlagd.")
            #expect(feedback.investigation == nil)
            #expect(feedback.lines == [feedback.received, "Anmälan är handlagd."])
            #expect(!feedback.lines.contains { $0.contains("Utredning") || $0.contains("HEMLIG") })
            guard case .reporter(_, let page) = try requireOK(await f.reports.view(reportID: reportID, by: f.origin(f.teacherA))) else {
                Issue.record("reporter view expected"); return
            }
            #expect(page == feedback)
            // The request for feedback is handled by the judgement: nothing waits in intake's queue.
            let queue = try requireOK(await f.reports.queue(by: f.origin(f.intakeOfficer)))
            #expect(queue.awaitingFeedback.isEmpty)
            #expect(queue.groups.isEmpty)

            // Even after closure with consent, the reporter learns nothing more.
            let investigationID = try #require(try await f.report(reportID).investigationID)
            let guardian = try requireOK(await f.registry.addGuardian(childID: child, GuardianInput(identityNumber: "", givenName: "Gun", familyName: "Ek"), by: f.origin(s.caseOfficer)))
            _ = try requireOK(await ConsentService(store: store, clock: f.clock).register(
                childID: child, ConsentServiceTests.oralConsent(guardian: guardian, units: [f.schoolA], categories: [.outcome, .investigationStatus],
                                                                from: f.todayISO, to: f.today.adding(months: 6).iso), document: nil, by: f.origin(s.caseOfficer)))
            try requireOK(await f.investigations.close(id: investigationID, outcome: "with-intervention", date: f.todayISO, reasons: "Klart", by: f.origin(s.caseOfficer)))
            let after = try #require(try await f.reports.mine(by: f.origin(f.teacherA)).first?.1)
            #expect(after == feedback)
        }
    }

    @Test("a staff reporter's request for feedback after the decision is met at once; an anonymous one cannot ask")
    func feedbackRequests() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12))
            let reportID = try await f.fileReport(child: child)
            // Only the reporter may ask, and the refusal is logged.
            try requireDenied(await f.reports.requestFeedback(reportID: reportID, by: f.origin(f.teacherB)))
            #expect(try await f.auditRows(type: .report, .init(staffID: f.teacherB.staffID, action: .accessDenied)).count == 1)
            try requireOK(await f.reports.requestFeedback(reportID: reportID, by: f.origin(f.teacherA)))
            let requested = try await f.report(reportID)
            #expect(requested.state.feedbackRequestedAt == f.clock.now() && requested.state.feedbackGivenAt == nil)
            try requireInvalid(await f.reports.requestFeedback(reportID: reportID, by: f.origin(f.teacherA)))
            try await f.receiveAndAssess(reportID)
            try requireOK(await f.reports.decide(reportID: reportID, outcome: "not-opened", date: f.todayISO, reasons: "Skäl", caseOfficer: "", by: f.origin(f.intakeOfficer)))
            #expect(try await f.report(reportID).state.feedbackGivenAt != nil)
            // Giving feedback once more is refused.
            try requireInvalid(await f.reports.handle(reportID: reportID, step: .recordFeedbackGiven, by: f.origin(f.intakeOfficer)))
        }
    }

    // MARK: Visibility

    @Test("who sees a report: the reporter the feedback, intake everything, others nothing (and refusals are logged)")
    func visibility() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12))
            let reportID = try await f.fileReport(child: child)

            guard case .reporter(let own, _) = try requireOK(await f.reports.view(reportID: reportID, by: f.origin(f.teacherA))) else {
                Issue.record("the reporter must get the reporter's view, not the handler's"); return
            }
            #expect(own.id == reportID)
            guard case .handler(let full) = try requireOK(await f.reports.view(reportID: reportID, by: f.origin(f.intakeOfficer))) else {
                Issue.record("intake must get the handler's view"); return
            }
            #expect(full.report.observations.contains("Blåmärken"))
            guard case .handler = try requireOK(await f.reports.view(reportID: reportID, by: f.origin(s.intakeManager))) else {
                Issue.record("the intake manager handles reports too"); return
            }
            let reads = try await f.auditRows(type: .report, .init(action: .read))
            #expect(Set(reads.compactMap(\.staffID)) == [f.teacherA.staffID, f.intakeOfficer.staffID, s.intakeManager.staffID])

            // Teacher B, a family therapist, the principal of the child's school, the case
            // officer before any investigation and the administrator are all refused, each logged.
            for other in [f.teacherB!, s.familyTherapist, s.principalA, s.caseOfficer, f.admin!] {
                let reason = try requireDenied(await f.reports.view(reportID: reportID, by: f.origin(other)))
                #expect(reason == ReportService.notFound)
                let denied = try await f.auditRows(type: .report, .init(staffID: other.staffID, action: .accessDenied))
                #expect(denied.count == 1, "\(other.displayName)")
                #expect(denied.first?.recordID == String(reportID) && denied.first?.childID == child)
            }
            // A report that does not exist is refused the same way (and logged).
            let missing = try requireDenied(await f.reports.view(reportID: reportID + 1000, by: f.origin(f.teacherB)))
            #expect(missing == ReportService.notFound)
            #expect(try await f.auditRows(type: .report, .init(staffID: f.teacherB.staffID, action: .accessDenied)).count == 2)

            // Nobody but a handler of the unit may take a step.
            try requireDenied(await f.reports.handle(reportID: reportID, step: .confirmReceipt, by: f.origin(f.teacherA)))
            try requireDenied(await f.reports.handle(reportID: reportID, step: .confirmReceipt, by: f.origin(s.familyTherapist)))
            #expect(try await f.report(reportID).state.receiptConfirmedAt == nil)
            // The queue is intake's alone.
            try requireDenied(await f.reports.queue(by: f.origin(f.teacherA)))
            #expect(try await f.auditRows(type: .intakeQueue, .init(staffID: f.teacherA.staffID, action: .accessDenied)).count == 1)

            // Once an investigation covers the report, its case officer sees all of it.
            try await f.receiveAndAssess(reportID)
            try requireOK(await f.reports.decide(reportID: reportID, outcome: "open", date: f.todayISO, reasons: "Skäl", caseOfficer: s.caseOfficerChoice, by: f.origin(f.intakeOfficer)))
            guard case .handler = try requireOK(await f.reports.view(reportID: reportID, by: f.origin(s.caseOfficer))) else {
                Issue.record("the case officer must see the report"); return
            }
            let therapistDenials = try await f.auditRows(type: .report, .init(staffID: s.familyTherapist.staffID, action: .accessDenied)).count
            try requireDenied(await f.reports.view(reportID: reportID, by: f.origin(s.familyTherapist)))
            #expect(try await f.auditRows(type: .report, .init(staffID: s.familyTherapist.staffID, action: .accessDenied)).count == therapistDenials + 1)
        }
    }

    @Test("a teacher of another school cannot report on the child, and the refusal is logged")
    func fileOtherSchool() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12))
            try requireDenied(await f.reports.file(childID: child, Fixture.staffReport(), handlingUnitID: "", by: f.origin(f.teacherB)))
            try requireDenied(await f.reports.file(childID: child, Fixture.staffReport(), handlingUnitID: "", by: f.origin(s.familyTherapist)))
            #expect(try await f.count("reports") == 0)
            #expect(try await f.auditRows(type: .report, .init(staffID: f.teacherB.staffID, action: .accessDenied)).count == 1)
            #expect(try await f.auditRows(type: .report, .init(staffID: s.familyTherapist.staffID, action: .accessDenied)).count == 1)
        }
    }

    // MARK: Public e-service

    @Test("public e-service: a receipt number, at most five an hour from one address, another address still served")
    func publicThrottle() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            var input = ReportInput()
            input.reporterKind = .anonymous
            input.observations = "Ett barn på gården ropar på hjälp på kvällarna."
            let address = "198.51.100.7"
            var receipts: [String] = []
            for _ in 0..<5 {
                let receipt = try requireOK(await f.reports.submitPublic(input, childName: "Pojke, ca 8 år", childNumber: "", childSchool: "Skola A", clientAddress: address))
                #expect(receipt.wholeMatch(of: /2026-\d{6}-[A-HJ-NP-Z2-9]{4}/) != nil, "\(receipt)")
                receipts.append(receipt)
                f.clock.advance(by: 10 * 60)
            }
            #expect(Set(receipts).count == 5)
            let before = try await f.concernCounts()
            let throttled = try requireInvalid(await f.reports.submitPublic(input, childName: "Pojke, ca 8 år", childNumber: "", childSchool: "", clientAddress: address))
            #expect(throttled[ReportService.publicRefusedField]?.contains("från din internetanslutning") == true)
            #expect(try await f.concernCounts() == before)
            // Another address is still served.
            try requireOK(await f.reports.submitPublic(input, childName: "Flicka", childNumber: "", childSchool: "", clientAddress: "203.0.113.9"))
            #expect(try await f.count("reports") == 6)
            // An hour after the first submission the first address may send again.
            f.clock.advance(by: 11 * 60)
            try requireOK(await f.reports.submitPublic(input, childName: "Pojke, ca 8 år", childNumber: "", childSchool: "", clientAddress: address))
            #expect(try await f.count("reports") == 7)

            // An anonymous report is nobody's: no reporter, no child, logged as the e-service.
            let rows = try await f.auditRows(type: .report, .init(action: .create))
            #expect(rows.count == 7 && rows.allSatisfy { $0.staffID == nil && $0.staffName == "E-tjänst (anonym)" })
            let queue = try requireOK(await f.reports.queue(by: f.origin(f.intakeOfficer)))
            let first = try #require(queue.groups.first?.first)
            #expect(first.receiptNumber == receipts[0])
            #expect(first.childID == nil && first.reporterStaffID == nil && first.state.reporterKind == .anonymous && first.state.channel == .eService)
            #expect(first.childDescription == "Pojke, ca 8 år, Skola A")
            #expect(queue.groups.count == 7, "reports without a child are never grouped together")
        }
    }

    @Test("public e-service: a known child number links the report to the child; bad input writes nothing")
    func publicKnownChild() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let number = Numbers.make(2015, 3, 12)
            let child = try await f.registerChild(number, "Saga", "Ek")
            try requireDenied(await f.registry.view(childID: child, by: f.origin(f.intakeOfficer)))

            var input = ReportInput()
            input.reporterKind = .privatePerson
            input.reporterName = "Greta Granne"
            input.observations = "Saga har varit ensam hemma i flera dagar."
            let before = try await f.concernCounts()
            // A staff reporter, a bad number or a missing name is refused, and nothing is kept.
            var staff = input
            staff.reporterKind = .staff
            #expect(try requireInvalid(await f.reports.submitPublic(staff, childName: "Saga", childNumber: "", childSchool: "", clientAddress: "198.51.100.7"))["reporter_kind"] != nil)
            let bad = try requireInvalid(await f.reports.submitPublic(input, childName: " ", childNumber: "20150312-0000", childSchool: "", clientAddress: "198.51.100.7"))
            #expect(bad["child_number"] != nil && bad["child_name"] != nil)
            #expect(try await f.concernCounts() == before)

            let receipt = try requireOK(await f.reports.submitPublic(input, childName: "Saga Ek", childNumber: number, childSchool: "Skola A", clientAddress: "198.51.100.7"))
            let reportID = try await store.withConnection { db in
                try #require(try await db.raw("SELECT id FROM reports WHERE receipt_number = \(bind: receipt)").first()).decode(column: "id", as: Int64.self)
            }
            let report = try await f.report(reportID)
            #expect(report.childID == child)
            #expect(report.reporterName == "Greta Granne" && report.reporterStaffID == nil)
            #expect(report.childDescription?.contains(number) == true)
            // Linked to intake: its handlers may now open the child.
            try requireOK(await f.registry.view(childID: child, by: f.origin(f.intakeOfficer)))
            #expect(try await f.auditRows(type: .report, .init(childID: child, action: .create)).count == 1)

            // A valid number that is not in the registry leaves the report unlinked; intake links it.
            let unknown = Numbers.make(2014, 2, 2)
            try requireOK(await f.reports.submitPublic(input, childName: "Okänd", childNumber: unknown, childSchool: "", clientAddress: "198.51.100.8"))
            let queue = try requireOK(await f.reports.queue(by: f.origin(f.intakeOfficer)))
            let unlinked = try #require(queue.groups.joined().first { $0.childID == nil })
            let other = try await f.registerChild(unknown, "Ny", "Person", unit: f.schoolB, by: f.intakeOfficer)
            try requireDenied(await f.reports.linkChild(reportID: unlinked.id, childID: other, by: f.origin(f.teacherA)))
            try requireOK(await f.reports.linkChild(reportID: unlinked.id, childID: other, by: f.origin(f.intakeOfficer)))
            #expect(try await f.report(unlinked.id).childID == other)
            try requireInvalid(await f.reports.linkChild(reportID: unlinked.id, childID: child, by: f.origin(f.intakeOfficer)))
            #expect(try await f.report(unlinked.id).childID == other)
        }
    }

    @Test("a public report without a child cannot be decided until intake links it")
    func publicDecisionNeedsChild() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            var input = ReportInput()
            input.reporterKind = .anonymous
            input.observations = "Oro för ett barn i trapphuset."
            try requireOK(await f.reports.submitPublic(input, childName: "Barn i trapphuset", childNumber: "", childSchool: "", clientAddress: "198.51.100.7"))
            let reportID = try #require(try requireOK(await f.reports.queue(by: f.origin(f.intakeOfficer))).groups.first?.first?.id)
            try await f.receiveAndAssess(reportID)
            let before = try await f.concernCounts()
            let errors = try requireInvalid(await f.reports.decide(reportID: reportID, outcome: "open", date: f.todayISO, reasons: "Skäl",
                                                                   caseOfficer: s.caseOfficerChoice, by: f.origin(f.intakeOfficer)))
            #expect(errors["outcome"]?.contains("Koppla anmälan till ett barn") == true)
            #expect(try await f.concernCounts() == before)
            // An anonymous reporter can never be given feedback.
            try requireInvalid(await f.reports.handle(reportID: reportID, step: .requestFeedback, by: f.origin(f.intakeOfficer)))
        }
    }
}
