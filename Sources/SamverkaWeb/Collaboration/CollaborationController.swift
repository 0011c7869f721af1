import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// Collaboration cases (issue 5): opening, the case page with its timeline and clocks,
/// handover and closure by the process owner.
struct CollaborationController {
    let renderer: Renderer
    let collaboration: CollaborationService
    let registry: RegistryService
    let clock: any TimeSource

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/samverkan", use: list)
        group.get("/barn/:id/samverkan/nytt", use: newForm)
        group.post("/barn/:id/samverkan/nytt", use: create)
        group.get("/samverkan/:id", use: show)
        group.post("/samverkan/:id/overlamna", use: handOver)
        group.post("/samverkan/:id/avsluta", use: close)
    }

    private func id(_ context: AppContext) throws -> RecordID {
        guard let id = context.parameters.get("id", as: RecordID.self) else { throw HTTPError(.notFound) }
        return id
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        let cases = try await collaboration.myCases(by: try context.origin())
        let actor = try context.origin().actor
        return await renderer.page("collaboration-cases", title: "Samverkansärenden", [
            "cases": cases.map { c -> [String: Any] in
                ["id": c.id, "child": c.childName, "reason": c.value.reason, "owner": c.value.owner.name, "knownOn": c.value.knownOn.iso,
                 "mine": c.value.owner.id == actor.staffID, "closed": c.value.closure.map { "Avslutat \($0.closedOn.iso)" } ?? false]
            },
            "none": cases.isEmpty,
        ], context: context)
    }

    private func form(childID: RecordID, state: FormState, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard case .ok(let view) = try await registry.view(childID: childID, by: try context.origin()) else { throw HTTPError(.notFound) }
        var data = state.data
        data["id"] = childID
        data["child"] = view.child.fullName
        data["siblings"] = view.siblings.map { ["id": $0.id, "name": $0.fullName, "checked": state.values["sibling_\($0.id)"] != nil] as [String: Any] }
        data["hasSiblings"] = !view.siblings.isEmpty
        data["responsibilitiesLink"] = SiteURL.responsibilities(routine: .collaborationMeeting)
        return await renderer.page("collaboration-new", title: "Nytt samverkansärende", data, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: AppContext) async throws -> Response {
        try await form(childID: try id(context), state: FormState(values: ["known_on": Stockholm.date(of: clock.now()).iso]), context: context)
    }

    @Sendable func create(_ request: Request, context: AppContext) async throws -> Response {
        let childID = try id(context)
        var request = request
        let values = try await request.form()
        var input = CollaborationCaseInput()
        input.reason = values["reason"] ?? ""
        input.knownOn = values["known_on"] ?? ""
        input.siblingIDs = values.keys.filter { $0.hasPrefix("sibling_") }.compactMap { RecordID($0.dropFirst("sibling_".count)) }
        switch try await collaboration.openCase(childID: childID, input, by: try context.origin()) {
        case .ok(let caseID): return Renderer.redirect("/samverkan/\(caseID)?ny=1")
        case .invalid(let errors): return try await form(childID: childID, state: FormState(values: values, errors: errors), context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    static func clockRow(_ clock: CollaborationClock, today: SimpleDate) -> [String: Any] {
        let state = clock.state(on: today)
        return ["label": clock.kind.label, "state": state.rawValue, "stateLabel": state.label, "due": clock.dueOn.iso, "source": clock.kind.source,
                "held": clock.heldOn?.iso ?? false]
    }

    private func page(_ caseID: RecordID, request: Request, context: AppContext, handover: FormState = FormState(), closing: FormState = FormState(), status: HTTPResponse.Status = .ok) async throws -> Response {
        let origin = try context.origin()
        guard case .ok(let page) = try await collaboration.casePage(caseID: caseID, by: origin) else { throw HTTPError(.notFound) }
        let today = Stockholm.date(of: clock.now())
        let c = page.record.value
        var notice: String?
        let q = request.uri.queryParameters
        if q["ny"] != nil { notice = "Samverkansärendet är öppnat. Du är processbärare." }
        if q["overlamnat"] != nil { notice = "Ärendet är överlämnat." }
        if q["avslutat"] != nil { notice = "Ärendet är avslutat." }
        var closingValues = closing
        if closingValues.values["closed_on"] == nil { closingValues.values["closed_on"] = today.iso }
        let staff = try await collaboration.staffChoices().filter { $0.id != c.owner.id }
        return await renderer.page("collaboration-case", title: "Samverkansärende \(page.record.childName)", [
            "id": caseID, "childID": c.childID, "child": page.record.childName, "number": page.record.childIdentityNumber?.formatted ?? "",
            "reason": c.reason, "knownOn": c.knownOn.iso, "owner": c.owner.name, "openedBy": c.openedBy.name, "notice": notice ?? false,
            "open": c.isOpen, "closure": c.closure.map { ["on": $0.closedOn.iso, "note": $0.note] as [String: Any] } ?? false,
            "clocks": page.clocks.map { Self.clockRow($0, today: today) },
            "meetings": page.meetings.map { m -> [String: Any] in
                ["id": m.id, "type": m.type.name, "when": m.schedule.whenText, "where": m.schedule.whereText, "held": m.closedAt != nil]
            },
            "hasMeetings": !page.meetings.isEmpty,
            // The case's participants: those called to its latest meeting.
            "participants": (page.meetings.last?.participants ?? []).map { ["name": $0.person.name, "role": $0.person.roleLabel] },
            "timeline": page.timeline.entries.map { ["date": $0.date.iso, "kind": $0.kind.label, "title": $0.title, "detail": $0.detail ?? ""] },
            "due": page.timeline.due.map { ["date": $0.date.iso, "title": $0.title, "state": $0.state.rawValue, "stateLabel": $0.state.label] },
            "hasDue": !page.timeline.due.isEmpty,
            "consentsInForce": page.consents.filter { $0.facts.status(at: clock.now()).isInForce }.count, "mayViewConsents": page.mayViewConsents,
            "mayManage": page.mayManage && c.isOpen, "staff": staff.map { ["id": $0.id, "name": $0.name, "selected": handover.values["new_owner"] == String($0.id)] as [String: Any] },
            "handover": handover.data, "closing": closingValues.data,
            "handovers": c.handovers.map { ["at": Stockholm.format($0.at), "from": $0.from.name, "to": $0.to.name, "reason": $0.reason] },
        ], context: context, status: status)
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        try await page(try id(context), request: request, context: context)
    }

    @Sendable func handOver(_ request: Request, context: AppContext) async throws -> Response {
        let caseID = try id(context)
        var request = request
        let values = try await request.form()
        switch try await collaboration.handOver(caseID: caseID, toStaffID: RecordID(values["new_owner"] ?? ""), reason: values["handover_reason"] ?? "", by: try context.origin()) {
        case .ok: return Renderer.redirect("/samverkan/\(caseID)?overlamnat=1")
        case .invalid(let errors): return try await page(caseID, request: request, context: context, handover: FormState(values: values, errors: errors), status: .unprocessableContent)
        case .denied(let reason):
            // A case the person cannot see answers like a missing one (404), never 403.
            if reason == CollaborationService.notFound { throw HTTPError(.notFound) }
            throw AccessRefused(reason: reason)
        }
    }

    @Sendable func close(_ request: Request, context: AppContext) async throws -> Response {
        let caseID = try id(context)
        var request = request
        let values = try await request.form()
        switch try await collaboration.closeCase(caseID: caseID, closedOn: values["closed_on"] ?? "", note: values["closing_note"] ?? "", by: try context.origin()) {
        case .ok: return Renderer.redirect("/samverkan/\(caseID)?avslutat=1")
        case .invalid(let errors): return try await page(caseID, request: request, context: context, closing: FormState(values: values, errors: errors), status: .unprocessableContent)
        case .denied(let reason):
            // A case the person cannot see answers like a missing one (404), never 403.
            if reason == CollaborationService.notFound { throw HTTPError(.notFound) }
            throw AccessRefused(reason: reason)
        }
    }
}
