import Foundation

/// The SIP's meetings: the SIP meeting itself and the follow-ups booked at each one.
public enum SIPMeetingKind: String, Sendable, Hashable, Codable, CaseIterable {
    case sip
    case followUp = "follow-up"

    public var label: String {
        switch self {
        case .sip: "SIP-möte"
        case .followUp: "Uppföljning av SIP"
        }
    }
}

public struct SIPMeeting: Sendable, Hashable, Codable {
    public var id: RecordID
    public var kind: SIPMeetingKind
    public var schedule: MeetingSchedule
    /// When its protocol was recorded (the meeting was held).
    public var heldAt: Date?

    public init(id: RecordID, kind: SIPMeetingKind, schedule: MeetingSchedule, heldAt: Date? = nil) {
        self.id = id
        self.kind = kind
        self.schedule = schedule
        self.heldAt = heldAt
    }
}

/// The booking form as typed.
public struct SIPMeetingInput: Sendable, Hashable {
    public var date: String = ""
    public var start: String = ""
    public var end: String = ""
    public var place: String = ""

    public init(date: String = "", start: String = "", end: String = "", place: String = "") {
        self.date = date
        self.start = start
        self.end = end
        self.place = place
    }
}

public enum SIPMeetingRules {
    /// A SIP meeting is booked (and its invitations made) only under a consent in force: the
    /// invitation itself tells the parties about the child. One open meeting at a time.
    public static func validate(_ input: SIPMeetingInput, consentInForce: Bool, openMeeting: Bool, today: SimpleDate) -> Result<MeetingSchedule, FieldErrors> {
        var errors = FieldErrors()
        if !consentInForce { errors.add("date", "Ett samtycke som namnger alla parter måste gälla innan SIP-mötet bokas och kallelserna skickas.") }
        if openMeeting { errors.add("date", "Det finns redan ett bokat möte som inte är hållet: håll det först.") }
        let date = SimpleDate(iso: TextRules.trimmed(input.date))
        if date == nil { errors.add("date", "Ange datum för mötet (ÅÅÅÅ-MM-DD).") }
        else if let date, date < today { errors.add("date", "Mötet kan inte bokas i det förflutna.") }
        let start = TimeOfDay(text: input.start)
        let end = TimeOfDay(text: input.end)
        if start == nil { errors.add("start", "Ange starttid (TT:MM).") }
        if end == nil { errors.add("end", "Ange sluttid (TT:MM).") }
        if let start, let end, end <= start { errors.add("end", "Sluttiden ska vara efter starttiden.") }
        let place = TextRules.required(input.place, field: "place", label: "Plats", max: 200, into: &errors)
        guard errors.isEmpty, let date, let start, let end else { return .failure(errors) }
        return .success(MeetingSchedule(date: date, start: start, end: end, place: place))
    }
}
