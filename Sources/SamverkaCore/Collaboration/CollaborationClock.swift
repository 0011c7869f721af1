/// The two routine clocks of a collaboration case (seed 003 process map, steps 4 and 5):
/// the first meeting within two weeks of the case becoming known, the second within two
/// weeks of the first. They are the municipality's routine, not law, so the source shown is
/// the routine.
public enum CollaborationClockKind: String, Sendable, Hashable, CaseIterable, Codable {
    case firstMeeting = "first-meeting"
    case secondMeeting = "second-meeting"

    /// Two weeks, counted in Swedish calendar days; due at the end of the due day.
    public static let days = 14

    public var label: String {
        switch self {
        case .firstMeeting: "Första samverkansmötet"
        case .secondMeeting: "Andra samverkansmötet"
        }
    }

    public var source: String {
        switch self {
        case .firstMeeting: "Samverkansrutinen: inom två veckor från att ärendet blev känt"
        case .secondMeeting: "Samverkansrutinen: inom två veckor från första samverkansmötet"
        }
    }
}

/// One clock, on plain dates: started on a day, due 14 days later, met on the day the
/// meeting was held. States are the shared `ClockState`, as for the legal clocks.
public struct CollaborationClock: Sendable, Hashable {
    public var kind: CollaborationClockKind
    public var startedOn: SimpleDate
    public var heldOn: SimpleDate?
    /// Whose work list shows it: the process owner.
    public var ownerID: RecordID

    public init(kind: CollaborationClockKind, startedOn: SimpleDate, heldOn: SimpleDate? = nil, ownerID: RecordID) {
        self.kind = kind
        self.startedOn = startedOn
        self.heldOn = heldOn
        self.ownerID = ownerID
    }

    public var dueOn: SimpleDate { startedOn.adding(days: CollaborationClockKind.days) }

    /// Due soon from two days before the due day, as the legal 14-day clocks (three days
    /// before the end of the due day).
    public static let dueSoonDays = 2

    public func state(on today: SimpleDate) -> ClockState {
        if let heldOn { return heldOn <= dueOn ? .met : .metLate }
        if today > dueOn { return .overdue }
        if today.days(until: dueOn) <= Self.dueSoonDays { return .dueSoon }
        return .running
    }

    /// A meeting booked on this day would be held too late.
    public func isLate(bookedOn day: SimpleDate) -> Bool { day > dueOn }
}

extension CollaborationCase {
    /// The case's clocks, from the days its meetings were held (any order; meetings not yet
    /// held are left out by the caller). The second clock starts when the first meeting is
    /// held. A closed case keeps only the clocks that were met: nothing runs after closure.
    public func clocks(heldMeetingDays: [SimpleDate]) -> [CollaborationClock] {
        let held = heldMeetingDays.filter { $0 >= knownOn }.sorted()
        var result = [CollaborationClock(kind: .firstMeeting, startedOn: knownOn, heldOn: held.first, ownerID: owner.id)]
        if let first = held.first {
            result.append(CollaborationClock(kind: .secondMeeting, startedOn: first, heldOn: held.dropFirst().first, ownerID: owner.id))
        }
        return isOpen ? result : result.filter { $0.heldOn != nil }
    }

    /// The clocks on the owner's work list: those still running.
    public func openClocks(heldMeetingDays: [SimpleDate], on today: SimpleDate) -> [CollaborationClock] {
        clocks(heldMeetingDays: heldMeetingDays).filter { $0.state(on: today).isOpen }
    }
}
