import Foundation

/// The yearly evaluation of the collaboration as a PDF (seed 003: "Utvärdering av samverkan
/// sker senast den 30 juni varje år", the elevhälsochef and the IFO enhetschef answer for it;
/// seed 002's November summary): the period's figures and charts from `StatisticsReport`
/// (suppressed as on the page), then ruled space for each party's own assessment.
public struct StatisticsDocument: Sendable {
    public let report: StatisticsReport
    public let municipality: String

    /// The parties who give their assessment (seed 003's "berörda parter").
    public static let parties = ["Förskola och skola (rektorer)", "Elevhälsan", "Socialtjänsten (IFO)", "Familjeteam och gemensamma program"]

    public init(report: StatisticsReport, municipality: String) {
        self.report = report
        self.municipality = municipality
    }

    public var title: String { "Utvärdering av samverkan: \(report.period.label)" }

    public func pdf(fonts: PDFFonts, created: Date? = nil) -> [UInt8] {
        var w = PDFWriter(title: title, footer: "\(municipality) – \(title)", fonts: fonts)
        w.documentTitle(title)
        w.field("Kommun:", municipality)
        w.field("Omfattning:", report.scope)
        w.field("Period:", "\(report.period.from.iso) – \(report.period.to.iso)")
        w.paragraph("Utvärderingen görs senast den 30 juni varje år. Ansvariga är elevhälsochefen och enhetschefen inom IFO; uppgifterna samlas in av berörda parter. Antal från 1 till 4 visas som \"<5\", och fler celler döljs där de annars kunde räknas fram, så att inget barn kan pekas ut.", size: 9)
        for section in report.sections where !section.clocks.isEmpty || section.tables.contains(where: { !$0.rows.isEmpty }) {
            w.heading(section.title)
            if !section.clocks.isEmpty { clocks(section.clocks, &w) }
            for line in section.lines {
                w.subheading(line.title)
                w.bars(line.points.map { (label: $0.label, value: Self.percent($0.share), text: $0.share) })
            }
            for table in section.tables where !table.rows.isEmpty { self.table(table, &w) }
        }
        w.newPage()
        w.heading("Parternas egna bedömningar")
        w.paragraph("Vad har fungerat, vad behöver utvecklas, och vad föreslås till nästa år?", size: 9)
        for party in Self.parties {
            w.subheading(party)
            w.writingSpace(lines: 6)
        }
        w.subheading("Gemensamma slutsatser och beslut")
        w.writingSpace(lines: 6)
        return w.render(created: created)
    }

    private func clocks(_ rows: [StatisticsReport.ClockRow], _ w: inout PDFWriter) {
        let widths = [118.0, 56, 38, 30, 34, 40, 32, 40, 46, 47]
        w.tableRow(["Tidsfrist", "Gräns", "Startade", "I tid", "För sent", "Försenade", "Pågår", "Andel i tid", "Median", "90:e perc."], widths: widths, bold: true)
        for r in rows {
            w.tableRow([r.label, r.limit, r.started, r.onTime, r.late, r.overdue, r.running, r.share, r.median, r.percentile90], widths: widths)
        }
    }

    private func table(_ table: StatisticsReport.Table, _ w: inout PDFWriter) {
        w.subheading(table.title)
        let showsRowTotal = table.rows.first?.total != nil
        let columns = table.columns.count + (showsRowTotal ? 1 : 0)
        let first = min(220.0, w.contentWidth - Double(columns) * 60)
        let widths = [first] + Array(repeating: (w.contentWidth - first) / Double(max(1, columns)), count: columns)
        w.tableRow([""] + table.columns + (showsRowTotal ? ["Totalt"] : []), widths: widths, bold: true)
        for row in table.rows + (table.totals.map { [$0] } ?? []) {
            w.tableRow([row.label] + row.cells + (row.total.map { [$0] } ?? []), widths: widths, bold: row.label == "Totalt")
        }
        if table.chart != nil {
            w.space(4)
            w.bars(table.rows.map { row in
                let text = row.total ?? row.cells.first ?? ""
                return (label: row.label, value: Int(text).map(Double.init), text: text)
            })
        }
    }

    /// "83 %" → 83; "–" → nil.
    static func percent(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: " %", with: ""))
    }
}
