import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// The steering group's reports (the termly report as a page and a PDF, the yearly summary
/// of counts) and the administrator's editor of programme definitions.
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

    @Sendable func termReport(_ request: Request, context: AppContext) async throws -> Response {
        let term = term(request)
        guard case .ok(let report) = try await programmes.termReport(programmeKey: Self.programmeKey, term: term, by: try context.origin()) else { throw HTTPError(.notFound) }
        let previous = term.half == .spring ? SchoolTerm(year: term.year - 1, half: .autumn) : SchoolTerm(year: term.year, half: .spring)
        return await renderer.page("programme-report", title: "Terminsrapport \(term.label)", [
            "programme": report.programmeName, "term": term.label, "none": report.lines.isEmpty,
            "pdfLink": SiteURL.programmeTermReportPDF.path + "?termin=\(Self.termKey(term))",
            "previousLink": SiteURL.programmeTermReport.path + "?termin=\(Self.termKey(previous))", "previous": previous.label,
            "queueLink": SiteURL.programmeQueue.path,
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
        guard case .ok(let report) = try await programmes.termReport(programmeKey: Self.programmeKey, term: term, by: try context.origin()) else { throw HTTPError(.notFound) }
        return Renderer.download(ProgrammeTermReportDocument(report: report).pdf(fonts: fonts, created: clock.now()), type: "application/pdf",
                                 name: "terminsrapport-\(Self.termKey(term)).pdf")
    }

    @Sendable func yearSummary(_ request: Request, context: AppContext) async throws -> Response {
        let year = request.uri.queryParameters["ar"].flatMap { Int(String($0)) } ?? today.year
        guard case .ok(let summary) = try await programmes.yearSummary(programmeKey: Self.programmeKey, year: year, by: try context.origin()) else { throw HTTPError(.notFound) }
        return await renderer.page("programme-year", title: "Årssammanställning \(year)", [
            "programme": summary.programmeName, "year": year, "rows": summary.rows.map { ["label": $0.label, "count": $0.count.text] },
            "previousLink": SiteURL.programmeYearSummary.path + "?ar=\(year - 1)", "previous": year - 1, "queueLink": SiteURL.programmeQueue.path,
        ], context: context)
    }

    // MARK: Definitions

    private func definitionsPage(state: FormState, notice: String?, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        try await door.require(.manageProgrammeDefinitions, type: .programmeDefinition, context)
        let definitions = try await programmes.definitions()
        var data = state.data
        data["notice"] = notice ?? false
        data["action"] = SiteURL.programmeDefinitions.path
        data["definitions"] = definitions.map { ["key": $0.key, "name": $0.name, "stages": $0.stages.count, "documents": $0.documents.map(\.name).joined(separator: ", ")] as [String: Any] }
        data["json"] = FormField("json", "Programmet som JSON", FormState(values: state.values, errors: state.errors), long: true,
                                 hint: "Ändra ett program (samma nyckel) eller lägg till ett nytt (ny nyckel).",
                                 defaultValue: definitions.first.map(ProgrammeDefinitionRules.encode) ?? "").data
        data["definitionError"] = state.errors["definition"] ?? false
        // The JSON is one field: every message of its parts links to it.
        data["errorList"] = state.errors.fields.compactMap { field in state.errors[field].map { ["field": "json", "message": $0] } }
        return await renderer.page("programme-definitions", title: "Gemensamma program", data, context: context, status: status)
    }

    @Sendable func definitions(_ request: Request, context: AppContext) async throws -> Response {
        try await definitionsPage(state: FormState(), notice: request.uri.queryParameters["sparad"] != nil ? "Programmet är sparat." : nil, context: context)
    }

    @Sendable func saveDefinition(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let values = try await request.form()
        switch try await programmes.saveDefinition(json: values["json"] ?? "", by: try context.origin()) {
        case .ok: return Renderer.redirect(SiteURL.programmeDefinitions.path + "?sparad=1")
        case .invalid(let errors): return try await definitionsPage(state: FormState(values: values, errors: errors), notice: nil, context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }
}
