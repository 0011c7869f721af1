/// What a meeting belongs to: a collaboration case, a report of concern, an investigation
/// or a family's programme enrolment; a forum will be one more case (with
/// its label, its page and the kinds of meeting it holds). Raw values are stored.
public enum MeetingContextKind: String, Sendable, Hashable, Codable, CaseIterable {
    case collaborationCase = "collaboration-case"
    case report
    case investigation
    /// A family's enrolment in a joint programme (Trampolinen's monthly follow-ups).
    case programmeEnrolment = "programme-enrolment"
    /// A forum's meetings (issue 19): not about one child; agenda items may name one.
    case forum

    public var label: String {
        switch self {
        case .collaborationCase: "Samverkansärende"
        case .report: "Anmälan"
        case .investigation: "Utredning"
        case .programmeEnrolment: "Gemensamt program"
        case .forum: "Forum"
        }
    }

    /// The kinds of meeting booked in this context: the joint report meeting from a report,
    /// the joint BBIC meeting from an investigation; a collaboration case holds any meeting
    /// about a child (its clocks count only collaboration meetings) except a SIP meeting,
    /// which belongs to a SIP with its own consent naming every party (`/sip`).
    public func holds(_ category: MeetingCategory) -> Bool {
        switch self {
        case .collaborationCase: category != .report && category != .investigation && category != .forum && category != .sip
        case .report: category == .report
        case .investigation: category == .investigation
        case .programmeEnrolment: category == .programme
        case .forum: category == .forum
        }
    }
}

/// One context: its kind and the id of its record.
public struct MeetingContext: Sendable, Hashable, Codable {
    public var kind: MeetingContextKind
    public var id: RecordID

    public init(_ kind: MeetingContextKind, _ id: RecordID) {
        self.kind = kind
        self.id = id
    }
}
