import Foundation
@testable import SamverkaCore

/// Fixed instants and shared values for the concern tests (reports, investigations, clocks).
/// Every instant is built from a Stockholm wall-clock time, never from the machine's zone.
enum Fx {
    /// The instant at a Stockholm local time. Not for the repeated hour of the autumn change.
    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
        Stockholm.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    /// An instant given in UTC, to check local times against absolute ones.
    static func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    static func day(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }

    /// Stockholm midnight starting `iso`: the end of the day before.
    static func midnight(_ iso: String) -> Date {
        let d = day(iso)
        return at(d.year, d.month, d.day)
    }

    static func decision(_ reasons: String = "Skäl enligt bedömningen.", by name: String = "Maria Handläggare", on iso: String = "2026-11-23") -> DecisionRecord {
        DecisionRecord(decidedBy: 77, decidedByName: name, date: day(iso), reasons: reasons)
    }

    /// Monday 23 November 2026, 10:00 in Stockholm: when most test reports arrive.
    static let received = at(2026, 11, 23, 10, 0)
}
