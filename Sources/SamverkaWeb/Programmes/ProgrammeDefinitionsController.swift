import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// Programme definitions as data (issue 18 item 1): an administrator changes a programme or
/// adds one through a form, like the meeting types; a JSON import stays beside it. Every
/// page asks the policy through the door; every save is the service's, audited.
struct ProgrammeDefinitionsController {
    let renderer: Renderer
    let programmes: ProgrammeService
    let door: EntryDoor

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get(SiteURL.programmeDefinitions.route, use: list)
        group.post(SiteURL.programmeDefinitions.route, use: importJSON)
        group.get(SiteURL.programmeDefinitionNew.route, use: newForm)
        group.post(SiteURL.programmeDefinitionNew.route, use: create)
        group.get(SiteURL.programmeDefinition(.key).route, use: editForm)
        group.post(SiteURL.programmeDefinition(.key).route, use: update)
    }

    private func requireAdmin(_ context: AppContext) async throws {
        try await door.require(.manageProgrammeDefinitions, type: .programmeDefinition, context)
    }

    // MARK: The list and the JSON import

    private func listPage(_ importState: FormState, notice: String?, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        try await requireAdmin(context)
        let page = ProgrammeDefinitionsPage(definitions: try await programmes.definitions(), notice: notice, importState: importState)
        return await renderer.page("programme-definitions", title: "Gemensamma program", page.data, context: context, status: status)
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        try await listPage(FormState(), notice: request.uri.queryParameters["sparad"] != nil ? "Programmet är sparat." : nil, context: context)
    }

    @Sendable func importJSON(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let values = try await request.form()
        switch try await programmes.saveDefinition(json: values["json"] ?? "", by: try context.origin()) {
        case .ok: return Renderer.redirect(SiteURL.programmeDefinitions.path + "?sparad=1")
        case .invalid(let errors): return try await listPage(FormState(values: values, errors: errors), notice: nil, context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    // MARK: The form

    private func form(_ state: FormState, editing key: String?, json: String? = nil, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let page = ProgrammeDefinitionPage(editing: key, state: state, meetingTypes: try await programmes.programmeMeetingTypes(), json: json)
        return await renderer.page("programme-definition", title: page.title, page.data, context: context, status: status)
    }

    /// A blank programme, or (`?fran=key`) a copy of one to start from, under a new key.
    @Sendable func newForm(_ request: Request, context: AppContext) async throws -> Response {
        try await requireAdmin(context)
        var input = ProgrammeDefinitionInput()
        if let from = request.uri.queryParameters["fran"].map(String.init), let source = try await programmes.definition(key: from) {
            input = ProgrammeDefinitionInput(source)
            input.key = ""
            input.name = ""
        }
        return try await form(FormState(values: ProgrammeDefinitionForm.values(input)), editing: nil, context: context)
    }

    @Sendable func editForm(_ request: Request, context: AppContext) async throws -> Response {
        try await requireAdmin(context)
        guard let definition = try await programmes.definition(key: context.parameters.get("key") ?? "") else { throw HTTPError(.notFound) }
        return try await form(FormState(values: ProgrammeDefinitionForm.values(ProgrammeDefinitionInput(definition))), editing: definition.key,
                              json: ProgrammeDefinitionRules.encode(definition), context: context)
    }

    /// "Lägg till rad" draws the form again with one more row and saves nothing; "Spara
    /// programmet" saves the whole definition or nothing, with the messages by their fields.
    private func save(_ request: Request, context: AppContext, key: String?) async throws -> Response {
        var request = request
        let values = try await request.form()
        if let section = values["add_row"] {
            try await requireAdmin(context)
            guard let more = ProgrammeDefinitionForm.addingRow(to: section, values) else { throw HTTPError(.badRequest) }
            return try await form(FormState(values: more), editing: key, context: context)
        }
        switch try await programmes.saveDefinition(ProgrammeDefinitionForm.input(values), originalKey: key, by: try context.origin()) {
        case .ok: return Renderer.redirect(SiteURL.programmeDefinitions.path + "?sparad=1")
        case .invalid(let errors): return try await form(FormState(values: values, errors: errors), editing: key, context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    @Sendable func create(_ request: Request, context: AppContext) async throws -> Response {
        try await save(request, context: context, key: nil)
    }

    @Sendable func update(_ request: Request, context: AppContext) async throws -> Response {
        try await requireAdmin(context)
        guard let definition = try await programmes.definition(key: context.parameters.get("key") ?? "") else { throw HTTPError(.notFound) }
        return try await save(request, context: context, key: definition.key)
    }
}
