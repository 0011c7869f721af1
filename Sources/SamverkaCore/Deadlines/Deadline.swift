import Foundation

/// How long a clock runs. Hours are elapsed time (24 hours across a daylight-saving change
/// is still 24 hours); days, weeks and months are Swedish calendar time: the clock is due at
/// the end of the due day in Stockholm, and a month from the 31st ends on the month's last
/// day (4 months from 31 October is 28 February, or 29 in a leap year).
public enum ClockDuration: Sendable, Hashable {
    case hours(Int)
    case days(Int)
    case weeks(Int)
    case months(Int)

    /// When a clock started at `start` is due.
    public func due(from start: Date) -> Date {
        switch self {
        case .hours(let n):
            return start.addingTimeInterval(TimeInterval(n) * 3600)
        case .days(let n):
            return Stockholm.endOfDay(Stockholm.date(of: start).adding(days: n))
        case .weeks(let n):
            return Stockholm.endOfDay(Stockholm.date(of: start).adding(days: 7 * n))
        case .months(let n):
            return Stockholm.endOfDay(Stockholm.date(of: start).adding(months: n))
        }
    }

    /// Before the due time, how close counts as "due soon".
    public var dueSoonWindow: TimeInterval {
        switch self {
        case .hours(let n): TimeInterval(max(1, n / 4)) * 3600
        case .days(let n): TimeInterval(n >= 7 ? 3 : 1) * 86_400
        case .weeks: 2 * 86_400
        case .months: 14 * 86_400
        }
    }

    public var label: String {
        switch self {
        case .hours(let n): n == 1 ? "en timme" : "\(n) timmar"
        case .days(let n): n == 1 ? "en dag" : "\(n) dagar"
        case .weeks(let n): n == 1 ? "en vecka" : "\(n) veckor"
        case .months(let n): n == 1 ? "en månad" : "\(n) månader"
        }
    }
}

public enum ClockState: String, Sendable, Hashable {
    case running
    case dueSoon = "due-soon"
    case overdue
    case met
    case metLate = "met-late"
    case extended

    public var label: String {
        switch self {
        case .running: "Pågår"
        case .dueSoon: "Snart förfallen"
        case .overdue: "Försenad"
        case .met: "Klar i tid"
        case .metLate: "Klar för sent"
        case .extended: "Förlängd"
        }
    }

    /// Running states are on work lists; met ones are history.
    public var isOpen: Bool { self != .met && self != .metLate }
}

/// One extension of a clock: the new due time replaces the old, the history is kept.
public struct ClockExtension: Sendable, Hashable {
    public var previousDue: Date
    public var newDue: Date
    public var reason: String
    public var decidedAt: Date

    public init(previousDue: Date, newDue: Date, reason: String, decidedAt: Date) {
        self.previousDue = previousDue
        self.newDue = newDue
        self.reason = reason
        self.decidedAt = decidedAt
    }
}

/// A clock: started by an event, due after its duration (or at the last extension's new due
/// time), stopped when the thing it waits for is done.
public struct Deadline: Sendable, Hashable {
    public var kind: ClockKind
    public var startedAt: Date
    public var metAt: Date?
    public var extensions: [ClockExtension]

    public init(kind: ClockKind, startedAt: Date, metAt: Date? = nil, extensions: [ClockExtension] = []) {
        self.kind = kind
        self.startedAt = startedAt
        self.metAt = metAt
        self.extensions = extensions
    }

    /// The due time a decision set (an action's or a task's day, a consent's last day):
    /// for the clocks whose rule is `.decidedDay`.
    public var decidedDue: Date?

    /// A clock on plain days: started on a day, due at the end of `dueOn` (or after the
    /// kind's duration), met on the day the thing was done.
    public init(kind: ClockKind, startedOn: SimpleDate, dueOn: SimpleDate? = nil, metOn: SimpleDate? = nil) {
        // Met at the day's last second: a meeting held on the due day is on time, the day after late.
        self.init(kind: kind, startedAt: Stockholm.startOfDay(startedOn), metAt: metOn.map { Stockholm.endOfDay($0).addingTimeInterval(-1) })
        decidedDue = dueOn.map(Stockholm.endOfDay)
    }

    public var originalDue: Date { decidedDue ?? kind.rule.due(from: startedAt) }
    public var dueAt: Date { extensions.last?.newDue ?? originalDue }

    /// The due day of a calendar clock (the day whose end it is due at).
    public var dueDay: SimpleDate { Stockholm.date(of: dueAt.addingTimeInterval(-1)) }

    /// The state on a day (a clock on plain days: read at the day's last second, so it is
    /// overdue the day after its due day).
    public func state(on today: SimpleDate) -> ClockState { state(at: Stockholm.endOfDay(today).addingTimeInterval(-1)) }

    public func state(at now: Date) -> ClockState {
        // Calendar clocks compute their due time through the Stockholm calendar: once.
        let due = dueAt
        if let metAt { return metAt <= due ? .met : .metLate }
        if now > due { return .overdue }
        switch kind.dueSoon {
        case .before(let window): if now >= due.addingTimeInterval(-window) { return .dueSoon }
        case .daysBefore(let days): if Stockholm.date(of: now) >= dueDay.adding(days: -days) { return .dueSoon }
        }
        return extensions.isEmpty ? .running : .extended
    }

    /// "2026-11-24 14:05" for hour clocks; the due day "2026-12-07" for calendar clocks
    /// (their due time is the end of that day).
    public var dueLabel: String {
        if case .after(.hours) = kind.rule { return Stockholm.format(dueAt) }
        return Stockholm.date(of: dueAt.addingTimeInterval(-1)).iso
    }

    /// Extends to a later due day. Refused when the clock is met or the new day is not later.
    public func extended(to newDueDay: SimpleDate, reason: String, at now: Date) -> Result<Deadline, ClockError> {
        guard metAt == nil else { return .failure(.alreadyMet) }
        let newDue = Stockholm.endOfDay(newDueDay)
        guard newDue > dueAt else { return .failure(.extensionNotLater) }
        var copy = self
        copy.extensions.append(ClockExtension(previousDue: dueAt, newDue: newDue, reason: reason, decidedAt: now))
        return .success(copy)
    }
}

public enum ClockError: Error, Sendable, Hashable {
    case alreadyMet
    case extensionNotLater

    public var message: String {
        switch self {
        case .alreadyMet: "Tidsfristen är redan uppfylld och kan inte förlängas."
        case .extensionNotLater: "Det nya slutdatumet måste vara senare än det nuvarande."
        }
    }
}

extension Stockholm {
    /// The end of `date` in Stockholm: midnight starting the next day.
    public static func endOfDay(_ date: SimpleDate) -> Date {
        startOfDay(date.adding(days: 1))
    }
}
