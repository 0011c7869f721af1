/// One action row of the minutes form. A row left entirely blank is a spare row and ignored.
public struct ActionInput: Sendable, Hashable {
    public var what: String
    /// Chosen from the staff list; nil for someone without an account (a guardian).
    public var responsibleStaffID: RecordID?
    public var responsibleName: String
    public var dueOn: String

    public init(what: String = "", responsibleStaffID: RecordID? = nil, responsibleName: String = "", dueOn: String = "") {
        self.what = what
        self.responsibleStaffID = responsibleStaffID
        self.responsibleName = responsibleName
        self.dueOn = dueOn
    }

    var isBlank: Bool {
        TextRules.trimmed(what).isEmpty && responsibleStaffID == nil && TextRules.trimmed(responsibleName).isEmpty && TextRules.trimmed(dueOn).isEmpty
    }
}

public struct FollowUpInput: Sendable, Hashable {
    /// `ActionFollowUpStatus` raw value.
    public var status: String
    public var note: String

    public init(status: String = "", note: String = "") {
        self.status = status
        self.note = note
    }
}

/// What the secretary typed into the minutes form.
public struct MinutesInput: Sendable, Hashable {
    public var chair: String = ""
    public var secretary: String = ""
    /// `Attendance` raw values, one per participant in the meeting's order.
    public var attendance: [String] = []
    /// One per agenda item, in order.
    public var agendaNotes: [String] = []
    public var childView: String = ""
    public var childViewMissingReason: String = ""
    /// Decided at the meeting, if not already at booking.
    public var childAttendanceDecided = false
    public var childTalkBefore: String = ""
    public var childTalkAfterBy: String = ""
    /// Needs analysis text per BBIC area key.
    public var needs: [String: String] = [:]
    public var needsSummary: String = ""
    public var decisions: [String] = []
    public var actions: [ActionInput] = []
    /// Per open action id.
    public var followUps: [RecordID: FollowUpInput] = [:]
    public var nextMeetingDate: String = ""
    public var nextMeetingStart: String = ""
    public var noNextMeetingReason: String = ""

    public init() {}
}

/// What the rules know about the meeting being closed.
public struct MinutesContext: Sendable {
    public var type: MeetingType
    public var schedule: MeetingSchedule
    public var participants: [MeetingParticipant]
    /// Open actions from earlier meetings of the case (with ids), to follow up now.
    public var openActions: [MeetingAction]
    /// Whether the chair and secretary's decision on the child attending was made at booking.
    public var childAttendanceDecidedAtBooking: Bool
    public var edition: BBICEdition
    public var today: SimpleDate
    /// The Stockholm time now, when known: on the meeting's own day the minutes close only
    /// once the meeting has started (they record it as held).
    public var timeNow: TimeOfDay?

    public init(type: MeetingType, schedule: MeetingSchedule, participants: [MeetingParticipant], openActions: [MeetingAction] = [], childAttendanceDecidedAtBooking: Bool = false, edition: BBICEdition = .standard, today: SimpleDate, timeNow: TimeOfDay? = nil) {
        self.timeNow = timeNow
        self.type = type
        self.schedule = schedule
        self.participants = participants
        self.openActions = openActions
        self.childAttendanceDecidedAtBooking = childAttendanceDecidedAtBooking
        self.edition = edition
        self.today = today
    }
}

/// Closing a meeting's minutes. Every problem is reported at once.
///
/// Field keys: `meeting`, `chair`, `secretary`, `attendance_<n>` (participant position,
/// 1-based), `agenda`, `agenda_<n>` (agenda item, 1-based), `child_view`,
/// `child_attendance_decision`, `child_talk_before`, `child_talk_after_by`,
/// `needs_analysis`, `needs_<area key>`, `needs_summary`, `decision_<n>`,
/// `action_<n>_what`, `action_<n>_responsible`, `action_<n>_due_on` (form row, 1-based),
/// `follow_up_<action id>`, `follow_up_<action id>_note`, `next_meeting`,
/// `next_meeting_date`, `next_meeting_start`.
public enum MinutesRules {
    public static let maxNoteLength = 10_000
    public static let maxTextLength = 4000

    public static func close(_ input: MinutesInput, _ context: MinutesContext) -> Result<MeetingMinutes, FieldErrors> {
        var errors = FieldErrors()
        let type = context.type
        let meetingDay = context.schedule.date
        if meetingDay > context.today {
            errors.add("meeting", "Mötet har inte hållits än: minnesanteckningarna kan avslutas från \(meetingDay.iso).")
        } else if meetingDay == context.today, let now = context.timeNow, now < context.schedule.start {
            errors.add("meeting", "Mötet har inte börjat än: minnesanteckningarna kan avslutas från kl. \(context.schedule.start.text) i dag.")
        }
        let chair = TextRules.required(input.chair, field: "chair", label: "Ordförande", max: 200, into: &errors)
        let secretary = TextRules.required(input.secretary, field: "secretary", label: "Sekreterare", max: 200, into: &errors)

        var attendance: [Attendance] = []
        for (index, participant) in context.participants.enumerated() {
            let raw = index < input.attendance.count ? TextRules.trimmed(input.attendance[index]) : ""
            if let a = Attendance(rawValue: raw), a != .invited {
                attendance.append(a)
            } else {
                errors.add("attendance_\(index + 1)", "Ange om \(participant.person.name) var närvarande, frånvarande eller hade anmält förhinder.")
                attendance.append(.invited)
            }
        }

        var agenda: [AgendaNote] = []
        if input.agendaNotes.count > type.agenda.count {
            errors.add("agenda", "Det finns fler anteckningar än punkter på dagordningen.")
        }
        for (index, item) in type.agenda.enumerated() {
            let text = index < input.agendaNotes.count ? TextRules.trimmed(input.agendaNotes[index]) : ""
            if text.count > maxNoteLength { errors.add("agenda_\(index + 1)", "Anteckningen får vara högst \(maxNoteLength) tecken.") }
            agenda.append(AgendaNote(item: item, text: text))
        }

        let childPresent = zip(context.participants, attendance).contains { $0.0.person.roles.contains(.child) && $0.1 == .present }
        let childVoice = type.childAttendance.isAboutAChild
            ? validateChildVoice(input, context, attended: childPresent, into: &errors)
            : nil

        let needs = NeedsAnalysis.validate(texts: input.needs, summary: input.needsSummary, edition: context.edition, into: &errors)

        var decisions: [String] = []
        for (index, raw) in input.decisions.enumerated() {
            let text = TextRules.trimmed(raw)
            if text.isEmpty { continue }
            if text.count > maxTextLength { errors.add("decision_\(index + 1)", "Beslutet får vara högst \(maxTextLength) tecken.") }
            decisions.append(text)
        }

        var actions: [MeetingAction] = []
        for (index, row) in input.actions.enumerated() where !row.isBlank {
            if let action = validateAction(row, key: "action_\(index + 1)", meetingDay: meetingDay, into: &errors) {
                actions.append(action)
            }
        }

        var followUps: [ActionFollowUp] = []
        for action in context.openActions {
            guard let id = action.id else { continue }
            let entry = input.followUps[id] ?? FollowUpInput()
            guard let status = ActionFollowUpStatus(rawValue: TextRules.trimmed(entry.status)) else {
                errors.add("follow_up_\(id)", "Följ upp åtgärden \"\(action.what)\" (ansvarig: \(action.responsible.name)): genomförd, pågår eller avbruten.")
                continue
            }
            let note = TextRules.trimmed(entry.note)
            if status == .dropped, note.isEmpty {
                errors.add("follow_up_\(id)_note", "Skriv varför åtgärden \"\(action.what)\" avbröts.")
            } else if note.count > maxTextLength {
                errors.add("follow_up_\(id)_note", "Kommentaren får vara högst \(maxTextLength) tecken.")
            }
            followUps.append(ActionFollowUp(actionID: id, what: action.what, status: status, note: note.isEmpty ? nil : note))
        }

        let next = validateNextMeeting(input, after: meetingDay, into: &errors)

        guard errors.isEmpty, let next else { return .failure(errors) }
        return .success(MeetingMinutes(
            chair: chair, secretary: secretary, attendance: attendance, agenda: agenda, childVoice: childVoice,
            needsAnalysis: needs, decisions: decisions, actions: actions, followUps: followUps, nextMeeting: next
        ))
    }

    /// An action needs what, who and by when; the date cannot be before the meeting.
    public static func validateAction(_ row: ActionInput, key: String, meetingDay: SimpleDate, into errors: inout FieldErrors) -> MeetingAction? {
        let what = TextRules.trimmed(row.what)
        if what.isEmpty {
            errors.add("\(key)_what", "Skriv vad som ska göras.")
        } else if what.count > 1000 {
            errors.add("\(key)_what", "Åtgärden får vara högst 1000 tecken.")
        }
        let name = TextRules.trimmed(row.responsibleName)
        if name.isEmpty {
            errors.add("\(key)_responsible", "Ange vem som ansvarar för åtgärden.")
        } else if name.count > 200 {
            errors.add("\(key)_responsible", "Namnet får vara högst 200 tecken.")
        }
        let due = SimpleDate(iso: TextRules.trimmed(row.dueOn))
        if TextRules.trimmed(row.dueOn).isEmpty {
            errors.add("\(key)_due_on", "Ange när åtgärden ska vara klar (ÅÅÅÅ-MM-DD).")
        } else if due == nil {
            errors.add("\(key)_due_on", "Ange datumet som ÅÅÅÅ-MM-DD.")
        } else if let due, due < meetingDay {
            errors.add("\(key)_due_on", "Datumet kan inte vara före mötet (\(meetingDay.iso)).")
        }
        guard let due, !what.isEmpty, !name.isEmpty, what.count <= 1000, name.count <= 200, due >= meetingDay else { return nil }
        return MeetingAction(what: what, responsible: ActionResponsible(staffID: row.responsibleStaffID, name: name), dueOn: due)
    }

    private static func validateChildVoice(_ input: MinutesInput, _ context: MinutesContext, attended: Bool, into errors: inout FieldErrors) -> ChildVoice {
        let type = context.type
        let view = TextRules.trimmed(input.childView)
        let reason = TextRules.trimmed(input.childViewMissingReason)
        if view.isEmpty, reason.isEmpty {
            errors.add("child_view", "Skriv barnets egen syn, eller varför den inte har kunnat inhämtas.")
        } else if view.count > maxTextLength || reason.count > maxTextLength {
            errors.add("child_view", "Texten får vara högst \(maxTextLength) tecken.")
        }
        let decided = context.childAttendanceDecidedAtBooking || input.childAttendanceDecided
        if type.childAttendance == .onDecision, attended, !decided {
            errors.add("child_attendance_decision", "Barnet deltog: ange att \(type.chairRole?.label.lowercased() ?? "ordföranden") och \(type.secretaryRole?.label.lowercased() ?? "sekreteraren") gemensamt beslutade det, till barnets bästa.")
        }
        var before: String?
        var afterBy: String?
        if type.staffTalkWithChild {
            before = TextRules.trimmed(input.childTalkBefore)
            afterBy = TextRules.trimmed(input.childTalkAfterBy)
            if !attended {
                if before!.isEmpty { errors.add("child_talk_before", "Skriv vem som pratade med barnet inför mötet.") }
                if afterBy!.isEmpty { errors.add("child_talk_after_by", "Skriv vem som återkopplar till barnet efter mötet.") }
            }
            if before!.count > maxTextLength { errors.add("child_talk_before", "Texten får vara högst \(maxTextLength) tecken.") }
            if afterBy!.count > 200 { errors.add("child_talk_after_by", "Namnet får vara högst 200 tecken.") }
        }
        return ChildVoice(
            attended: attended, view: view.isEmpty ? nil : view,
            notObtainedReason: view.isEmpty && !reason.isEmpty ? reason : nil,
            attendanceDecided: attended && decided,
            talkBefore: before?.isEmpty == false ? before : nil, talkAfterBy: afterBy?.isEmpty == false ? afterBy : nil
        )
    }

    /// A booked next meeting wins over a reason; one of them is required.
    private static func validateNextMeeting(_ input: MinutesInput, after meetingDay: SimpleDate, into errors: inout FieldErrors) -> NextMeeting? {
        let dateText = TextRules.trimmed(input.nextMeetingDate)
        let startText = TextRules.trimmed(input.nextMeetingStart)
        let reason = TextRules.trimmed(input.noNextMeetingReason)
        if dateText.isEmpty {
            if !startText.isEmpty {
                errors.add("next_meeting_date", "Ange datum för nästa möte (ÅÅÅÅ-MM-DD).")
                return nil
            }
            if reason.isEmpty {
                errors.add("next_meeting", "Boka nästa möte innan mötet avslutas, eller skriv varför inget nytt möte behövs.")
                return nil
            }
            if reason.count > 1000 {
                errors.add("next_meeting", "Skälet får vara högst 1000 tecken.")
                return nil
            }
            return .none(reason: reason)
        }
        guard let date = SimpleDate(iso: dateText) else {
            errors.add("next_meeting_date", "Ange datum för nästa möte (ÅÅÅÅ-MM-DD).")
            return nil
        }
        if date <= meetingDay {
            errors.add("next_meeting_date", "Nästa möte ska vara efter det här mötet (\(meetingDay.iso)).")
            return nil
        }
        var start: TimeOfDay?
        if !startText.isEmpty {
            start = TimeOfDay(text: startText)
            if start == nil {
                errors.add("next_meeting_start", "Ange tiden som TT:MM.")
                return nil
            }
        }
        return .booked(date: date, start: start)
    }
}
