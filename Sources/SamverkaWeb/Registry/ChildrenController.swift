import Hummingbird
import SamverkaCore
import SamverkaStore

struct ChildrenController {
    let renderer: Renderer
    let registry: RegistryService
    let sips: SIPService
    let programmes: ProgrammeService
    let studentHealth: StudentHealthService
    let clock: any TimeSource

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/barn", use: list)
        group.get("/barn/ny", use: newForm)
        group.post("/barn/ny", use: create)
        group.get("/barn/:id", use: show)
        group.get("/barn/:id/andra", use: editForm)
        group.post("/barn/:id/andra", use: update)
        group.get("/barn/:id/vardnadshavare/ny", use: guardianForm)
        group.post("/barn/:id/vardnadshavare/ny", use: addGuardian)
        group.get("/sok", use: search)
        group.get("/inskrivning", use: enrolmentForm)
        group.post("/inskrivning", use: enrol)
    }

    private func enrolmentPage(_ state: FormState, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let units: [OrgUnit]
        switch try await registry.enrolmentEntry(by: try context.origin()) {
        case .ok(let found): units = found
        case .denied(let reason): throw AccessRefused(reason: reason)
        case .invalid: throw HTTPError(.badRequest)
        }
        var data = state.data
        data["units"] = units.map { ["id": $0.id, "name": $0.name, "selected": String($0.id) == state.values["unit_id"] || units.count == 1] as [String: Any] }
        return await renderer.page("enrolment", title: "Skriv in ett registrerat barn", data, context: context, status: status)
    }

    @Sendable func enrolmentForm(_ request: Request, context: AppContext) async throws -> Response {
        try await enrolmentPage(FormState(), context: context)
    }

    @Sendable func enrol(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        let origin = try context.origin()
        switch try await registry.enrol(identityNumber: form["identity_number"] ?? "", unitID: form["unit_id"] ?? "", by: origin) {
        case .ok(.enrolled(let id)), .ok(.alreadyEnrolled(let id)):
            // An administrator enrols without seeing children: they get a receipt, not the child.
            if AccessPolicy.allows(origin.actor, .searchChildren) { return Renderer.redirect("/barn/\(id)?inskriven=1") }
            return await renderer.page("enrolment", title: "Skriv in ett registrerat barn", ["done": true], context: context)
        case .invalid(let errors):
            return try await enrolmentPage(FormState(values: form, errors: errors), context: context, status: .unprocessableContent)
        case .denied(let reason):
            throw AccessRefused(reason: reason)
        }
    }

    static func row(_ item: ChildListItem) -> [String: Any] {
        ["id": item.id, "name": item.fullName, "number": item.identityNumber.formatted, "unit": item.enrolmentUnitName ?? "–",
         "grade": item.grade ?? "", "protected": item.protectedIdentity]
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        let page = max(1, Int(request.uri.queryParameters["sida"] ?? "1") ?? 1)
        switch try await registry.list(page: page, by: try context.origin()) {
        case .ok(let result):
            let pages = max(1, (result.total + 49) / 50)
            return await renderer.page("children", title: "Barn", [
                "children": result.items.map(Self.row), "total": result.total, "page": page, "pages": pages,
                "previous": page > 1 ? page - 1 : false, "next": page < pages ? page + 1 : false,
                // Only heads of a school or preschool enrol: others get no link to a refusal.
                "mayEnrol": AccessPolicy.allows(try context.origin().actor, .enrolChild(unit: nil)),
            ], context: context)
        case .denied(let reason):
            throw AccessRefused(reason: reason)
        case .invalid: throw HTTPError(.badRequest)
        }
    }

    private func unitOptions(_ actor: Actor, selected: String) async throws -> [[String: Any]] {
        try await registry.enrolmentChoices(for: actor).map { ["id": $0.id, "name": $0.name, "selected": String($0.id) == selected] }
    }

    static func input(_ form: [String: String]) -> ChildInput {
        ChildInput(identityNumber: form["identity_number"] ?? "", givenName: form["given_name"] ?? "", familyName: form["family_name"] ?? "",
                   unitID: form["unit_id"] ?? "", grade: form["grade"] ?? "", protectedIdentity: form["protected_identity"] != nil,
                   streetAddress: form["street_address"] ?? "", postalCode: form["postal_code"] ?? "", city: form["city"] ?? "",
                   gradeConfirmed: form["grade_confirmed"] != nil)
    }

    private func childForm(_ template: String, title: String, state: FormState, extra: [String: Any] = [:], context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = try context.origin().actor
        var data = state.data
        data["units"] = try await unitOptions(actor, selected: state.values["unit_id"] ?? "")
        data["protectedChecked"] = state.values["protected_identity"] != nil
        data["socialSide"] = actor.sides.contains(.social)
        for (key, value) in extra { data[key] = value }
        return await renderer.page(template, title: title, data, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: AppContext) async throws -> Response {
        try await childForm("child-new", title: "Registrera barn", state: FormState(), context: context)
    }

    @Sendable func create(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        switch try await registry.register(Self.input(form), by: try context.origin()) {
        case .ok(.created(let id)): return Renderer.redirect("/barn/\(id)?ny=1")
        case .ok(.existing(let id)): return Renderer.redirect("/barn/\(id)?fanns=1")
        case .invalid(let errors):
            return try await childForm("child-new", title: "Registrera barn", state: FormState(values: form, errors: errors), context: context, status: .unprocessableContent)
        case .denied(let reason):
            var errors = FieldErrors()
            errors.add("unit_id", reason.text)
            return try await childForm("child-new", title: "Registrera barn", state: FormState(values: form, errors: errors), context: context, status: .forbidden)
        }
    }

    private func childID(_ context: AppContext) throws -> RecordID {
        guard let id = context.parameters.get("id", as: RecordID.self) else { throw HTTPError(.notFound) }
        return id
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        switch try await registry.view(childID: try childID(context), by: try context.origin()) {
        case .ok(let view):
            let child = view.child
            // The child's SIPs this person may see (the child page itself came through the door).
            let sips = try await self.sips.visibleSIPs(childID: child.id, by: try context.origin())
            let enrolments = try await programmes.visibleEnrolments(childID: child.id, by: try context.origin())
            let referrals = try await studentHealth.visibleReferrals(childID: child.id, by: try context.origin())
            // One programme: its name; several: the nomination path offers the choice.
            var offered: [ProgrammeOffer] = []
            if view.actions.nominateForProgramme { offered = try await programmes.offers() }
            let query = request.uri.queryParameters
            let page = ChildPageModel(view: view, sips: sips, enrolments: enrolments, referrals: referrals, offeredProgrammes: offered,
                                      today: Stockholm.date(of: clock.now()), notice: ChildPageModel.notice { query[Substring($0)] != nil })
            return await renderer.page("child", title: page.title, page.data, context: context)
        case .denied, .invalid:
            throw HTTPError(.notFound)
        }
    }

    @Sendable func editForm(_ request: Request, context: AppContext) async throws -> Response {
        let id = try childID(context)
        guard case .ok(let view) = try await registry.view(childID: id, by: try context.origin()), view.actions.edit else { throw HTTPError(.notFound) }
        let child = view.child
        var values = ["given_name": child.givenName, "family_name": child.familyName, "unit_id": child.enrolmentUnitID.map(String.init) ?? "",
                      "grade": child.grade ?? "", "street_address": child.address.street ?? "", "postal_code": child.address.postalCode ?? "",
                      "city": child.address.city ?? ""]
        if child.protectedIdentity { values["protected_identity"] = "1" }
        return try await childForm("child-edit", title: "Ändra \(child.fullName)", state: FormState(values: values),
                                   extra: ["id": id, "number": child.identityNumber.formatted, "addressHidden": child.protectedIdentity], context: context)
    }

    @Sendable func update(_ request: Request, context: AppContext) async throws -> Response {
        let id = try childID(context)
        var request = request
        let form = try await request.form()
        switch try await registry.update(childID: id, Self.input(form), by: try context.origin()) {
        case .ok: return Renderer.redirect("/barn/\(id)?sparad=1")
        case .invalid(let errors):
            return try await childForm("child-edit", title: "Ändra uppgifter", state: FormState(values: form, errors: errors),
                                       extra: ["id": id], context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    @Sendable func guardianForm(_ request: Request, context: AppContext) async throws -> Response {
        let id = try childID(context)
        guard case .ok(let view) = try await registry.view(childID: id, by: try context.origin()), view.actions.addGuardian else { throw HTTPError(.notFound) }
        return await renderer.page("guardian-new", title: "Lägg till vårdnadshavare", FormState().data.merging(["id": id, "child": view.child.fullName]) { $1 }, context: context)
    }

    @Sendable func addGuardian(_ request: Request, context: AppContext) async throws -> Response {
        let id = try childID(context)
        var request = request
        let form = try await request.form()
        let input = GuardianInput(identityNumber: form["identity_number"] ?? "", givenName: form["given_name"] ?? "", familyName: form["family_name"] ?? "",
                                  phone: form["phone"] ?? "", email: form["email"] ?? "", streetAddress: form["street_address"] ?? "",
                                  postalCode: form["postal_code"] ?? "", city: form["city"] ?? "", protectedIdentity: form["protected_identity"] != nil)
        switch try await registry.addGuardian(childID: id, input, by: try context.origin()) {
        case .ok: return Renderer.redirect("/barn/\(id)?sparad=1")
        case .invalid(let errors):
            return await renderer.page("guardian-new", title: "Lägg till vårdnadshavare", FormState(values: form, errors: errors).data.merging(["id": id]) { $1 }, context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    @Sendable func search(_ request: Request, context: AppContext) async throws -> Response {
        let query = request.formQuery["q"] ?? ""
        var data: [String: Any] = ["q": query, "searched": !query.trimmingCharacters(in: .whitespaces).isEmpty]
        switch try await registry.search(query, by: try context.origin()) {
        case .ok(let items):
            data["results"] = items.map(Self.row)
            data["count"] = items.count
            data["none"] = items.isEmpty
        case .invalid(let errors):
            data["error"] = errors["q"] ?? ""
            data["searched"] = false
        case .denied(let reason):
            throw AccessRefused(reason: reason)
        }
        return await renderer.page("search", title: "Sök barn", data, context: context)
    }
}
