import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Collaboration cases: process owner, consent before booking, two-week clocks, minutes, next meeting, documents")
struct CollaborationServiceTests {
    struct Setup {
        var child: RecordID
        var guardian: RecordID
        var caseID: RecordID
        var service: CollaborationService
    }

    /// A pupil of school A with a guardian; the rektor of school A opens a case about them.
    static func setUp(_ f: Fixture, _ s: ConcernStaff, born: (Int, Int, Int) = (2015, 3, 12), knownDaysAgo: Int = 0) async throws -> Setup {
        let child = try await f.registerChild(Numbers.make(born.0, born.1, born.2), "Saga", "Ek")
        let guardian = try requireOK(await f.registry.addGuardian(childID: child, GuardianInput(identityNumber: "", givenName: "Gun", familyName: "Ek"), by: f.origin(f.teacherA)))
        let service = CollaborationService(store: f.store, clock: f.clock)
        var input = CollaborationCaseInput()
        input.reason = "Hög frånvaro och oro hemma"
        input.knownOn = f.today.adding(days: -knownDaysAgo).iso
        let id = try requireOK(await service.openCase(childID: child, input, by: f.origin(s.principalA)))
        return Setup(child: child, guardian: guardian, caseID: id, service: service)
    }

    static func participants(_ f: Fixture, _ s: ConcernStaff) -> [Participant] {
        [Participant(name: "Gun Ek", roles: [.guardian]), Participant(name: "Saga Ek", roles: [.child]),
         Participant(name: s.principalA.displayName, roles: [.principal, .processOwner], staffID: s.principalA.staffID, unitID: f.schoolA),
         Participant(name: s.familyTherapist.displayName, roles: [.familyTherapist], staffID: s.familyTherapist.staffID, unitID: s.treatmentUnit)]
    }

    static func booking(_ f: Fixture, _ s: ConcernStaff, on day: SimpleDate) -> MeetingBookingInput {
        var input = MeetingBookingInput()
        input.date = day.iso
        input.startTime = "08:00"
        input.endTime = "09:30"
        input.place = "Ekbackens skola, konferensrummet"
        input.participants = participants(f, s)
        return input
    }

    static func consent(_ f: Fixture, child: RecordID, guardian: RecordID, units: [RecordID], giver: ConsentGiverKind = .guardians, by actor: Actor) async throws -> RecordID {
        var input = ConsentServiceTests.oralConsent(guardian: guardian, units: units, categories: [.schoolSituation, .attendance], from: f.todayISO, to: f.today.adding(months: 6).iso)
        input.purposeKind = ConsentPurposeKind.collaborationCase.rawValue
        input.giverKind = giver.rawValue
        if giver == .youth { input.guardianIDs = [] }
        return try requireOK(await ConsentService(store: f.store, clock: f.clock).register(childID: child, input, document: nil, by: f.origin(actor)))
    }

    @Test("the opener is process owner; only owner and participants see the case; a meeting cannot be booked before a consent covers every party")
    func consentBeforeBooking() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let x = try await Self.setUp(f, s)
            let page = try requireOK(await x.service.casePage(caseID: x.caseID, by: f.origin(s.principalA)))
            #expect(page.record.value.owner.id == s.principalA.staffID && page.mayManage)
            try requireDenied(await x.service.casePage(caseID: x.caseID, by: f.origin(f.teacherB)))
            try requireDenied(await x.service.casePage(caseID: x.caseID, by: f.origin(f.teacherA)))
            // Another school cannot open a case about the child.
            var other = CollaborationCaseInput()
            other.reason = "x"
            other.knownOn = f.todayISO
            try requireDenied(await x.service.openCase(childID: x.child, other, by: f.origin(f.teacherB)))

            let none = try requireInvalid(await x.service.bookMeeting(caseID: x.caseID, typeKey: "samverkansmote", Self.booking(f, s, on: f.today.adding(days: 7)), by: f.origin(s.principalA)))
            #expect(none["consent"] == "Det finns inget samtycke. Innan ett möte bokas måste vårdnadshavarna lämna sitt samtycke.")
            _ = try await Self.consent(f, child: x.child, guardian: x.guardian, units: [f.schoolA], by: s.principalA)
            let partial = try requireInvalid(await x.service.bookMeeting(caseID: x.caseID, typeKey: "samverkansmote", Self.booking(f, s, on: f.today.adding(days: 7)), by: f.origin(s.principalA)))
            #expect(partial["consent"]?.contains(s.familyTherapist.displayName) == true)
            #expect(try await f.count("meetings") == 0)

            _ = try await Self.consent(f, child: x.child, guardian: x.guardian, units: [f.schoolA, s.treatmentUnit], by: s.principalA)
            let (meetingID, _) = try requireOK(await x.service.bookMeeting(caseID: x.caseID, typeKey: "samverkansmote", Self.booking(f, s, on: f.today.adding(days: 7)), by: f.origin(s.principalA)))
            // The family therapist is now a participant and sees the case and the meeting.
            _ = try requireOK(await x.service.casePage(caseID: x.caseID, by: f.origin(s.familyTherapist)))
            _ = try requireOK(await x.service.meetingPage(meetingID: meetingID, by: f.origin(s.familyTherapist)))
            try requireDenied(await x.service.meetingPage(meetingID: meetingID, by: f.origin(f.teacherB)))
            #expect(try await f.auditRows(type: .meeting).contains { $0.action == .create && $0.recordID == String(meetingID) })
        }
    }

    @Test("a youth of 18 consents alone and the guardians are offered to take part; the guardians' consent is not enough for them")
    func youthConsent() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let x = try await Self.setUp(f, s, born: (2008, 1, 10))
            var input = Self.booking(f, s, on: f.today.adding(days: 7))
            input.participants.removeFirst()  // no guardian: the youth is of age
            _ = try await Self.consent(f, child: x.child, guardian: x.guardian, units: [f.schoolA, s.treatmentUnit], by: s.principalA)
            let guardians = try requireInvalid(await x.service.bookMeeting(caseID: x.caseID, typeKey: "samverkansmote", input, by: f.origin(s.principalA)))
            #expect(guardians["consent"]?.contains("måste själv samtycka") == true)
            _ = try await Self.consent(f, child: x.child, guardian: x.guardian, units: [f.schoolA, s.treatmentUnit], giver: .youth, by: s.principalA)
            let (_, notes) = try requireOK(await x.service.bookMeeting(caseID: x.caseID, typeKey: "samverkansmote", input, by: f.origin(s.principalA)))
            #expect(notes.contains { $0.contains("Erbjud vårdnadshavarna") })
            // The note stays with the meeting, for its page.
            let stored = try await store.withConnection { db in try await CollaborationQueries.meetings(caseID: x.caseID, db) }
            #expect(stored.first?.bookingNotes == notes)
        }
    }

    @Test("the two-week clocks are on the owner's work list, overdue when not met, met late when held late; the second starts at the first meeting")
    func clocks() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let x = try await Self.setUp(f, s, knownDaysAgo: 20)
            let list = try await f.workLists.workList(by: f.origin(s.principalA)).items.filter { $0.caseID == x.caseID }
            #expect(list.count == 1)
            #expect(list.first?.state == .overdue && list.first?.kind == .firstCollaborationMeeting && list.first?.dueDay == f.today.adding(days: -6))
            // The routine, not the law, is its ground, and the work list says so.
            #expect(list.first?.kind?.source.text == "Samverkansrutinen: inom två veckor från att ärendet blev känt")
            _ = try await Self.consent(f, child: x.child, guardian: x.guardian, units: [f.schoolA, s.treatmentUnit], by: s.principalA)
            let (meetingID, notes) = try requireOK(await x.service.bookMeeting(caseID: x.caseID, typeKey: "samverkansmote", Self.booking(f, s, on: f.today), by: f.origin(s.principalA)))
            #expect(notes.contains { $0.contains("skulle hållas senast") })
            try requireOK(await x.service.closeMinutes(meetingID: meetingID, Self.minutes(f, s), by: f.origin(s.principalA)))
            let clocks = try requireOK(await x.service.casePage(caseID: x.caseID, by: f.origin(s.principalA))).clocks
            #expect(clocks.map(\.kind) == [.firstMeeting, .secondMeeting])
            #expect(clocks[0].state(on: f.today) == .metLate)
            #expect(clocks[1].dueOn == f.today.adding(days: 14) && clocks[1].state(on: f.today) == .running)
            let after = try await f.workLists.workList(by: f.origin(s.principalA)).items.filter { $0.caseID == x.caseID && $0.kind != .meetingAction }
            #expect(after.map(\.kind) == [.secondCollaborationMeeting] && after.first?.dueDay == f.today.adding(days: 14))
        }
    }

    static func minutes(_ f: Fixture, _ s: ConcernStaff, next: String? = nil) -> MinutesInput {
        var m = MinutesInput()
        m.chair = s.principalA.displayName
        m.secretary = s.familyTherapist.displayName
        m.attendance = ["present", "present", "present", "present"]
        m.agendaNotes = ["Frida", "Alla presenterade sig", "Syftet gicks igenom"]
        m.childView = "Saga vill ha lugnare raster och någon att prata med."
        m.decisions = ["Skolan och familjebehandlingen samverkar kring närvaron"]
        m.actions = [ActionInput(what: "Närvaroplan tas fram", responsibleStaffID: s.principalA.staffID, responsibleName: s.principalA.displayName, dueOn: f.today.adding(days: 10).iso),
                     ActionInput(what: "Föräldrasamtal", responsibleStaffID: s.familyTherapist.staffID, responsibleName: s.familyTherapist.displayName, dueOn: f.today.adding(days: 12).iso)]
        m.nextMeetingDate = next ?? f.today.adding(days: 14).iso
        m.nextMeetingStart = "13:00"
        return m
    }

    @Test("minutes need the next meeting (or a reason), actions need who and when; closing books the next meeting and puts actions on work lists")
    func minutesRules() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let x = try await Self.setUp(f, s)
            _ = try await Self.consent(f, child: x.child, guardian: x.guardian, units: [f.schoolA, s.treatmentUnit], by: s.principalA)
            let (meetingID, _) = try requireOK(await x.service.bookMeeting(caseID: x.caseID, typeKey: "samverkansmote", Self.booking(f, s, on: f.today), by: f.origin(s.principalA)))

            var noNext = Self.minutes(f, s)
            noNext.nextMeetingDate = ""
            noNext.nextMeetingStart = ""
            #expect(try requireInvalid(await x.service.closeMinutes(meetingID: meetingID, noNext, by: f.origin(s.principalA)))["next_meeting"] != nil)
            var noOne = Self.minutes(f, s)
            noOne.actions[1].responsibleName = ""
            noOne.actions[1].responsibleStaffID = nil
            noOne.actions[0].dueOn = ""
            let errors = try requireInvalid(await x.service.closeMinutes(meetingID: meetingID, noOne, by: f.origin(s.principalA)))
            #expect(errors["action_2_responsible"] == "Ange vem som ansvarar för åtgärden.")
            #expect(errors["action_1_due_on"] != nil)
            var noVoice = Self.minutes(f, s)
            noVoice.childView = ""
            #expect(try requireInvalid(await x.service.closeMinutes(meetingID: meetingID, noVoice, by: f.origin(s.principalA)))["child_view"] != nil)
            #expect(try await f.count("meeting_actions") == 0)
            #expect(try await f.count("meetings") == 1)
            // Someone outside the case cannot write the minutes.
            try requireDenied(await x.service.closeMinutes(meetingID: meetingID, Self.minutes(f, s), by: f.origin(f.teacherB)))

            let nextID = try #require(try requireOK(await x.service.closeMinutes(meetingID: meetingID, Self.minutes(f, s), by: f.origin(s.principalA))))
            #expect(try await f.count("meeting_actions") == 2)
            let page = try requireOK(await x.service.meetingPage(meetingID: meetingID, by: f.origin(s.principalA)))
            #expect(page.meeting.minutes?.childVoice?.view == "Saga vill ha lugnare raster och någon att prata med.")
            #expect(page.nextMeeting?.id == nextID && page.nextMeeting?.schedule.date == f.today.adding(days: 14))
            #expect(page.nextMeeting?.participants.count == 4)
            let therapistItems = try await f.workLists.workList(by: f.origin(s.familyTherapist)).items
            #expect(therapistItems.contains { $0.text == "Föräldrasamtal" && $0.kind == .meetingAction && $0.dueDay == f.today.adding(days: 12) })
            // Closing twice is refused.
            #expect(try requireInvalid(await x.service.closeMinutes(meetingID: meetingID, Self.minutes(f, s), by: f.origin(s.principalA)))["meeting"] != nil)

            // The next meeting follows up the actions.
            let nextPage = try requireOK(await x.service.meetingPage(meetingID: nextID, by: f.origin(s.principalA)))
            #expect(nextPage.openActions.map(\.what) == ["Närvaroplan tas fram", "Föräldrasamtal"])

            // Documents: the minutes PDF, the invitation letter and calendar file, the record of sending.
            let minutesDocument = try requireOK(await x.service.minutesDocument(meetingID: meetingID, by: f.origin(s.familyTherapist)))
            #expect(minutesDocument.participants.map(\.name).contains("Gun Ek"))
            let (letter, ics) = try requireOK(await x.service.invitation(meetingID: nextID, participant: 0, by: f.origin(s.principalA)))
            #expect(letter.recipientName == "Gun Ek")
            #expect(ics.contains("BEGIN:VCALENDAR") && ics.contains("TZID=Europe/Stockholm"))
            #expect(try requireInvalid(await x.service.recordDispatch(meetingID: meetingID, recipient: "", channel: "post", by: f.origin(s.principalA)))["recipient"] != nil)
            try requireOK(await x.service.recordDispatch(meetingID: meetingID, recipient: "Gun Ek", channel: "post", by: f.origin(s.principalA)))
            let sent = try requireOK(await x.service.meetingPage(meetingID: meetingID, by: f.origin(s.principalA)))
            #expect(sent.dispatches.map(\.recipientName) == ["Gun Ek"])
            #expect(!sent.notYetSent.contains { $0.name == "Gun Ek" })
        }
    }

    @Test("the owner hands over with a reason, and only the owner closes the case")
    func handoverAndClosure() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let x = try await Self.setUp(f, s)
            try requireDenied(await x.service.handOver(caseID: x.caseID, toStaffID: s.familyTherapist.staffID, reason: "Ny ansvarig", by: f.origin(f.teacherA)))
            #expect(try requireInvalid(await x.service.handOver(caseID: x.caseID, toStaffID: s.familyTherapist.staffID, reason: " ", by: f.origin(s.principalA)))["handover_reason"] != nil)
            try requireOK(await x.service.handOver(caseID: x.caseID, toStaffID: s.familyTherapist.staffID, reason: "Familjebehandlingen tar över", by: f.origin(s.principalA)))
            let page = try requireOK(await x.service.casePage(caseID: x.caseID, by: f.origin(s.familyTherapist)))
            #expect(page.record.value.owner.id == s.familyTherapist.staffID)
            #expect(page.record.value.handovers.map(\.reason) == ["Familjebehandlingen tar över"])
            // The former owner still takes part but cannot close.
            try requireDenied(await x.service.closeCase(caseID: x.caseID, closedOn: f.todayISO, note: "Klart", by: f.origin(s.principalA)))
            #expect(try requireInvalid(await x.service.closeCase(caseID: x.caseID, closedOn: f.todayISO, note: "", by: f.origin(s.familyTherapist)))["closing_note"] != nil)
            try requireOK(await x.service.closeCase(caseID: x.caseID, closedOn: f.todayISO, note: "Målen är nådda", by: f.origin(s.familyTherapist)))
            let closed = try requireOK(await x.service.casePage(caseID: x.caseID, by: f.origin(s.familyTherapist)))
            #expect(closed.record.value.closure?.note == "Målen är nådda")
            #expect(closed.timeline.entries.contains { $0.kind == .caseClosed })
        }
    }

    @Test("the owner can close the case in the minutes: only without a next meeting, and the closure points at the meeting")
    func closureInMinutes() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let x = try await Self.setUp(f, s)
            _ = try await Self.consent(f, child: x.child, guardian: x.guardian, units: [f.schoolA, s.treatmentUnit], by: s.principalA)
            let (meetingID, _) = try requireOK(await x.service.bookMeeting(caseID: x.caseID, typeKey: "samverkansmote", Self.booking(f, s, on: f.today), by: f.origin(s.principalA)))
            // With a next meeting booked the case cannot close here.
            #expect(try requireInvalid(await x.service.closeMinutes(meetingID: meetingID, Self.minutes(f, s), closeCase: true, by: f.origin(s.principalA)))["next_meeting"] != nil)
            var last = Self.minutes(f, s)
            last.nextMeetingDate = ""
            last.nextMeetingStart = ""
            last.noNextMeetingReason = "Närvaron är god igen; skolan följer upp själv"
            // A participant who is not the owner cannot close the case.
            try requireDenied(await x.service.closeMinutes(meetingID: meetingID, last, closeCase: true, by: f.origin(s.familyTherapist)))
            #expect(try await f.count("meeting_actions") == 0)
            #expect(try requireOK(await x.service.closeMinutes(meetingID: meetingID, last, closeCase: true, by: f.origin(s.principalA))) == nil)
            let page = try requireOK(await x.service.casePage(caseID: x.caseID, by: f.origin(s.principalA)))
            #expect(page.record.value.closure?.meetingID == meetingID)
            #expect(page.record.value.closure?.note == "Närvaron är god igen; skolan följer upp själv")
        }
    }

    @Test("moving home: the case officer's task leads to booking the collaboration meeting about the return to school, and is done when one is held")
    func returnToSchool() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let x = try await Self.setUp(f, s)
            let (_, investigation) = try await f.openInvestigation(child: x.child, s)
            try requireOK(await f.investigations.recordMovingHome(id: investigation, date: f.today.adding(days: 7).iso, by: f.origin(s.caseOfficer)))
            // The case officer takes part in the rektor's case: the task opens its booking form.
            try await store.transaction { db in
                try await db.raw("INSERT INTO case_staff (case_id, staff_id) VALUES (\(bind: x.caseID), \(bind: s.caseOfficer.staffID))").run()
            }
            let task = try #require(try await f.workLists.workList(by: f.origin(s.caseOfficer)).items.first { $0.text?.hasPrefix("Kalla till samverkansmöte") == true })
            #expect(task.taskCaseID == x.caseID)
                        _ = try await Self.consent(f, child: x.child, guardian: x.guardian, units: [f.schoolA, s.treatmentUnit], by: s.principalA)
            let (meetingID, _) = try requireOK(await x.service.bookMeeting(caseID: x.caseID, typeKey: "samverkansmote", Self.booking(f, s, on: f.today), by: f.origin(s.principalA)))
            #expect(try await f.workLists.workList(by: f.origin(s.caseOfficer)).items.contains { $0.text?.hasPrefix("Kalla till samverkansmöte") == true })
            _ = try requireOK(await x.service.closeMinutes(meetingID: meetingID, Self.minutes(f, s), by: f.origin(s.principalA)))
            #expect(!(try await f.workLists.workList(by: f.origin(s.caseOfficer)).items.contains { $0.text?.hasPrefix("Kalla till samverkansmöte") == true }))
        }
    }
}
