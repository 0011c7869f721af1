/// The two routine clocks of a collaboration case (seed 003 process map, steps 4 and 5):
/// the first meeting within two weeks of the case becoming known, the second within two
/// weeks of the first. Their rule and source are the engine's (`ClockKind`).
public enum CollaborationClockKind: String, Sendable, Hashable, CaseIterable, Codable {
    case firstMeeting = "first-meeting"
    case secondMeeting = "second-meeting"

    public var clockKind: ClockKind {
        switch self {
        case .firstMeeting: .firstCollaborationMeeting
        case .secondMeeting: .secondCollaborationMeeting
        }
    }

    public var label: String { clockKind.label }
    public var source: String { clockKind.source.text }
}

/// One of the case's clocks, on plain dates, run by the one engine (`Deadline`): started on a
/// day, due two weeks later, met on the day the meeting was held.
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

    public var deadline: Deadline { Deadline(kind: kind.clockKind, startedOn: startedOn, metOn: heldOn) }

    public var dueOn: SimpleDate { deadline.dueDay }

    public func state(on today: SimpleDate) -> ClockState { deadline.state(on: today) }

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
