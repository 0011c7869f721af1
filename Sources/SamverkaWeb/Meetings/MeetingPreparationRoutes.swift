import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// The meeting page's preparation steps (each marked done with a button) and its talks with
/// the child before and after the meeting (shown by `MeetingPageModel`). A refused or failed
/// step re-shows the page with the message by the field and everything typed kept.
extension MeetingsController {
    @Sendable func markPreparationDone(_ request: Request, context: AppContext) async throws -> Response {
        let meetingID = try id(context)
        guard let step = context.parameters.get("step", as: Int.self) else { throw HTTPError(.notFound) }
        switch try await collaboration.markPreparationDone(meetingID: meetingID, step: step, by: try context.origin()) {
        case .ok: return Renderer.redirect(SiteURL.meeting(.value(meetingID)).path + "?forberett=1")
        case .invalid(let errors): return try await page(meetingID, request: nil, context: context, minutesState: FormState(errors: errors), status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    @Sendable func recordChildTalk(_ request: Request, context: AppContext) async throws -> Response {
        let meetingID = try id(context)
        var request = request
        let values = try await request.form()
        var input = ChildTalkInput()
        input.timing = values["talk_timing"] ?? ""
        input.childID = values["talk_child"] ?? ""
        input.talkedBy = values["talk_by"] ?? ""
        input.talkedOn = values["talk_on"] ?? ""
        input.childView = values["talk_view"] ?? ""
        switch try await collaboration.recordChildTalk(meetingID: meetingID, input, by: try context.origin()) {
        case .ok: return Renderer.redirect(SiteURL.meeting(.value(meetingID)).path + "?samtal=1")
        case .invalid(let errors): return try await page(meetingID, request: nil, context: context, minutesState: FormState(values: values, errors: errors), status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }
}
