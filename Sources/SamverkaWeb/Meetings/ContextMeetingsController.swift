import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// Booking a meeting from a report (the joint report meeting) or an investigation (the
/// joint BBIC meeting), with the same form as a collaboration case's meetings. The meeting
/// page, minutes and documents are the shared ones at `/moten/{id}`.
struct ContextMeetingsController {
    let renderer: Renderer
    let meetings: MeetingContextService
    let collaboration: CollaborationService

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/anmalningar/:id/moten/nytt") { request, context in try await self.form(.report, request, context) }
        group.post("/anmalningar/:id/moten/nytt") { request, context in try await self.book(.report, request, context) }
        group.get("/utredningar/:id/moten/nytt") { request, context in try await self.form(.investigation, request, context) }
        group.post("/utredningar/:id/moten/nytt") { request, context in try await self.book(.investigation, request, context) }
    }

    private func meetingContext(_ kind: MeetingContextKind, _ context: AppContext) throws -> MeetingContext {
        guard let id = context.parameters.get("id", as: RecordID.self) else { throw HTTPError(.notFound) }
        return MeetingContext(kind, id)
    }

    private func page(_ target: MeetingContext, state: FormState, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let origin = try context.origin()
        guard case .ok(let choices) = try await meetings.bookingChoices(target, by: origin) else { throw HTTPError(.notFound) }
        var values = state.values
        let fresh = values.isEmpty
        if fresh, let place = choices.defaultPlace { values["place"] = place }
        let selectedType = values["type"] ?? choices.types.first?.key ?? ""
        var data = FormState(values: values, errors: state.errors).data
        data["child"] = choices.childName
        data["formAction"] = "\(SiteURL.context(target).path)/moten/nytt"
        data["back"] = SiteURL.context(target).path
        data["contextTitle"] = choices.title
        data["consentNeeded"] = choices.types.contains { $0.requiresConsent }
        data["types"] = choices.types.map { ["value": $0.key, "label": $0.name, "selected": $0.key == selectedType] as [String: Any] }
        data["typeInfo"] = choices.types.map { ["name": $0.name, "invited": $0.invitedRoles.map(\.label).joined(separator: ", "), "child": $0.childAttendance.label] as [String: Any] }
        data["family"] = choices.family.enumerated().map { index, p in
            ["key": "family_\(index)", "name": p.name, "role": p.roleLabel, "checked": values["family_\(index)"] != nil] as [String: Any]
        }
        // As on a case's form: one's own units' colleagues, whoever is chosen, and the rest
        // found by name, unit and role.
        let units = try await collaboration.unitNames()
        let query = values["staff_search"] ?? ""
        let own = origin.actor.childWorkUnitIDs
        var found = 0
        let listed = choices.staff.filter { p in
            if values["staff_\(p.staffID ?? 0)"] != nil || p.staffID == origin.actor.staffID || p.unitID.map(own.contains) == true { return true }
            guard found < StaffSearch.limit, StaffSearch.matches(query, name: p.name, unit: p.unitID.flatMap { units[$0] }, role: p.roleLabel) else { return false }
            found += 1
            return true
        }
        data["staff"] = listed.map { p in
            let key = "staff_\(p.staffID ?? 0)"
            let unit = p.unitID.flatMap { units[$0] }.map { ", \($0)" } ?? ""
            return ["key": key, "name": p.name, "role": p.roleLabel + unit, "checked": values[key] != nil || (fresh && p.staffID == origin.actor.staffID)] as [String: Any]
        }
        data["assignments"] = BookingAssignments.data(staff: listed, types: choices.types, values: values, errors: state.errors)
        data["searched"] = !StaffSearch.words(query).isEmpty
        data["found"] = found
        data["foundMax"] = found >= StaffSearch.limit
        data["consentsLink"] = "/barn/\(choices.childID)/samtycken"
        return await renderer.page("meeting-new", title: "Boka möte", data, context: context, status: status)
    }

    private func form(_ kind: MeetingContextKind, _ request: Request, _ context: AppContext) async throws -> Response {
        try await page(try meetingContext(kind, context), state: FormState(), context: context)
    }

    private func book(_ kind: MeetingContextKind, _ request: Request, _ context: AppContext) async throws -> Response {
        let target = try meetingContext(kind, context)
        let origin = try context.origin()
        var request = request
        let values = try await request.form()
        if values["action"] == "search" {
            return try await page(target, state: FormState(values: values), context: context)
        }
        guard case .ok(let choices) = try await meetings.bookingChoices(target, by: origin) else { throw HTTPError(.notFound) }
        let input = MeetingsController.bookingInput(values, family: choices.family, staff: choices.staff)
        switch try await meetings.book(target, typeKey: values["type"] ?? "", input, by: origin) {
        case .ok(let (meetingID, _)): return Renderer.redirect("/moten/\(meetingID)?bokat=1")
        case .invalid(let errors): return try await page(target, state: FormState(values: values, errors: errors), context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }
}
