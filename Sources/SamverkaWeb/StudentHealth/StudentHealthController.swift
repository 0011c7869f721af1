import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// Referrals to the student health team, Steg 1 (issue 19 point 5): the mentor's form from
/// the child page, the referral's page with the team's reflection and the rektor's decision.
/// Each handler parses, calls one service function and renders.
struct StudentHealthController {
    let renderer: Renderer
    let studentHealth: StudentHealthService

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get(SiteURL.childEHTReferral(.key).route) { _, context in try await self.newForm(try id(context), state: FormState(), context: context) }
        group.post(SiteURL.childEHTReferral(.key).route) { request, context in try await self.send(request, context) }
        group.get(SiteURL.ehtReferral(.key).route) { request, context in try await self.show(try id(context), request: request, context: context) }
        group.post(SiteURL.ehtReferralForm(.key, form: .key).route) { request, context in try await self.post(request, context) }
    }

    private func id(_ context: AppContext) throws -> RecordID {
        guard let id = context.parameters.get("id", as: RecordID.self) else { throw HTTPError(.notFound) }
        return id
    }

    private func newForm(_ childID: RecordID, state: FormState, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard case .ok(let form) = try await studentHealth.form(childID: childID, by: try context.origin()) else { throw HTTPError(.notFound) }
        return await renderer.page("eht-referral-new", title: "Anmälan till elevhälsoteamet (Steg 1)", EHTReferralFormPage(form: form, state: state).data, context: context, status: status)
    }

    private func send(_ request: Request, _ context: AppContext) async throws -> Response {
        let childID = try id(context)
        var request = request
        let values = try await request.form()
        let input = EHTReferralInput(situation: values["situation"] ?? "", adaptations: values["adaptations"] ?? "")
        switch try await studentHealth.send(childID: childID, input, by: try context.origin()) {
        case .ok: return Renderer.redirect(SiteURL.child(.value(childID)).path + "?steg1=1")
        case .invalid(let errors): return try await newForm(childID, state: FormState(values: values, errors: errors), context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    private func show(_ id: RecordID, request: Request?, state: FormState = FormState(), posted: String? = nil, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard case .ok(let page) = try await studentHealth.page(id, by: try context.origin()) else { throw HTTPError(.notFound) }
        let q = request?.uri.queryParameters
        let notice: String? = q?["beslut"] != nil ? "Beslutet är sparat." : q?["reflektion"] != nil ? "Reflektionen är sparad." : nil
        return await renderer.page("eht-referral", title: "Anmälan till elevhälsoteamet nr \(id)", EHTReferralPageModel(page: page, state: state, posted: posted, notice: notice).data,
                                   context: context, status: status)
    }

    private func post(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try id(context)
        guard let form = context.parameters.get("form") else { throw HTTPError(.notFound) }
        var request = request
        let values = try await request.form()
        let origin = try context.origin()
        let outcome: Outcome<Void>
        switch form {
        case "reflektion": outcome = try await studentHealth.reflect(id, text: values["reflection"] ?? "", by: origin)
        case "beslut":
            outcome = try await studentHealth.decide(id, EHTDecisionInput(outcome: values["outcome"] ?? "", date: values["decision_date"] ?? "", reasons: values["reasons"] ?? ""), by: origin)
        default: throw HTTPError(.notFound)
        }
        switch outcome {
        case .ok: return Renderer.redirect(SiteURL.ehtReferral(.value(id)).path + "?\(form)=1")
        case .invalid(let errors): return try await show(id, request: nil, state: FormState(values: values, errors: errors), posted: form, context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }
}
