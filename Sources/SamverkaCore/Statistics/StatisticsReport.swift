import Foundation

/// The statistics of a period and scope as they may be shown, downloaded and printed: every
/// count suppressed (`SuppressedTable`), every clock's share and times shown only where they
/// reveal no hidden count, each table with its chart. The page, the CSV and the evaluation
/// PDF all read this one value, so they never disagree.
public struct StatisticsReport: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public let label: String
        public let cells: [String]
        public let total: String?
    }

    public struct Table: Sendable, Hashable {
        public let key: StatisticsTableKey
        public let title: String
        public let columns: [String]
        public let rows: [Row]
        /// The columns' totals (partition tables only).
        public let totals: Row?
        /// A bar chart of the rows' totals, as SVG (nil for tables of separate figures).
        public let chart: String?
        public var hasTotals: Bool { totals != nil }
    }

    /// How one clock was kept. A share or a time that could reveal a hidden count, or that
    /// rests on fewer than five clocks, is "–".
    public struct ClockRow: Sendable, Hashable {
        public let label: String
        public let limit: String
        public let started: String
        public let onTime: String
        public let late: String
        public let overdue: String
        public let running: String
        public let share: String
        public let median: String
        public let percentile90: String
    }

    /// A clock's share on time month by month, as a line, with its table.
    public struct Line: Sendable, Hashable {
        public struct Point: Sendable, Hashable {
            public let label: String
            public let share: String
        }
        public let title: String
        public let points: [Point]
        public let chart: String
    }

    public struct Section: Sendable, Hashable {
        public let key: StatisticsSection
        public let title: String
        public let clocks: [ClockRow]
        public let lines: [Line]
        public let tables: [Table]
    }

    public let period: StatisticsPeriod
    public let scope: String
    public let sections: [Section]

    public static let hidden = "–"

    public init(period: StatisticsPeriod, scope: String, _ data: StatisticsPart, at now: Date) {
        self.period = period
        self.scope = scope
        sections = StatisticsSection.allCases.map { section in
            let tables = StatisticsTableKey.allCases.filter { $0.section == section }.map { Self.table($0, data, period) }
            let kinds = section.clocks
            var rows = Self.clockRows(kinds, data.clocks, at: now)
            if section == .clocks { rows.insert(Self.receiptRow(data), at: 0) }
            let lines = section == .clocks ? [ClockKind.protectionAssessment, .preAssessment].map { Self.line($0, data.clocks, period, at: now) } : []
            return Section(key: section, title: section.title, clocks: rows, lines: lines, tables: tables)
        }
    }

    static func table(_ key: StatisticsTableKey, _ data: StatisticsPart, _ period: StatisticsPeriod) -> Table {
        let headings = key.rows(in: period) ?? data.dataRows(key)
        let counts = data.grid(key, rows: headings)
        let columns = key.columns.map(\.label)
        guard !headings.isEmpty else { return Table(key: key, title: key.title, columns: columns, rows: [], totals: nil, chart: nil) }
        let suppressed: SuppressedTable
        if key.isPartition {
            suppressed = SuppressedTable(counts)
        } else {
            // Separate figures: no totals to subtract from, so each cell only for itself.
            suppressed = SuppressedTable(separate: counts)
        }
        let rows = headings.enumerated().map { i, heading in
            Row(label: heading.label, cells: suppressed.cells[i].map(\.text), total: key.isPartition && columns.count > 1 ? suppressed.rowTotals[i].text : nil)
        }
        let totals = key.isPartition ? Row(label: "Totalt", cells: suppressed.columnTotals.map(\.text), total: columns.count > 1 ? suppressed.total.text : nil) : nil
        var chart: String?
        if key.hasBars {
            let values = columns.count > 1 ? suppressed.rowTotals : suppressed.cells.map { $0[0] }
            let bars = zip(headings, values).map { StatisticsChart.Bar(label: $0.label, value: $1) }
            chart = StatisticsChart.bars(id: "chart-\(key.rawValue)", title: key.title, bars)
        }
        return Table(key: key, title: key.title, columns: columns, rows: rows, totals: totals, chart: chart)
    }

    static func clockRows(_ kinds: [ClockKind], _ samples: [ClockSample], at now: Date) -> [ClockRow] {
        guard !kinds.isEmpty else { return [] }
        var figures = kinds.map { ClockFigures(kind: $0, samples: samples, at: now) }
        var labels = kinds.map(\.label)
        var limits = kinds.map { $0.duration?.label ?? "Dag som beslutats" }
        if let i = kinds.firstIndex(of: .investigation) {
            // "With and without extension": the extended ones on a line of their own.
            let extended = samples.filter { !$0.deadline.extensions.isEmpty }
            figures.insert(ClockFigures(kind: .investigation, samples: extended, at: now), at: i + 1)
            labels.insert("Varav förlängda utredningar", at: i + 1)
            limits.insert("Förlängd tid", at: i + 1)
        }
        let suppressed = SuppressedTable(rowTotalsOnly: figures.map { [$0.metOnTime, $0.metLate, $0.overdue, $0.running] })
        return figures.enumerated().map { i, f in
            let cells = suppressed.cells[i]
            let known = f.metOnTime + f.metLate + f.overdue
            let shareShown = cells[0...2].allSatisfy { $0 != .suppressed } && known >= SuppressedTable.threshold
            let measured = f.metOnTime + f.metLate >= SuppressedTable.threshold
            return ClockRow(label: labels[i], limit: limits[i], started: suppressed.rowTotals[i].text,
                            onTime: cells[0].text, late: cells[1].text, overdue: cells[2].text, running: cells[3].text,
                            share: shareShown ? (f.onTime?.text ?? hidden) : hidden,
                            median: measured ? (f.median?.text ?? hidden) : hidden,
                            percentile90: measured ? (f.percentile90?.text ?? hidden) : hidden)
        }
    }

    /// The confirmation of receipt: no statutory time, so its times only.
    static func receiptRow(_ data: StatisticsPart) -> ClockRow {
        let confirmed = data.receipts.reduce(0) { $0 + $1.count }
        let suppressed = SuppressedTable(rowTotalsOnly: [[confirmed, data.receiptsWaiting]])
        let hours = data.receipts.flatMap { repeatElement(Double($0.minutes) / 60, count: $0.count) }
        let measured = confirmed >= SuppressedTable.threshold
        func time(_ value: Double?) -> String { measured ? value.map { ClockTime(value: $0, unit: .hours).text } ?? hidden : hidden }
        return ClockRow(label: "Mottagandet bekräftat", limit: "Ingen fast tid", started: suppressed.rowTotals[0].text,
                        onTime: suppressed.cells[0][0].text, late: hidden, overdue: hidden, running: suppressed.cells[0][1].text,
                        share: hidden, median: time(Percentiles.median(hours)), percentile90: time(Percentiles.nearestRank(0.9, hours)))
    }

    static func line(_ kind: ClockKind, _ samples: [ClockSample], _ period: StatisticsPeriod, at now: Date) -> Line {
        let mine = samples.filter { $0.deadline.kind == kind }
        let months = period.months
        let shares: [Share?] = months.map { month in
            let inMonth = mine.filter { month.contains(Stockholm.date(of: $0.deadline.startedAt)) }
            let figures = ClockFigures(kind: kind, samples: inMonth, at: now)
            // A share of fewer than five, or one whose late part is 1–4, would tell of a child.
            let late = figures.metLate + figures.overdue
            guard let share = figures.onTime, share.whole >= SuppressedTable.threshold,
                  !(1..<SuppressedTable.threshold).contains(late), !(1..<SuppressedTable.threshold).contains(figures.metOnTime) else { return nil }
            return share
        }
        let title = "\(kind.label): andel i tid per månad"
        let points = zip(months, shares).map { StatisticsChart.Point(label: String($0.label.prefix(3)), share: $1) }
        return Line(title: title, points: zip(months, shares).map { Line.Point(label: $0.label, share: $1?.text ?? hidden) },
                    chart: StatisticsChart.line(id: "line-\(kind.rawValue)", title: title, points))
    }

    /// Every table and clock as rows for the CSV: a heading line per part, then its lines.
    public var csvRows: [[String]] {
        var out: [[String]] = [["Samverka: statistik", period.label, scope]]
        for section in sections {
            if !section.clocks.isEmpty {
                out.append([])
                out.append([section.title])
                out.append(["Tidsfrist", "Gräns", "Startade", "I tid", "För sent", "Försenade", "Pågår", "Andel i tid", "Median", "90:e percentilen"])
                out += section.clocks.map { [$0.label, $0.limit, $0.started, $0.onTime, $0.late, $0.overdue, $0.running, $0.share, $0.median, $0.percentile90] }
                for line in section.lines {
                    out.append([])
                    out.append([line.title])
                    out += line.points.map { [$0.label, $0.share] }
                }
            }
            for table in section.tables {
                out.append([])
                out.append([table.title])
                out.append([""] + table.columns + (table.rows.first?.total != nil ? ["Totalt"] : []))
                out += (table.rows + (table.totals.map { [$0] } ?? [])).map { [$0.label] + $0.cells + ($0.total.map { [$0] } ?? []) }
            }
        }
        return out
    }
}
