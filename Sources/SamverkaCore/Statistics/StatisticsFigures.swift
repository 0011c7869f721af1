import Foundation

/// A share of a whole, as a percentage with Swedish formatting ("83 %").
public struct Share: Sendable, Hashable {
    public let part: Int
    public let whole: Int

    /// nil when there is nothing to take a share of.
    public init?(_ part: Int, of whole: Int) {
        guard whole > 0 else { return nil }
        self.part = part
        self.whole = whole
    }

    public var fraction: Double { Double(part) / Double(whole) }
    public var percent: Int { Int((fraction * 100).rounded()) }
    public var text: String { "\(percent) %" }
}

/// Medians and percentiles of times. The median of an even number of values is the mean of
/// the middle two; the 90th percentile is the nearest rank (the value at rank ⌈0.9·n⌉), so
/// it is always a time that was actually taken.
public enum Percentiles {
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[mid]
    }

    public static func nearestRank(_ p: Double, _ values: [Double]) -> Double? {
        guard !values.isEmpty, p > 0, p <= 1 else { return nil }
        let sorted = values.sorted()
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count, rank) - 1)]
    }
}

/// A time a clock took: hours for the hour clocks (the protection assessment's 24 hours),
/// days on the Stockholm calendar for the others.
public struct ClockTime: Sendable, Hashable {
    public enum Unit: Sendable, Hashable { case hours, days }
    public let value: Double
    public let unit: Unit

    public var text: String {
        let rounded = (value * 10).rounded() / 10
        let number = rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded).replacingOccurrences(of: ".", with: ",")
        switch unit {
        case .hours: return number + (rounded == 1 ? " timme" : " timmar")
        case .days: return number + (rounded == 1 ? " dag" : " dagar")
        }
    }
}

/// How one kind of clock was kept in a period: of the clocks started in it, how many were met
/// on time, late, are overdue or still running, the share on time of those whose outcome is
/// known (met, met late or overdue), and the median and 90th-percentile time to meet them.
public struct ClockFigures: Sendable, Hashable {
    public let kind: ClockKind
    public let started: Int
    public let metOnTime: Int
    public let metLate: Int
    public let overdue: Int
    public let running: Int
    public let extended: Int
    public let median: ClockTime?
    public let percentile90: ClockTime?

    public var onTime: Share? { Share(metOnTime, of: metOnTime + metLate + overdue) }

    public init(kind: ClockKind, _ clocks: [Deadline], at now: Date) {
        self.init(kind: kind, samples: clocks.map { ClockSample($0) }, at: now)
    }

    /// From clocks that the store read grouped: each sample stands for `count` clocks that
    /// give the same state and the same time (started and met on the same Stockholm days, or
    /// for an hour clock within the same minute), so the figures are those of the clocks.
    public init(kind: ClockKind, samples: [ClockSample], at now: Date) {
        self.kind = kind
        let mine = samples.filter { $0.deadline.kind == kind && $0.count > 0 }
        var started = 0, onTime = 0, late = 0, overdue = 0, running = 0, extended = 0
        var times: [Double] = []
        let hourly = kind.isHourly
        for sample in mine {
            let clock = sample.deadline, n = sample.count
            started += n
            if !clock.extensions.isEmpty { extended += n }
            switch clock.state(at: now) {
            case .met: onTime += n
            case .metLate: late += n
            case .overdue: overdue += n
            case .running, .dueSoon, .extended: running += n
            }
            guard let met = clock.metAt else { continue }
            let time = hourly ? met.timeIntervalSince(clock.startedAt) / 3600
                              : Double(Stockholm.date(of: clock.startedAt).days(until: Stockholm.date(of: met)))
            times += repeatElement(time, count: n)
        }
        self.started = started
        metOnTime = onTime
        metLate = late
        self.overdue = overdue
        self.running = running
        self.extended = extended
        let unit: ClockTime.Unit = hourly ? .hours : .days
        median = Percentiles.median(times).map { ClockTime(value: $0, unit: unit) }
        percentile90 = Percentiles.nearestRank(0.9, times).map { ClockTime(value: $0, unit: unit) }
    }
}

/// Clocks read together: `count` clocks like `deadline`.
public struct ClockSample: Sendable, Hashable {
    public let deadline: Deadline
    public let count: Int

    public init(_ deadline: Deadline, count: Int = 1) {
        self.deadline = deadline
        self.count = count
    }
}

extension ClockKind {
    /// Clocks counted in elapsed hours (the protection assessment's 24 hours); the others run
    /// on the Stockholm calendar.
    public var isHourly: Bool {
        if case .after(.hours) = rule { return true }
        return false
    }
}
