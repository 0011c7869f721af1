import Foundation
import Testing
@testable import SamverkaCore

@Suite("Closing a meeting's minutes")
struct MeetingMinutesTests {
    static let schedule = MeetingSchedule(date: Fx.day("2026-12-03"), start: TimeOfDay(hour: 13, minute: 0)!, end: TimeOfDay(hour: 14, minute: 30)!, place: "Ekbackens skola")
    static let participants = [
        MeetingBookingTests.guardian, MeetingBookingTests.child, MeetingBookingTests.rektor, MeetingBookingTests.therapist,
    ].map { MeetingParticipant($0) }
    static let openAction = MeetingAction(id: 99, what: "Kontakta BUP", responsible: ActionResponsible(staffID: 20, name: "Fia Familjebehandlare"), dueOn: Fx.day("2026-12-01"))

    static func context(type: MeetingType = .collaborationMeeting, participants: [MeetingParticipant] = participants, openActions: [MeetingAction] = [], decidedAtBooking: Bool = false, today: String = "2026-12-03") -> MinutesContext {
        MinutesContext(type: type, schedule: schedule, participants: participants, openActions: openActions, childAttendanceDecidedAtBooking: decidedAtBooking, today: Fx.day(today))
    }

    static func input(_ change: (inout MinutesInput) -> Void = { _ in }) -> MinutesInput {
        var i = MinutesInput()
        i.chair = "Rut Rektor"
        i.secretary = "Fia Familjebehandlare"
        i.attendance = ["present", "present", "present", "excused"]
        i.agendaNotes = ["Fia Familjebehandlare", "Alla presenterade sig", "", "Samtycket gicks igenom", "", "Frånvaron har minskat", ""]
        i.childView = "Elsa vill gå till skolan men har ont i magen på morgnarna."
        i.actions = [
            ActionInput(what: "Boka möte med skolsköterskan", responsibleStaffID: 10, responsibleName: "Rut Rektor", dueOn: "2026-12-10"),
            ActionInput(),
        ]
        i.decisions = ["Familjen erbjuds föräldrastöd", ""]
        i.nextMeetingDate = "2026-12-17"
        i.nextMeetingStart = "13:00"
        change(&i)
        return i
    }

    static func errors(_ input: MinutesInput, _ context: MinutesContext = context()) -> FieldErrors {
        if case .failure(let e) = MinutesRules.close(input, context) { return e }
        return FieldErrors()
    }

    @Test func minutesCloseOnlyOnceTheMeetingHasStarted() {
        var early = Self.context()
        early.timeNow = TimeOfDay(hour: 12, minute: 59)
        #expect(Self.errors(Self.input(), early)["meeting"] == "Mötet har inte börjat än: minnesanteckningarna kan avslutas från kl. 13:00 i dag.")
        var started = early
        started.timeNow = TimeOfDay(hour: 13, minute: 0)
        #expect(Self.errors(Self.input(), started)["meeting"] == nil)
        // The next day the time of day does not matter.
        var nextDay = Self.context(today: "2026-12-04")
        nextDay.timeNow = TimeOfDay(hour: 8, minute: 0)
        #expect(Self.errors(Self.input(), nextDay)["meeting"] == nil)
        #expect(TimeOfDay.stockholm(at: Fx.at(2026, 12, 3, 12, 59)) == TimeOfDay(hour: 12, minute: 59))
    }

    @Test func completeMinutesClose() throws {
        let m = try MinutesRules.close(Self.input(), Self.context()).get()
        #expect(m.attendance == [.present, .present, .present, .excused])
        #expect(m.agenda.count == MeetingType.collaborationMeeting.agenda.count)
        #expect(m.agenda[5] == AgendaNote(item: "Nulägesbeskrivning", text: "Frånvaron har minskat"))
        #expect(m.agenda[9].text.isEmpty)
        #expect(m.childVoice == ChildVoice(attended: true, view: "Elsa vill gå till skolan men har ont i magen på morgnarna."))
        #expect(m.decisions == ["Familjen erbjuds föräldrastöd"])
        #expect(m.actions == [MeetingAction(what: "Boka möte med skolsköterskan", responsible: ActionResponsible(staffID: 10, name: "Rut Rektor"), dueOn: Fx.day("2026-12-10"))])
        #expect(m.nextMeeting == .booked(date: Fx.day("2026-12-17"), start: TimeOfDay(hour: 13, minute: 0)))
        #expect(m.needsAnalysis == nil)
    }

    @Test func minutesRoundTripThroughJSON() throws {
        let input = Self.input {
            $0.needs = ["health": "Ont i magen"]
            $0.followUps = [99: FollowUpInput(status: "ongoing")]
        }
        let m = try MinutesRules.close(input, Self.context(openActions: [Self.openAction])).get()
        let data = try JSONEncoder().encode(m)
        #expect(try JSONDecoder().decode(MeetingMinutes.self, from: data) == m)
    }

    @Test func closingWithoutTheNextMeetingOrAReasonIsRefused() throws {
        let e = Self.errors(Self.input { $0.nextMeetingDate = ""; $0.nextMeetingStart = "" })
        #expect(e["next_meeting"] == "Boka nästa möte innan mötet avslutas, eller skriv varför inget nytt möte behövs.")
        let none = try MinutesRules.close(Self.input { $0.nextMeetingDate = ""; $0.nextMeetingStart = ""; $0.noNextMeetingReason = "Ärendet avslutas" }, Self.context()).get()
        #expect(none.nextMeeting == .none(reason: "Ärendet avslutas"))
        #expect(Self.errors(Self.input { $0.nextMeetingDate = "2026-12-03" })["next_meeting_date"] != nil)
        #expect(Self.errors(Self.input { $0.nextMeetingDate = "17 dec" })["next_meeting_date"] != nil)
        #expect(Self.errors(Self.input { $0.nextMeetingStart = "kl 1" })["next_meeting_start"] != nil)
        #expect(Self.errors(Self.input { $0.nextMeetingDate = ""; $0.noNextMeetingReason = "Avslut" })["next_meeting_date"] != nil)
    }

    @Test func anActionWithoutResponsibleOrDateIsRefused() {
        func action(_ a: ActionInput) -> FieldErrors { Self.errors(Self.input { $0.actions = [a] }) }
        #expect(action(ActionInput(what: "Ringa BUP", responsibleName: "", dueOn: "2026-12-10"))["action_1_responsible"] == "Ange vem som ansvarar för åtgärden.")
        #expect(action(ActionInput(what: "Ringa BUP", responsibleName: "Fia", dueOn: ""))["action_1_due_on"] == "Ange när åtgärden ska vara klar (ÅÅÅÅ-MM-DD).")
        #expect(action(ActionInput(what: "Ringa BUP", responsibleName: "Fia", dueOn: "snart"))["action_1_due_on"] != nil)
        #expect(action(ActionInput(what: "Ringa BUP", responsibleName: "Fia", dueOn: "2026-12-02"))["action_1_due_on"] == "Datumet kan inte vara före mötet (2026-12-03).")
        #expect(action(ActionInput(what: "", responsibleName: "Fia", dueOn: "2026-12-10"))["action_1_what"] != nil)
        // The meeting day itself is fine, and a guardian can be responsible (no staff id).
        #expect(action(ActionInput(what: "Ringa BUP", responsibleName: "Gun Vårdnadshavare", dueOn: "2026-12-03")).isEmpty)
    }

    @Test func theChildsVoiceIsRecorded() throws {
        #expect(Self.errors(Self.input { $0.childView = "" })["child_view"] == "Skriv barnets egen syn, eller varför den inte har kunnat inhämtas.")
        let absent = try MinutesRules.close(Self.input {
            $0.childView = ""
            $0.childViewMissingReason = "Elsa var sjuk och kunde inte nås."
            $0.attendance = ["present", "absent", "present", "present"]
        }, Self.context()).get()
        #expect(absent.childVoice == ChildVoice(attended: false, notObtainedReason: "Elsa var sjuk och kunde inte nås."))
    }

    @Test func everyParticipantsAttendanceIsMarked() {
        let e = Self.errors(Self.input { $0.attendance = ["present", "present", "present"] })
        #expect(e["attendance_4"] == "Ange om Fia Familjebehandlare var närvarande, frånvarande eller hade anmält förhinder.")
        #expect(Self.errors(Self.input { $0.attendance = ["present", "invited", "present", "present"] })["attendance_2"] != nil)
    }

    @Test func chairSecretaryAndTheMeetingDay() {
        let e = Self.errors(Self.input { $0.chair = ""; $0.secretary = "" })
        #expect(e["chair"] != nil)
        #expect(e["secretary"] != nil)
        #expect(Self.errors(Self.input(), Self.context(today: "2026-12-02"))["meeting"] != nil)
        #expect(Self.errors(Self.input { $0.agendaNotes = Array(repeating: "x", count: 11) })["agenda"] != nil)
    }

    @Test func openActionsAreFollowedUp() throws {
        let ctx = Self.context(openActions: [Self.openAction])
        #expect(Self.errors(Self.input(), ctx)["follow_up_99"] == "Följ upp åtgärden \"Kontakta BUP\" (ansvarig: Fia Familjebehandlare): genomförd, pågår eller avbruten.")
        #expect(Self.errors(Self.input { $0.followUps = [99: FollowUpInput(status: "dropped")] }, ctx)["follow_up_99_note"] != nil)
        let m = try MinutesRules.close(Self.input { $0.followUps = [99: FollowUpInput(status: "done", note: "Tid hos BUP 12 januari")] }, ctx).get()
        #expect(m.followUps == [ActionFollowUp(actionID: 99, what: "Kontakta BUP", status: .done, note: "Tid hos BUP 12 januari")])
    }

    @Test func actionsAreOnTheResponsiblesWorkList() {
        let a = MeetingAction(id: 1, what: "Ringa BUP", responsible: ActionResponsible(staffID: 20, name: "Fia"), dueOn: Fx.day("2026-12-10"))
        #expect(a.isOnWorkList(of: 20))
        #expect(!a.isOnWorkList(of: 10))
        #expect(a.state(on: Fx.day("2026-12-07")) == .running)
        #expect(a.state(on: Fx.day("2026-12-08")) == .dueSoon)
        #expect(a.state(on: Fx.day("2026-12-10")) == .dueSoon)
        #expect(a.state(on: Fx.day("2026-12-11")) == .overdue)
        // Someone without an account (a guardian) has no work list.
        #expect(MeetingAction(what: "Ta med betyg", responsible: ActionResponsible(name: "Gun"), dueOn: Fx.day("2026-12-10")).responsible.staffID == nil)
    }

    @Test func aMeetingNotAboutAChildHasNoChildsVoice() throws {
        let people = [Participant(name: "Eva", roles: [.studentHealthHead]), Participant(name: "Ulf", roles: [.ifoUnitManager])].map { MeetingParticipant($0) }
        let m = try MinutesRules.close(Self.input { $0.attendance = ["present", "present"]; $0.childView = ""; $0.agendaNotes = [] }, Self.context(type: .twiceYearlyCollaborationMeeting, participants: people)).get()
        #expect(m.childVoice == nil)
    }

    @Test func theNeedsAnalysisFollowsTheBBICTriangle() throws {
        let m = try MinutesRules.close(Self.input {
            $0.needs = ["housing": "Trångbott", "health": "Ont i magen", "emotional-warmth": " "]
            $0.needsSummary = "Stöd kring skolstart på morgonen."
        }, Self.context()).get()
        let analysis = try #require(m.needsAnalysis)
        #expect(analysis.entries.map(\.areaKey) == ["health", "housing"])
        let sections = analysis.sections(in: .standard)
        #expect(sections.map(\.side) == [.childDevelopment, .familyAndEnvironment])
        #expect(sections[0].areas.map(\.area.title) == ["Hälsa"])
        #expect(analysis.summary == "Stöd kring skolstart på morgonen.")
        #expect(Self.errors(Self.input { $0.needs = ["astrology": "x"] })["needs_analysis"] != nil)
    }
}

@Suite("The child at Trampolinen's follow-ups")
struct MeetingChildAttendanceTests {
    static let staff = [
        Participant(name: "Rut Rektor", roles: [.principal], staffID: 10),
        Participant(name: "Sara Socialsekreterare", roles: [.caseOfficer], staffID: 30),
        MeetingBookingTests.guardian,
    ]

    static func input(_ change: (inout MinutesInput) -> Void = { _ in }) -> MinutesInput {
        var i = MinutesInput()
        i.chair = "Rut Rektor"
        i.secretary = "Sara Socialsekreterare"
        i.attendance = ["present", "present", "present"]
        i.childView = "Elsa tycker att rasterna har blivit bättre."
        i.childTalkBefore = "Siv Skolsocionom pratade med Elsa den 1 december."
        i.childTalkAfterBy = "Bea Behandlingsassistent"
        i.nextMeetingDate = "2027-01-07"
        change(&i)
        return i
    }

    static func close(_ input: MinutesInput, participants: [Participant] = staff, decidedAtBooking: Bool = false) -> Result<MeetingMinutes, FieldErrors> {
        MinutesRules.close(input, MeetingMinutesTests.context(type: .trampolinenFollowUp, participants: participants.map { MeetingParticipant($0) }, decidedAtBooking: decidedAtBooking))
    }

    @Test func withoutTheChildStaffTalkWithTheChildBeforeAndAfter() throws {
        let m = try Self.close(Self.input()).get()
        #expect(m.childVoice?.attended == false)
        #expect(m.childVoice?.talkBefore == "Siv Skolsocionom pratade med Elsa den 1 december.")
        #expect(m.childVoice?.talkAfterBy == "Bea Behandlingsassistent")
        guard case .failure(let e) = Self.close(Self.input { $0.childTalkBefore = ""; $0.childTalkAfterBy = "" }) else {
            Issue.record("Closed without the talks")
            return
        }
        #expect(e["child_talk_before"] == "Skriv vem som pratade med barnet inför mötet.")
        #expect(e["child_talk_after_by"] == "Skriv vem som återkopplar till barnet efter mötet.")
    }

    @Test func theTalkAfterTheMeetingIsRecordedLater() throws {
        let voice = try #require(try Self.close(Self.input()).get().childVoice)
        let after = try voice.recordingTalkAfter("Bea berättade för Elsa om planen den 4 december.").get()
        #expect(after.talkAfter == "Bea berättade för Elsa om planen den 4 december.")
        guard case .failure(let e) = voice.recordingTalkAfter(" ") else {
            Issue.record("An empty talk was recorded")
            return
        }
        #expect(e["child_talk_after"] != nil)
    }

    @Test func theChildAttendsOnlyOnTheChairAndSecretarysDecision() throws {
        let withChild = Self.staff + [MeetingBookingTests.child]
        let present = Self.input { $0.attendance = ["present", "present", "present", "present"]; $0.childTalkBefore = ""; $0.childTalkAfterBy = "" }
        guard case .failure(let e) = Self.close(present, participants: withChild) else {
            Issue.record("The child attended without a decision")
            return
        }
        #expect(e["child_attendance_decision"] == "Barnet deltog: ange att rektor och socialsekreterare gemensamt beslutade det, till barnets bästa.")
        #expect(try Self.close(present, participants: withChild, decidedAtBooking: true).get().childVoice?.attendanceDecided == true)
        var decidedNow = present
        decidedNow.childAttendanceDecided = true
        #expect(try Self.close(decidedNow, participants: withChild).get().childVoice?.attended == true)
    }
}
