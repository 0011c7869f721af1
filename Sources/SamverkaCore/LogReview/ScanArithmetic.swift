import Foundation

/// The log review's time rules as integer arithmetic on Stockholm wall-clock seconds, the
/// form the store's set-based scan repeats in SQL (neither engine knows Stockholm's time
/// zone the same way). The rules themselves stay in `LogReviewRules`; tests hold this to them.
public enum ScanArithmetic {
    /// Stockholm's offset from UTC over the instants `from...through` (seconds since 1970):
    /// the offset in force at `from`, then each change inside the range with its new offset.
    public static func offsetSegments(from: Int64, through: Int64) -> [(start: Int64, offset: Int)] {
        let table = StockholmOffsets.shared
        var segments = [(start: from, offset: table.offset(at: from))]
        for (index, change) in table.changes.enumerated() where change > from && change <= through {
            segments.append((change, table.offsets[index + 1]))
        }
        return segments
    }

    /// Stockholm wall-clock seconds since 1970-01-01 00:00 local.
    public static func localSeconds(_ utc: Int64) -> Int64 {
        utc + Int64(StockholmOffsets.shared.offset(at: utc))
    }

    /// The local day number (days since 1970-01-01) of wall-clock seconds.
    public static func day(local: Int64) -> Int64 { floorDivide(local, 86_400) }

    /// 0 is Sunday, 6 Saturday (1970-01-01 was a Thursday).
    public static func weekday(day: Int64) -> Int64 { ((day + 4) % 7 + 7) % 7 }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}

extension LogReviewRules.WorkingHours {
    /// `contains(_:)` on Stockholm wall-clock seconds: Monday to Friday, from `startHour`
    /// up to `endHour`.
    public func contains(localSeconds local: Int64) -> Bool {
        let day = ScanArithmetic.day(local: local)
        let weekday = ScanArithmetic.weekday(day: day)
        let second = local - day * 86_400
        return (1...5).contains(weekday) && second >= Int64(startHour) * 3600 && second < Int64(endHour) * 3600
    }
}
