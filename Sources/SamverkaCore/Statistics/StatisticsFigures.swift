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
        self.kind = kind
        let mine = clocks.filter { $0.kind == kind }
        var onTime = 0, late = 0, overdue = 0, running = 0
        var times: [Double] = []
        let hourly: Bool = if case .after(.hours) = kind.rule { true } else { false }
        for clock in mine {
            switch clock.state(at: now) {
            case .met: onTime += 1
            case .metLate: late += 1
            case .overdue: overdue += 1
            case .running, .dueSoon, .extended: running += 1
            }
            guard let met = clock.metAt else { continue }
            times.append(hourly ? met.timeIntervalSince(clock.startedAt) / 3600
                                : Double(Stockholm.date(of: clock.startedAt).days(until: Stockholm.date(of: met))))
        }
        started = mine.count
        metOnTime = onTime
        metLate = late
        self.overdue = overdue
        self.running = running
        extended = mine.filter { !$0.extensions.isEmpty }.count
        let unit: ClockTime.Unit = hourly ? .hours : .days
        median = Percentiles.median(times).map { ClockTime(value: $0, unit: unit) }
        percentile90 = Percentiles.nearestRank(0.9, times).map { ClockTime(value: $0, unit: unit) }
    }
}
