import Hummingbird
import SamverkaCore
import SamverkaStore

/// Organisation and accounts, for system administrators.
struct AdminController {
    let renderer: Renderer
    let door: EntryDoor
    let organisation: OrganisationService
    let store: Store

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/admin", use: overview)
        group.post("/admin/omraden", use: createArea)
        group.post("/admin/enheter", use: createUnit)
        group.post("/admin/personal", use: createStaff)
        group.get("/admin/personal/:id", use: staffPage)
        group.post("/admin/personal/:id/roller", use: addRole)
        group.post("/admin/personal/:id/roller/:assignment/ta-bort", use: removeRole)
        group.post("/admin/personal/:id/aktiv", use: setActive)
        group.post("/admin/personal/:id/losenord", use: resetPassword)
        group.post("/admin/kommun", use: setMunicipality)
        group.post("/admin/enheter/andra", use: updateUnit)
    }

    private func requireAdmin(_ context: AppContext) async throws {
        try await door.require(.manageOrganisation, type: .organisation, context)
    }

    private func overviewPage(_ context: AppContext, forms: [String: FormState] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        try await requireAdmin(context)
        let (areas, units, staff, municipality) = try await store.withConnection { db in
            (try await OrganisationQueries.areas(db), try await OrganisationQueries.units(db), try await OrganisationQueries.allStaff(db),
             try await OrganisationQueries.municipalityName(db))
        }
        let areaNames = Dictionary(uniqueKeysWithValues: areas.map { ($0.id, $0.name) })
        var data: [String: Any] = [
            "municipalityName": municipality ?? "",
            "areas": areas.map { ["id": $0.id, "name": $0.name] },
            "units": units.map { ["id": $0.id, "name": $0.name, "kind": $0.kind.label, "side": $0.side.label, "area": $0.areaID.flatMap { areaNames[$0] } ?? "–", "active": $0.active] as [String: Any] },
            "kinds": UnitKind.allCases.map { ["value": $0.rawValue, "label": $0.label] },
            "helpDirectoryLink": SiteURL.adminHelpDirectory.path, "responsibilitiesLink": SiteURL.adminResponsibilities.path,
            "staff": staff.map { ["id": $0.id, "name": $0.displayName, "username": $0.username, "active": $0.active] as [String: Any] },
        ]
        for (name, form) in forms { data[name] = form.data }
        return await renderer.page("admin", title: "Administration", data, context: context, status: status)
    }

    @Sendable func overview(_ request: Request, context: AppContext) async throws -> Response {
        try await overviewPage(context)
    }

    private func handle<T>(_ outcome: Outcome<T>, form: [String: String], formName: String, success: String, context: AppContext) async throws -> Response {
        switch outcome {
        case .ok: return Renderer.redirect(success)
        case .invalid(let errors):
            var values = form
            values["password"] = nil
            return try await overviewPage(context, forms: [formName: FormState(values: values, errors: errors)], status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    @Sendable func createArea(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        return try await handle(try await organisation.createArea(name: form["name"] ?? "", by: try context.origin()), form: form, formName: "areaForm", success: "/admin", context: context)
    }

    @Sendable func createUnit(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        let outcome = try await organisation.createUnit(name: form["name"] ?? "", kind: form["kind"] ?? "", areaID: form["area_id"] ?? "", by: try context.origin())
        return try await handle(outcome, form: form, formName: "unitForm", success: "/admin", context: context)
    }

    @Sendable func createStaff(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        let outcome = try await organisation.createStaff(username: form["username"] ?? "", displayName: form["display_name"] ?? "", email: form["email"] ?? "",
                                                         temporaryPassword: form["password"] ?? "", by: try context.origin())
        if case .ok(let id) = outcome { return Renderer.redirect("/admin/personal/\(id)") }
        return try await handle(outcome, form: form, formName: "staffForm", success: "/admin", context: context)
    }

    @Sendable func setMunicipality(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        return try await handle(try await organisation.setMunicipalityName(form["municipality"] ?? "", by: try context.origin()), form: form, formName: "municipalityForm", success: "/admin", context: context)
    }

    @Sendable func updateUnit(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        guard let id = form["unit_id"].flatMap({ RecordID($0) }) else { throw HTTPError(.badRequest) }
        let outcome = try await organisation.updateUnit(id: id, name: form["name"] ?? "", active: form["active"] == "1", by: try context.origin())
        return try await handle(outcome, form: form, formName: "unitEditForm", success: "/admin", context: context)
    }

    @Sendable func resetPassword(_ request: Request, context: AppContext) async throws -> Response {
        let id = try staffID(context)
        var request = request
        let form = try await request.form()
        switch try await organisation.resetPassword(staffID: id, temporaryPassword: form["password"] ?? "", by: try context.origin()) {
        case .ok: return Renderer.redirect("/admin/personal/\(id)")
        case .invalid(let errors): return try await staffPage(context, id: id, form: FormState(values: [:], errors: errors), status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    private func staffID(_ context: AppContext) throws -> RecordID {
        guard let id = context.parameters.get("id", as: RecordID.self) else { throw HTTPError(.notFound) }
        return id
    }

    private func staffPage(_ context: AppContext, id: RecordID, form: FormState = FormState(), status: HTTPResponse.Status = .ok) async throws -> Response {
        try await requireAdmin(context)
        let (staff, assignments, units) = try await store.withConnection { db in
            (try await OrganisationQueries.staff(id: id, db), try await OrganisationQueries.assignments(staffID: id, db), try await OrganisationQueries.units(db, includeInactive: false))
        }
        guard let staff else { throw HTTPError(.notFound) }
        var data = form.data
        data["person"] = ["id": staff.id, "name": staff.displayName, "username": staff.username, "active": staff.active, "email": staff.email ?? ""] as [String: Any]
        data["assignments"] = assignments.map { ["id": $0.id, "role": $0.role.label, "unit": $0.unitName ?? "Hela kommunen"] as [String: Any] }
        // An outside party belongs to no side of the municipality: it sees only the SIPs naming it.
        data["roles"] = Role.allCases.map { ["value": $0.rawValue, "label": "\($0.label) (\($0 == .externalParty ? "regionen, ser bara SIP där samtycket namnger parten" : $0.side.label))"] }
        data["units"] = units.map { ["id": $0.id, "name": "\($0.name) – \($0.kind.label)"] }
        return await renderer.page("admin-staff", title: staff.displayName, data, context: context, status: status)
    }

    @Sendable func staffPage(_ request: Request, context: AppContext) async throws -> Response {
        try await staffPage(context, id: try staffID(context))
    }

    @Sendable func addRole(_ request: Request, context: AppContext) async throws -> Response {
        let id = try staffID(context)
        var request = request
        let form = try await request.form()
        switch try await organisation.addAssignment(staffID: id, role: form["role"] ?? "", unitID: form["unit_id"] ?? "", by: try context.origin()) {
        case .ok: return Renderer.redirect("/admin/personal/\(id)")
        case .invalid(let errors): return try await staffPage(context, id: id, form: FormState(values: form, errors: errors), status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    @Sendable func removeRole(_ request: Request, context: AppContext) async throws -> Response {
        let id = try staffID(context)
        guard let assignment = context.parameters.get("assignment", as: RecordID.self) else { throw HTTPError(.notFound) }
        guard case .ok = try await organisation.removeAssignment(staffID: id, assignmentID: assignment, by: try context.origin()) else { throw HTTPError(.notFound) }
        return Renderer.redirect("/admin/personal/\(id)")
    }

    @Sendable func setActive(_ request: Request, context: AppContext) async throws -> Response {
        let id = try staffID(context)
        var request = request
        let form = try await request.form()
        switch try await organisation.setActive(staffID: id, active: form["active"] == "1", by: try context.origin()) {
        case .ok: return Renderer.redirect("/admin/personal/\(id)")
        case .invalid(let errors): return try await staffPage(context, id: id, form: FormState(values: [:], errors: errors), status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }
}
