import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// The log reviewer's workflow (SoLPuL 10 §, issue 4 point 5): flags, verdicts, the
/// monthly sample and the summary for the data-protection officer.
struct LogReviewController {
    let renderer: Renderer
    let review: LogReviewService

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/loggkontroll", use: page)
        group.post("/loggkontroll/kontroll", use: scan)
        group.post("/loggkontroll/stickprov", use: sample)
        group.get("/loggkontroll/sammanstallning", use: summary)
        group.post("/loggkontroll/flaggor/:fid", use: resolve)
    }

    typealias Forms = LogReviewPageModel.Forms

    private func render(_ forms: Forms, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let origin = try context.origin()
        let overview: LogReviewOverview
        switch try await review.overview(by: origin) {
        case .ok(let value): overview = value
        case .denied(let reason): throw AccessRefused(reason: reason)
        case .invalid: throw HTTPError(.badRequest)
        }
        let model = LogReviewPageModel(overview: overview, forms: forms, reviewer: origin.actor, today: review.today)
        return await renderer.page("log-review", title: "Loggkontroll", model.data, context: context, status: status)
    }

    @Sendable func page(_ request: Request, context: AppContext) async throws -> Response {
        var forms = Forms()
        let q = request.uri.queryParameters
        forms.notice = LogReviewPageModel.notice { q.get($0) }
        return try await render(forms, context: context)
    }

    @Sendable func scan(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let values = try await request.form()
        switch try await review.requestScan(by: try context.origin()) {
        case .ok: return Renderer.redirect("/loggkontroll?kontroll=1")
        case .invalid(let errors):
            return try await render(Forms(scan: FormState(values: values, errors: errors)), context: context, status: .unprocessableContent)
        case .denied(let reason): throw AccessRefused(reason: reason)
        }
    }

    @Sendable func sample(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let values = try await request.form()
        switch try await review.drawSample(month: values["month"], perUnit: values["per_unit"], seed: UInt64.random(in: .min ... .max), by: try context.origin()) {
        case .ok(let drawn): return Renderer.redirect("/loggkontroll?stickprov=\(drawn)")
        case .invalid(let errors):
            return try await render(Forms(sample: FormState(values: values, errors: errors)), context: context, status: .unprocessableContent)
        case .denied(let reason): throw AccessRefused(reason: reason)
        }
    }

    @Sendable func resolve(_ request: Request, context: AppContext) async throws -> Response {
        guard let flagID = context.parameters.get("fid", as: RecordID.self) else { throw HTTPError(.notFound) }
        var request = request
        let values = try await request.form()
        switch try await review.resolve(flagID: flagID, justified: values["justified"], note: values["note"], by: try context.origin()) {
        case .ok: return Renderer.redirect("/loggkontroll?granskad=1")
        case .invalid(let errors):
            return try await render(Forms(flagID: flagID, flag: FormState(values: values, errors: errors)), context: context, status: .unprocessableContent)
        case .denied(let reason): throw AccessRefused(reason: reason)
        }
    }

    @Sendable func summary(_ request: Request, context: AppContext) async throws -> Response {
        let q = request.uri.queryParameters
        let values = ["from": q.get("from") ?? "", "to": q.get("to") ?? ""]
        switch try await review.summary(from: values["from"], to: values["to"], by: try context.origin()) {
        case .ok(let (name, csv)):
            return Renderer.download(Array(csv.utf8), type: "text/csv; charset=utf-8", name: name)
        case .invalid(let errors):
            return try await render(Forms(summary: FormState(values: values, errors: errors)), context: context, status: .unprocessableContent)
        case .denied(let reason): throw AccessRefused(reason: reason)
        }
    }
}
