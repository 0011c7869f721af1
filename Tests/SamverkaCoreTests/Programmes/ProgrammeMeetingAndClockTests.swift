import Foundation
import Testing
@testable import SamverkaCore

@Suite("Programmes: monthly follow-ups on the meeting machinery, notes and the clocks")
struct ProgrammeMeetingAndClockTests {
    typealias F = ProgrammeTestFamily
    let definition = ProgrammeDefinition.trampolinen

    func booking(child: Bool) -> MeetingBookingInput {
        var input = MeetingBookingInput()
        let principal = Participant(name: F.principal.name, roles: [.principal], staffID: 10)
        let officer = Participant(name: F.caseOfficer.name, roles: [.caseOfficer], staffID: 11)
        input.participants = [principal, officer]
        if child { input.participants.append(Participant(name: "Alva", roles: [.child])) }
        input.assignments = [.chair: principal, .secretary: officer, .convener: officer]
        return input
    }

    @Test("the child is invited only when both rektor and socialsekreterare decide, with reasons", arguments: [(false, false), (true, false), (false, true)])
    func childAbsentUnlessBoth(principal: Bool, officer: Bool) throws {
        let e = try F.running()
        let attendance = ProgrammeChildAttendanceInput(principalAgrees: principal, caseOfficerAgrees: officer, reason: "Alva vill själv berätta.")
        guard case .failure(let errors) = ProgrammeMeetingRules.booking(booking(child: true), enrolment: e, attendance: attendance) else {
            Issue.record("the child was invited on one decision"); return
        }
        #expect(errors["child_attendance_decision"] == ProgrammeMeetingRules.jointDecisionMessage)
    }

    @Test("with the joint decision the child is invited and the machinery is told it was decided; without the child no decision is needed")
    func jointDecision() throws {
        let e = try F.running()
        guard case .failure(let noReason) = ProgrammeMeetingRules.booking(booking(child: true), enrolment: e, attendance: .init(principalAgrees: true, caseOfficerAgrees: true)) else {
            Issue.record("accepted without reasons"); return
        }
        #expect(noReason["child_attendance_decision"] != nil)
        let both = try ProgrammeMeetingRules.booking(booking(child: true), enrolment: e, attendance: .init(principalAgrees: true, caseOfficerAgrees: true, reason: "Till barnets bästa")).get()
        #expect(both.childAttendanceDecided && both.childIDs == [1, 2])
        let without = try ProgrammeMeetingRules.booking(booking(child: false), enrolment: e, attendance: .init()).get()
        #expect(!without.childAttendanceDecided)
        // The machinery's own rule refuses a child invited without the decision, as before.
        var type = MeetingType.trampolinenFollowUp
        type.requiresConsent = false
        var raw = booking(child: true)
        raw.date = "2026-10-20"; raw.startTime = "09:00"; raw.endTime = "10:00"; raw.place = "Skolan"
        raw.participants += [Participant(name: "Gun", roles: [.guardian]), Participant(name: "Lärare", roles: [.teacher], staffID: 15),
                             Participant(name: F.treatmentAssistant.name, roles: [.treatmentAssistant], staffID: 13),
                             Participant(name: F.schoolSocialWorker.name, roles: [.schoolSocialWorker], staffID: 14)]
        let context = MeetingBookingContext(type: type, now: Stockholm.startOfDay(SimpleDate(year: 2026, month: 10, day: 10)!), childBirthDate: nil, consents: [])
        guard case .failure(let machinery) = MeetingBookingRules.validate(raw, context) else { Issue.record("machinery accepted"); return }
        #expect(machinery["child_attendance_decision"] != nil)
        var decided = try ProgrammeMeetingRules.booking(raw, enrolment: e, attendance: .init(principalAgrees: true, caseOfficerAgrees: true, reason: "Till barnets bästa")).get()
        decided.childIDs = []
        #expect((try? MeetingBookingRules.validate(decided, context).get()) != nil)
    }

    @Test("a follow-up is booked only while the programme runs, one at a time, with chair, secretary and convener")
    func bookingRules() throws {
        guard case .failure(let early) = ProgrammeMeetingRules.booking(booking(child: false), enrolment: try F.prepared(), attendance: .init()) else { Issue.record("accepted"); return }
        #expect(early["meeting"] != nil)
        var e = try F.running()
        e.meetings.append(ProgrammeMeetingSummary(meetingID: 1, date: SimpleDate(year: 2026, month: 10, day: 20)!, heldOn: nil))
        guard case .failure(let open) = ProgrammeMeetingRules.booking(booking(child: false), enrolment: e, attendance: .init()) else { Issue.record("accepted"); return }
        #expect(open["meeting"]?.contains("redan ett bokat möte") == true)
        var noChair = booking(child: false)
        noChair.assignments = [:]
        guard case .failure(let roles) = ProgrammeMeetingRules.booking(noChair, enrolment: try F.running(), attendance: .init()) else { Issue.record("accepted"); return }
        #expect(roles["assign_chair"] != nil && roles["assign_secretary"] != nil && roles["assign_convener"] != nil)
    }

    @Test("the talks with a child who did not attend are asked for before the meeting and, once held, after it")
    func talks() {
        let day = SimpleDate(year: 2026, month: 10, day: 20)!
        var meeting = ProgrammeMeetingSummary(meetingID: 1, date: day, heldOn: nil)
        #expect(ProgrammeMeetingRules.missingTalks(meeting, children: [1, 2]) == [.init(childID: 1, timing: .before), .init(childID: 2, timing: .before)])
        meeting.talks = [ChildTalk(childID: 1, timing: .before, talkedBy: "Stina", talkedOn: day.adding(days: -1), childView: "Vill ha lugnare morgnar")]
        meeting.heldOn = day
        meeting.childrenAttended = [2]
        #expect(ProgrammeMeetingRules.missingTalks(meeting, children: [1, 2]) == [.init(childID: 1, timing: .after)])
        meeting.talks.append(ChildTalk(childID: 1, timing: .after, talkedBy: "Bo", talkedOn: day, childView: "Förstod vad som bestämdes"))
        #expect(ProgrammeMeetingRules.missingTalks(meeting, children: [1, 2]).isEmpty)
    }

    @Test("while the programme runs a follow-up closes only with the next one booked")
    func nextMeeting() {
        #expect(ProgrammeMeetingRules.nextMeetingProblem(.none(reason: "Sommaruppehåll"), stage: .running) != nil)
        #expect(ProgrammeMeetingRules.nextMeetingProblem(.booked(date: SimpleDate(year: 2026, month: 11, day: 20)!, start: nil), stage: .running) == nil)
        #expect(ProgrammeMeetingRules.nextMeetingProblem(.none(reason: "Avslut"), stage: .closed) == nil)
    }

    @Test("the monthly clock: met within the month, met late after it, missed when a month passes without one")
    func monthlyClock() throws {
        var e = try F.running()
        let granted = F.grantedOn
        var clocks = ProgrammeClocks.followUpMeetings(e, definition: definition)
        #expect(clocks.count == 1 && clocks[0].dueDay == granted.adding(months: 1))
        #expect(clocks[0].state(on: granted.adding(days: 10)) == .running)
        #expect(clocks[0].state(on: granted.adding(months: 1).adding(days: -3)) == .dueSoon)
        #expect(clocks[0].state(on: granted.adding(months: 1).adding(days: 1)) == .overdue)
        F.held(&e, on: granted.adding(months: 1))               // on the due day: in time
        F.held(&e, on: granted.adding(months: 2).adding(days: 5)) // five days after the next due day
        clocks = ProgrammeClocks.followUpMeetings(e, definition: definition)
        let today = granted.adding(months: 4)
        #expect(clocks.map { $0.state(on: today) } == [.met, .metLate, .overdue])
        #expect(clocks[2].dueDay == granted.adding(months: 2).adding(days: 5).adding(months: 1))
        #expect(ProgrammeClocks.open(e, definition: definition, on: today).map(\.kind).contains(.programmeFollowUpMeeting))
    }

    @Test("the weekly check-in clock runs on the check-in notes; the pre-meeting follow-ups do not meet it")
    func weeklyClock() throws {
        var e = try F.running()
        let start = F.grantedOn
        func note(_ kind: ProgrammeNoteKind, _ day: SimpleDate) -> ProgrammeNote {
            ProgrammeNote(id: RecordID(e.notes.count + 1), kind: kind, heldOn: day, participants: "Bo, Stina", works: "Morgnarna", doesNotWork: "Läxorna", by: F.treatmentAssistant)
        }
        e.notes = [note(.checkIn, start.adding(days: 7)), note(.preMeeting("ifo"), start.adding(days: 10)), note(.checkIn, start.adding(days: 16))]
        let clocks = ProgrammeClocks.checkIns(e, definition: definition)
        let today = start.adding(days: 30)
        #expect(clocks.map { $0.state(on: today) } == [.met, .metLate, .overdue])
        #expect(clocks[2].dueDay == start.adding(days: 23))
        #expect(clocks[2].state(on: start.adding(days: 22)) == .dueSoon)
    }

    @Test("a check-in note needs what works and what does not, a day within the programme, once a day")
    func notes() throws {
        let e = try F.running()
        let today = F.grantedOn.adding(days: 8)
        guard case .failure(let errors) = ProgrammeNoteRules.validate(ProgrammeNoteInput(kind: "check-in", heldOn: "2026-09-01"), definition: definition, enrolment: e, today: today) else {
            Issue.record("accepted"); return
        }
        #expect(errors["held_on"] != nil && errors["works"] != nil && errors["does_not_work"] != nil && errors["participants"] != nil)
        let ok = ProgrammeNoteInput(kind: "pre-meeting:skola", heldOn: today.iso, participants: "Stina, Rut, Lärare", works: "Rasterna", doesNotWork: "Matten")
        #expect(try ProgrammeNoteRules.validate(ok, definition: definition, enrolment: e, today: today).get().kind == .preMeeting("skola"))
        guard case .failure(let unknown) = ProgrammeNoteRules.validate(ProgrammeNoteInput(kind: "pre-meeting:annan", heldOn: today.iso, participants: "x", works: "x", doesNotWork: "x"),
                                                                      definition: definition, enrolment: e, today: today) else { Issue.record("accepted"); return }
        #expect(unknown["kind"] != nil)
        #expect(ProgrammeNoteKind.preMeeting("skola").label(definition).contains("rektor"))
    }

    @Test("the 3-month clock starts at the closing meeting: met, met late, missed; no monthly clock runs after closure")
    func afterClosureClock() throws {
        var e = try F.running()
        let closedOn = F.grantedOn.adding(months: 6)
        e.closure = ProgrammeClosure(closingMeetingOn: closedOn, participants: "Alla", situationAtStart: "a", situationNow: "b", againstGoal: "c", experiences: ["d"], outcomes: [], by: F.caseOfficer)
        let clock = try #require(ProgrammeClocks.afterClosure(e, definition: definition))
        #expect(clock.kind == .programmeAfterClosure && clock.dueDay == closedOn.adding(months: 3))
        #expect(clock.state(on: closedOn.adding(months: 3).adding(days: -10)) == .dueSoon)
        #expect(clock.state(on: closedOn.adding(months: 3).adding(days: 1)) == .overdue)
        #expect(ProgrammeClocks.open(e, definition: definition, on: closedOn.adding(days: 40)).map(\.kind) == [.programmeAfterClosure])
        #expect(ProgrammeClocks.followUpMeetings(e, definition: definition).allSatisfy { $0.metAt != nil })
        for (day, state) in [(closedOn.adding(months: 3), ClockState.met), (closedOn.adding(months: 3).adding(days: 2), .metLate)] {
            var followed = e
            followed.followUp = ProgrammeFollowUpAfterClosure(heldOn: day, participants: "Alla", situation: "Bra", furtherSupportNeeded: false, outcomes: [], by: F.caseOfficer)
            #expect(ProgrammeClocks.afterClosure(followed, definition: definition)?.state(on: day.adding(days: 30)) == state)
            #expect(followed.stage == .followedUp)
            #expect(ProgrammeClocks.open(followed, definition: definition, on: day).isEmpty)
        }
    }

    @Test("the statistics measure every clock the programme had, a link missed before closure too; an action left undone that fell due after closure is not one of them")
    func allClocksForStatistics() throws {
        var e = try F.running()
        let granted = F.grantedOn
        F.held(&e, on: granted.adding(months: 1))
        let closedOn = granted.adding(months: 2)
        let who = ActionResponsible(staffID: 13, name: F.treatmentAssistant.name)
        e.documents[0].actions = [
            ProgrammePlanAction(what: "Morgonrutin", responsible: who, dueOn: granted.adding(days: 20)),
            ProgrammePlanAction(what: "Läxhjälp", responsible: who, dueOn: closedOn.adding(days: 10)),
            ProgrammePlanAction(what: "Fritidsaktivitet", responsible: who, dueOn: closedOn.adding(days: 20), doneOn: closedOn.adding(days: 1)),
        ]
        #expect(ProgrammeClocks.all(e, definition: definition).filter { $0.kind == .programmePlanAction }.count == 3)
        e.closure = ProgrammeClosure(closingMeetingOn: closedOn, participants: "Alla", situationAtStart: "a", situationNow: "b", againstGoal: "c", experiences: ["d"], outcomes: [], by: F.caseOfficer)
        let all = ProgrammeClocks.all(e, definition: definition)
        // The meeting held in time; the next one fell due on the closing day, so none was missed.
        #expect(all.filter { $0.kind == .programmeFollowUpMeeting } == ProgrammeClocks.followUpMeetings(e, definition: definition))
        #expect(all.filter { $0.kind == .programmeFollowUpMeeting }.map { $0.state(on: closedOn) } == [.met])
        // No check-in was ever held: the first week ran out long before closure, and it stays missed.
        #expect(ProgrammeClocks.checkIns(e, definition: definition).isEmpty)
        let checkIns = all.filter { $0.kind == .programmeCheckIn }
        #expect(checkIns.map(\.dueDay) == [granted.adding(days: 7)] && checkIns.map { $0.state(on: closedOn.adding(months: 6)) } == [.overdue])
        #expect(all.filter { $0.kind == .programmeAfterClosure }.map(\.dueDay) == [closedOn.adding(months: 3)])
        #expect(all.filter { $0.kind == .programmePlanAction }.map(\.dueDay) == [granted.adding(days: 20), closedOn.adding(days: 20)])
    }

    @Test("the meeting clocks are the recurring meeting type's conveners': Trampolinen's socialsekreterare, another programme's rektor; check-ins whom the definition names")
    func clockHolders() {
        let types = [MeetingType.trampolinenFollowUp]
        #expect(ProgrammeClocks.holds(.programmeFollowUpMeeting, role: .caseOfficer, definition: definition, meetingTypes: types))
        #expect(!ProgrammeClocks.holds(.programmeFollowUpMeeting, role: .principal, definition: definition, meetingTypes: types))
        #expect(ProgrammeClocks.holds(.programmeAfterClosure, role: .caseOfficer, definition: definition, meetingTypes: types))
        #expect(ProgrammeClocks.holds(.programmeCheckIn, role: .treatmentAssistant, definition: definition, meetingTypes: types))
        #expect(!ProgrammeClocks.holds(.programmeCheckIn, role: .caseOfficer, definition: definition, meetingTypes: types))

        // Another municipality's programme: its own follow-up type, called by the rektor.
        var own = MeetingType.trampolinenFollowUp
        own.key = "skolbro-uppfoljning"
        own.convenerRoles = [.principal]
        var other = definition
        other.key = "skolbron"
        other.meetings = [ProgrammeMeetingDefinition(meetingTypeKey: own.key, cadence: .months(1), purpose: .followUp)]
        #expect(ProgrammeClocks.holds(.programmeFollowUpMeeting, role: .principal, definition: other, meetingTypes: types + [own]))
        #expect(!ProgrammeClocks.holds(.programmeFollowUpMeeting, role: .caseOfficer, definition: other, meetingTypes: types + [own]))
        // A type that names no convener: the whole team, never nobody.
        own.convenerRoles = []
        #expect(ProgrammeClocks.holds(.programmeFollowUpMeeting, role: .schoolSocialWorker, definition: other, meetingTypes: types + [own]))
        #expect(!ProgrammeClocks.holds(.programmeFollowUpMeeting, role: .teacher, definition: other, meetingTypes: types + [own]))
    }

    @Test("every new clock kind has its rule, warning, routine source and label")
    func clockKinds() {
        let kinds: [ClockKind] = [.programmeFollowUpMeeting, .programmeCheckIn, .programmeAfterClosure, .programmePlanAction]
        #expect(kinds.map(\.rule) == [.after(.months(1)), .after(.weeks(1)), .after(.months(3)), .decidedDay])
        #expect(kinds.map(\.dueSoon) == [.daysBefore(7), .daysBefore(1), .daysBefore(14), .daysBefore(2)])
        #expect(kinds.allSatisfy { $0.source.legal == nil && !$0.source.text.isEmpty && !$0.label.isEmpty })
        #expect(Set(kinds.map(\.label)).count == 4)
    }
}
