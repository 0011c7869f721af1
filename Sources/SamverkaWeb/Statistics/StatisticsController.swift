import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// `/statistik`: a period and a scope chosen in a form (GET, so a view can be bookmarked and
/// shared), the figures with their charts and tables; the same figures as CSV and as the
/// yearly evaluation PDF. Every view and download is audited as an export by the service; a
/// scope the person may not see answers 404, like one that does not exist.
struct StatisticsController {
    let renderer: Renderer
    let statistics: StatisticsService
    let clock: any TimeSource
    let fonts: PDFFonts

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get(SiteURL.statistics.route) { request, context in try await self.page(request, context) }
        group.get(SiteURL.statisticsCSV.route) { request, context in try await self.csv(request, context) }
        group.get(SiteURL.statisticsPDF.route) { request, context in try await self.pdf(request, context) }
    }

    private func page(_ request: Request, _ context: AppContext) async throws -> Response {
        let choice = StatisticsChoice(request.formQuery, today: Stockholm.date(of: clock.now()))
        guard case .ok(let view) = try await statistics.statistics(period: choice.period, scope: choice.scope, format: .page, by: try context.origin()) else {
            throw HTTPError(.notFound)
        }
        let model = StatisticsPageModel(view: view, choice: choice)
        return await renderer.page("statistics", title: "Statistik: \(view.report.period.label)", model.data, context: context,
                                   status: choice.errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func csv(_ request: Request, _ context: AppContext) async throws -> Response {
        let choice = StatisticsChoice(request.formQuery, today: Stockholm.date(of: clock.now()))
        guard choice.errors.isEmpty, case .ok(let view) = try await statistics.statistics(period: choice.period, scope: choice.scope, format: .csv, by: try context.origin()) else {
            throw HTTPError(.notFound)
        }
        return Renderer.download(StatisticsCSV.bytes(view.report.csvRows), type: "text/csv; charset=utf-8", name: "statistik-\(view.report.period.key)-\(view.scope.key).csv")
    }

    private func pdf(_ request: Request, _ context: AppContext) async throws -> Response {
        let choice = StatisticsChoice(request.formQuery, today: Stockholm.date(of: clock.now()))
        guard choice.errors.isEmpty, case .ok(let view) = try await statistics.statistics(period: choice.period, scope: choice.scope, format: .pdf, by: try context.origin()) else {
            throw HTTPError(.notFound)
        }
        let document = StatisticsDocument(report: view.report, municipality: context.session?.municipalityName ?? "Kommunen")
        return Renderer.download(document.pdf(fonts: fonts, created: clock.now()), type: "application/pdf", name: "utvardering-\(view.report.period.key)-\(view.scope.key).pdf")
    }
}

/// The period and scope as the link or form gives them: `period` (a key such as "2026",
/// "2026-vt", "2026-03"), or `fran` and `till` for any days; `omfang` the scope. Dates that
/// are not dates get a message next to their field and the typed text back.
struct StatisticsChoice {
    var period: StatisticsPeriod?
    var scope: StatisticsScope?
    var periodKey: String
    var from: String
    var to: String
    var errors: [String: String] = [:]

    init(_ q: [String: String], today: SimpleDate) {
        periodKey = q["period"] ?? ""
        from = TextRules.trimmed(q["fran"])
        to = TextRules.trimmed(q["till"])
        scope = q["omfang"].flatMap(StatisticsScope.init(key:))
        if periodKey == "egen" || (periodKey.isEmpty && (!from.isEmpty || !to.isEmpty)) {
            periodKey = "egen"
            let start = SimpleDate(iso: from), end = SimpleDate(iso: to)
            if start == nil { errors["fran"] = "Skriv första dagen som ÅÅÅÅ-MM-DD, till exempel \(today.year)-01-01." }
            if end == nil { errors["till"] = "Skriv sista dagen som ÅÅÅÅ-MM-DD, till exempel \(today.iso)." }
            if let start, let end {
                if start > end { errors["till"] = "Sista dagen kan inte vara före den första." }
                else if start.days(until: end) > 3 * 366 { errors["till"] = "Välj högst tre år åt gången." }
                else { period = StatisticsPeriod(key: "\(start.iso)_\(end.iso)") }
            }
        } else if !periodKey.isEmpty {
            period = StatisticsPeriod(key: periodKey)
            if period == nil { errors["period"] = "Välj en period i listan." }
        }
    }
}
