/// The minutes of a meeting, written against its agenda (DOMAIN §4). New minutes come from
/// `MinutesRules.close`, so stored minutes always have the child's voice, responsible
/// persons and dates on actions, and the next meeting or why there is none.
public struct MeetingMinutes: Sendable, Hashable, Codable {
    public var chair: String
    public var secretary: String
    /// One per participant, in the meeting's order.
    public var attendance: [Attendance]
    public var agenda: [AgendaNote]
    /// nil only for meetings not about a child.
    public var childVoice: ChildVoice?
    public var needsAnalysis: NeedsAnalysis?
    public var decisions: [String]
    public var actions: [MeetingAction]
    /// The earlier meetings' open actions, followed up at this one.
    public var followUps: [ActionFollowUp]
    public var nextMeeting: NextMeeting

    public init(chair: String, secretary: String, attendance: [Attendance], agenda: [AgendaNote], childVoice: ChildVoice?, needsAnalysis: NeedsAnalysis?, decisions: [String], actions: [MeetingAction], followUps: [ActionFollowUp], nextMeeting: NextMeeting) {
        self.chair = chair
        self.secretary = secretary
        self.attendance = attendance
        self.agenda = agenda
        self.childVoice = childVoice
        self.needsAnalysis = needsAnalysis
        self.decisions = decisions
        self.actions = actions
        self.followUps = followUps
        self.nextMeeting = nextMeeting
    }
}

/// What the minutes say under one agenda item (may be empty).
public struct AgendaNote: Sendable, Hashable, Codable {
    public var item: String
    public var text: String

    public init(item: String, text: String) {
        self.item = item
        self.text = text
    }
}

/// The child's voice (UN CRC art. 3 and 12; DOMAIN §4): the child's own view or why it was
/// not obtained, and whether the child attended.
public struct ChildVoice: Sendable, Hashable, Codable {
    public var attended: Bool
    public var view: String?
    public var notObtainedReason: String?
    /// The chair and secretary decided together that the child attends (Trampolinen).
    public var attendanceDecided: Bool
    /// Who talked with the child before the meeting, and what came of it (Trampolinen).
    public var talkBefore: String?
    /// Who reports back to the child after the meeting (Trampolinen).
    public var talkAfterBy: String?
    /// The talk after the meeting, recorded once it has taken place.
    public var talkAfter: String?

    public init(attended: Bool, view: String? = nil, notObtainedReason: String? = nil, attendanceDecided: Bool = false, talkBefore: String? = nil, talkAfterBy: String? = nil, talkAfter: String? = nil) {
        self.attended = attended
        self.view = view
        self.notObtainedReason = notObtainedReason
        self.attendanceDecided = attendanceDecided
        self.talkBefore = talkBefore
        self.talkAfterBy = talkAfterBy
        self.talkAfter = talkAfter
    }

    /// Records the talk with the child after the meeting (the minutes are closed by then).
    /// Field key: `child_talk_after`.
    public func recordingTalkAfter(_ note: String) -> Result<ChildVoice, FieldErrors> {
        var errors = FieldErrors()
        let text = TextRules.trimmed(note)
        if text.isEmpty {
            errors.add("child_talk_after", "Skriv vem som pratade med barnet efter mötet och vad barnet fick veta.")
        } else if text.count > MinutesRules.maxTextLength {
            errors.add("child_talk_after", "Texten får vara högst \(MinutesRules.maxTextLength) tecken.")
        }
        guard errors.isEmpty else { return .failure(errors) }
        var copy = self
        copy.talkAfter = text
        return .success(copy)
    }
}

/// Who answers for an action: a staff member (then it is on their work list) or someone
/// without an account, such as a guardian.
public struct ActionResponsible: Sendable, Hashable, Codable {
    public var staffID: RecordID?
    public var name: String

    public init(staffID: RecordID? = nil, name: String) {
        self.staffID = staffID
        self.name = name
    }
}

/// An action decided at a meeting: what, who, by when; followed up at the next meeting.
public struct MeetingAction: Sendable, Hashable, Codable {
    /// Set by the store once saved; follow-ups refer to it.
    public var id: RecordID?
    public var what: String
    public var responsible: ActionResponsible
    public var dueOn: SimpleDate

    public init(id: RecordID? = nil, what: String, responsible: ActionResponsible, dueOn: SimpleDate) {
        self.id = id
        self.what = what
        self.responsible = responsible
        self.dueOn = dueOn
    }

    /// Its clock on the responsible staff member's work list while open.
    public func deadline(decidedOn: SimpleDate) -> Deadline { Deadline(kind: .meetingAction, startedOn: decidedOn, dueOn: dueOn) }

    public func state(on today: SimpleDate) -> ClockState { deadline(decidedOn: today).state(on: today) }

    public func isOnWorkList(of staffID: RecordID) -> Bool { responsible.staffID == staffID }
}

public enum ActionFollowUpStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case done
    /// Still going: followed up again at the next meeting.
    case ongoing
    case dropped

    public var label: String {
        switch self {
        case .done: "Genomförd"
        case .ongoing: "Pågår"
        case .dropped: "Avbruten"
        }
    }

    public var closesAction: Bool { self != .ongoing }
}

public struct ActionFollowUp: Sendable, Hashable, Codable {
    public var actionID: RecordID
    public var what: String
    public var status: ActionFollowUpStatus
    public var note: String?

    public init(actionID: RecordID, what: String, status: ActionFollowUpStatus, note: String? = nil) {
        self.actionID = actionID
        self.what = what
        self.status = status
        self.note = note
    }
}

/// The next meeting is booked before the meeting closes, or the minutes say why not.
public enum NextMeeting: Sendable, Hashable, Codable {
    case booked(date: SimpleDate, start: TimeOfDay?)
    case none(reason: String)

    public var text: String {
        switch self {
        case .booked(let date, let start?): "\(date.iso) kl. \(start.text)"
        case .booked(let date, nil): date.iso
        case .none(let reason): "Inget nytt möte: \(reason)"
        }
    }
}
