import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// Register extracts for the log reviewer (issue 4 point 6). A POST, because making one
/// is logged; the answer is a text file to save or print.
struct RegisterExtractController {
    let renderer: Renderer
    let door: EntryDoor
    let extracts: RegisterExtractService

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/registerutdrag", use: form)
        group.post("/registerutdrag", use: make)
    }

    private func page(_ state: FormState, context: AppContext, status: HTTPResponse.Status = .ok) async -> Response {
        var data = state.data
        data["law"] = LegalReference.rightOfAccess.current
        return await renderer.page("register-extract", title: "Registerutdrag", data, context: context, status: status)
    }

    @Sendable func form(_ request: Request, context: AppContext) async throws -> Response {
        try await door.require(.registerExtract, type: .registerExtract, context)
        return await page(FormState(), context: context)
    }

    @Sendable func make(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let values = try await request.form()
        switch try await extracts.extract(identityNumber: values["identity_number"], purpose: values["purpose"], by: try context.origin()) {
        case .ok(let (name, extract)):
            return Renderer.download(Array(extract.text.utf8), type: "text/plain; charset=utf-8", name: name)
        case .invalid(let errors):
            return await page(FormState(values: values, errors: errors), context: context, status: .unprocessableContent)
        case .denied(let reason):
            throw AccessRefused(reason: reason)
        }
    }
}
