import Foundation
import Testing
@testable import SamverkaCore

/// Stockholm dates and times come from a table of the zone's offset changes, not from
/// `Calendar` on every call. These tests hold the table to `Calendar` (the system's time zone
/// database) at every change and across the years Samverka's records live in.
@Suite("Stockholm time from the table of offset changes")
struct StockholmOffsetTableTests {
    static let calendar = Stockholm.calendar

    static func referenceDate(_ instant: Date) -> SimpleDate {
        let p = calendar.dateComponents([.year, .month, .day], from: instant)
        return SimpleDate(year: p.year!, month: p.month!, day: p.day!)!
    }

    static func referenceFormat(_ instant: Date) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return String(format: "%04d-%02d-%02d %02d:%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!)
    }

    @Test("the table holds summer time's changes: two a year since 1980")
    func tableHasTheChanges() {
        let table = StockholmOffsets.shared
        let since1980 = table.changes.filter { $0 >= 315_532_800 }
        #expect(since1980.count >= 2 * (2100 - 1980), "a table without changes would make every date an hour wrong in summer")
        #expect(Set(table.offsets) == [3600, 7200])
        // 29 March 2026 at 01:00 UTC summer time starts; 25 October 2026 at 01:00 UTC it ends.
        #expect(table.offset(at: 1_774_746_000 - 1) == 3600 && table.offset(at: 1_774_746_000) == 7200)
        #expect(table.offset(at: 1_792_890_000 - 1) == 7200 && table.offset(at: 1_792_890_000) == 3600)
    }

    @Test("around every change: the same date and time as Calendar")
    func aroundEveryChange() {
        for change in StockholmOffsets.shared.changes {
            for delta: Int64 in [-7201, -3601, -3600, -61, -1, 0, 1, 59, 60, 3599, 3600, 7200] {
                let instant = Date(timeIntervalSince1970: Double(change + delta))
                #expect(Stockholm.date(of: instant) == Self.referenceDate(instant), "\(change + delta)")
                #expect(Stockholm.format(instant) == Self.referenceFormat(instant), "\(change + delta)")
            }
        }
    }

    @Test("every 7 hours 13 minutes 17 seconds from 1990 to 2060, and fractions of a second")
    func acrossTheYears() {
        var seconds: Double = 631_152_000  // 1990-01-01
        while seconds < 2_840_140_800 {  // 2060-01-01
            for instant in [Date(timeIntervalSince1970: seconds), Date(timeIntervalSince1970: seconds + 0.75)] {
                #expect(Stockholm.date(of: instant) == Self.referenceDate(instant))
                #expect(Stockholm.format(instant) == Self.referenceFormat(instant))
            }
            seconds += 7 * 3600 + 13 * 60 + 17
        }
    }

    @Test("midnight of every day from 1970 to 2100 is Calendar's start of day")
    func everyMidnight() {
        for day in Fx.day("1970-01-01").dayNumber...Fx.day("2100-12-31").dayNumber {
            let date = SimpleDate(dayNumber: day)!
            let expected = Self.calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
            #expect(Stockholm.startOfDay(date) == expected, "\(date.iso)")
        }
    }

    @Test("outside the table, and before 1970, the time zone answers")
    func outsideTheTable() {
        for iso in ["1969-12-31", "1950-06-15", "2101-01-01", "2150-07-01", "2500-03-28"] {
            let date = Fx.day(iso)
            let expected = Self.calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
            #expect(Stockholm.startOfDay(date) == expected)
            #expect(Stockholm.date(of: expected.addingTimeInterval(12 * 3600)) == date)
            #expect(Stockholm.format(expected.addingTimeInterval(-60)) == Self.referenceFormat(expected.addingTimeInterval(-60)))
        }
    }
}
