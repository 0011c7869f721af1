import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Programmes: a Trampolinen family from nomination to the follow-up after closure, on the store")
struct ProgrammeServiceTests {
    struct Setup {
        var f: Fixture
        var s: ConcernStaff
        var service: ProgrammeService
        var alva: RecordID
        var ebbe: RecordID
        var assistant: Actor
        var socialWorker: Actor
        var steering: Actor
    }

    static func account(_ f: Fixture, _ username: String, _ name: String, _ role: Role, unit: RecordID?) async throws -> Actor {
        let hash = try await FastTestHasher().hash("rätt-lösenord-123")
        return try await f.store.transaction { db in
            let id = try await OrganisationQueries.insertStaff(username: username, displayName: name, email: nil, passwordHash: hash, mustChangePassword: false, now: Fixture.start, db)
            _ = try await OrganisationQueries.insertAssignment(staffID: id, role: role, unitID: unit, now: Fixture.start, db)
            return try await OrganisationQueries.actor(staffID: id, db)!
        }
    }

    static func setUp(_ store: Store) async throws -> Setup {
        let f = try await Fixture(store)
        let s = try await ConcernStaff(f)
        let alva = try await f.registerChild(Numbers.make(2018, 4, 2), "Alva", "Ek")
        let ebbe = try await f.registerChild(Numbers.make(2014, 6, 9, serial: 982), "Ebbe", "Ek")
        return Setup(f: f, s: s, service: ProgrammeService(store: store, clock: f.clock), alva: alva, ebbe: ebbe,
                     assistant: try await account(f, "behandling", "Bo Behandlingsassistent", .treatmentAssistant, unit: s.treatmentUnit),
                     socialWorker: try await account(f, "skolsocionom", "Stina Skolsocionom", .schoolSocialWorker, unit: f.schoolA),
                     steering: try await account(f, "styrgrupp", "Vera Styrgrupp", .steeringGroupMember, unit: nil))
    }

    static func nomination(_ x: Setup, needsAtHome: Bool = true) -> ProgrammeNominationInput {
        var input = ProgrammeNominationInput()
        input.nominatedBy = ProgrammeNominator.schoolStudentHealth.rawValue
        input.studentHealthMeetingOn = x.f.today.adding(days: -3).iso
        input.children = [ProgrammeChildInput(childID: x.alva, name: "", level: "2"), ProgrammeChildInput(childID: x.ebbe, name: "", level: "6")]
        input.concernSince = x.f.today.adding(months: -8).iso
        input.concern = "Problematisk frånvaro"
        input.earlierMeasures = "Anpassningar och föräldrastöd har inte räckt till"
        input.needsAtSchool = true
        input.needsAtHome = needsAtHome
        input.needsDescription = "Stöd i skolan och hemma"
        input.familyApplied = true
        input.appliedOn = x.f.today.adding(days: -1).iso
        return input
    }

    static let key = ProgrammeDefinition.trampolinen.key

    /// Nominated by rektor A, referred, selected, accepted with the team named, both documents written and anchored.
    static func prepared(_ x: Setup) async throws -> RecordID {
        let f = x.f
        let id = try requireOK(await x.service.nominate(programmeKey: key, nomination(x), by: f.origin(x.s.principalA)))
        try requireOK(await x.service.refer(id, principalID: x.s.principalA.staffID, caseOfficerID: x.s.caseOfficer.staffID, on: f.todayISO, by: f.origin(x.s.principalA)))
        try requireOK(await x.service.decide(id, .select, ProgrammeDecisionInput(decidedBy: x.steering.staffID, date: f.todayISO, reasons: "Uppfyller kriterierna"), by: f.origin(x.steering)))
        var answer = ProgrammeFamilyResponseInput()
        answer.answer = "ja"
        answer.respondedOn = f.todayISO
        answer.informedBy = "Rut Rektor A och Sara Socialsekreterare"
        answer.consentGivenBy = "Gun Ek"
        answer.team = [x.s.principalA, x.s.caseOfficer, x.assistant, x.socialWorker, f.teacherA].map(\.staffID)
        answer.mayShare = "Det insatsen behöver"
        answer.validTo = f.today.adding(months: 12).iso
        try requireOK(await x.service.recordResponse(id, answer, by: f.origin(x.s.caseOfficer)))
        for child in [x.alva, x.ebbe] { _ = try requireOK(await x.service.writeDocument(id, document("vardplan", child: child, f), by: f.origin(x.s.caseOfficer))) }
        _ = try requireOK(await x.service.writeDocument(id, document("trampolinutredning", child: nil, f), by: f.origin(x.socialWorker)))
        return id
    }

    static func document(_ key: String, child: RecordID?, _ f: Fixture) -> ProgrammeDocumentInput {
        var input = ProgrammeDocumentInput()
        input.key = key
        input.childID = child
        input.writtenOn = f.todayISO
        input.summary = "Situationen vid start: hög frånvaro."
        input.anchoredOn = f.todayISO
        input.anchoredWith = "Barnen och föräldrarna"
        return input
    }

    static func grant(_ x: Setup, _ id: RecordID) async throws {
        try requireOK(await x.service.grant(id, ProgrammeDecisionInput(decidedBy: x.steering.staffID, date: x.f.todayISO, reasons: "Båda dokumenten finns"), by: x.f.origin(x.steering)))
    }

    @Test("a document kind families have written cannot be removed from the definition; renaming it can; one nobody wrote can go")
    func writtenDocumentKindsStay() async throws {
        try await TestDatabase.withStore { store in
            let x = try await Self.setUp(store)
            _ = try await Self.prepared(x)
            let admin = try await Self.account(x.f, "programadmin", "Pia Programadmin", .systemAdministrator, unit: nil)
            var without = ProgrammeDefinition.trampolinen
            without.documents.removeAll { $0.key == "vardplan" }
            let errors = try requireInvalid(await x.service.saveDefinition(json: ProgrammeDefinitionRules.encode(without), by: x.f.origin(admin)))
            #expect(errors["documents"]?.contains("Vårdplan") == true, "\(errors.messages)")
            #expect(try await x.service.definition(key: Self.key)?.document("vardplan") != nil, "nothing saved")

            var renamed = ProgrammeDefinition.trampolinen
            renamed.documents = renamed.documents.map { var d = $0; if d.key == "vardplan" { d.name = "Vårdplan (IFO)" }; return d }
            _ = try requireOK(await x.service.saveDefinition(json: ProgrammeDefinitionRules.encode(renamed), by: x.f.origin(admin)))
            var unwritten = renamed
            unwritten.documents.removeAll { $0.key == "handlingsplan" }
            _ = try requireOK(await x.service.saveDefinition(json: ProgrammeDefinitionRules.encode(unwritten), by: x.f.origin(admin)))
            #expect(try await x.service.definition(key: Self.key)?.document("handlingsplan") == nil)
        }
    }

    @Test("a family without needs at home is refused with the reason and nothing is half-saved; a school that does not have the children cannot nominate")
    func refusedNomination() async throws {
        try await TestDatabase.withStore { store in
            let x = try await Self.setUp(store)
            let errors = try requireInvalid(await x.service.nominate(programmeKey: Self.key, Self.nomination(x, needsAtHome: false), by: x.f.origin(x.s.principalA)))
            #expect(errors["needs"]?.contains("hemsituationen") == true)
            #expect(try await x.f.count("programme_enrolments") == 0)
            #expect(try await x.f.count("programme_children") == 0)
            try requireDenied(await x.service.nominate(programmeKey: Self.key, Self.nomination(x), by: x.f.origin(x.f.teacherB)))
            #expect(try await x.f.count("programme_enrolments") == 0)
            let id = try requireOK(await x.service.nominate(programmeKey: Self.key, Self.nomination(x), by: x.f.origin(x.s.principalA)))
            let page = try requireOK(await x.service.page(id, by: x.f.origin(x.s.principalA)))
            #expect(page.record.enrolment.children.map(\.name) == ["Alva Ek", "Ebbe Ek"])
            #expect(page.record.enrolment.children.map(\.role) == [.target, .olderSibling])
            #expect(page.record.enrolment.stage == .nominated && page.mayWork && !page.mayDecide)
        }
    }

    @Test("the steering group's queue shows every nominated family and decides; others see neither the queue nor the family")
    func steeringGroup() async throws {
        try await TestDatabase.withStore { store in
            let x = try await Self.setUp(store)
            let f = x.f
            let id = try requireOK(await x.service.nominate(programmeKey: Self.key, Self.nomination(x), by: f.origin(x.s.principalA)))
            #expect(try requireOK(await x.service.queue(programmeKey: Self.key, by: f.origin(x.steering))).map(\.enrolment.id) == [id])
            try requireDenied(await x.service.queue(programmeKey: Self.key, by: f.origin(x.s.principalA)))
            try requireDenied(await x.service.page(id, by: f.origin(f.teacherB)))
            try requireDenied(await x.service.page(id, by: f.origin(x.assistant)))
            // Not before rektor and socialsekreterare bring it; not by a rektor.
            let early = try requireInvalid(await x.service.decide(id, .select, ProgrammeDecisionInput(decidedBy: x.steering.staffID, date: f.todayISO, reasons: "x"), by: f.origin(x.steering)))
            #expect(early["decision"] != nil)
            try requireOK(await x.service.refer(id, principalID: x.s.principalA.staffID, caseOfficerID: x.s.caseOfficer.staffID, on: f.todayISO, by: f.origin(x.s.principalA)))
            try requireDenied(await x.service.decide(id, .select, ProgrammeDecisionInput(decidedBy: x.steering.staffID, date: f.todayISO, reasons: "x"), by: f.origin(x.s.principalA)))
            let bare = try requireInvalid(await x.service.decide(id, .decline, ProgrammeDecisionInput(), by: f.origin(x.steering)))
            #expect(bare["decided_by"] != nil && bare["decision_date"] != nil && bare["reasons"] != nil)
            try requireOK(await x.service.decide(id, .decline, ProgrammeDecisionInput(decidedBy: x.steering.staffID, date: f.todayISO, reasons: "Annan insats passar bättre"), by: f.origin(x.steering)))
            let page = try requireOK(await x.service.page(id, by: f.origin(x.steering)))
            #expect(page.record.enrolment.stage == .declined && page.record.enrolment.decisions.first?.reasons == "Annan insats passar bättre")
            let denied = try await f.auditRows().filter { $0.staffID == f.teacherB.staffID && $0.action == .accessDenied && $0.recordType == AuditRecordType.programmeEnrolment.rawValue }
            #expect(denied.count == 1 && denied[0].childID == x.alva)
        }
    }

    @Test("the decision forum cannot grant before both documents exist and are anchored; then grants with decision-maker, date and reasons")
    func grant() async throws {
        try await TestDatabase.withStore { store in
            let x = try await Self.setUp(store)
            let f = x.f
            let id = try await Self.prepared(x)
            // Take the Trampolinutredning away: the forum is refused and nothing is stored.
            try await store.singleStatement { db in try await db.raw("DELETE FROM programme_documents WHERE document_key = 'trampolinutredning'").run() }
            let missing = try requireInvalid(await x.service.grant(id, ProgrammeDecisionInput(decidedBy: x.steering.staffID, date: f.todayISO, reasons: "Skäl"), by: f.origin(x.steering)))
            #expect(missing["documents"]?.contains("Trampolinutredning saknas") == true)
            #expect(try await f.count("programme_decisions") == 1)
            var unanchored = Self.document("trampolinutredning", child: nil, f)
            unanchored.anchoredOn = ""
            unanchored.anchoredWith = ""
            let documentID = try requireOK(await x.service.writeDocument(id, unanchored, by: f.origin(x.socialWorker)))
            let notAnchored = try requireInvalid(await x.service.grant(id, ProgrammeDecisionInput(decidedBy: x.steering.staffID, date: f.todayISO, reasons: "Skäl"), by: f.origin(x.steering)))
            #expect(notAnchored["documents"]?.contains("inte förankrad") == true)
            try requireOK(await x.service.anchorDocument(id, documentID: documentID, on: f.todayISO, with: "Alva, Ebbe och Gun", by: f.origin(x.socialWorker)))
            let bare = try requireInvalid(await x.service.grant(id, ProgrammeDecisionInput(), by: f.origin(x.steering)))
            #expect(bare["decided_by"] != nil && bare["decision_date"] != nil && bare["reasons"] != nil && bare["documents"] == nil)
            try requireDenied(await x.service.grant(id, ProgrammeDecisionInput(decidedBy: x.steering.staffID, date: f.todayISO, reasons: "Skäl"), by: f.origin(x.assistant)))
            try await Self.grant(x, id)
            let page = try requireOK(await x.service.page(id, by: f.origin(x.assistant)))
            #expect(page.record.enrolment.stage == .running && page.record.enrolment.grant?.decidedBy.id == x.steering.staffID)
            let audit = try await f.auditRows().filter { $0.recordType == AuditRecordType.programmeEnrolment.rawValue && $0.reason.contains("Insatsen beviljad") }
            #expect(audit.count == 1 && audit[0].reason.contains("SoL (2025:400) 11 kap. 1 §") && audit[0].childID == x.alva)
        }
    }

    func followUpBooking(_ x: Setup, child: Bool = false) -> MeetingBookingInput {
        let f = x.f
        var input = MeetingBookingInput()
        let principal = Participant(name: x.s.principalA.displayName, roles: [.principal], staffID: x.s.principalA.staffID)
        let officer = Participant(name: x.s.caseOfficer.displayName, roles: [.caseOfficer], staffID: x.s.caseOfficer.staffID)
        input.participants = [principal, officer, Participant(name: "Gun Ek", roles: [.guardian]),
                              Participant(name: f.teacherA.displayName, roles: [.teacher], staffID: f.teacherA.staffID),
                              Participant(name: x.assistant.displayName, roles: [.treatmentAssistant], staffID: x.assistant.staffID),
                              Participant(name: x.socialWorker.displayName, roles: [.schoolSocialWorker], staffID: x.socialWorker.staffID)]
        if child { input.participants.append(Participant(name: "Alva Ek", roles: [.child])) }
        input.assignments = [.chair: principal, .secretary: officer, .convener: officer]
        input.date = f.todayISO
        input.startTime = "00:00"
        input.endTime = "01:00"
        input.place = "Skola A"
        return input
    }

    @Test("monthly follow-ups on the meeting machinery: the child only on both decisions, talks recorded, the next meeting booked before closing, the clock met")
    func monthlyFollowUp() async throws {
        try await TestDatabase.withStore { store in
            let x = try await Self.setUp(store)
            let f = x.f
            let id = try await Self.prepared(x)
            let tooEarly = try requireInvalid(await x.service.bookFollowUp(id, followUpBooking(x), childAttendance: .init(), by: f.origin(x.s.caseOfficer)))
            #expect(tooEarly["meeting"] != nil)
            try await Self.grant(x, id)
            let one = try requireInvalid(await x.service.bookFollowUp(id, followUpBooking(x, child: true), childAttendance: .init(principalAgrees: true, reason: "Bäst för Alva"),
                                                                       by: f.origin(x.s.caseOfficer)))
            #expect(one["child_attendance_decision"] == ProgrammeMeetingRules.jointDecisionMessage)
            try requireDenied(await x.service.bookFollowUp(id, followUpBooking(x), childAttendance: .init(), by: f.origin(f.teacherB)))
            // The generic context booking does not go around the programme's rules.
            let generic = try requireInvalid(await MeetingContextService(store: store, clock: f.clock).book(MeetingContext(.programmeEnrolment, id), typeKey: MeetingType.trampolinenFollowUp.key,
                                                                                                          followUpBooking(x), by: f.origin(x.s.caseOfficer)))
            #expect(generic["type"] != nil)
            // Rektor and socialsekreterare decide together that Alva attends.
            let (meetingID, _) = try requireOK(await x.service.bookFollowUp(id, followUpBooking(x, child: true),
                                                                            childAttendance: .init(principalAgrees: true, caseOfficerAgrees: true, reason: "Alva vill själv berätta"),
                                                                            by: f.origin(x.s.caseOfficer)))
            #expect(try await store.withConnection { db in try await CollaborationQueries.meeting(id: meetingID, db) }?.childAttendanceDecided == true)
            let collaboration = CollaborationService(store: store, clock: f.clock)
            // The talk before the meeting, by the skolsocionom (the team works in the meeting).
            var talk = ChildTalkInput()
            talk.timing = "before"
            talk.childID = String(x.alva)
            talk.talkedBy = "Stina Skolsocionom"
            talk.talkedOn = f.todayISO
            talk.childView = "Alva vill ha lugnare morgnar"
            _ = try requireOK(await collaboration.recordChildTalk(meetingID: meetingID, talk, by: f.origin(x.socialWorker)))
            var page = try requireOK(await x.service.page(id, by: f.origin(x.s.caseOfficer)))
            let meeting = try #require(page.record.enrolment.meetings.first)
            #expect(meeting.heldOn == nil && meeting.talks.map(\.childView) == ["Alva vill ha lugnare morgnar"])
            #expect(ProgrammeMeetingRules.missingTalks(meeting, children: page.record.enrolment.childIDs) == [.init(childID: x.ebbe, timing: .before)])

            var minutes = MinutesInput()
            minutes.chair = x.s.principalA.displayName
            minutes.secretary = x.s.caseOfficer.displayName
            minutes.attendance = Array(repeating: Attendance.present.rawValue, count: 7)
            minutes.childView = "Alva vill ha lugnare morgnar (samtal före mötet)"
            minutes.childTalkBefore = "Stina Skolsocionom"
            minutes.childTalkAfterBy = "Bo Behandlingsassistent"
            minutes.noNextMeetingReason = "Vi tar det sen"
            let noNext = try requireInvalid(await x.service.closeFollowUp(id, meetingID: meetingID, minutes, by: f.origin(x.s.caseOfficer)))
            #expect(noNext["next_meeting"]?.contains("Nästa mötestillfälle bokas") == true)
            minutes.nextMeetingDate = f.today.adding(months: 1).iso
            let nextID = try requireOK(await x.service.closeFollowUp(id, meetingID: meetingID, minutes, by: f.origin(x.s.caseOfficer)))
            #expect(nextID != nil)
            page = try requireOK(await x.service.page(id, by: f.origin(x.s.caseOfficer)))
            #expect(page.record.enrolment.meetings.map(\.heldOn) == [f.today, nil])
            // Alva attended; Ebbe did not, and no one has talked with him before or after.
            let held = try #require(page.record.enrolment.meetings.first)
            #expect(held.childrenAttended == [x.alva])
            #expect(ProgrammeMeetingRules.missingTalks(held, children: page.record.enrolment.childIDs) == [.init(childID: x.ebbe, timing: .before), .init(childID: x.ebbe, timing: .after)])
            let clocks = ProgrammeClocks.followUpMeetings(page.record.enrolment, definition: page.record.definition)
            #expect(clocks.map { $0.state(on: f.today) } == [.met, .running])
            // The next clock and the week's check-in are on the socialsekreterare's and the team's work lists.
            let officerList = try await f.workLists.workList(by: f.origin(x.s.caseOfficer)).items.compactMap(\.kind)
            #expect(officerList.contains(.programmeFollowUpMeeting))
            let assistantList = try await f.workLists.workList(by: f.origin(x.assistant)).items.compactMap(\.kind)
            #expect(assistantList.contains(.programmeCheckIn) && !assistantList.contains(.programmeFollowUpMeeting))
            #expect(try await f.workLists.workList(by: f.origin(f.teacherB)).items.allSatisfy { $0.kind != .programmeCheckIn })
        }
    }

    @Test("notes, closure, the 3-month follow-up on the socialsekreterare's work list, the termly report without the closed family, the extract and the yearly summary")
    func closureAndReports() async throws {
        try await TestDatabase.withStore { store in
            let x = try await Self.setUp(store)
            let f = x.f
            let id = try await Self.prepared(x)
            try await Self.grant(x, id)
            _ = try requireOK(await x.service.addNote(id, ProgrammeNoteInput(kind: "check-in", heldOn: f.todayISO, participants: "Bo, Stina", works: "Morgnarna", doesNotWork: "Läxorna"),
                                                      by: f.origin(x.assistant)))
            // The genomförandeplan's action is on the behandlingsassistent's work list until done.
            var plan = Self.document("genomforandeplan", child: nil, f)
            plan.anchoredOn = ""
            plan.anchoredWith = ""
            plan.goals = ["Fungerande morgonrutiner"]
            plan.actions = [ActionInput(what: "Hembesök varje tisdag", responsibleStaffID: x.assistant.staffID, responsibleName: x.assistant.displayName, dueOn: f.today.adding(days: 14).iso)]
            try requireDenied(await x.service.writeDocument(id, plan, by: f.origin(x.s.familyTherapist)))
            let wrongWriter = try requireInvalid(await x.service.writeDocument(id, plan, by: f.origin(x.socialWorker)))
            #expect(wrongWriter["document"]?.contains("behandlingsassistent") == true)
            _ = try requireOK(await x.service.writeDocument(id, plan, by: f.origin(x.assistant)))
            let planned = try await f.workLists.workList(by: f.origin(x.assistant)).items.filter { $0.kind == .programmePlanAction }
            #expect(planned.count == 1 && planned[0].dueDay == f.today.adding(days: 14) && planned[0].subject == .programme(enrolmentID: id, what: "Hembesök varje tisdag"))
            let actionID = try #require(try requireOK(await x.service.page(id, by: f.origin(x.assistant))).record.enrolment.documents.last?.actions.first?.id)
            try requireOK(await x.service.markActionDone(id, actionID: actionID, by: f.origin(x.assistant)))
            #expect(try await f.workLists.workList(by: f.origin(x.assistant)).items.allSatisfy { $0.kind != .programmePlanAction })

            // A child is in one family's programme at a time.
            var again = Self.nomination(x)
            again.children = [ProgrammeChildInput(childID: x.alva, name: "", level: "2")]
            #expect(try requireInvalid(await x.service.nominate(programmeKey: Self.key, again, by: f.origin(x.s.principalA)))["child_1_level"]?.contains("redan med") == true)
            let term = SchoolTerm.containing(f.today)
            var report = try requireOK(await x.service.termReport(programmeKey: Self.key, term: term, by: f.origin(x.steering)))
            #expect(report.lines.map(\.enrolmentID) == [id] && report.lines[0].works == ["Morgnarna"])
            try requireDenied(await x.service.termReport(programmeKey: Self.key, term: term, by: f.origin(x.assistant)))

            var closing = ProgrammeClosureInput()
            closing.heldOn = f.todayISO
            closing.participants = "Familjen, Sara, Bo, Rut, Stina, pedagog"
            closing.situationAtStart = "Hög frånvaro"
            closing.situationNow = "Närvaron är god"
            closing.againstGoal = "Målet nått"
            closing.experiences = ["Gun: tryggare morgnar"]
            for child in [x.alva, x.ebbe] { closing.outcomes[child] = [.attendance: "ja", .resultsTowardEligibility: "vet-ej", .placementAvoided: "ja"] }
            try requireOK(await x.service.close(id, closing, by: f.origin(x.s.caseOfficer)))
            report = try requireOK(await x.service.termReport(programmeKey: Self.key, term: term, by: f.origin(x.steering)))
            #expect(report.lines.isEmpty, "a closed family is not on the termly report")
            let officerList = try await f.workLists.workList(by: f.origin(x.s.caseOfficer)).items
            #expect(officerList.contains { $0.kind == .programmeAfterClosure && $0.dueDay == f.today.adding(months: 3) })
            var learning = ProgrammeClosureInput()
            learning.heldOn = f.todayISO
            learning.participants = "Styrgruppen, IFO och skolan"
            learning.keep = "Veckoavstämningarna"
            learning.improve = "Snabbare förberedelse"
            try requireDenied(await x.service.internalClosure(id, learning, by: f.origin(f.teacherB)))
            try requireOK(await x.service.internalClosure(id, learning, by: f.origin(x.steering)))

            f.clock.advance(by: 95 * 86_400)  // three months and three days: met late
            var followUp = closing
            followUp.heldOn = Stockholm.date(of: f.clock.now()).iso
            followUp.furtherSupport = "nej"
            try requireOK(await x.service.followUp(id, followUp, by: f.origin(x.s.caseOfficer)))
            let page = try requireOK(await x.service.page(id, by: f.origin(x.steering)))
            #expect(page.record.enrolment.stage == .followedUp)
            #expect(ProgrammeClocks.afterClosure(page.record.enrolment, definition: page.record.definition)?.state(on: Stockholm.date(of: f.clock.now())) == .metLate)
            #expect(try await f.workLists.workList(by: f.origin(x.s.caseOfficer)).items.allSatisfy { $0.kind != .programmeAfterClosure })

            // The statistics measure the clocks due in the period: the check-in and the plan's
            // action kept, the follow-up after closure late; none for another school's scope.
            let period = try #require(StatisticsPeriod(from: Stockholm.date(of: Fixture.start), to: f.today))
            func states(_ units: Set<RecordID>?) async throws -> [ClockKind: [ClockState]] {
                let part = try await Modules.statistics(StatisticsQuery(period: period, unitIDs: units, now: f.clock.now()), store)
                return Dictionary(grouping: part.clocks.filter { StatisticsSection.programmes.clocks.contains($0.deadline.kind) }, by: \.deadline.kind)
                    .mapValues { $0.map { $0.deadline.state(on: f.today) } }
            }
            let measured = try await states(nil)
            #expect(measured == [.programmeCheckIn: [.met], .programmePlanAction: [.met], .programmeAfterClosure: [.metLate]], "\(measured)")
            #expect(try await states([f.schoolA]) == measured)
            #expect(try await states([f.schoolB]).isEmpty)

            let (_, extract) = try requireOK(await RegisterExtractService(store: store, clock: f.clock).extract(identityNumber: Numbers.make(2014, 6, 9, serial: 982), purpose: "Begäran", by: f.origin(f.logReviewer)))
            #expect(extract.text.contains("Ragunda Trampolinen") && extract.text.contains("Morgnarna") && extract.text.contains("Gun: tryggare morgnar"))
            let summary = try requireOK(await x.service.yearSummary(programmeKey: Self.key, year: f.today.year, by: f.origin(x.steering)))
            // One family: every figure is 0 or 1, so each reads 0 or <5.
            #expect(summary.rows.allSatisfy { $0.count == .suppressed || $0.count == .shown(0) } && summary.rows.contains { $0.count == .suppressed })
        }
    }

    @Test("the team named in the consent sees the family; the withdrawal of the consent ends it at once; an administrator edits the programme")
    func accessAndDefinitions() async throws {
        try await TestDatabase.withStore { store in
            let x = try await Self.setUp(store)
            let f = x.f
            let id = try await Self.prepared(x)
            _ = try requireOK(await x.service.page(id, by: f.origin(x.assistant)))
            #expect(try await x.service.myEnrolments(by: f.origin(x.assistant)).map(\.enrolment.id) == [id])
            try requireDenied(await x.service.page(id, by: f.origin(x.s.familyTherapist)))
            // Nothing else of the child opens to the behandlingsassistent through the programme.
            try requireDenied(await f.registry.view(childID: x.alva, by: f.origin(x.assistant)))
            #expect(try await x.service.visibleEnrolments(childID: x.ebbe, by: f.origin(x.assistant)).map(\.enrolment.id) == [id])
            #expect(try await x.service.visibleEnrolments(childID: x.ebbe, by: f.origin(x.s.familyTherapist)).isEmpty)
            try requireOK(await x.service.withdrawConsent(id, by: f.origin(x.s.caseOfficer)))
            try requireDenied(await x.service.page(id, by: f.origin(x.assistant)))
            #expect(try await x.service.myEnrolments(by: f.origin(x.assistant)).isEmpty)

            var changed = ProgrammeDefinition.trampolinen
            changed.key = "ragunda-trampolinen-2"
            changed.name = "Trampolinen 2"
            try requireDenied(await x.service.saveDefinition(json: ProgrammeDefinitionRules.encode(changed), by: f.origin(x.steering)))
            #expect(try requireOK(await x.service.saveDefinition(json: ProgrammeDefinitionRules.encode(changed), by: f.origin(f.admin))) == changed.key)
            #expect(try await x.service.definitions().map(\.key).sorted() == ["ragunda-trampolinen", "ragunda-trampolinen-2"])
            // The child page's offer: the same programmes, by the name the definition gives, without decoding it.
            let definitions = try await x.service.definitions()
            #expect(try await x.service.offers() == definitions.map { ProgrammeOffer(key: $0.key, name: $0.name) })
            #expect(try await x.service.offers().map(\.name).contains("Trampolinen 2"))
            changed.criteria = []
            let invalid = try requireInvalid(await x.service.saveDefinition(json: ProgrammeDefinitionRules.encode(changed), by: f.origin(f.admin)))
            #expect(invalid["criteria"] != nil)
        }
    }
}
