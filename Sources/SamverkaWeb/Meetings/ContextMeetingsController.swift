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
        // As on a case's form: one's own units' colleagues, whoever is chosen, and the rest
        // found by name, unit and role.
        let own = origin.actor.childWorkUnitIDs
        let listing = StaffListing(choices.staff, values: values, unitNames: try await collaboration.unitNames()) { p in
            p.staffID == origin.actor.staffID || p.unitID.map(own.contains) == true
        }
        let model = MeetingBookingPageModel(
            child: choices.childName, contextTitle: choices.title, formAction: "\(SiteURL.context(target).path)/moten/nytt", back: SiteURL.context(target).path,
            consentsLink: "/barn/\(choices.childID)/samtycken", consentNeeded: choices.types.contains { $0.requiresConsent },
            types: choices.types, defaultType: choices.types.first?.key ?? "", family: choices.family, listing: listing,
            preselectedStaffID: origin.actor.staffID, children: [], state: FormState(values: values, errors: state.errors), fresh: fresh)
        return await renderer.page("meeting-new", title: "Boka möte", model.data, context: context, status: status)
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
