/// The stretch of days a statistics page counts: a month, a school term, a year, or any days.
/// Both ends are included; days are Stockholm's.
public struct StatisticsPeriod: Sendable, Hashable {
    public let from: SimpleDate
    public let to: SimpleDate
    public let label: String

    public init?(from: SimpleDate, to: SimpleDate, label: String? = nil) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
        self.label = label ?? "\(from.iso) – \(to.iso)"
    }

    public static func month(_ year: Int, _ month: Int) -> StatisticsPeriod? {
        guard let first = SimpleDate(year: year, month: month, day: 1) else { return nil }
        return StatisticsPeriod(from: first, to: first.adding(months: 1).adding(days: -1), label: "\(StatisticsPeriod.monthNames[month - 1]) \(year)")
    }

    /// Vårterminen is January to June, höstterminen July to December (the summer counts with
    /// the autumn, so every day of the year is in one term).
    public static func term(_ year: Int, spring: Bool) -> StatisticsPeriod? {
        StatisticsPeriod(from: SimpleDate(year: year, month: spring ? 1 : 7, day: 1)!, to: SimpleDate(year: year, month: spring ? 6 : 12, day: spring ? 30 : 31)!,
                         label: (spring ? "Vårterminen " : "Höstterminen ") + String(year))
    }

    public static func year(_ year: Int) -> StatisticsPeriod? {
        StatisticsPeriod(from: SimpleDate(year: year, month: 1, day: 1)!, to: SimpleDate(year: year, month: 12, day: 31)!, label: "År \(year)")
    }

    public func contains(_ day: SimpleDate) -> Bool { from <= day && day <= to }

    /// The months the period touches, for a line over months.
    public var months: [StatisticsPeriod] {
        var result: [StatisticsPeriod] = []
        var year = from.year, month = from.month
        while (year, month) <= (to.year, to.month) {
            if let m = StatisticsPeriod.month(year, month) { result.append(m) }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }

    static let monthNames = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]
}
