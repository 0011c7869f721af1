/// Calendar arithmetic on dates, without time zones: deadlines count Swedish calendar days.
extension SimpleDate {
    /// Days since 1970-01-01 (civil-from-days, proleptic Gregorian).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init?(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> SimpleDate {
        SimpleDate(dayNumber: dayNumber + days) ?? self
    }

    /// Whole months later; a day past the new month's end becomes its last day
    /// (31 October + 4 months = 28 or 29 February).
    public func adding(months: Int) -> SimpleDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let newDay = min(day, SimpleDate.daysInMonth(year: newYear, month: newMonth))
        return SimpleDate(year: newYear, month: newMonth, day: newDay) ?? self
    }

    /// Days from this date to `other` (negative if `other` is earlier).
    public func days(until other: SimpleDate) -> Int { other.dayNumber - dayNumber }
}
