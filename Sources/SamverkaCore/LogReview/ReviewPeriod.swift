import Foundation

/// A period of days the reviewer scans or summarises, both ends included.
public struct ReviewPeriod: Sendable, Hashable {
    public var from: SimpleDate
    public var to: SimpleDate

    /// Long enough for a quarter, short enough that a scan stays quick.
    public static let maxDays = 92

    public var label: String { "\(from.iso)–\(to.iso)" }
    public var start: Date { Stockholm.startOfDay(from) }
    /// Exclusive: the start of the day after `to`.
    public var end: Date { Stockholm.startOfDay(to.adding(days: 1)) }

    public static func parse(from: String?, to: String?, today: SimpleDate) -> Result<ReviewPeriod, FieldErrors> {
        var errors = FieldErrors()
        let start = SimpleDate(iso: TextRules.trimmed(from))
        let end = SimpleDate(iso: TextRules.trimmed(to))
        if start == nil { errors.add("from", "Skriv datum som ÅÅÅÅ-MM-DD.") }
        if end == nil { errors.add("to", "Skriv datum som ÅÅÅÅ-MM-DD.") }
        guard let start, let end else { return .failure(errors) }
        if end < start {
            errors.add("to", "Slutdatum kan inte vara före startdatum.")
        } else if start.days(until: end) >= maxDays {
            errors.add("to", "Välj högst \(maxDays) dagar åt gången.")
        } else if today < start {
            errors.add("from", "Perioden kan inte börja i framtiden.")
        }
        return errors.isEmpty ? .success(ReviewPeriod(from: start, to: end)) : .failure(errors)
    }

    /// A calendar month, "2026-11", for the monthly sample. Only months that have begun.
    public static func month(_ text: String?, today: SimpleDate) -> Result<(key: String, period: ReviewPeriod), FieldErrors> {
        var errors = FieldErrors()
        let key = TextRules.trimmed(text)
        guard key.count == 7, let first = SimpleDate(iso: key + "-01") else {
            errors.add("month", "Skriv månaden som ÅÅÅÅ-MM.")
            return .failure(errors)
        }
        if today < first {
            errors.add("month", "Månaden har inte börjat.")
            return .failure(errors)
        }
        return .success((key, ReviewPeriod(from: first, to: first.adding(months: 1).adding(days: -1))))
    }
}
