import Foundation

/// Domain code never reads the wall clock: it is given one. Named `TimeSource` so it does
/// not clash with the standard library's `Clock`.
public protocol TimeSource: Sendable {
    func now() -> Date
}

public struct SystemTimeSource: TimeSource {
    public init() {}
    public func now() -> Date { Date() }
}

/// A settable clock for tests and demo data.
public final class ManualTimeSource: TimeSource, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public func now() -> Date { lock.withLock { current } }
    public func set(_ date: Date) { lock.withLock { current = date } }
    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// Samverka's legal dates are Swedish dates: Europe/Stockholm, daylight saving included.
public enum Stockholm {
    public static let timeZone = TimeZone(identifier: "Europe/Stockholm")!

    /// Built once: creating a Calendar is costly, and work lists compute hundreds of dates.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "sv_SE")
        return calendar
    }()

    public static func date(of instant: Date) -> SimpleDate {
        let local = StockholmOffsets.shared.localSeconds(instant)
        return SimpleDate(dayNumber: Int(floorDivide(local, 86_400)))!
    }

    /// Midnight at the start of `date` in Stockholm.
    public static func startOfDay(_ date: SimpleDate) -> Date {
        StockholmOffsets.shared.instant(local: Int64(date.dayNumber) * 86_400)
    }

    /// "2026-11-23 14:05", as staff read times.
    public static func format(_ instant: Date) -> String {
        let local = StockholmOffsets.shared.localSeconds(instant)
        let day = floorDivide(local, 86_400), second = Int(local - day * 86_400)
        let date = SimpleDate(dayNumber: Int(day))!
        // Not String(format:): it goes through CoreFoundation's formatter, and lists format
        // hundreds of times per page.
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.year)-\(two(date.month))-\(two(date.day)) \(two(second / 3600)):\(two(second % 3600 / 60))"
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
