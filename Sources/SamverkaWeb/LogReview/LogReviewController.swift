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

    /// The forms of the page, each keeping what was typed when it is refused.
    struct Forms {
        var scan = FormState()
        var sample = FormState()
        var summary = FormState()
        var flagID: RecordID?
        var flag = FormState()
        var notice: String?
    }

    private func render(_ forms: Forms, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let overview: LogReviewOverview
        switch try await review.overview(by: try context.origin()) {
        case .ok(let value): overview = value
        case .denied(let reason): return await renderer.page("error", title: "Ingen åtkomst", ["message": reason.text], context: context, status: .forbidden)
        case .invalid: throw HTTPError(.badRequest)
        }
        let today = review.today
        let scan = forms.scan
        var sample = forms.sample, summary = forms.summary
        if sample.values.isEmpty { sample.values = ["month": String(today.adding(months: -1).iso.prefix(7)), "per_unit": "5"] }
        if summary.values.isEmpty {
            let first = SimpleDate(year: today.year, month: today.month, day: 1)!
            summary.values = ["from": first.iso, "to": today.iso]
        }
        let open = overview.open.map { flag -> [String: Any] in
            var row = Self.row(flag)
            let state = flag.id == forms.flagID ? forms.flag : FormState()
            var form = state.data
            form["yes"] = state.values["justified"] == "yes"
            form["no"] = state.values["justified"] == "no"
            // A flag on the reviewer herself goes to another reviewer (the policy says so).
            let actor = (try? context.origin())?.actor
            if let actor, !AccessPolicy.allows(actor, .resolveReviewFlag(raisedOn: flag.staffID)) {
                row["ownFlag"] = true
            } else {
                row["form"] = form
            }
            return row
        }
        // One error summary for the page (the layout shows it), linking to the field ids of
        // whichever form was refused.
        var errorList: [[String: String]] = []
        func collect(_ state: FormState, prefix: (String) -> String) {
            for field in state.errors.fields { if let message = state.errors[field] { errorList.append(["field": prefix(field), "message": message]) } }
        }
        collect(forms.scan) { "scan-\($0)" }
        collect(forms.sample) { $0 }
        collect(forms.summary) { "summary-\($0)" }
        if let id = forms.flagID { collect(forms.flag) { "\($0)-\(id)" } }
        return await renderer.page("log-review", title: "Loggkontroll", [
            "hasErrors": !errorList.isEmpty, "errorList": errorList,
            "law": LegalReference.accessControlAndLogReview.current, "notice": forms.notice ?? false,
            "open": open, "openCount": overview.openCount, "noneOpen": overview.open.isEmpty,
            "more": overview.openCount > overview.open.count ? "Visar de \(overview.open.count) äldsta av \(overview.openCount)." : false,
            "resolved": overview.recentlyResolved.map(Self.row), "hasResolved": !overview.recentlyResolved.isEmpty,
            "samples": overview.samples.map { ["period": $0.period, "units": $0.units, "drawn": $0.drawn] }, "hasSamples": !overview.samples.isEmpty,
            "scan": scan.data, "sample": sample.data, "summary": summary.data,
            "scanStatus": LogReviewScanView.status(overview.scan, queued: overview.scanQueued),
        ], context: context, status: status)
    }

    static func row(_ flag: ReviewFlagRecord) -> [String: Any] {
        var child = ""
        if let name = flag.childName { child = name + " (" + (flag.childIdentityNumber?.formatted ?? "") + ")" }
        return ["id": flag.id, "kind": flag.kind?.label ?? flag.kindRaw, "at": Stockholm.format(flag.at), "staff": flag.staffName,
                "child": child, "detail": flag.detail, "verdict": flag.justified.map { $0 ? "Befogad" : "Ej befogad" } ?? "",
                "note": flag.note ?? "", "resolvedAt": flag.resolvedAt.map(Stockholm.format) ?? "", "dayLog": dayLog(flag) ?? false]
    }

    /// The person's log of the flag's day, for the flags that stand for a whole day's accesses.
    static func dayLog(_ flag: ReviewFlagRecord) -> String? {
        guard let staffID = flag.staffID, let kind = flag.kind, kind == .outOfHours || kind == .manyChildren else { return nil }
        let day = Stockholm.date(of: flag.at).iso
        return "\(SiteURL.auditLog.path)?staff_id=\(staffID)&from=\(day)&to=\(day)"
    }

    @Sendable func page(_ request: Request, context: AppContext) async throws -> Response {
        var forms = Forms()
        let q = request.uri.queryParameters
        if q.get("kontroll") != nil { forms.notice = "Kontrollen har startats. Den körs i bakgrunden; ladda om sidan för att se hur långt den har kommit." }
        if let count = q.get("stickprov") { forms.notice = "Stickprovet är draget: \(count) åtkomster att granska." }
        if q.get("granskad") != nil { forms.notice = "Flaggan är granskad." }
        return try await render(forms, context: context)
    }

    @Sendable func scan(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let values = try await request.form()
        switch try await review.requestScan(by: try context.origin()) {
        case .ok: return Renderer.redirect("/loggkontroll?kontroll=1")
        case .invalid(let errors):
            return try await render(Forms(scan: FormState(values: values, errors: errors)), context: context, status: .unprocessableContent)
        case .denied(let reason): return await renderer.page("error", title: "Ingen åtkomst", ["message": reason.text], context: context, status: .forbidden)
        }
    }

    @Sendable func sample(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let values = try await request.form()
        switch try await review.drawSample(month: values["month"], perUnit: values["per_unit"], seed: UInt64.random(in: .min ... .max), by: try context.origin()) {
        case .ok(let drawn): return Renderer.redirect("/loggkontroll?stickprov=\(drawn)")
        case .invalid(let errors):
            return try await render(Forms(sample: FormState(values: values, errors: errors)), context: context, status: .unprocessableContent)
        case .denied(let reason): return await renderer.page("error", title: "Ingen åtkomst", ["message": reason.text], context: context, status: .forbidden)
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
        case .denied(let reason): return await renderer.page("error", title: "Ingen åtkomst", ["message": reason.text], context: context, status: .forbidden)
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
        case .denied(let reason): return await renderer.page("error", title: "Ingen åtkomst", ["message": reason.text], context: context, status: .forbidden)
        }
    }
}
