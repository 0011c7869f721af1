import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Investigations: extension, closure, what the school is told, statements and follow-up")
struct InvestigationServiceTests {
    static func endOf(_ iso: String) -> Date { Stockholm.endOfDay(SimpleDate(iso: iso)!) }

    @Test("an extension replaces the due date and keeps the history")
    func extendKeepsHistory() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let (_, id) = try await f.openInvestigation(child: child, s)
            let original = try await f.investigation(id).state.clock.dueAt
            #expect(original == Self.endOf("2027-03-18"))
            let officer = f.origin(s.caseOfficer)

            // Refusals write nothing: a day not later than the due day, no reasons, a bad day.
            let before = try await f.concernCounts()
            let notLater = try requireInvalid(await f.investigations.extend(id: id, to: "2027-03-18", date: f.todayISO, reasons: "Skäl", by: officer))
            #expect(notLater["step"] == ClockError.extensionNotLater.message)
            let incomplete = try requireInvalid(await f.investigations.extend(id: id, to: "18/5", date: f.todayISO, reasons: " ", by: officer))
            #expect(incomplete["new_due"] != nil && incomplete["reasons"] != nil)
            try requireDenied(await f.investigations.extend(id: id, to: "2027-05-18", date: f.todayISO, reasons: "Skäl", by: f.origin(f.intakeOfficer)))
            #expect(try await f.concernCounts() == before)
            #expect(try await f.investigation(id).state.clock.dueAt == original)

            f.clock.advance(by: 30 * 86_400)
            try requireOK(await f.investigations.extend(id: id, to: "2027-05-18", date: f.todayISO, reasons: "Väntar på BUP:s bedömning", by: officer))
            let once = try await f.investigation(id).state.clock
            #expect(once.dueLabel == "2027-05-18")
            #expect(once.originalDue == original)
            #expect(once.extensions.map(\.previousDue) == [original])
            #expect(once.extensions.first?.reason == "Väntar på BUP:s bedömning")

            try requireOK(await f.investigations.extend(id: id, to: "2027-06-30", date: f.todayISO, reasons: "Fler samtal behövs", by: officer))
            let twice = try await f.investigation(id).state.clock
            #expect(twice.dueAt == Self.endOf("2027-06-30"))
            #expect(twice.extensions.map(\.previousDue) == [original, Self.endOf("2027-05-18")])
            #expect(twice.extensions.map(\.newDue) == [Self.endOf("2027-05-18"), Self.endOf("2027-06-30")])
            // The stored due time follows, for the lists that sort and filter on it.
            let stored = try await store.withConnection { db in
                try await db.raw("SELECT due_at FROM investigations WHERE id = \(bind: id)").first()!.decode(column: "due_at", as: Int64.self)
            }
            #expect(stored == twice.dueAt.epochSeconds)
            // Each extension is a decision of its own: who, when, why.
            let view = try requireOK(await f.investigations.view(id: id, by: officer))
            let extensions = view.decisions.filter { $0.kind == "extension" }
            #expect(extensions.map(\.newDueAt) == [Self.endOf("2027-05-18"), Self.endOf("2027-06-30")])
            #expect(extensions.map(\.record.reasons) == ["Väntar på BUP:s bedömning", "Fler samtal behövs"])
            #expect(extensions.allSatisfy { $0.record.decidedBy == s.caseOfficer.staffID })

            // A closed investigation is not extended.
            try requireOK(await f.investigations.close(id: id, outcome: "without-intervention", date: f.todayISO, reasons: "Klart", by: officer))
            let closed = try await f.concernCounts()
            let late = try requireInvalid(await f.investigations.extend(id: id, to: "2027-08-31", date: f.todayISO, reasons: "Skäl", by: officer))
            #expect(late["step"] == "Utredningen är avslutad och kan inte förlängas.")
            #expect(try await f.concernCounts() == closed)
        }
    }

    @Test("only the case officer and the investigating unit reach an investigation; refusals are logged")
    func access() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12))
            let (_, id) = try await f.openInvestigation(child: child, s)
            try requireOK(await f.investigations.view(id: id, by: f.origin(s.caseOfficer)))
            try requireOK(await f.investigations.view(id: id, by: f.origin(s.investigationManager)))
            for other in [f.intakeOfficer!, f.teacherA!, s.principalA, s.familyTherapist, s.intakeManager] {
                let reason = try requireDenied(await f.investigations.view(id: id, by: f.origin(other)))
                #expect(reason == InvestigationService.notFound)
                let denied = try await f.auditRows(type: .investigation, .init(staffID: other.staffID, action: .accessDenied))
                #expect(denied.count == 1 && denied.first?.recordID == String(id) && denied.first?.childID == child, "\(other.displayName)")
            }
            let before = try await f.concernCounts()
            try requireDenied(await f.investigations.close(id: id, outcome: "without-intervention", date: f.todayISO, reasons: "Skäl", by: f.origin(f.intakeOfficer)))
            try requireDenied(await f.investigations.requestStatement(id: id, by: f.origin(s.principalA)))
            #expect(try await f.concernCounts() == before)
            #expect(try await f.investigation(id).state.isOpen)
        }
    }

    @Test("closing twice is refused and writes nothing the second time")
    func closeTwice() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12))
            let (_, id) = try await f.openInvestigation(child: child, s)
            let officer = f.origin(s.caseOfficer)
            let bad = try requireInvalid(await f.investigations.close(id: id, outcome: "done", date: f.todayISO, reasons: "", by: officer))
            #expect(bad["outcome"] == "Välj hur utredningen avslutas." && bad["reasons"] != nil)
            #expect(try await f.investigation(id).state.isOpen)

            f.clock.advance(by: 86_400)
            try requireOK(await f.investigations.close(id: id, outcome: "without-intervention", date: f.todayISO, reasons: "Inget behov av insats", by: officer))
            let closed = try await f.investigation(id)
            #expect(closed.state.closedAt == f.clock.now() && closed.state.outcome == .withoutIntervention)
            #expect(closed.state.clock.state(at: f.clock.now()) == .met)
            #expect(try await store.withConnection { db in try await InvestigationQueries.running(childID: child, db) } == nil)

            let before = try await f.concernCounts()
            f.clock.advance(by: 3600)
            let again = try requireInvalid(await f.investigations.close(id: id, outcome: "with-intervention", date: f.todayISO, reasons: "Igen", by: officer))
            #expect(again["step"] == "Utredningen är redan avslutad.")
            #expect(try await f.concernCounts() == before)
            let still = try await f.investigation(id)
            #expect(still.state.closedAt == closed.state.closedAt && still.state.outcome == .withoutIntervention)
            #expect(try await f.decisions(investigation: id).filter { $0.kind == "closure" }.count == 1)
            #expect(try await f.count("school_notices") == 1)
        }
    }

    @Test("closure tells the school the outcome only when a consent in the registry names the school and the outcome")
    func closureNotices() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let withConsent = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let withoutConsent = try await f.registerChild(Numbers.make(2014, 6, 1), "Olle", "Al")
            let (reportWith, investigationWith) = try await f.openInvestigation(child: withConsent, s)
            let (reportWithout, investigationWithout) = try await f.openInvestigation(child: withoutConsent, s)
            let officer = f.origin(s.caseOfficer)
            // The consent registry decides: one child's consent names the school and the
            // outcome; the other's names the school but only the investigation's status.
            let consents = ConsentService(store: store, clock: f.clock)
            for (child, categories) in [(withConsent, [ConsentCategory.outcome]), (withoutConsent, [.investigationStatus])] {
                // Social services holds the outcome: its case officer records the consent, from its own record of the guardian.
                let guardian = try requireOK(await f.registry.addGuardian(childID: child, GuardianInput(identityNumber: "", givenName: "Gun", familyName: "Vårdnadshavare"), by: f.origin(s.caseOfficer)))
                var input = ConsentServiceTests.oralConsent(guardian: guardian, units: [f.schoolA], categories: categories, from: f.todayISO, to: f.today.adding(months: 6).iso)
                input.childView = "Barnet tycker att skolan och socialtjänsten ska prata med varandra."
                _ = try requireOK(await consents.register(childID: child, input, document: nil, by: f.origin(s.caseOfficer)))
            }
            #expect(try await f.consultations.schoolNotices(by: f.origin(s.principalA)).isEmpty)

            for id in [investigationWith, investigationWithout] {
                try requireOK(await f.investigations.close(id: id, outcome: "with-intervention", date: f.todayISO, reasons: "HEMLIGA-SKÄL", by: officer))
            }
            let notices = try await f.consultations.schoolNotices(by: f.origin(s.principalA))
            #expect(notices.count == 2)
            #expect(notices.filter { $0.childID == withConsent }.map(\.message) == ["Socialtjänstens utredning är avslutad med insats."])
            #expect(notices.filter { $0.childID == withoutConsent }.map(\.message) == ["Socialtjänstens utredning är avslutad."])
            #expect(notices.allSatisfy { $0.unitName == "Skola A" && !$0.message.contains("HEMLIG") })
            // Another school, and staff who do not lead the school, are told nothing.
            #expect(try await f.consultations.schoolNotices(by: f.origin(s.principalB)).isEmpty)
            #expect(try await f.consultations.schoolNotices(by: f.origin(f.teacherA)).isEmpty)

            // The reporter's feedback follows the same rule.
            let mine = try await f.reports.mine(by: f.origin(f.teacherA))
            #expect(mine.first { $0.0.id == reportWith }?.1.investigation == "Utredningen är avslutad med insats.")
            #expect(mine.first { $0.0.id == reportWithout }?.1.investigation == "Utredningen är avslutad.")
        }
    }

    @Test("a placement tells the child's school at once; other interventions do not")
    func placementNotice() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let (_, id) = try await f.openInvestigation(child: child, s)
            let officer = f.origin(s.caseOfficer)

            let before = try await f.concernCounts()
            let backwards = try requireInvalid(await f.investigations.addIntervention(id: id, kind: "foster-home", start: f.todayISO, end: f.today.adding(days: -1).iso,
                                                                                      responsible: "Familjehemsenheten", date: f.todayISO, reasons: "Skäl", by: officer))
            #expect(backwards["step"] == "Slutdatum kan inte vara före startdatum.")
            let incomplete = try requireInvalid(await f.investigations.addIntervention(id: id, kind: "holiday", start: "snart", end: "", responsible: " ",
                                                                                       date: f.todayISO, reasons: "Skäl", by: officer))
            #expect(incomplete["kind"] != nil && incomplete["start"] != nil && incomplete["responsible"] != nil)
            #expect(try await f.concernCounts() == before)

            let start = f.today.adding(days: 3).iso
            try requireOK(await f.investigations.addIntervention(id: id, kind: "foster-home", start: start, end: "", responsible: "Familjehemsenheten",
                                                                 date: f.todayISO, reasons: "HEMLIGT: placering behövs", by: officer))
            let notices = try await f.consultations.schoolNotices(by: f.origin(s.principalA))
            #expect(notices.map(\.message) == ["Barnet kommer inte till förskolan/skolan på grund av placering från och med \(start)."])
            #expect(notices.first?.childID == child && notices.first?.childName == "Saga Ek")
            #expect(try await f.consultations.schoolNotices(by: f.origin(s.principalB)).isEmpty)

            try requireOK(await f.investigations.addIntervention(id: id, kind: "parent-support", start: f.todayISO, end: "", responsible: "Öppenvården",
                                                                 date: f.todayISO, reasons: "Stöd", by: officer))
            #expect(try await f.count("school_notices") == 1)
            let view = try requireOK(await f.investigations.view(id: id, by: officer))
            #expect(view.interventions.map(\.kind) == [.parentSupport, .fosterHome])
            #expect(view.interventions.allSatisfy { $0.decidedByName == s.caseOfficer.displayName })
            #expect(view.decisions.filter { $0.kind == "intervention" }.compactMap(\.outcome) == ["foster-home", "parent-support"])

            // Closed without intervention: no new intervention without a new investigation.
            try requireOK(await f.investigations.close(id: id, outcome: "without-intervention", date: f.todayISO, reasons: "Skäl", by: officer))
            let closed = try await f.concernCounts()
            try requireInvalid(await f.investigations.addIntervention(id: id, kind: "residential-care", start: f.todayISO, end: "", responsible: "HVB",
                                                                      date: f.todayISO, reasons: "Skäl", by: officer))
            #expect(try await f.concernCounts() == closed)
        }
    }

    @Test("the statement goes to the principal of the child's school, and only that principal returns it")
    func statement() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let (_, id) = try await f.openInvestigation(child: child, s)
            let officer = f.origin(s.caseOfficer)
            #expect(try await f.investigations.statementRequests(by: f.origin(s.principalA)).isEmpty)

            try requireOK(await f.investigations.requestStatement(id: id, by: officer))
            let requested = try await f.investigation(id)
            #expect(requested.statementUnitID == f.schoolA && requested.state.statementRequestedAt == f.clock.now())
            let twice = try requireInvalid(await f.investigations.requestStatement(id: id, by: officer))
            #expect(twice["step"] == "Utlåtande är redan begärt.")

            #expect(try await f.investigations.statementRequests(by: f.origin(s.principalA)).map(\.id) == [id])
            #expect(try await f.investigations.statementRequests(by: f.origin(s.principalB)).isEmpty)
            #expect(try await f.investigations.statementRequests(by: f.origin(f.teacherA)).isEmpty)

            f.clock.advance(by: 5 * 86_400)
            for other in [s.principalB, f.teacherA!, f.intakeOfficer!] {
                try requireDenied(await f.investigations.returnStatement(id: id, by: f.origin(other)))
                let denied = try await f.auditRows(type: .statement, .init(staffID: other.staffID, action: .accessDenied))
                #expect(denied.count == 1 && denied.first?.recordID == String(id), "\(other.displayName)")
            }
            #expect(try await f.investigation(id).state.statementReturnedAt == nil)

            try requireOK(await f.investigations.returnStatement(id: id, by: f.origin(s.principalA)))
            let returned = try await f.investigation(id)
            #expect(returned.state.statementReturnedAt == f.clock.now())
            #expect(returned.statementReturnedBy == s.principalA.displayName)
            #expect(try await f.auditRows(type: .statement, .init(staffID: s.principalA.staffID, action: .update)).count == 1)
            let again = try requireInvalid(await f.investigations.returnStatement(id: id, by: f.origin(s.principalA)))
            #expect(again["step"] == "Utlåtandet är redan återsänt.")
            #expect(try await f.investigations.statementRequests(by: f.origin(s.principalA)).isEmpty)
        }
    }

    @Test("a child with no school: no statement can be requested, and nothing is written")
    func statementWithoutSchool() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            // Intake registers a child without a school and reports on its behalf (e.g. a phone call).
            let input = ChildInput(identityNumber: Numbers.make(2019, 9, 9), givenName: "Liten", familyName: "Hemma", unitID: "")
            guard case .created(let child) = try requireOK(await f.registry.register(input, by: f.origin(f.intakeOfficer))) else {
                Issue.record("expected a new child"); return
            }
            let (_, id) = try await f.openInvestigation(child: child, s, reporter: f.intakeOfficer)
            let before = try await f.concernCounts()
            let errors = try requireInvalid(await f.investigations.requestStatement(id: id, by: f.origin(s.caseOfficer)))
            #expect(errors["step"] == "Barnet har ingen skola eller förskola registrerad att begära utlåtande från.")
            #expect(try await f.concernCounts() == before)
            let record = try await f.investigation(id)
            #expect(record.statementUnitID == nil && record.state.statementRequestedAt == nil)
            // Closing it tells no school anything.
            try requireOK(await f.investigations.close(id: id, outcome: "without-intervention", date: f.todayISO, reasons: "Skäl", by: f.origin(s.caseOfficer)))
            #expect(try await f.count("school_notices") == 0)
        }
    }

    @Test("follow-up: only after closure, and at most six months from the closure")
    func followUp() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let (_, id) = try await f.openInvestigation(child: child, s)
            let officer = f.origin(s.caseOfficer)
            let open = try requireInvalid(await f.investigations.startFollowUp(id: id, until: "2027-01-31", date: f.todayISO, reasons: "Skäl", by: officer))
            #expect(open["step"] == "Uppföljning kan beslutas först när utredningen är avslutad.")

            // Closed on 2026-11-18: the follow-up may last to 2027-05-18, whenever it is decided.
            try requireOK(await f.investigations.close(id: id, outcome: "without-intervention", date: f.todayISO, reasons: "Skäl", by: officer))
            #expect(try await f.investigation(id).state.latestFollowUpDay == SimpleDate(iso: "2027-05-18"))
            f.clock.advance(by: 60 * 86_400)
            let before = try await f.concernCounts()
            let beyond = try requireInvalid(await f.investigations.startFollowUp(id: id, until: "2027-05-19", date: f.todayISO, reasons: "Skäl", by: officer))
            #expect(beyond["step"] == "Uppföljningen får pågå högst sex månader efter avslutet, till och med 2027-05-18.")
            let past = try requireInvalid(await f.investigations.startFollowUp(id: id, until: "2026-12-24", date: f.todayISO, reasons: "Skäl", by: officer))
            #expect(past["step"] == "Slutdatum för uppföljningen har redan passerat.")
            #expect(try await f.concernCounts() == before)
            #expect(try await f.investigation(id).state.followUpUntil == nil)

            try requireOK(await f.investigations.startFollowUp(id: id, until: "2027-05-18", date: f.todayISO, reasons: "Följa upp skolnärvaron", by: officer))
            #expect(try await f.investigation(id).state.followUpUntil == SimpleDate(iso: "2027-05-18"))
            let twice = try requireInvalid(await f.investigations.startFollowUp(id: id, until: "2027-04-30", date: f.todayISO, reasons: "Skäl", by: officer))
            #expect(twice["step"] == "Uppföljning är redan beslutad.")
            let decisions = try await f.decisions(investigation: id).filter { $0.kind == "follow-up" }
            #expect(decisions.map(\.outcome) == ["2027-05-18"])

            // The follow-up is on the case officer's work list with its last day.
            let list = try await f.workLists.workList(by: f.origin(s.caseOfficer))
            let item = try #require(list.items.first { $0.investigationID == id })
            #expect(item.dueDay == SimpleDate(iso: "2027-05-18") && item.kind == .followUp && item.state == .running)
        }
    }

    @Test("a reference conversation with the pedagogue is recorded in the investigation by its case officer, audited, and in the register extract")
    func referenceConversation() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let (_, investigation) = try await f.openInvestigation(child: child, s)
            let input = ReferenceConversationInput(withName: "Lars Lärare", withRole: "Mentor, Skola A", heldOn: f.todayISO, note: "Saga är ofta trött och hungrig.")
            try requireDenied(await f.investigations.recordReferenceConversation(id: investigation, input, by: f.origin(f.teacherA)))
            try requireInvalid(await f.investigations.recordReferenceConversation(id: investigation, ReferenceConversationInput(withName: "Lars"), by: f.origin(s.caseOfficer)))
            #expect(try await f.count("reference_conversations") == 0)
            try requireOK(await f.investigations.recordReferenceConversation(id: investigation, input, by: f.origin(s.caseOfficer)))
            let view = try requireOK(await f.investigations.view(id: investigation, by: f.origin(s.caseOfficer)))
            #expect(view.referenceConversations.map(\.conversation.withName) == ["Lars Lärare"])
            #expect(try await f.auditRows(type: .referenceConversation).contains { $0.action == .create && $0.childID == child })
            let (_, extract) = try requireOK(await RegisterExtractService(store: store, clock: f.clock).extract(identityNumber: Numbers.make(2015, 3, 12), purpose: "Begäran", by: f.origin(f.logReviewer)))
            #expect(extract.text.contains("REFERENSSAMTAL MED FÖRSKOLA/SKOLA (1)") && extract.text.contains("Saga är ofta trött och hungrig."))
        }
    }

    @Test("an intervention's genomförandeplan says the school's task; the case officer gets a task to follow it up; the extract has it")
    func schoolTask() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let (_, investigation) = try await f.openInvestigation(child: child, s)
            try requireOK(await f.investigations.addIntervention(id: investigation, kind: InterventionKind.parentSupport.rawValue, start: f.todayISO, end: "", responsible: "Frida",
                                                                 schoolTask: "Mentorn ringer hem varje fredag om veckans närvaro.", date: f.todayISO, reasons: "Behov av stöd", by: f.origin(s.caseOfficer)))
            let view = try requireOK(await f.investigations.view(id: investigation, by: f.origin(s.caseOfficer)))
            #expect(view.interventions.first?.schoolTask == "Mentorn ringer hem varje fredag om veckans närvaro.")
            let items = try await f.workLists.workList(by: f.origin(s.caseOfficer)).items
            #expect(items.contains { $0.text?.hasPrefix("Följ upp skolans uppgift i genomförandeplanen") == true && $0.dueLabel == f.today.adding(months: 1).iso })
            let (_, extract) = try requireOK(await RegisterExtractService(store: store, clock: f.clock).extract(identityNumber: Numbers.make(2015, 3, 12), purpose: "Begäran", by: f.origin(f.logReviewer)))
            #expect(extract.text.contains("Skolans uppgift: Mentorn ringer hem varje fredag"))
            // Without a school task there is no follow-up task.
            try requireOK(await f.investigations.addIntervention(id: investigation, kind: InterventionKind.familyTreatment.rawValue, start: f.todayISO, end: "", responsible: "Frida",
                                                                 date: f.todayISO, reasons: "Behov av stöd", by: f.origin(s.caseOfficer)))
            #expect(try await f.workLists.workList(by: f.origin(s.caseOfficer)).items.filter { $0.text?.hasPrefix("Följ upp skolans uppgift") == true }.count == 1)
        }
    }
}
