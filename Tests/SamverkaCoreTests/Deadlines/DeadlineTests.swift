import Foundation
import Testing
@testable import SamverkaCore

@Suite("Calendar arithmetic")
struct SimpleDateArithmeticTests {
    @Test(arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-03-01", 11017), ("2026-11-23", 20780),
        ("2028-02-29", 21243), ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ]) func dayNumber(iso: String, number: Int) {
        #expect(Fx.day(iso).dayNumber == number)
        #expect(SimpleDate(dayNumber: number) == Fx.day(iso))
    }

    @Test func dayNumberRoundTripsEveryDayOfFourYears() {
        var expected = Fx.day("2026-01-01")
        for n in Fx.day("2026-01-01").dayNumber..<Fx.day("2030-01-01").dayNumber {
            let d = SimpleDate(dayNumber: n)!
            #expect(d == expected)
            #expect(d.dayNumber == n)
            // The next calendar day, by hand.
            if d.day < SimpleDate.daysInMonth(year: d.year, month: d.month) {
                expected = SimpleDate(year: d.year, month: d.month, day: d.day + 1)!
            } else if d.month < 12 {
                expected = SimpleDate(year: d.year, month: d.month + 1, day: 1)!
            } else {
                expected = SimpleDate(year: d.year + 1, month: 1, day: 1)!
            }
        }
        #expect(expected == Fx.day("2030-01-01"))
    }

    @Test(arguments: [
        ("2026-11-23", 14, "2026-12-07"), ("2026-12-25", 14, "2027-01-08"), ("2028-02-28", 1, "2028-02-29"),
        ("2027-02-28", 1, "2027-03-01"), ("2026-03-01", -1, "2026-02-28"), ("2026-11-23", 0, "2026-11-23"),
        ("2026-11-23", 365, "2027-11-23"), ("2027-11-23", 366, "2028-11-23"),
    ]) func addingDays(from: String, days: Int, to: String) {
        #expect(Fx.day(from).adding(days: days) == Fx.day(to))
        #expect(Fx.day(from).days(until: Fx.day(to)) == days)
    }

    @Test(arguments: [
        ("2026-10-31", 4, "2027-02-28"), ("2027-10-31", 4, "2028-02-29"), ("2026-06-30", 4, "2026-10-30"),
        ("2026-08-31", 4, "2026-12-31"), ("2026-01-31", 1, "2026-02-28"), ("2024-01-31", 1, "2024-02-29"),
        ("2026-03-31", 1, "2026-04-30"), ("2026-12-15", 2, "2027-02-15"), ("2026-08-31", 6, "2027-02-28"),
        ("2027-08-31", 6, "2028-02-29"), ("2028-02-29", 12, "2029-02-28"), ("2026-11-23", 0, "2026-11-23"),
        ("2026-01-15", -1, "2025-12-15"), ("2026-11-30", 3, "2027-02-28"),
    ]) func addingMonths(from: String, months: Int, to: String) {
        #expect(Fx.day(from).adding(months: months) == Fx.day(to))
    }
}

@Suite("Stockholm time")
struct StockholmTimeTests {
    /// The helper the other tests rely on: Stockholm local time, winter UTC+1, summer UTC+2.
    @Test func localTimesAreStockholm() {
        #expect(Fx.at(2026, 3, 28, 10, 0) == Fx.utc("2026-03-28T09:00:00Z"))
        #expect(Fx.at(2026, 3, 29, 11, 0) == Fx.utc("2026-03-29T09:00:00Z"))
        #expect(Fx.at(2026, 10, 24, 10, 0) == Fx.utc("2026-10-24T08:00:00Z"))
        #expect(Fx.at(2026, 10, 25, 9, 0) == Fx.utc("2026-10-25T08:00:00Z"))
        #expect(Fx.at(2026, 11, 23, 0, 30) == Fx.utc("2026-11-22T23:30:00Z"))
    }

    @Test func dateOfAnInstantIsTheStockholmDay() {
        #expect(Stockholm.date(of: Fx.utc("2026-11-22T23:30:00Z")) == Fx.day("2026-11-23"))
        #expect(Stockholm.date(of: Fx.utc("2026-11-22T22:59:59Z")) == Fx.day("2026-11-22"))
        #expect(Stockholm.date(of: Fx.utc("2026-07-01T21:59:59Z")) == Fx.day("2026-07-01"))
        #expect(Stockholm.date(of: Fx.utc("2026-07-01T22:00:00Z")) == Fx.day("2026-07-02"))
    }

    @Test func endOfDayIsTheNextMidnight() {
        #expect(Stockholm.endOfDay(Fx.day("2026-12-07")) == Fx.utc("2026-12-07T23:00:00Z"))
        #expect(Stockholm.endOfDay(Fx.day("2026-07-01")) == Fx.utc("2026-07-01T22:00:00Z"))
        // The day of the spring change has 23 hours, the autumn one 25.
        #expect(Stockholm.endOfDay(Fx.day("2026-03-29")).timeIntervalSince(Stockholm.startOfDay(Fx.day("2026-03-29"))) == 23 * 3600)
        #expect(Stockholm.endOfDay(Fx.day("2026-10-25")).timeIntervalSince(Stockholm.startOfDay(Fx.day("2026-10-25"))) == 25 * 3600)
    }

    @Test func format() {
        #expect(Stockholm.format(Fx.utc("2026-11-23T13:05:00Z")) == "2026-11-23 14:05")
        #expect(Stockholm.format(Fx.utc("2026-07-01T22:30:00Z")) == "2026-07-02 00:30")
    }
}

@Suite("Clocks")
struct DeadlineTests {
    // MARK: - Kinds

    @Test(arguments: [
        (ClockKind.protectionAssessment, ClockDuration.hours(24), "24 timmar"),
        (.preAssessment, .days(14), "14 dagar"),
        (.investigation, .months(4), "4 månader"),
        (.feedback, .weeks(1), "en vecka"),
        (.followUp, .months(6), "6 månader"),
    ]) func durations(kind: ClockKind, duration: ClockDuration, label: String) {
        #expect(kind.duration == duration)
        #expect(kind.duration?.label == label)
        #expect(!kind.label.isEmpty)
    }

    @Test func durationLabels() {
        #expect(ClockDuration.weeks(2).label == "2 veckor")
        // Swedish singulars: the programme's monthly follow-up shows "en månad", not "1 månader".
        #expect([ClockDuration.hours(1), .days(1), .months(1)].map(\.label) == ["en timme", "en dag", "en månad"])
        #expect(ClockKind.programmeFollowUpMeeting.duration?.label == "en månad")
    }

    /// Durations no clock uses today, so that a change of the table stays correct.
    @Test func otherDurations() {
        let start = Fx.at(2026, 11, 24, 9, 0)
        #expect(ClockDuration.weeks(2).due(from: start) == Fx.midnight("2026-12-09"))
        #expect(ClockDuration.days(1).due(from: start) == Fx.midnight("2026-11-26"))
        #expect(ClockDuration.months(1).due(from: Fx.at(2027, 1, 31, 9, 0)) == Fx.midnight("2027-03-01"))
        #expect(ClockDuration.hours(48).due(from: Fx.at(2026, 3, 28, 10, 0)) == Fx.at(2026, 3, 30, 11, 0))
    }

    // MARK: - 24 hours: elapsed time

    struct HourCase: Sendable, CustomTestStringConvertible {
        let received: Date
        let dueUTC: String
        let label: String
        let note: String
        var testDescription: String { "\(Stockholm.format(received)) → \(label) (\(note))" }
    }

    static let hourCases: [HourCase] = [
        .init(received: Fx.at(2026, 3, 28, 10, 0), dueUTC: "2026-03-29T09:00:00Z", label: "2026-03-29 11:00", note: "spring forward: one hour later on the clock"),
        .init(received: Fx.at(2026, 3, 29, 1, 30), dueUTC: "2026-03-30T00:30:00Z", label: "2026-03-30 02:30", note: "received just before the change"),
        .init(received: Fx.at(2026, 10, 24, 10, 0), dueUTC: "2026-10-25T08:00:00Z", label: "2026-10-25 09:00", note: "fall back: one hour earlier on the clock"),
        .init(received: Fx.at(2026, 11, 23, 14, 5), dueUTC: "2026-11-24T13:05:00Z", label: "2026-11-24 14:05", note: "no change"),
        .init(received: Fx.at(2026, 12, 31, 23, 30), dueUTC: "2027-01-01T22:30:00Z", label: "2027-01-01 23:30", note: "over new year"),
    ]

    @Test(arguments: hourCases) func protectionAssessmentIs24ElapsedHours(_ c: HourCase) {
        let clock = Deadline(kind: .protectionAssessment, startedAt: c.received)
        #expect(clock.dueAt == Fx.utc(c.dueUTC))
        #expect(clock.dueAt.timeIntervalSince(c.received) == 24 * 3600)
        #expect(clock.dueLabel == c.label)
        #expect(ReportState(kind: .concern, channel: .written, reporterKind: .staff, receivedAt: c.received).protectionClock.dueAt == Fx.utc(c.dueUTC))
    }

    // MARK: - Days, weeks, months: due at the end of the due day in Stockholm

    struct CalendarCase: Sendable, CustomTestStringConvertible {
        let kind: ClockKind
        let start: Date
        let dueDay: String
        let note: String
        init(_ kind: ClockKind, _ start: Date, _ dueDay: String, _ note: String = "") {
            self.kind = kind
            self.start = start
            self.dueDay = dueDay
            self.note = note
        }
        var testDescription: String { "\(kind.rawValue) from \(Stockholm.format(start)) → \(dueDay)" + (note.isEmpty ? "" : " (\(note))") }
    }

    static let calendarCases: [CalendarCase] = [
        .init(.preAssessment, Fx.at(2026, 11, 23, 15, 0), "2026-12-07"),
        .init(.preAssessment, Fx.at(2026, 11, 23, 0, 30), "2026-12-07", "still 22 November in UTC"),
        .init(.preAssessment, Fx.at(2026, 11, 23, 23, 59), "2026-12-07", "late in the day counts as the same day"),
        .init(.preAssessment, Fx.at(2026, 12, 25, 9, 0), "2027-01-08", "over new year"),
        .init(.preAssessment, Fx.at(2026, 3, 20, 12, 0), "2026-04-03", "over the spring change"),
        .init(.preAssessment, Fx.at(2026, 10, 20, 12, 0), "2026-11-03", "over the autumn change"),
        .init(.investigation, Fx.at(2026, 10, 31, 13, 0), "2027-02-28", "31 October + 4 months"),
        .init(.investigation, Fx.at(2027, 10, 31, 13, 0), "2028-02-29", "leap year"),
        .init(.investigation, Fx.at(2026, 6, 30, 9, 0), "2026-10-30", "30th stays the 30th"),
        .init(.investigation, Fx.at(2026, 8, 31, 9, 0), "2026-12-31"),
        .init(.investigation, Fx.at(2027, 11, 30, 9, 0), "2028-03-30"),
        .init(.investigation, Fx.at(2026, 1, 31, 9, 0), "2026-05-31"),
        .init(.feedback, Fx.at(2026, 11, 24, 9, 0), "2026-12-01"),
        .init(.feedback, Fx.at(2026, 12, 28, 16, 0), "2027-01-04"),
        .init(.followUp, Fx.at(2026, 8, 31, 15, 0), "2027-02-28"),
        .init(.followUp, Fx.at(2027, 8, 31, 15, 0), "2028-02-29"),
        .init(.followUp, Fx.at(2026, 11, 23, 10, 0), "2027-05-23"),
    ]

    @Test(arguments: calendarCases) func calendarClockIsDueAtTheEndOfTheDueDay(_ c: CalendarCase) {
        let clock = Deadline(kind: c.kind, startedAt: c.start)
        let nextDay = Fx.day(c.dueDay).adding(days: 1)
        #expect(clock.dueAt == Fx.at(nextDay.year, nextDay.month, nextDay.day))
        #expect(clock.originalDue == clock.dueAt)
        #expect(clock.dueLabel == c.dueDay)
        // Still open on the last minute of the due day, overdue a minute after midnight.
        let lastDay = Fx.day(c.dueDay)
        #expect(clock.state(at: Fx.at(lastDay.year, lastDay.month, lastDay.day, 23, 59)) == .dueSoon)
        #expect(clock.state(at: Fx.at(nextDay.year, nextDay.month, nextDay.day, 0, 1)) == .overdue)
    }

    @Test func investigationStateCarriesItsClock() {
        let investigation = InvestigationState(openedAt: Fx.at(2026, 10, 31, 13, 0))
        #expect(investigation.clock.kind == .investigation)
        #expect(investigation.clock.dueLabel == "2027-02-28")
        #expect(investigation.clock.dueAt == Fx.midnight("2027-03-01"))
        #expect(investigation.followUpClock == nil)
        #expect(investigation.latestFollowUpDay == nil)
    }

    // MARK: - States at chosen instants

    struct StateCase: Sendable, CustomTestStringConvertible {
        let name: String
        let clock: Deadline
        let now: Date
        let expected: ClockState
        var testDescription: String { name }
    }

    /// Received 2026-11-23 10:00: protection due 2026-11-24 10:00 (due soon from 04:00).
    static let protection = Deadline(kind: .protectionAssessment, startedAt: Fx.received)
    /// Received 2026-11-23: pre-assessment due at the end of 2026-12-07 (due soon from 2026-12-05 00:00).
    static let preAssessment = Deadline(kind: .preAssessment, startedAt: Fx.received)
    /// Opened 2026-10-31: due at the end of 2027-02-28 (due soon from 2027-02-15 00:00).
    static let investigation = Deadline(kind: .investigation, startedAt: Fx.at(2026, 10, 31, 13, 0))
    /// The same, extended to the end of 2027-04-30 (due soon from 2027-04-17 00:00).
    static let extendedInvestigation = try! investigation.extended(to: Fx.day("2027-04-30"), reason: "Väntar på utlåtande", at: Fx.at(2027, 2, 10, 9, 0)).get()
    /// Requested 2026-11-24 09:00: due at the end of 2026-12-01 (due soon from 2026-11-30 00:00).
    static let feedback = Deadline(kind: .feedback, startedAt: Fx.at(2026, 11, 24, 9, 0))

    static func met(_ clock: Deadline, at date: Date) -> Deadline {
        var copy = clock
        copy.metAt = date
        return copy
    }

    static let stateCases: [StateCase] = [
        .init(name: "protection: running at receipt", clock: protection, now: Fx.received, expected: .running),
        .init(name: "protection: running 6 h 1 min before", clock: protection, now: Fx.at(2026, 11, 24, 3, 59), expected: .running),
        .init(name: "protection: due soon exactly 6 h before", clock: protection, now: Fx.at(2026, 11, 24, 4, 0), expected: .dueSoon),
        .init(name: "protection: due soon at the due instant", clock: protection, now: Fx.at(2026, 11, 24, 10, 0), expected: .dueSoon),
        .init(name: "protection: overdue a second after", clock: protection, now: Fx.at(2026, 11, 24, 10, 0) + 1, expected: .overdue),
        .init(name: "protection: met in time", clock: met(protection, at: Fx.at(2026, 11, 23, 18, 0)), now: Fx.at(2026, 12, 1), expected: .met),
        .init(name: "protection: met at the due instant", clock: met(protection, at: Fx.at(2026, 11, 24, 10, 0)), now: Fx.at(2026, 12, 1), expected: .met),
        .init(name: "protection: met late", clock: met(protection, at: Fx.at(2026, 11, 24, 10, 1)), now: Fx.at(2026, 11, 24, 10, 1), expected: .metLate),
        .init(name: "protection: met counts before overdue", clock: met(protection, at: Fx.at(2026, 11, 23, 11, 0)), now: Fx.at(2027, 1, 1), expected: .met),
        .init(name: "pre-assessment: running 3 days and a minute before", clock: preAssessment, now: Fx.at(2026, 12, 4, 23, 59), expected: .running),
        .init(name: "pre-assessment: due soon 3 days before", clock: preAssessment, now: Fx.at(2026, 12, 5, 0, 0), expected: .dueSoon),
        .init(name: "pre-assessment: due soon on the last evening", clock: preAssessment, now: Fx.at(2026, 12, 7, 23, 59), expected: .dueSoon),
        .init(name: "pre-assessment: overdue just after midnight", clock: preAssessment, now: Fx.at(2026, 12, 8, 0, 1), expected: .overdue),
        .init(name: "pre-assessment: met on the last day", clock: met(preAssessment, at: Fx.at(2026, 12, 7, 16, 0)), now: Fx.at(2026, 12, 20), expected: .met),
        .init(name: "pre-assessment: met the day after", clock: met(preAssessment, at: Fx.at(2026, 12, 8, 8, 0)), now: Fx.at(2026, 12, 20), expected: .metLate),
        .init(name: "investigation: running", clock: investigation, now: Fx.at(2027, 2, 14, 23, 59), expected: .running),
        .init(name: "investigation: due soon 14 days before", clock: investigation, now: Fx.at(2027, 2, 15, 0, 0), expected: .dueSoon),
        .init(name: "investigation: overdue on 1 March", clock: investigation, now: Fx.at(2027, 3, 1, 8, 0), expected: .overdue),
        .init(name: "extended: neither due soon nor overdue at the old due time", clock: extendedInvestigation, now: Fx.at(2027, 3, 1, 8, 0), expected: .extended),
        .init(name: "extended: within the old due-soon window", clock: extendedInvestigation, now: Fx.at(2027, 2, 20, 8, 0), expected: .extended),
        .init(name: "extended: due soon 14 days before the new due", clock: extendedInvestigation, now: Fx.at(2027, 4, 17, 0, 0), expected: .dueSoon),
        .init(name: "extended: overdue after the new due", clock: extendedInvestigation, now: Fx.at(2027, 5, 1, 0, 1), expected: .overdue),
        .init(name: "extended: met before the new due though after the old", clock: met(extendedInvestigation, at: Fx.at(2027, 3, 15, 9, 0)), now: Fx.at(2027, 6, 1), expected: .met),
        .init(name: "extended: met after the new due", clock: met(extendedInvestigation, at: Fx.at(2027, 5, 3, 9, 0)), now: Fx.at(2027, 6, 1), expected: .metLate),
        .init(name: "feedback: running", clock: feedback, now: Fx.at(2026, 11, 29, 23, 59), expected: .running),
        .init(name: "feedback: due soon 2 days before", clock: feedback, now: Fx.at(2026, 11, 30, 0, 0), expected: .dueSoon),
        .init(name: "feedback: overdue", clock: feedback, now: Fx.at(2026, 12, 2, 0, 1), expected: .overdue),
    ]

    @Test(arguments: stateCases) func state(_ c: StateCase) {
        #expect(c.clock.state(at: c.now) == c.expected)
    }

    @Test(arguments: [
        (ClockState.running, true, "Pågår"), (.dueSoon, true, "Snart förfallen"), (.overdue, true, "Försenad"),
        (.extended, true, "Förlängd"), (.met, false, "Klar i tid"), (.metLate, false, "Klar för sent"),
    ]) func openStates(state: ClockState, open: Bool, label: String) {
        #expect(state.isOpen == open)
        #expect(state.label == label)
    }

    // MARK: - Extension

    @Test func extensionReplacesTheDueTimeAndKeepsHistory() throws {
        let original = Self.investigation
        let decided = Fx.at(2027, 2, 10, 9, 0)
        let once = try original.extended(to: Fx.day("2027-04-30"), reason: "Väntar på utlåtande", at: decided).get()
        #expect(once.dueAt == Fx.midnight("2027-05-01"))
        #expect(once.dueLabel == "2027-04-30")
        #expect(once.originalDue == Fx.midnight("2027-03-01"))
        #expect(once.extensions == [ClockExtension(previousDue: Fx.midnight("2027-03-01"), newDue: Fx.midnight("2027-05-01"), reason: "Väntar på utlåtande", decidedAt: decided)])
        #expect(original.extensions.isEmpty, "the original value is untouched")

        let twice = try once.extended(to: Fx.day("2027-06-15"), reason: "Ny information", at: Fx.at(2027, 4, 20, 9, 0)).get()
        #expect(twice.dueAt == Fx.midnight("2027-06-16"))
        #expect(twice.extensions.count == 2)
        #expect(twice.extensions[0] == once.extensions[0])
        #expect(twice.extensions[1].previousDue == Fx.midnight("2027-05-01"))
        #expect(twice.extensions[1].newDue == Fx.midnight("2027-06-16"))
        #expect(twice.extensions[1].reason == "Ny information")
        #expect(twice.originalDue == Fx.midnight("2027-03-01"))
    }

    @Test(arguments: [
        ("2027-02-28", "the current due day"),
        ("2027-02-01", "earlier"),
        ("2026-12-31", "much earlier"),
    ]) func extensionMustBeLater(day: String, note: String) {
        #expect(Self.investigation.extended(to: Fx.day(day), reason: "x", at: Fx.at(2027, 1, 10)) == .failure(.extensionNotLater), "\(note)")
    }

    @Test func extensionMustBeLaterThanTheLastExtension() {
        // Later than the original due day, but not than the extended one.
        #expect(Self.extendedInvestigation.extended(to: Fx.day("2027-04-01"), reason: "x", at: Fx.at(2027, 3, 1)) == .failure(.extensionNotLater))
        #expect(Self.extendedInvestigation.extended(to: Fx.day("2027-04-30"), reason: "x", at: Fx.at(2027, 3, 1)) == .failure(.extensionNotLater))
        #expect(Self.extendedInvestigation.extended(to: Fx.day("2027-05-01"), reason: "x", at: Fx.at(2027, 3, 1)).map(\.dueLabel) == .success("2027-05-01"))
    }

    @Test func metClockCannotBeExtended() {
        let met = Self.met(Self.investigation, at: Fx.at(2027, 1, 20, 9, 0))
        #expect(met.extended(to: Fx.day("2027-06-30"), reason: "x", at: Fx.at(2027, 1, 21)) == .failure(.alreadyMet))
        #expect(ClockError.alreadyMet.message == "Tidsfristen är redan uppfylld och kan inte förlängas.")
        #expect(ClockError.extensionNotLater.message == "Det nya slutdatumet måste vara senare än det nuvarande.")
    }

    // MARK: - Report clocks

    static func report(kind: ReportKind = .concern, reporter: ReporterKind = .agency) -> ReportState {
        ReportState(kind: kind, channel: .written, reporterKind: reporter, receivedAt: Fx.received)
    }

    @Test func feedbackRunsOneWeekFromTheRequest() throws {
        var report = Self.report()
        #expect(report.feedbackClock == nil)
        report.feedbackRequestedAt = Fx.at(2026, 11, 24, 9, 0)
        let clock = try #require(report.feedbackClock)
        #expect(clock.kind == .feedback)
        #expect(clock.startedAt == Fx.at(2026, 11, 24, 9, 0))
        #expect(clock.dueLabel == "2026-12-01")
        #expect(clock.state(at: Fx.at(2026, 12, 2, 8, 0)) == .overdue)
    }

    @Test func feedbackRequestedBeforeTheDecisionRunsFromTheDecision() throws {
        var report = Self.report()
        report.feedbackRequestedAt = Fx.at(2026, 11, 24, 9, 0)
        report.decidedAt = Fx.at(2026, 11, 30, 14, 0)
        let clock = try #require(report.feedbackClock)
        #expect(clock.startedAt == Fx.at(2026, 11, 30, 14, 0))
        #expect(clock.dueLabel == "2026-12-07")
        #expect(clock.state(at: Fx.at(2026, 12, 2, 8, 0)) == .running)
    }

    @Test func feedbackRequestedAfterTheDecisionRunsFromTheRequest() throws {
        var report = Self.report()
        report.decidedAt = Fx.at(2026, 11, 25, 14, 0)
        report.feedbackRequestedAt = Fx.at(2026, 11, 27, 9, 0)
        #expect(try #require(report.feedbackClock).dueLabel == "2026-12-04")
    }

    /// The same through the rules: an agency asks at once; the decision comes a week later.
    @Test func feedbackClockThroughTheRules() throws {
        var report = Self.report()
        report = try ReportRules.apply(.confirmReceipt, to: report, at: Fx.at(2026, 11, 23, 10, 30), by: "Intag").get()
        report = try ReportRules.apply(.requestFeedback, to: report, at: Fx.at(2026, 11, 23, 11, 0), by: "Anmälare").get()
        #expect(try #require(report.feedbackClock).dueLabel == "2026-11-30")
        report = try ReportRules.apply(.protectionAssessment(immediateProtectionNeeded: false, Fx.decision()), to: report, at: Fx.at(2026, 11, 23, 12, 0), by: "Intag").get()
        report = try ReportRules.apply(.preAssessment(.notOpened, Fx.decision(), runningInvestigation: false), to: report, at: Fx.at(2026, 12, 2, 15, 0), by: "Intag").get()
        let clock = try #require(report.feedbackClock)
        #expect(clock.startedAt == Fx.at(2026, 12, 2, 15, 0))
        #expect(clock.dueLabel == "2026-12-09")
        #expect(clock.state(at: Fx.at(2026, 12, 3)) == .running)
        report = try ReportRules.apply(.recordFeedbackGiven, to: report, at: Fx.at(2026, 12, 4, 9, 0), by: "Intag").get()
        #expect(try #require(report.feedbackClock).state(at: Fx.at(2026, 12, 20)) == .met)
    }

    @Test func reportClocks() throws {
        var report = Self.report()
        #expect(report.clocks().map(\.kind) == [.protectionAssessment, .preAssessment])
        #expect(report.preAssessmentClock?.dueLabel == "2026-12-07")
        report.protectionAssessedAt = Fx.at(2026, 11, 23, 16, 0)
        report.decidedAt = Fx.at(2026, 12, 8, 9, 0)
        report.preAssessment = .notOpened
        report.feedbackRequestedAt = Fx.at(2026, 11, 24, 9, 0)
        #expect(report.clocks().map(\.kind) == [.protectionAssessment, .preAssessment, .feedback])
        #expect(report.protectionClock.state(at: Fx.at(2026, 12, 20)) == .met)
        #expect(try #require(report.preAssessmentClock).state(at: Fx.at(2026, 12, 20)) == .metLate)

        report.preAssessment = .alreadyRunning
        #expect(report.preAssessmentClock == nil, "joining a running investigation needs no pre-assessment")
        #expect(Self.report(kind: .application, reporter: .guardian).preAssessmentClock == nil, "an application opens an investigation directly")
    }

    // MARK: - Follow-up: at most 6 months after closure

    static func closed(at date: Date) throws -> InvestigationState {
        let open = InvestigationState(openedAt: date - 60 * 86_400)
        return try InvestigationRules.apply(.close(.withoutIntervention, Fx.decision()), to: open, at: date).get()
    }

    @Test(arguments: [
        (Fx.at(2026, 8, 31, 15, 0), "2027-02-28", "2027-03-01"),
        (Fx.at(2027, 8, 31, 15, 0), "2028-02-29", "2028-03-01"),
        (Fx.at(2026, 11, 23, 10, 0), "2027-05-23", "2027-05-24"),
        (Fx.at(2026, 11, 23, 0, 30), "2027-05-23", "2027-05-24"),
    ]) func followUpAtMostSixMonths(closedAt: Date, lastDay: String, dayAfter: String) throws {
        let closed = try Self.closed(at: closedAt)
        #expect(closed.latestFollowUpDay == Fx.day(lastDay))

        let refused = InvestigationRules.apply(.startFollowUp(until: Fx.day(dayAfter), Fx.decision()), to: closed, at: closedAt)
        #expect(refused == .failure(StepRefusal("Uppföljningen får pågå högst sex månader efter avslutet, till och med \(lastDay).")))

        let accepted = try InvestigationRules.apply(.startFollowUp(until: Fx.day(lastDay), Fx.decision()), to: closed, at: closedAt).get()
        #expect(accepted.followUpUntil == Fx.day(lastDay))
        let clock = try #require(accepted.followUpClock)
        #expect(clock.kind == .followUp)
        #expect(clock.dueLabel == lastDay)
    }
}
