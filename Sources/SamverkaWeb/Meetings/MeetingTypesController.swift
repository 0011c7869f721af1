import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// Meeting types as data (issue 5): an administrator changes a shipped type or adds the
/// municipality's own, without code. Meetings keep the type as it was when booked.
struct MeetingTypesController {
    let renderer: Renderer
    let door: EntryDoor
    let collaboration: CollaborationService

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/admin/motestyper", use: list)
        group.get("/admin/motestyper/ny", use: newForm)
        group.post("/admin/motestyper/ny", use: create)
        group.get("/admin/motestyper/:key", use: editForm)
        group.post("/admin/motestyper/:key", use: update)
    }

    private func requireAdmin(_ context: AppContext) async throws {
        try await door.require(.manageOrganisation, type: .meetingType, context)
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        try await requireAdmin(context)
        let types = try await collaboration.meetingTypes()
        return await renderer.page("meeting-types", title: "Mötestyper", [
            "types": types.map { ["key": $0.key, "name": $0.name, "items": $0.agenda.count, "source": $0.source ?? ""] as [String: Any] },
            "notice": request.uri.queryParameters["sparad"] != nil ? "Mötestypen är sparad." : false,
        ], context: context)
    }

    static func values(_ input: MeetingTypeInput) -> [String: String] {
        var v = ["key": input.key, "name": input.name, "purpose": input.purpose, "source": input.source,
                 "agenda": input.agenda.joined(separator: "\n"), "preparation": input.preparation.joined(separator: "\n"),
                 "chair_role": input.chairRole, "secretary_role": input.secretaryRole, "child_attendance": input.childAttendance,
                 "category": input.category]
        for role in input.invitedRoles { v["invite_\(role)"] = "1" }
        for purpose in input.consentPurposes { v["purpose_\(purpose)"] = "1" }
        for role in input.minutesRecipients { v["recipient_\(role)"] = "1" }
        for role in input.convenerRoles { v["convener_\(role)"] = "1" }
        for assignment in input.requiredAssignments { v["require_\(assignment)"] = "1" }
        if input.requiresConsent { v["requires_consent"] = "1" }
        if input.staffTalkWithChild { v["staff_talk_with_child"] = "1" }
        return v
    }

    static func input(_ v: [String: String]) -> MeetingTypeInput {
        func lines(_ key: String) -> [String] { (v[key] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        var input = MeetingTypeInput()
        input.key = v["key"] ?? ""
        input.name = v["name"] ?? ""
        input.category = v["category"] ?? ""
        input.purpose = v["purpose"] ?? ""
        input.source = v["source"] ?? ""
        input.agenda = lines("agenda")
        input.preparation = lines("preparation")
        input.invitedRoles = MeetingRole.allCases.map(\.rawValue).filter { v["invite_\($0)"] != nil }
        input.chairRole = v["chair_role"] ?? ""
        input.secretaryRole = v["secretary_role"] ?? ""
        input.childAttendance = v["child_attendance"] ?? ""
        input.requiresConsent = v["requires_consent"] != nil
        input.staffTalkWithChild = v["staff_talk_with_child"] != nil
        input.consentPurposes = ConsentPurposeKind.allCases.map(\.rawValue).filter { v["purpose_\($0)"] != nil }
        input.minutesRecipients = MeetingRole.allCases.map(\.rawValue).filter { v["recipient_\($0)"] != nil }
        input.convenerRoles = MeetingRole.allCases.map(\.rawValue).filter { v["convener_\($0)"] != nil }
        input.requiredAssignments = MeetingAssignment.allCases.map(\.rawValue).filter { v["require_\($0)"] != nil }
        return input
    }

    private func form(_ state: FormState, editing key: String?, context: AppContext, status: HTTPResponse.Status = .ok) async -> Response {
        var data = state.data
        let v = state.values
        data["editing"] = key ?? false
        data["action"] = key.map { "/admin/motestyper/\($0)" } ?? "/admin/motestyper/ny"
        data["invite"] = MeetingRole.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": v["invite_\($0.rawValue)"] != nil] as [String: Any] }
        data["recipients"] = MeetingRole.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": v["recipient_\($0.rawValue)"] != nil] as [String: Any] }
        data["conveners"] = MeetingRole.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": v["convener_\($0.rawValue)"] != nil] as [String: Any] }
        data["requiredAssignments"] = MeetingAssignment.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": v["require_\($0.rawValue)"] != nil] as [String: Any] }
        data["chairRoles"] = MeetingRole.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": v["chair_role"] == $0.rawValue] as [String: Any] }
        data["secretaryRoles"] = MeetingRole.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": v["secretary_role"] == $0.rawValue] as [String: Any] }
        data["categories"] = MeetingCategory.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": (v["category"] ?? MeetingCategory.other.rawValue) == $0.rawValue] as [String: Any] }
        data["attendanceRules"] = ChildAttendanceRule.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": v["child_attendance"] == $0.rawValue] as [String: Any] }
        data["purposes"] = ConsentPurposeKind.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": v["purpose_\($0.rawValue)"] != nil] as [String: Any] }
        return await renderer.page("meeting-type", title: key == nil ? "Ny mötestyp" : "Ändra mötestyp", data, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: AppContext) async throws -> Response {
        try await requireAdmin(context)
        var blank = MeetingTypeInput()
        blank.childAttendance = ChildAttendanceRule.invited.rawValue
        return await form(FormState(values: Self.values(blank)), editing: nil, context: context)
    }

    @Sendable func editForm(_ request: Request, context: AppContext) async throws -> Response {
        try await requireAdmin(context)
        let key = context.parameters.get("key") ?? ""
        guard let type = try await collaboration.meetingTypes().first(where: { $0.key == key }) else { throw HTTPError(.notFound) }
        return await form(FormState(values: Self.values(MeetingTypeInput(type))), editing: key, context: context)
    }

    private func save(_ request: Request, context: AppContext, key: String?) async throws -> Response {
        var request = request
        let values = try await request.form()
        switch try await collaboration.saveMeetingType(Self.input(values), originalKey: key, by: try context.origin()) {
        case .ok: return Renderer.redirect("/admin/motestyper?sparad=1")
        case .invalid(let errors): return await form(FormState(values: values, errors: errors), editing: key, context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.forbidden)
        }
    }

    @Sendable func create(_ request: Request, context: AppContext) async throws -> Response {
        try await save(request, context: context, key: nil)
    }

    @Sendable func update(_ request: Request, context: AppContext) async throws -> Response {
        let key = context.parameters.get("key") ?? ""
        guard try await collaboration.meetingTypes().contains(where: { $0.key == key }) else { throw HTTPError(.notFound) }
        return try await save(request, context: context, key: key)
    }
}
