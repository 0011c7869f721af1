import Foundation

/// The termly report to the steering group as a PDF: one section per running family.
public struct ProgrammeTermReportDocument: Sendable {
    public let report: ProgrammeTermReport

    public init(report: ProgrammeTermReport) {
        self.report = report
    }

    public var title: String { "\(report.programmeName) – terminsrapport \(report.term.label)" }

    public func pdf(fonts: PDFFonts, created: Date? = nil) -> [UInt8] {
        var w = PDFWriter(title: title, footer: title, fonts: fonts)
        w.documentTitle(title)
        w.field("Till:", "Styrgruppen")
        w.field("Period:", "\(report.term.first.iso)–\(report.term.last.iso)")
        w.field("Familjer i pågående insats:", String(report.lines.count))
        if report.lines.isEmpty { w.paragraph("Inga familjer har en pågående insats.") }
        for line in report.lines {
            w.heading(line.family)
            w.field("Skede:", line.stage.label)
            w.field("Insatsen startade:", line.startedOn?.iso ?? "–")
            w.field("Uppföljningsmöten hållna:", String(line.meetingsHeld))
            w.field("Veckoavstämningar:", String(line.checkInsHeld))
            if line.clocksMissed + line.clocksMetLate > 0 {
                w.field("Tidsfrister:", "\(line.clocksMissed) missade, \(line.clocksMetLate) klarade för sent")
            }
            w.subheading("Planernas mål")
            if line.goals.isEmpty { w.paragraph("Inga mål registrerade.") }
            for goal in line.goals { w.bullet(goal) }
            w.subheading("Det här fungerar")
            for text in line.works { w.bullet(text) }
            w.subheading("Det här fungerar inte")
            for text in line.doesNotWork { w.bullet(text) }
        }
        return w.render(created: created)
    }
}
