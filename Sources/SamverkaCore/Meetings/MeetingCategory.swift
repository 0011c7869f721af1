/// What kind of meeting a type is, whatever a municipality calls it: the routine's clocks
/// and the contexts a type may be booked in follow from it, never from the type's key or name.
/// Raw values are stored in meeting types, so they are never renamed.
public enum MeetingCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// A samverkansmöte of a collaboration case (seed 003): the only kind the case's
    /// two-week clocks count.
    case collaboration
    /// The joint report meeting with the family (seed 002).
    case report
    /// The joint BBIC meeting during an investigation (seed 002).
    case investigation
    /// A joint programme's meetings (Trampolinen's follow-ups, seed 000).
    case programme
    case sip
    /// Forums and governance, not about one child (the April/October meeting).
    case forum
    case other

    public var label: String {
        switch self {
        case .collaboration: "Samverkansmöte i samverkansärende"
        case .report: "Anmälningsmöte"
        case .investigation: "Möte under utredning"
        case .programme: "Möte i gemensamt program"
        case .sip: "SIP-möte"
        case .forum: "Forum eller styrning"
        case .other: "Annat möte"
        }
    }

    /// The collaboration routine's clocks ask for collaboration meetings: a follow-up in a
    /// programme or a SIP held in the case does not start or meet them.
    public var countsTowardsCollaborationClocks: Bool { self == .collaboration }

    /// The category of a type stored before categories existed: the shipped type's, by key;
    /// otherwise `other`, so an unknown type never meets a clock it may not be meant for.
    static func inferred(key: String) -> MeetingCategory {
        switch key {
        case "samverkansmote": .collaboration
        case "anmalningsmote": .report
        case "bbic-mote": .investigation
        case "trampolinen-uppfoljning": .programme
        case "sip-mote": .sip
        case "samverkansmote-april-oktober", "forummote": .forum
        default: .other
        }
    }
}

/// A held meeting as the collaboration clocks see it: the day and the kind.
public struct HeldMeeting: Sendable, Hashable {
    public var day: SimpleDate
    public var category: MeetingCategory

    public init(day: SimpleDate, category: MeetingCategory) {
        self.day = day
        self.category = category
    }
}

extension CollaborationCase {
    /// The case's clocks from its held meetings of every kind: only collaboration meetings
    /// count (a Trampolinen follow-up is no "first collaboration meeting").
    public func clocks(heldMeetings: [HeldMeeting]) -> [CollaborationClock] {
        clocks(heldMeetingDays: Self.clockDays(heldMeetings))
    }

    public func openClocks(heldMeetings: [HeldMeeting], on today: SimpleDate) -> [CollaborationClock] {
        openClocks(heldMeetingDays: Self.clockDays(heldMeetings), on: today)
    }

    /// The days that count towards the clocks.
    public static func clockDays(_ meetings: [HeldMeeting]) -> [SimpleDate] {
        meetings.filter(\.category.countsTowardsCollaborationClocks).map(\.day)
    }
}
