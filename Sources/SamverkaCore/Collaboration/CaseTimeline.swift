import Foundation

/// What the case page lists: everything that happened, in order, and what is due next.
public enum TimelineEntryKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The day the need became known, which starts the two-week clock.
    case needKnown = "need-known"
    case caseOpened = "case-opened"
    case consent
    case handover
    case meeting
    case decision
    case action
    case document
    case caseClosed = "case-closed"

    public var label: String {
        switch self {
        case .needKnown: "Behovet blev känt"
        case .caseOpened: "Ärendet öppnades"
        case .consent: "Samtycke"
        case .handover: "Ny processbärare"
        case .meeting: "Möte"
        case .decision: "Beslut"
        case .action: "Åtgärd"
        case .document: "Dokument"
        case .caseClosed: "Ärendet avslutades"
        }
    }

    /// Same-day order: a meeting comes before the decisions and actions taken at it.
    var sameDayRank: Int { Self.allCases.firstIndex(of: self)! }
}

public struct TimelineEntry: Sendable, Hashable {
    public var date: SimpleDate
    public var kind: TimelineEntryKind
    public var title: String
    public var detail: String?
    public var recordID: RecordID?

    public init(date: SimpleDate, kind: TimelineEntryKind, title: String, detail: String? = nil, recordID: RecordID? = nil) {
        self.date = date
        self.kind = kind
        self.title = title
        self.detail = detail
        self.recordID = recordID
    }
}

/// Something ahead: a clock, an action or a booked meeting.
public struct DueItem: Sendable, Hashable {
    public var date: SimpleDate
    public var title: String
    public var state: ClockState
    /// Whose work list it is on, if a staff member's.
    public var responsibleID: RecordID?

    public init(date: SimpleDate, title: String, state: ClockState, responsibleID: RecordID?) {
        self.date = date
        self.title = title
        self.state = state
        self.responsibleID = responsibleID
    }
}

public struct CaseTimeline: Sendable, Hashable {
    public var entries: [TimelineEntry]
    /// Earliest first; overdue items lead.
    public var due: [DueItem]
    public var next: DueItem? { due.first }

    public init(entries: [TimelineEntry], due: [DueItem]) {
        self.entries = entries
        self.due = due
    }

    /// `entries`: the meetings, decisions, actions, consents and documents the caller read;
    /// the case's own events (opened, handovers, closure) are added here. `openActions` and
    /// `bookedMeetings` (date and title of meetings not yet held) feed what is due.
    public static func build(
        for c: CollaborationCase, entries: [TimelineEntry], heldMeetingDays: [SimpleDate],
        openActions: [MeetingAction], bookedMeetings: [(date: SimpleDate, title: String)], today: SimpleDate
    ) -> CaseTimeline {
        var all = entries
        // Two days, each labelled: when the need became known (it starts the clock) and when
        // the case was opened in Samverka.
        all.append(TimelineEntry(date: c.knownOn, kind: .needKnown, title: "Behovet av samverkan blev känt", detail: c.reason))
        all.append(TimelineEntry(date: Stockholm.date(of: c.openedAt), kind: .caseOpened, title: "Ärendet öppnades av \(c.openedBy.name)"))
        for h in c.handovers {
            all.append(TimelineEntry(date: Stockholm.date(of: h.at), kind: .handover, title: "\(h.from.name) lämnade över till \(h.to.name)", detail: h.reason))
        }
        if let closure = c.closure {
            all.append(TimelineEntry(date: closure.closedOn, kind: .caseClosed, title: "Avslutat av \(closure.closedBy.name)", detail: closure.note, recordID: closure.meetingID))
        }
        // Stable: equal entries keep the caller's order.
        let ordered = all.enumerated().sorted { a, b in
            (a.element.date, a.element.kind.sameDayRank, a.offset) < (b.element.date, b.element.kind.sameDayRank, b.offset)
        }.map(\.element)

        var due: [DueItem] = []
        if c.isOpen {
            for clock in c.openClocks(heldMeetingDays: heldMeetingDays, on: today) {
                due.append(DueItem(date: clock.dueOn, title: "\(clock.kind.label) senast", state: clock.state(on: today), responsibleID: clock.ownerID))
            }
            for meeting in bookedMeetings where meeting.date >= today {
                due.append(DueItem(date: meeting.date, title: meeting.title, state: .running, responsibleID: c.owner.id))
            }
        }
        for action in openActions {
            due.append(DueItem(date: action.dueOn, title: "\(action.what) (\(action.responsible.name))", state: action.state(on: today), responsibleID: action.responsible.staffID))
        }
        due.sort { ($0.date, $0.title) < ($1.date, $1.title) }
        return CaseTimeline(entries: ordered, due: due)
    }
}
