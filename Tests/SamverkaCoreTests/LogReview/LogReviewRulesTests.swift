import Foundation
import Testing
@testable import SamverkaCore

@Suite("Log review: automatic flags, sample and summary")
struct LogReviewRulesTests {
    static func entry(_ id: RecordID, staff: RecordID = 7, child: RecordID, at: Date, unit: RecordID? = 1) -> ChildAccessEntry {
        ChildAccessEntry(auditID: id, staffID: staff, staffName: "Anna \(staff)", childID: child, at: at, unitID: unit)
    }

    /// `count` accesses to different children, `spacing` seconds apart.
    static func series(_ count: Int, from start: Date, spacing: TimeInterval) -> [ChildAccessEntry] {
        var entries: [ChildAccessEntry] = []
        for index in 0..<count {
            let i = RecordID(index)
            entries.append(entry(i + 1, child: 200 + i, at: start.addingTimeInterval(TimeInterval(index) * spacing)))
        }
        return entries
    }

    // 2026-11-23 is a Monday, 2026-11-28 a Saturday.
    @Test("Working hours are weekdays 07–18 in Stockholm, whatever the machine's zone")
    func workingHours() {
        let hours = LogReviewRules.WorkingHours()
        #expect(hours.contains(Fx.at(2026, 11, 23, 7, 0)))
        #expect(hours.contains(Fx.at(2026, 11, 23, 17, 59)))
        #expect(!hours.contains(Fx.at(2026, 11, 23, 18, 0)))
        #expect(!hours.contains(Fx.at(2026, 11, 23, 6, 59)))
        #expect(!hours.contains(Fx.at(2026, 11, 28, 10, 0)))
        // 06:30 UTC is 07:30 in Stockholm in winter: inside.
        #expect(hours.contains(Fx.utc("2026-11-24T06:30:00Z")))
    }

    @Test("Out-of-hours accesses raise one flag per person and day, at the day's first access")
    func outOfHours() {
        let entries = [
            Self.entry(2, child: 100, at: Fx.at(2026, 11, 23, 23, 0)),
            Self.entry(1, child: 100, at: Fx.at(2026, 11, 23, 22, 0)),
            Self.entry(3, child: 101, at: Fx.at(2026, 11, 23, 23, 5)),
            Self.entry(6, staff: 8, child: 101, at: Fx.at(2026, 11, 23, 23, 10)),
            Self.entry(4, child: 100, at: Fx.at(2026, 11, 24, 10, 0)),
            Self.entry(5, child: 102, at: Fx.at(2026, 11, 28, 10, 0)),
        ]
        let flags = LogReviewRules.outOfHours(entries)
        #expect(flags.map(\.auditID) == [1, 6, 5])
        #expect(flags.allSatisfy { $0.kind == .outOfHours })
        #expect(flags.map(\.key) == ["hours:7:2026-11-23", "hours:8:2026-11-23", "hours:7:2026-11-28"])
        #expect(flags.map(\.childID) == [100, 101, 102])
        #expect(flags[0].detail == "Första åtkomsten utanför arbetstid den dagen: 2026-11-23 22:00 (arbetstid vardagar 7–18). Dagens alla åtkomster finns i loggen.")
    }

    @Test("Twenty different children within an hour raise one flag per person and day; nineteen do not")
    func manyChildren() {
        let start = Fx.at(2026, 11, 23, 9, 0)
        let nineteen = Self.series(19, from: start, spacing: 60)
        #expect(LogReviewRules.manyChildren(nineteen).isEmpty)
        // The same child opened again does not count twice.
        let repeated = nineteen + [Self.entry(50, child: 200, at: start.addingTimeInterval(30 * 60))]
        #expect(LogReviewRules.manyChildren(repeated).isEmpty)
        let twenty = nineteen + [Self.entry(60, child: 300, at: start.addingTimeInterval(40 * 60))]
        let flags = LogReviewRules.manyChildren(twenty)
        #expect(flags.count == 1)
        #expect(flags.first?.kind == .manyChildren)
        #expect(flags.first?.key == "many:7:2026-11-23")
        #expect(flags.first?.detail.contains("20 olika barn") == true)
        // Spread over more than an hour: no burst.
        let spread = Self.series(20, from: start, spacing: 240)
        #expect(LogReviewRules.manyChildren(spread).isEmpty)
        // Another person's accesses are counted separately.
        let mixed = nineteen + [Self.entry(70, staff: 8, child: 300, at: start)]
        #expect(LogReviewRules.manyChildren(mixed).isEmpty)
    }

    @Test("Accesses without a connection to the child are flagged; connected ones are not")
    func noCase() {
        let at = Fx.at(2026, 11, 23, 10, 0)
        let entries = [Self.entry(1, child: 100, at: at), Self.entry(2, child: 101, at: at), Self.entry(3, child: 101, at: at.addingTimeInterval(60)),
                       Self.entry(4, staff: 8, child: 101, at: at)]
        let connected: Set<LogReviewRules.Pair> = [.init(staffID: 7, childID: 100), .init(staffID: 8, childID: 101)]
        let flags = LogReviewRules.noCase(entries, connected: connected)
        #expect(flags.map(\.auditID) == [2])
        #expect(flags.first?.kind == .noCase)
    }

    @Test("The sample takes up to the number asked for per unit, reproducibly for a seed")
    func sample() {
        let at = Fx.at(2026, 11, 10, 10, 0)
        let unitA = (1...30).map { Self.entry(RecordID($0), child: RecordID(100 + $0), at: at.addingTimeInterval(Double($0)), unit: 1) }
        let unitB = (31...32).map { Self.entry(RecordID($0), child: RecordID(100 + $0), at: at.addingTimeInterval(Double($0)), unit: 2) }
        let none = [Self.entry(40, child: 140, at: at, unit: nil)]
        var g1 = SeededGenerator(seed: 42)
        let flags = LogReviewRules.sample(unitA + unitB + none, perUnit: 5, period: "2026-11", using: &g1)
        #expect(flags.filter { (1...30).contains($0.auditID ?? 0) }.count == 5)
        #expect(flags.filter { [31, 32].contains($0.auditID ?? 0) }.count == 2)
        #expect(flags.filter { $0.auditID == 40 }.count == 1)
        #expect(flags.allSatisfy { $0.kind == .sample && $0.key.hasPrefix("sample:2026-11:") })
        var g2 = SeededGenerator(seed: 42)
        #expect(LogReviewRules.sample(unitA + unitB + none, perUnit: 5, period: "2026-11", using: &g2) == flags)
        var g3 = SeededGenerator(seed: 7)
        let other = LogReviewRules.sample(unitA, perUnit: 5, period: "2026-11", using: &g3)
        #expect(Set(other.map(\.auditID)) != Set(flags.filter { (1...30).contains($0.auditID ?? 0) }.map(\.auditID)))
    }

    @Test("A verdict needs yes or no and a note")
    func resolution() {
        guard case .failure(let errors) = FlagResolution.validate(justified: "", note: " ") else { Issue.record("accepted"); return }
        #expect(errors["justified"] != nil)
        #expect(errors["note"] != nil)
        guard case .success(let ok) = FlagResolution.validate(justified: "no", note: "Saknade tjänstebehov, taget med chefen.") else { Issue.record("refused"); return }
        #expect(ok.justified == false)
    }

    @Test("The summary counts per kind, and its CSV is safe to open in a spreadsheet")
    func summary() {
        let flags = [FlagTally(kind: .outOfHours, justified: true), FlagTally(kind: .outOfHours, justified: false),
                     FlagTally(kind: .outOfHours, justified: nil), FlagTally(kind: .emergencyAccess, justified: nil)]
        let rows = LogReviewSummary.rows(flags, period: "2026-11-01–2026-11-30", reads: 321)
        let hours = rows.first { $0[1] == ReviewFlagKind.outOfHours.label }!
        #expect(hours == ["2026-11-01–2026-11-30", "Åtkomst utanför arbetstid", "3", "2", "1", "1", "1"])
        #expect(rows.first { $0[1] == "Totalt" }?[2] == "4")
        #expect(rows.last?[2] == "321")
        let csv = LogReviewSummary.csv(rows)
        #expect(csv.hasPrefix("\u{FEFF}Period;Typ av flagga;"))
        #expect(csv.contains("\r\n"))
        #expect(LogReviewSummary.cell("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(LogReviewSummary.cell("a;b") == "\"a;b\"")
        #expect(LogReviewSummary.cell("say \"hi\"\n") == "\"say \"\"hi\"\"\n\"")
    }
}

@Suite("Field errors keep the form's order")
struct FieldErrorsOrderTests {
    @Test("messages are listed in the order they were added, a field once, and removal forgets it")
    func order() {
        var errors = FieldErrors()
        errors.add("giver_kind", "a")
        errors.add("categories", "b")
        errors.add("giver_kind", "c")
        errors["purpose"] = "d"
        #expect(errors.fields == ["giver_kind", "categories", "purpose"])
        #expect(errors["giver_kind"] == "a")
        errors["categories"] = nil
        #expect(errors.fields == ["giver_kind", "purpose"])
        var other = FieldErrors()
        other.add("purpose", "d")
        other.add("giver_kind", "a")
        #expect(other == errors, "equal messages are equal errors, whatever the order")
    }
}

@Suite("Log review: the rules in wall-clock arithmetic (what the scan's SQL repeats)")
struct ScanArithmeticTests {
    @Test("working hours on Stockholm wall-clock seconds agree with the calendar, every 7 min 13 s over 2025–2027")
    func workingHoursAgree() {
        let hours = LogReviewRules.WorkingHours()
        var utc = Int64(Stockholm.calendar.date(from: DateComponents(year: 2025, month: 1, day: 1))!.timeIntervalSince1970)
        let end = Int64(Stockholm.calendar.date(from: DateComponents(year: 2028, month: 1, day: 1))!.timeIntervalSince1970)
        var mismatches = 0
        while utc < end {
            let instant = Date(timeIntervalSince1970: TimeInterval(utc))
            if hours.contains(localSeconds: ScanArithmetic.localSeconds(utc)) != hours.contains(instant) { mismatches += 1 }
            utc += 433
        }
        #expect(mismatches == 0)
    }

    @Test("offset segments name the offset at the start and each change inside the range")
    func segments() {
        let before = Int64(Stockholm.calendar.date(from: DateComponents(year: 2026, month: 10, day: 24, hour: 12))!.timeIntervalSince1970)
        let after = before + 2 * 86_400
        let segments = ScanArithmetic.offsetSegments(from: before, through: after)
        #expect(segments.map(\.offset) == [7200, 3600])
        #expect(segments.first?.start == before)
        // 2026-10-25 01:00 UTC, when summer time ends.
        #expect(segments.last?.start == 1_792_890_000)
        #expect(ScanArithmetic.offsetSegments(from: before, through: before + 3600).count == 1)
    }

    @Test("a day's weekday: 1970-01-01 was a Thursday, 2026-11-22 a Sunday")
    func weekday() {
        #expect(ScanArithmetic.weekday(day: 0) == 4)
        #expect(ScanArithmetic.weekday(day: Int64(SimpleDate(year: 2026, month: 11, day: 22)!.dayNumber)) == 0)
    }

    @Test("progress in whole percent, numbers grouped by thousands")
    func progress() {
        #expect(ScanProgress(done: 400_000, total: 1_000_000).sentence == "Kontrollen pågår: 40 % (400 000 av 1 000 000 loggrader).")
        #expect(ScanProgress(done: 0, total: 0).percent == 0)
        #expect(ScanProgress(done: 999, total: 1000).percent == 99)
        #expect(ScanProgress.grouped(1_234_567) == "1 234 567")
        #expect(ScanProgress.grouped(12) == "12")
    }
}
