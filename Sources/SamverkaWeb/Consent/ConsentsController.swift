import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// The consent registry of a child, withdrawal, and emergency access (issue 4).
struct ConsentsController {
    let renderer: Renderer
    let consents: ConsentService
    let registry: RegistryService
    let clock: any TimeSource

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/barn/:id/samtycken", use: list)
        group.get("/barn/:id/samtycken/nytt", use: newForm)
        group.post("/barn/:id/samtycken/nytt", use: create)
        group.post("/samtycken/:cid/aterkalla", use: withdraw)
        group.get("/samtycken/:cid/blankett", use: document)
        group.get("/nodatkomst", use: emergencyForm)
        group.post("/nodatkomst", use: emergency)
    }

    private func id(_ context: AppContext, _ name: String = "id") throws -> RecordID {
        guard let id = context.parameters.get(name, as: RecordID.self) else { throw HTTPError(.notFound) }
        return id
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        let childID = try id(context)
        let origin = try context.origin()
        guard case .ok(let view) = try await registry.view(childID: childID, by: origin),
              case .ok(let records) = try await consents.consents(childID: childID, by: origin) else { throw HTTPError(.notFound) }
        let now = clock.now()
        var notice: String?
        if request.uri.queryParameters["ny"] != nil { notice = "Samtycket är registrerat." }
        if request.uri.queryParameters["aterkallat"] != nil { notice = "Samtycket är återkallat. Åtkomsten upphörde direkt." }
        return await renderer.page("consents", title: "Samtycken för \(view.child.fullName)", [
            "id": childID, "child": view.child.fullName, "notice": notice ?? false, "hasConsents": !records.isEmpty,
            "consents": records.map { c -> [String: Any] in
                let status = c.facts.status(at: now)
                return ["id": c.id, "status": status.label, "inForce": status.isInForce, "warning": status == .expiringSoon,
                        "withdrawable": status != .withdrawn && status != .expired,
                        "givers": c.giverKind == .guardians ? c.guardianNames.joined(separator: ", ") : c.giverKind.label,
                        "singleReason": c.singleGuardianReason ?? false, "childView": c.childView ?? false,
                        "parties": c.partyNames.joined(separator: ", "),
                        "categories": ConsentCategory.allCases.filter { c.facts.categories.contains($0) }.map(\.label).joined(separator: ", "),
                        "purpose": "\(c.purposeKind.label): \(c.purpose)", "from": c.facts.validFrom.iso, "to": c.facts.validTo.iso,
                        "method": c.method.label, "witness": c.witness ?? false, "recordedBy": c.recordedByName,
                        "recordedAt": Stockholm.format(c.recordedAt), "withdrawnBy": c.withdrawnBy ?? false,
                        "withdrawnAt": c.facts.withdrawnAt.map(Stockholm.format) ?? false, "hasDocument": c.hasDocument]
            },
        ], context: context)
    }

    private func form(childID: RecordID, state: FormState, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let origin = try context.origin()
        guard case .ok(let view) = try await registry.view(childID: childID, by: origin), view.actions.registerConsent,
              case .ok(let choices) = try await consents.formChoices(childID: childID, by: origin) else { throw HTTPError(.notFound) }
        var data = state.data
        let values = state.values
        data["id"] = childID
        data["child"] = view.child.fullName
        data["guardians"] = choices.guardians.map { ["id": $0.id, "name": $0.name, "checked": values["guardian_\($0.id)"] != nil] as [String: Any] }
        data["hasGuardians"] = !choices.guardians.isEmpty
        data["staff"] = choices.staff.map { ["id": $0.id, "name": $0.name, "checked": values["staff_\($0.id)"] != nil] as [String: Any] }
        data["hasStaff"] = !choices.staff.isEmpty
        let method = values["method"] ?? ConsentMethod.oral.rawValue
        data["oral"] = method == ConsentMethod.oral.rawValue
        data["signed"] = method == ConsentMethod.signedForm.rawValue
        data["maxMB"] = ConsentRules.maxDocumentBytes / (1024 * 1024)
        data["units"] = try await consents.partyUnits().map { ["id": $0.id, "name": $0.name, "side": $0.side.label, "checked": values["unit_\($0.id)"] != nil] as [String: Any] }
        data["categories"] = choices.categories.map { ["value": $0.rawValue, "label": $0.label, "side": $0.heldBy.label, "checked": values["category_\($0.rawValue)"] != nil] as [String: Any] }
        data["givers"] = ConsentGiverKind.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": values["giver_kind"] == $0.rawValue] as [String: Any] }
        data["purposes"] = ConsentPurposeKind.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": values["purpose_kind"] == $0.rawValue] as [String: Any] }
        return await renderer.page("consent-new", title: "Registrera samtycke", data, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: AppContext) async throws -> Response {
        try await form(childID: try id(context), state: FormState(values: ["valid_from": Stockholm.date(of: clock.now()).iso]), context: context)
    }

    static func input(_ form: [String: String]) -> ConsentInput {
        var input = ConsentInput()
        input.giverKind = form["giver_kind"] ?? ""
        input.guardianIDs = Self.ids(form, prefix: "guardian_")
        input.unitIDs = Self.ids(form, prefix: "unit_")
        input.staffIDs = Self.ids(form, prefix: "staff_")
        input.categories = form.keys.filter { $0.hasPrefix("category_") }.map { String($0.dropFirst("category_".count)) }.sorted()
        input.singleGuardianReason = form["single_guardian_reason"] ?? ""
        input.childView = form["child_view"] ?? ""
        input.externalParties = form["external_parties"] ?? ""
        input.purposeKind = form["purpose_kind"] ?? ""
        input.purpose = form["purpose"] ?? ""
        input.validFrom = form["valid_from"] ?? ""
        input.validTo = form["valid_to"] ?? ""
        input.method = form["method"] ?? ""
        input.witness = form["witness"] ?? ""
        return input
    }

    private static func ids(_ form: [String: String], prefix: String) -> [RecordID] {
        form.keys.filter { $0.hasPrefix(prefix) }.compactMap { RecordID($0.dropFirst(prefix.count)) }.sorted()
    }

    @Sendable func create(_ request: Request, context: AppContext) async throws -> Response {
        let childID = try id(context)
        var request = request
        let (values, files) = try await request.formWithFiles()
        var document: UploadedDocument?
        if values["method"] == ConsentMethod.signedForm.rawValue, let file = files["document"] {
            // The stored type is what the bytes are, not what the browser said.
            document = UploadedDocument(fileName: file.fileName, contentType: ConsentRules.sniffDocumentType(file.content) ?? "application/octet-stream", content: file.content)
        }
        switch try await consents.register(childID: childID, Self.input(values), document: document, by: try context.origin()) {
        case .ok: return Renderer.redirect("/barn/\(childID)/samtycken?ny=1")
        case .invalid(let errors):
            return try await form(childID: childID, state: FormState(values: values, errors: errors), context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    @Sendable func withdraw(_ request: Request, context: AppContext) async throws -> Response {
        let consentID = try id(context, "cid")
        var request = request
        let values = try await request.form()
        switch try await consents.withdraw(consentID: consentID, withdrawnBy: values["withdrawn_by"] ?? "", by: try context.origin()) {
        case .ok(let childID): return Renderer.redirect("/barn/\(childID)/samtycken?aterkallat=1")
        case .invalid(let errors):
            return await renderer.page("error", title: "Samtycket återkallades inte", ["message": errors["withdrawn_by"] ?? "Fyll i vem som återkallar."], context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    @Sendable func document(_ request: Request, context: AppContext) async throws -> Response {
        guard case .ok(let file) = try await consents.document(consentID: try id(context, "cid"), by: try context.origin()) else { throw HTTPError(.notFound) }
        let ending = file.contentType == "application/pdf" ? "pdf" : file.contentType == "image/png" ? "png" : "jpg"
        return Renderer.download(file.content, type: file.contentType, name: "samtycke.\(ending)")
    }

    @Sendable func emergencyForm(_ request: Request, context: AppContext) async throws -> Response {
        await renderer.page("emergency", title: "Nödåtkomst", FormState().data, context: context)
    }

    @Sendable func emergency(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let values = try await request.form()
        switch try await consents.requestEmergencyAccess(identityNumber: values["identity_number"] ?? "", reason: values["reason"] ?? "", by: try context.origin()) {
        case .ok(let childID): return Renderer.redirect("/barn/\(childID)")
        case .invalid(let errors):
            return await renderer.page("emergency", title: "Nödåtkomst", FormState(values: values, errors: errors).data, context: context, status: .unprocessableContent)
        case .denied(let reason):
            throw AccessRefused(reason: reason)
        }
    }
}
