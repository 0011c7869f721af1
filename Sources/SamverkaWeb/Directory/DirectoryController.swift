import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// The directory of external help and the routines' responsibilities (issue 19 points 6
/// and 7): staff find entries (by the child's age where the link gives one) and print a
/// letter for a family with the entries they choose; the administrator keeps both texts.
struct DirectoryController {
    let renderer: Renderer
    let door: EntryDoor
    let directory: DirectoryService

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get(SiteURL.helpDirectory.route) { request, context in try await self.list(request, context) }
        group.get(SiteURL.helpLetter.route) { request, context in try await self.letter(request, context) }
        group.get(SiteURL.responsibilities.route) { _, context in try await self.responsibilities(context) }
        group.get(SiteURL.adminHelpDirectory.route) { request, context in try await self.admin(request, context) }
        group.get(SiteURL.adminHelpEntryNew.route) { _, context in try await self.entryForm(nil, state: FormState(), context: context) }
        group.post(SiteURL.adminHelpEntryNew.route) { request, context in try await self.save(nil, request, context) }
        group.get(SiteURL.adminHelpEntry(.key).route) { _, context in try await self.entryForm(try id(context), state: nil, context: context) }
        group.post(SiteURL.adminHelpEntry(.key).route) { request, context in try await self.save(try id(context), request, context) }
        group.get(SiteURL.adminResponsibilities.route) { request, context in try await self.adminResponsibilities(request, context) }
        group.post(SiteURL.adminResponsibility(.key).route) { request, context in try await self.saveResponsibility(request, context) }
    }

    private func id(_ context: AppContext) throws -> RecordID {
        guard let id = context.parameters.get("id", as: RecordID.self) else { throw HTTPError(.notFound) }
        return id
    }

    // MARK: Staff

    private func list(_ request: Request, _ context: AppContext) async throws -> Response {
        try await door.require(.viewHelpDirectory, type: .helpEntry, context)
        let age = request.uri.queryParameters["alder"].flatMap { Int(String($0)) }.flatMap { (0...25).contains($0) ? $0 : nil }
        let page = HelpDirectoryPage(entries: try await directory.entries(), age: age)
        return await renderer.page("help-directory", title: "Stöd och hjälp utanför kommunen", page.data, context: context)
    }

    /// The letter for a family: the chosen entries, and only what the person typed.
    private func letter(_ request: Request, _ context: AppContext) async throws -> Response {
        try await door.require(.viewHelpDirectory, type: .helpEntry, context)
        let q = request.formQuery
        let entries = try await directory.entries().filter { q["e_\($0.id)"] != nil }
        let page = HelpLetterPage(entries: entries, to: TextRules.trimmed(q["till"]), message: TextRules.trimmed(q["meddelande"]),
                                  sender: try context.origin().actor.displayName)
        return await renderer.page("help-letter", title: "Stöd och hjälp för er familj", page.data, context: context)
    }

    private func responsibilities(_ context: AppContext) async throws -> Response {
        try await door.require(.viewGovernance(isForumMember: false), type: .responsibility, context)
        let page = ResponsibilitiesPage(responsibilities: try await directory.responsibilities(), routines: ResponsibilityRoutine.allCases)
        return await renderer.page("responsibilities", title: "Ansvar enligt samverkansrutinen", page.data, context: context)
    }

    // MARK: The administrator

    private func admin(_ request: Request, _ context: AppContext) async throws -> Response {
        try await door.require(.manageOrganisation, type: .helpEntry, context)
        let entries = try await directory.entries(includeRetired: true)
        return await renderer.page("admin-help-directory", title: "Stödkatalogen", [
            "entries": entries.map { ["name": $0.name, "ages": $0.agesText, "retired": $0.retired, "link": SiteURL.adminHelpEntry(.value($0.id)).path] as [String: Any] },
            "newLink": SiteURL.adminHelpEntryNew.path, "notice": request.uri.queryParameters["sparad"] != nil ? "Posten är sparad." : false,
        ], context: context)
    }

    private func entryForm(_ id: RecordID?, state: FormState?, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        try await door.require(.manageOrganisation, type: .helpEntry, context)
        var state = state ?? FormState()
        if let id, state.values.isEmpty {
            guard let entry = try await directory.entries(includeRetired: true).first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
            state.values = HelpEntryFormPage.values(HelpEntryInput(entry))
        }
        let page = HelpEntryFormPage(id: id, state: state)
        return await renderer.page("admin-help-entry", title: id == nil ? "Ny post i stödkatalogen" : "Ändra post i stödkatalogen", page.data, context: context, status: status)
    }

    private func save(_ id: RecordID?, _ request: Request, _ context: AppContext) async throws -> Response {
        var request = request
        let values = try await request.form()
        var input = HelpEntryInput()
        input.name = values["name"] ?? ""
        input.offers = values["offers"] ?? ""
        input.ageFrom = values["age_from"] ?? ""
        input.ageTo = values["age_to"] ?? ""
        input.contact = values["contact"] ?? ""
        input.link = values["link"] ?? ""
        input.retired = values["retired"] != nil
        switch try await directory.save(id: id, input, by: try context.origin()) {
        case .ok: return Renderer.redirect(SiteURL.adminHelpDirectory.path + "?sparad=1")
        case .invalid(let errors): return try await entryForm(id, state: FormState(values: values, errors: errors), context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    private func adminResponsibilities(_ request: Request, _ context: AppContext, state: FormState = FormState(), posted: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        try await door.require(.manageOrganisation, type: .responsibility, context)
        let page = ResponsibilitiesAdminPage(responsibilities: try await directory.responsibilities(), state: state, posted: posted,
                                             saved: request.uri.queryParameters["sparad"] != nil)
        return await renderer.page("admin-responsibilities", title: "Ansvar enligt samverkansrutinen", page.data, context: context, status: status)
    }

    private func saveResponsibility(_ request: Request, _ context: AppContext) async throws -> Response {
        guard let key = context.parameters.get("key") else { throw HTTPError(.notFound) }
        var request = request
        let values = try await request.form()
        // Every routine's form is on one page: its fields carry the key.
        switch try await directory.saveResponsibility(key: key, responsible: values["responsible_\(key)"] ?? "", ensures: values["ensures_\(key)"] ?? "", by: try context.origin()) {
        case .ok: return Renderer.redirect(SiteURL.adminResponsibilities.path + "?sparad=1")
        case .invalid(let errors):
            var keyed = FieldErrors()
            for field in errors.fields { if let message = errors[field] { keyed.add("\(field)_\(key)", message) } }
            return try await adminResponsibilities(request, context, state: FormState(values: values, errors: keyed), posted: key, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }
}
