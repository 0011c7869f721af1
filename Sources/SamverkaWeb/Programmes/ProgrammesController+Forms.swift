import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// The family page's forms: one route, the form named in the path; each calls one service
/// function and answers with the page and a notice, or the page again with what was typed.
extension ProgrammesController {
    @Sendable func post(_ request: Request, context: AppContext) async throws -> Response {
        let id = try int("id", context)
        let form = context.parameters.get("form") ?? ""
        var request = request
        let values = try await request.form()
        let origin = try context.origin()
        let outcome: Outcome<Void>
        switch form {
        case "initiera":
            outcome = try await programmes.refer(id, principalID: RecordID(values["principal"] ?? ""), caseOfficerID: RecordID(values["case_officer"] ?? ""),
                                                 on: values["referred_on"] ?? "", by: origin)
        case "styrgrupp":
            guard let kind = ProgrammeDecisionKind(rawValue: values["kind"] ?? "") else {
                var errors = FieldErrors()
                errors.add("kind", "Välj vad styrgruppen beslutar.")
                outcome = .invalid(errors)
                break
            }
            outcome = try await programmes.decide(id, kind, ProgrammeForms.decision(values), by: origin)
        case "svar":
            let candidates = try await programmes.teamCandidates(enrolmentID: id)
            outcome = try await programmes.recordResponse(id, ProgrammeForms.response(values, candidates: candidates), by: origin)
        case "dokument", "plan":
            guard case .ok(let current) = try await programmes.page(id, by: origin) else { throw HTTPError(.notFound) }
            let people = current.record.enrolment.familyResponse?.consent?.team ?? []
            outcome = try await programmes.writeDocument(id, ProgrammeForms.document(values, people: people), by: origin).discardingValue
        case "forankra":
            guard let documentID = RecordID(values["document_id"] ?? "") else { throw HTTPError(.notFound) }
            let result = try await programmes.anchorDocument(id, documentID: documentID, on: values["anchored_on"] ?? "", with: values["anchored_with"] ?? "", by: origin)
            return try await answer(result, id: id, form: form, stateName: "forankra-\(documentID)", values: values, context: context)
        case "bevilja":
            outcome = try await programmes.grant(id, ProgrammeForms.decision(values), by: origin)
        case "anteckning":
            outcome = try await programmes.addNote(id, ProgrammeForms.note(values), by: origin).discardingValue
        case "atgard":
            guard let actionID = RecordID(values["action_id"] ?? "") else { throw HTTPError(.notFound) }
            outcome = try await programmes.markActionDone(id, actionID: actionID, by: origin)
        case "mote":
            guard case .ok(let current) = try await programmes.page(id, by: origin) else { throw HTTPError(.notFound) }
            let e = current.record.enrolment
            let (booking, attendance) = ProgrammeForms.booking(values, team: e.familyResponse?.consent?.team ?? [], children: e.children)
            switch try await programmes.bookFollowUp(id, booking, childAttendance: attendance, by: origin) {
            case .ok(let (meetingID, _)): return Renderer.redirect(SiteURL.meeting(.value(meetingID)).path + "?bokat=1")
            case .invalid(let errors): outcome = .invalid(errors)
            case .denied(let reason): outcome = .denied(reason)
            }
        case "avslut", "uppfoljning", "internt":
            guard case .ok(let current) = try await programmes.page(id, by: origin) else { throw HTTPError(.notFound) }
            let input = ProgrammeForms.closure(values, children: current.record.enrolment.children, outcomes: current.record.definition.outcomes)
            outcome = switch form {
            case "avslut": try await programmes.close(id, input, by: origin)
            case "internt": try await programmes.internalClosure(id, input, by: origin)
            default: try await programmes.followUp(id, input, by: origin)
            }
        case "aterkalla":
            outcome = try await programmes.withdrawConsent(id, by: origin)
        default:
            throw HTTPError(.notFound)
        }
        return try await answer(outcome, id: id, form: form, stateName: form, values: values, context: context)
    }

    private func answer(_ outcome: Outcome<Void>, id: RecordID, form: String, stateName: String, values: [String: String], context: AppContext) async throws -> Response {
        switch outcome {
        case .ok: return Renderer.redirect(SiteURL.programmeEnrolment(.value(id)).path + "?\(form)=1")
        case .invalid(let errors):
            return try await page(id, forms: ProgrammePageForms(posted: stateName, state: FormState(values: values, errors: errors)), context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }
}

extension Outcome {
    /// The outcome without its value (the form answers with the page either way).
    var discardingValue: Outcome<Void> {
        switch self {
        case .ok: .ok(())
        case .invalid(let errors): .invalid(errors)
        case .denied(let reason): .denied(reason)
        }
    }
}
