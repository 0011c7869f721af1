import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// The investigation page and its steps; the school's statement.
struct InvestigationsController {
    let renderer: Renderer
    let investigations: InvestigationService
    let meetings: MeetingContextService
    let clock: any TimeSource

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/utredningar/:id", use: show)
        group.post("/utredningar/:id/:step", use: step)
        group.get("/utlatanden", use: statements)
        group.post("/utlatanden/:id/atersant", use: returnStatement)
    }

    private func id(_ context: AppContext) throws -> RecordID {
        guard let id = context.parameters.get("id", as: RecordID.self) else { throw HTTPError(.notFound) }
        return id
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        try await page(try id(context), request: request, context: context)
    }

    private func page(_ id: RecordID, request: Request, context: AppContext, state: FormState = FormState(), status: HTTPResponse.Status = .ok) async throws -> Response {
        let now = clock.now()
        guard case .ok(let view) = try await investigations.view(id: id, by: try context.origin()) else { throw HTTPError(.notFound) }
        let i = view.investigation
        let s = i.state
        let today = Stockholm.date(of: now).iso
        var data = state.data
        var values = state.values
        for key in ["decision_date", "start"] where values[key] == nil { values[key] = today }
        data["values"] = values
        data["id"] = i.id
        data["childID"] = i.childID
        data["child"] = i.childName
        data["childNumber"] = i.childNumber?.formatted ?? ""
        data["unit"] = i.unitName
        data["officer"] = i.caseOfficerName
        data["opened"] = Stockholm.format(s.openedAt)
        data["clock"] = ConcernViews.clock(s.clock, now: now)
        data["extensions"] = s.clock.extensions.map { ["from": Stockholm.date(of: $0.previousDue.addingTimeInterval(-1)).iso, "to": Stockholm.date(of: $0.newDue.addingTimeInterval(-1)).iso, "reason": $0.reason] }
        data["open"] = s.isOpen
        let booked = try await meetings.meetings(MeetingContext(.investigation, id))
        data["meetings"] = ContextMeetingRows.rows(booked)
        data["hasMeetings"] = !booked.isEmpty
        data["outcome"] = s.outcome?.label ?? false
        data["closed"] = s.closedAt.map(Stockholm.format) ?? false
        let inForce = view.consents.filter { $0.status(at: now).isInForce }
        let outcomeToSchool = i.childSchoolUnitID.map { ConsentAccess.unitMayReceive(.outcome, unitID: $0, consents: view.consents, at: now) } ?? false
        data["consent"] = inForce.isEmpty
            ? "Inget samtycke i kraft: skolan får bara veta att utredningen avslutas."
            : "\(inForce.count) samtycke\(inForce.count == 1 ? "" : "n") i kraft. " + (outcomeToSchool ? "Skolan får veta utfallet när utredningen avslutas." : "Skolan får inte veta utfallet, bara att utredningen avslutas.")
        data["school"] = i.childSchoolName ?? false
        data["statementRequested"] = s.statementRequestedAt.map(Stockholm.format) ?? false
        data["statementReturned"] = s.statementReturnedAt.map { "\(Stockholm.format($0)) av \(i.statementReturnedBy ?? "")" } ?? false
        data["jointMeeting"] = s.jointBBICMeetingPlanned
        data["canPlanJointMeeting"] = s.isOpen && !s.jointBBICMeetingPlanned
        data["canRequestStatement"] = s.isOpen && s.statementRequestedAt == nil && i.childSchoolUnitID != nil
        data["references"] = view.referenceConversations.map {
            ["with": $0.conversation.withName + ($0.conversation.withRole.map { ", \($0)" } ?? ""), "on": $0.conversation.heldOn.iso, "note": $0.conversation.note, "by": $0.recordedByName] as [String: Any]
        }
        data["hasReferences"] = !view.referenceConversations.isEmpty
        data["hasExtensions"] = !s.clock.extensions.isEmpty
        if values["ref_held_on"] == nil { values["ref_held_on"] = today; data["values"] = values }
        data["interventionKinds"] = ConcernViews.options(InterventionKind.self, selected: values["kind"] ?? "") { $0.label }
        data["interventions"] = view.interventions.map { ["kind": $0.kind.label, "start": $0.start.iso, "end": $0.end?.iso ?? "tills vidare", "responsible": $0.responsible, "by": $0.decidedByName, "schoolTask": $0.schoolTask ?? false] as [String: Any] }
        data["canAddIntervention"] = s.isOpen || s.outcome == .withIntervention
        data["outcomes"] = ConcernViews.options(InvestigationOutcome.self, selected: values["outcome"] ?? "") { $0.label }
        data["canFollowUp"] = !s.isOpen && s.followUpUntil == nil
        data["followUp"] = s.followUpUntil?.iso ?? false
        data["latestFollowUp"] = s.latestFollowUpDay?.iso ?? ""
        data["decisions"] = view.decisions.map(ConcernViews.decision)
        data["reports"] = view.reports.map { ConcernViews.reportRow($0, now: now) }
        data["reason"] = view.reason.text
        data["stepError"] = state.errors["step"] ?? false
        data["lawInvestigation"] = LegalReference.investigationTime.current
        data["lawFollowUp"] = LegalReference.followUp.current
        data["notice"] = request.uri.queryParameters["sparad"] != nil ? "Sparat." : false
        return await renderer.page("investigation", title: "Utredning \(i.childName)", data, context: context, status: status)
    }

    @Sendable func step(_ request: Request, context: AppContext) async throws -> Response {
        let id = try id(context)
        let origin = try context.origin()
        var request = request
        let form = try await request.form()
        let f = { (key: String) in form[key] ?? "" }
        let outcome: Outcome<Void>
        switch context.parameters.get("step") ?? "" {
        case "forlang": outcome = try await investigations.extend(id: id, to: f("new_due"), date: f("decision_date"), reasons: f("reasons"), by: origin)
        case "bbic-mote": outcome = try await investigations.planJointBBICMeeting(id: id, by: origin)
        case "utlatande": outcome = try await investigations.requestStatement(id: id, by: origin)
        case "insats": outcome = try await investigations.addIntervention(id: id, kind: f("kind"), start: f("start"), end: f("end"), responsible: f("responsible"), schoolTask: f("school_task"),
                                                                          date: f("decision_date"), reasons: f("reasons"), by: origin)
        case "referenssamtal":
            outcome = try await investigations.recordReferenceConversation(id: id, ReferenceConversationInput(withName: f("ref_with"), withRole: f("ref_role"), heldOn: f("ref_held_on"), note: f("ref_note")), by: origin)
        case "flytt-hem": outcome = try await investigations.recordMovingHome(id: id, date: f("moving_date"), by: origin)
        case "avsluta": outcome = try await investigations.close(id: id, outcome: f("outcome"), date: f("decision_date"), reasons: f("reasons"), by: origin)
        case "uppfoljning": outcome = try await investigations.startFollowUp(id: id, until: f("until"), date: f("decision_date"), reasons: f("reasons"), by: origin)
        default: throw HTTPError(.notFound)
        }
        switch outcome {
        case .ok: return Renderer.redirect("/utredningar/\(id)?sparad=1")
        case .invalid(let errors):
            var values = form
            values["form"] = context.parameters.get("step") ?? ""
            return try await page(id, request: request, context: context, state: FormState(values: values, errors: errors), status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    @Sendable func statements(_ request: Request, context: AppContext) async throws -> Response {
        let rows = try await investigations.statementRequests(by: try context.origin())
        return await renderer.page("statements", title: "Begärda utlåtanden", [
            "rows": rows.map { ["id": $0.id, "child": $0.childName, "officer": $0.caseOfficerName, "unit": $0.unitName,
                                "requested": $0.state.statementRequestedAt.map(Stockholm.format) ?? ""] },
            "none": rows.isEmpty, "notice": request.uri.queryParameters["atersant"] != nil ? "Utlåtandet är registrerat som återsänt." : false,
        ], context: context)
    }

    @Sendable func returnStatement(_ request: Request, context: AppContext) async throws -> Response {
        switch try await investigations.returnStatement(id: try id(context), by: try context.origin()) {
        case .ok: return Renderer.redirect("/utlatanden?atersant=1")
        case .invalid(let errors): return await renderer.page("error", title: "Det gick inte", ["message": errors["step"] ?? ""], context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }
}
