import Foundation
import Testing
@testable import SamverkaCore

@Suite("StatisticsReport: what the page, the CSV and the PDF publish")
struct StatisticsReportTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    static let year = StatisticsPeriod.year(2026)!

    static func local(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) -> Date {
        Stockholm.calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min))!
    }

    @Test("grouped samples give the figures of the clocks they stand for")
    func samplesWeigh() {
        let start = Self.local(2026, 3, 2, 9)
        let clocks = [Deadline(kind: .preAssessment, startedAt: start, metAt: start.addingTimeInterval(3 * 86_400))]
            + Array(repeating: Deadline(kind: .preAssessment, startedAt: start, metAt: start.addingTimeInterval(20 * 86_400)), count: 4)
            + [Deadline(kind: .preAssessment, startedAt: start)]
        let samples = [ClockSample(clocks[0]), ClockSample(clocks[1], count: 4), ClockSample(clocks[5])]
        #expect(ClockFigures(kind: .preAssessment, samples: samples, at: Self.now) == ClockFigures(kind: .preAssessment, clocks, at: Self.now))
        let figures = ClockFigures(kind: .preAssessment, samples: samples, at: Self.now)
        #expect(figures.started == 6 && figures.metOnTime == 1 && figures.metLate == 4 && figures.overdue == 1 && figures.median?.value == 20)
    }

    /// Every value of the hidden cells that the published cells and totals allow.
    static func completions(_ table: StatisticsReport.Table, hidden target: (Int, Int), upTo limit: Int = 30) -> Set<Int> {
        let rows = table.rows.map { $0.cells.map { Int($0) } }
        let rowTotals = table.rows.map { $0.total.flatMap { Int($0) } }
        let columnTotals = table.totals?.cells.map { Int($0) } ?? []
        let grand = table.totals?.total.flatMap { Int($0) }
        let unknowns = rows.enumerated().flatMap { r, row in row.enumerated().compactMap { c, v in v == nil ? (r, c) : nil } }
        var found = Set<Int>()
        func search(_ i: Int, _ grid: [[Int?]]) {
            if i == unknowns.count {
                let g = grid.map { $0.map { $0! } }
                for (r, t) in rowTotals.enumerated() where t != nil && g[r].reduce(0, +) != t { return }
                for (c, t) in columnTotals.enumerated() where t != nil && g.reduce(0, { $0 + $1[c] }) != t { return }
                if let grand, g.joined().reduce(0, +) != grand { return }
                found.insert(g[target.0][target.1])
                return
            }
            var next = grid
            for v in 0...limit where v == 0 || v >= 1 {
                next[unknowns[i].0][unknowns[i].1] = v
                search(i + 1, next)
            }
        }
        search(0, rows)
        return found
    }

    @Test("a table with 3, 7 and 12 never reveals the 3, by its cells or by subtracting from its totals; zeros stay 0")
    func suppressedThree() {
        let data = StatisticsPart(tallies: [
            StatisticsTally(.reportsByChannel, row: "written", column: "concern", count: 3),
            StatisticsTally(.reportsByChannel, row: "written", column: "application", count: 7),
            StatisticsTally(.reportsByChannel, row: "e-service", column: "concern", count: 12),
        ])
        let report = StatisticsReport(period: Self.year, scope: "Hela kommunen", data, at: Self.now)
        let table = report.sections.flatMap(\.tables).first { $0.key == .reportsByChannel }!
        let written = table.rows.firstIndex { $0.label == ReportChannel.written.label }!
        #expect(table.rows[written].cells[0] == "<5")
        #expect(!table.rows.flatMap(\.cells).contains("3") && table.rows.compactMap(\.total).contains("3") == false)
        #expect(Self.completions(table, hidden: (written, 0)).count > 1, "the 3 can be worked out")
        let oral = table.rows.firstIndex { $0.label == ReportChannel.oral.label }!
        #expect(table.rows[oral].cells == ["0", "0"] && table.rows[oral].total == "0")
        #expect(table.chart?.contains("<title") == true)
    }

    @Test("a clock's share and times are shown only where they hide no count of 1–4 and rest on five or more")
    func clockRowsHide() {
        let start = Self.local(2026, 2, 2, 9)
        func clocks(_ kind: ClockKind, onTime: Int, late: Int) -> [ClockSample] {
            [ClockSample(Deadline(kind: kind, startedAt: start, metAt: start.addingTimeInterval(3600)), count: onTime),
             ClockSample(Deadline(kind: kind, startedAt: start, metAt: start.addingTimeInterval(20 * 86_400)), count: late)]
        }
        let data = StatisticsPart(clocks: clocks(.protectionAssessment, onTime: 20, late: 6) + clocks(.preAssessment, onTime: 9, late: 2))
        let rows = StatisticsReport(period: Self.year, scope: "", data, at: Self.now).sections.first { $0.key == .clocks }!.clocks
        let protection = rows.first { $0.label == ClockKind.protectionAssessment.label }!
        #expect(protection.started == "26" && protection.onTime == "20" && protection.late == "6" && protection.share == "77 %")
        #expect(protection.median == "1 timme" && protection.percentile90 == "480 timmar")
        let pre = rows.first { $0.label == ClockKind.preAssessment.label }!
        #expect(pre.late == "<5" && pre.share == StatisticsReport.hidden)
        let feedback = rows.first { $0.label == ClockKind.feedback.label }!
        #expect(feedback.started == "0" && feedback.share == StatisticsReport.hidden && feedback.median == StatisticsReport.hidden)
        #expect(rows.first?.label == "Mottagandet bekräftat")
    }

    @Test("the line of shares has no point for a month of fewer than five clocks")
    func lineHidesSmallMonths() {
        let march = Self.local(2026, 3, 10, 9), april = Self.local(2026, 4, 10, 9)
        let data = StatisticsPart(clocks: [
            ClockSample(Deadline(kind: .protectionAssessment, startedAt: march, metAt: march.addingTimeInterval(3600)), count: 8),
            ClockSample(Deadline(kind: .protectionAssessment, startedAt: march, metAt: march.addingTimeInterval(90_000)), count: 0),
            ClockSample(Deadline(kind: .protectionAssessment, startedAt: april, metAt: april.addingTimeInterval(3600)), count: 3),
        ])
        let line = StatisticsReport(period: StatisticsPeriod(from: SimpleDate(year: 2026, month: 3, day: 1)!, to: SimpleDate(year: 2026, month: 4, day: 30)!)!,
                                    scope: "", data, at: Self.now).sections.first { $0.key == .clocks }!.lines[0]
        #expect(line.points.map(\.share) == ["100 %", StatisticsReport.hidden])
        #expect(line.chart.contains("<title") && line.chart.contains("inget mätt"))
    }

    @Test("the CSV neutralises a unit name that starts like a formula and keeps åäö")
    func csvRows() {
        let data = StatisticsPart(tallies: [StatisticsTally(.reportsBySchoolUnit, row: "9", column: "not-acute", count: 6, rowLabel: "=HYPERLINK(\"x\") Ängsö skola")])
        let text = StatisticsCSV.text(StatisticsReport(period: Self.year, scope: "Hela kommunen", data, at: Self.now).csvRows)
        #expect(text.contains("'=HYPERLINK"))
        #expect(text.contains("Ängsö skola") && text.contains("Förhandsbedömning"))
        #expect(!text.contains("\n=") && !text.contains(";="))
    }

    @Test("periods and scopes survive their links; nonsense is no period")
    func keys() {
        for period in [StatisticsPeriod.year(2026)!, .term(2025, spring: true)!, .term(2026, spring: false)!, .month(2026, 3)!,
                       StatisticsPeriod(from: SimpleDate(year: 2026, month: 1, day: 5)!, to: SimpleDate(year: 2026, month: 2, day: 10)!)!] {
            #expect(StatisticsPeriod(key: period.key) == period)
        }
        #expect(StatisticsPeriod(key: "2026-13") == nil && StatisticsPeriod(key: "x") == nil && StatisticsPeriod(key: "2026-02-10_2026-01-05") == nil)
        for scope in [StatisticsScope.municipality, .side(.school), .side(.social), .units([3, 12])] { #expect(StatisticsScope(key: scope.key) == scope) }
        #expect(StatisticsScope(key: "enheter-") == nil)
    }

    @Test("a forum's planned meetings follow its period: the whole year its number, half a year half")
    func forumPlanned() {
        let forum = Forum(id: 1, kind: .localCollaborationGroup, name: "LSG", covers: "", members: [], meetingsPerPeriod: 4, period: .calendarYear,
                          childItems: .deidentified, routine: "", meetingTypeKey: "lsg")
        #expect(ForumCadence.planned(forum, from: SimpleDate(year: 2026, month: 1, day: 1)!, to: SimpleDate(year: 2026, month: 12, day: 31)!) == 4)
        #expect(ForumCadence.planned(forum, from: SimpleDate(year: 2026, month: 7, day: 1)!, to: SimpleDate(year: 2026, month: 12, day: 31)!) == 2)
        #expect(ForumCadence.planned(forum, from: SimpleDate(year: 2025, month: 1, day: 1)!, to: SimpleDate(year: 2026, month: 12, day: 31)!) == 8)
    }

    @Test("a bar chart escapes the names it draws")
    func chartEscapes() {
        let svg = StatisticsChart.bars(id: "x", title: "Enheter", [.init(label: "<script>alert(1)</script>", value: .count(6))])
        #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;"))
    }
}

@Suite("SuppressedTable: rows with totals only")
struct RowTotalsOnlyTests {
    @Test("a row's one hidden cell takes its smallest other cell with it, or its total; rows stand alone")
    func rows() {
        let t = SuppressedTable(rowTotalsOnly: [[9, 2, 0, 0], [20, 6, 0, 0], [3, 0, 0, 0], [0, 0, 0, 0]])
        #expect(t.cells[0] == [.suppressed, .suppressed, .count(0), .count(0)] && t.rowTotals[0] == .count(11))
        #expect(t.cells[1] == [.count(20), .count(6), .count(0), .count(0)] && t.rowTotals[1] == .count(26))
        #expect(t.cells[2][0] == .suppressed && t.rowTotals[2] == .suppressed)
        #expect(t.cells[3] == [.count(0), .count(0), .count(0), .count(0)] && t.rowTotals[3] == .count(0))
    }
}
