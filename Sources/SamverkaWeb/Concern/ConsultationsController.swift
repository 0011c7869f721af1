import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// Anonymous consultations, råd och stöd counts, and the public e-service form.
struct ConsultationsController {
    let renderer: Renderer
    let consultations: ConsultationService
    let reports: ReportService
    let clock: any TimeSource
    let configuration: WebConfiguration

    func addRoutes(to router: Router<AppContext>, protected group: RouterGroup<AppContext>) {
        group.get("/konsultationer", use: consultationPage)
        group.post("/konsultationer", use: logConsultation)
        group.get("/rad-och-stod", use: supportPage)
        group.post("/rad-och-stod", use: recordSupport)
        router.get("/e-tjanst/anmalan", use: publicForm)
        router.post("/e-tjanst/anmalan", use: publicSubmit)
    }

    private var today: String { Stockholm.date(of: clock.now()).iso }

    // MARK: Consultations

    private func consultationView(_ state: FormState, context: AppContext, status: HTTPResponse.Status = .ok, notice: Bool = false) async throws -> Response {
        let origin = try context.origin()
        var values = state.values
        if values["date"] == nil { values["date"] = today }
        var data = state.data
        data["values"] = values
        data["units"] = try await consultations.socialUnits().map { ["id": $0.id, "name": $0.name, "selected": String($0.id) == values["social_unit_id"]] }
        data["ledChecked"] = values["led_to_report"] != nil
        data["warned"] = state.errors["identifying_confirmed"] != nil
        data["recent"] = try await consultations.recent(by: origin).map {
            ["date": $0.date.iso, "school": $0.schoolUnitName ?? "–", "social": $0.socialUnitName, "topic": $0.topic, "advice": $0.advice, "led": $0.ledToReport ? "Ja" : "Nej"]
        }
        data["notice"] = notice
        return await renderer.page("consultations", title: "Anonym konsultation", data, context: context, status: status)
    }

    @Sendable func consultationPage(_ request: Request, context: AppContext) async throws -> Response {
        try await consultationView(FormState(), context: context, notice: request.uri.queryParameters["sparad"] != nil)
    }

    @Sendable func logConsultation(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        var input = ConsultationInput()
        input.date = form["date"] ?? ""
        input.socialUnitID = form["social_unit_id"] ?? ""
        input.topic = form["topic"] ?? ""
        input.advice = form["advice"] ?? ""
        input.ledToReport = form["led_to_report"] != nil
        input.identifyingConfirmed = form["identifying_confirmed"] != nil
        switch try await consultations.log(input, by: try context.origin()) {
        case .ok: return Renderer.redirect("/konsultationer?sparad=1")
        case .invalid(let errors): return try await consultationView(FormState(values: form, errors: errors), context: context, status: .unprocessableContent)
        case .denied(let reason): throw AccessRefused(reason: reason)
        }
    }

    // MARK: Råd och stöd

    private func supportView(_ state: FormState, context: AppContext, status: HTTPResponse.Status = .ok, notice: Bool = false) async throws -> Response {
        let origin = try context.origin()
        let units: [OrgUnit]
        switch try await consultations.supportEntry(by: origin) {
        case .ok(let found): units = found
        case .denied(let reason): throw AccessRefused(reason: reason)
        case .invalid: throw HTTPError(.badRequest)
        }
        var values = state.values
        if values["date"] == nil { values["date"] = today }
        var data = state.data
        data["values"] = values
        data["units"] = units.map { ["id": $0.id, "name": $0.name, "selected": String($0.id) == values["unit_id"] || units.count == 1] }
        data["summary"] = try await consultations.supportSummary(by: origin).map { ["unit": $0.unitName, "month": $0.month, "occasions": $0.occasions, "conversations": $0.conversations] }
        data["notice"] = notice
        data["max"] = SupportCountValidation.maxPerEpisode
        return await renderer.page("support", title: "Råd och stöd", data, context: context, status: status)
    }

    @Sendable func supportPage(_ request: Request, context: AppContext) async throws -> Response {
        try await supportView(FormState(), context: context, notice: request.uri.queryParameters["sparad"] != nil)
    }

    @Sendable func recordSupport(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        var input = SupportCountInput()
        input.date = form["date"] ?? ""
        input.unitID = form["unit_id"] ?? ""
        input.conversations = form["conversations"] ?? ""
        switch try await consultations.recordSupport(input, by: try context.origin()) {
        case .ok: return Renderer.redirect("/rad-och-stod?sparad=1")
        case .invalid(let errors): return try await supportView(FormState(values: form, errors: errors), context: context, status: .unprocessableContent)
        case .denied(let reason): throw AccessRefused(reason: reason)
        }
    }

    // MARK: Public e-service

    private func publicView(_ request: Request, context: AppContext, state: FormState, extra: [String: Any] = [:], status: HTTPResponse.Status = .ok) async -> Response {
        var context = context
        let token = request.cookies[Cookies.anonymousCSRF]?.value ?? AccountService.randomToken()
        context.anonymousCSRF = token
        var data = state.data
        let v = state.values
        data["reporterKinds"] = [ReporterKind.privatePerson, .agency, .anonymous].map { ["value": $0.rawValue, "label": $0.label, "checked": v["reporter_kind"] == $0.rawValue] }
        data["acuteGrounds"] = AcuteGround.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": v["acute_\($0.rawValue)"] != nil] }
        data["maxText"] = ReportValidation.maxText
        if let phone = configuration.socialServicesPhone { data["phone"] = phone }
        data["refused"] = state.errors[ReportService.publicRefusedField] != nil
        for (key, value) in extra { data[key] = value }
        var response = await renderer.page("public-report", title: "Anmäl oro för ett barn", data, context: context, status: status)
        response.setCookie(Cookies.make(Cookies.anonymousCSRF, token, secure: configuration.secureCookies))
        return response
    }

    @Sendable func publicForm(_ request: Request, context: AppContext) async throws -> Response {
        await publicView(request, context: context, state: FormState())
    }

    @Sendable func publicSubmit(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        var input = ReportsController.input(form)
        // Without a choice, the rest is still checked (as if anonymous), so every message shows at once.
        let chosen = ReporterKind(rawValue: form["reporter_kind"] ?? "")
        input.reporterKind = chosen ?? .anonymous
        let outcome = try await reports.submitPublic(input, childName: form["child_name"] ?? "", childNumber: form["child_number"] ?? "",
                                              childSchool: form["child_school"] ?? "", clientAddress: context.clientAddress, dryRun: chosen == nil)
        switch outcome {
        case .ok where chosen == nil, .invalid where chosen == nil:
            var errors = FieldErrors()
            errors.add("reporter_kind", "Välj vem du är som anmäler.")
            if case .invalid(let more) = outcome { for (k, v) in more.messages { errors.add(k, v) } }
            return await publicView(request, context: context, state: FormState(values: form, errors: errors), status: .unprocessableContent)
        case .ok(let receipt):
            return await publicView(request, context: context, state: FormState(), extra: ["receipt": receipt])
        case .invalid(let errors):
            return await publicView(request, context: context, state: FormState(values: form, errors: errors), status: .unprocessableContent)
        case .denied:
            throw HTTPError(.forbidden)
        }
    }
}
