import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// The steering group's reports: the termly report as a page and a PDF, the yearly summary
/// of counts.
extension ProgrammesController {
    /// `?termin=2026-ht` (autumn) or `2026-vt` (spring); the current term otherwise.
    func term(_ request: Request) -> SchoolTerm {
        let raw = request.uri.queryParameters["termin"].map(String.init) ?? ""
        let parts = raw.split(separator: "-")
        if parts.count == 2, let year = Int(parts[0]), parts[1] == "vt" || parts[1] == "ht" {
            return SchoolTerm(year: year, half: parts[1] == "vt" ? .spring : .autumn)
        }
        return SchoolTerm.containing(today)
    }

    static func termKey(_ term: SchoolTerm) -> String { "\(term.year)-\(term.half == .spring ? "vt" : "ht")" }

    /// What the picker's links carry on: the term or year asked for, so that choosing the
    /// programme opens that term's report, not the current one's. Nothing when none was asked.
    func askedFor(_ request: Request, _ name: String, _ value: String) -> String {
        request.uri.queryParameters[Substring(name)] == nil ? "" : "?\(name)=\(value)"
    }

    @Sendable func termReport(_ request: Request, context: AppContext) async throws -> Response {
        let term = term(request)
        let key: String
        switch try await overseenProgramme(context) {
        case .choose(let offered):
            return await picker(ProgrammePickerPage(heading: "Terminsrapport", intro: "Välj vilket program du vill se.", programmes: offered) { [kept = askedFor(request, "termin", Self.termKey(term))] in SiteURL.programmeTermReportFor(.value($0.key)).path + kept }, context: context)
        case .programme(let k): key = k
        }
        guard case .ok(let report) = try await programmes.termReport(programmeKey: key, term: term, by: try context.origin()) else { throw HTTPError(.notFound) }
        let previous = term.half == .spring ? SchoolTerm(year: term.year - 1, half: .autumn) : SchoolTerm(year: term.year, half: .spring)
        return await renderer.page("programme-report", title: "Terminsrapport \(term.label)", [
            "programme": report.programmeName, "term": term.label, "none": report.lines.isEmpty,
            "pdfLink": SiteURL.programmeTermReportPDFFor(.value(key)).path + "?termin=\(Self.termKey(term))",
            "previousLink": SiteURL.programmeTermReportFor(.value(key)).path + "?termin=\(Self.termKey(previous))", "previous": previous.label,
            "queueLink": SiteURL.programmeQueueFor(.value(key)).path,
            "lines": report.lines.map { l -> [String: Any] in
                ["family": l.family, "stage": l.stage.label, "started": l.startedOn?.iso ?? "–", "goals": l.goals, "hasGoals": !l.goals.isEmpty,
                 "meetings": l.meetingsHeld, "checkIns": l.checkInsHeld, "works": l.works, "hasWorks": !l.works.isEmpty,
                 "doesNotWork": l.doesNotWork, "hasDoesNotWork": !l.doesNotWork.isEmpty, "missed": l.clocksMissed, "late": l.clocksMetLate,
                 "link": SiteURL.programmeEnrolment(.value(l.enrolmentID)).path]
            },
        ], context: context)
    }

    @Sendable func termReportPDF(_ request: Request, context: AppContext) async throws -> Response {
        let term = term(request)
        let key: String
        switch try await overseenProgramme(context) {
        case .choose(let offered):
            return await picker(ProgrammePickerPage(heading: "Terminsrapport som PDF", intro: "Välj vilket program du vill se.", programmes: offered) { [kept = askedFor(request, "termin", Self.termKey(term))] in SiteURL.programmeTermReportPDFFor(.value($0.key)).path + kept }, context: context)
        case .programme(let k): key = k
        }
        guard case .ok(let report) = try await programmes.termReport(programmeKey: key, term: term, by: try context.origin()) else { throw HTTPError(.notFound) }
        return Renderer.download(ProgrammeTermReportDocument(report: report).pdf(fonts: fonts, created: clock.now()), type: "application/pdf",
                                 name: "terminsrapport-\(Self.termKey(term)).pdf")
    }

    @Sendable func yearSummary(_ request: Request, context: AppContext) async throws -> Response {
        let year = request.uri.queryParameters["ar"].flatMap { Int(String($0)) } ?? today.year
        let key: String
        switch try await overseenProgramme(context) {
        case .choose(let offered):
            return await picker(ProgrammePickerPage(heading: "Årssammanställning", intro: "Välj vilket program du vill se.", programmes: offered) { [kept = askedFor(request, "ar", String(year))] in SiteURL.programmeYearSummaryFor(.value($0.key)).path + kept }, context: context)
        case .programme(let k): key = k
        }
        guard case .ok(let summary) = try await programmes.yearSummary(programmeKey: key, year: year, by: try context.origin()) else { throw HTTPError(.notFound) }
        return await renderer.page("programme-year", title: "Årssammanställning \(year)", [
            "programme": summary.programmeName, "year": year, "rows": summary.rows.map { ["label": $0.label, "count": $0.count.text] },
            "previousLink": SiteURL.programmeYearSummaryFor(.value(key)).path + "?ar=\(year - 1)", "previous": year - 1, "queueLink": SiteURL.programmeQueueFor(.value(key)).path,
        ], context: context)
    }
}
