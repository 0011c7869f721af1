import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// The meeting page's preparation steps (each marked done with a button) and its talks with
/// the child before and after the meeting. A refused or failed step re-shows the page with
/// the message by the field and everything typed kept.
extension MeetingsController {
    static func preparationData(_ page: MeetingPage, errors: FieldErrors) -> [String: Any] {
        let m = page.meeting
        let open = m.closedAt == nil
        let steps = m.type.preparation.enumerated().map { index, text -> [String: Any] in
            let number = index + 1
            let done = page.preparationDone.first { $0.step == number }
            return ["number": number, "text": text,
                    "done": done.map { ["at": Stockholm.format($0.doneAt), "by": $0.doneBy.name] as [String: Any] } ?? false,
                    "canMark": done == nil && open, "error": errors["preparation_\(number)"] ?? false,
                    "action": SiteURL.meetingPreparationDone(.value(m.id), step: .value(number)).path]
        }
        return ["hasPreparation": !steps.isEmpty, "preparation": steps,
                "preparationLeft": steps.count - page.preparationDone.count]
    }

    static func childTalkData(_ page: MeetingPage, values: [String: String]) -> [String: Any] {
        let names = Dictionary(page.children.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let several = page.children.count > 1
        let talks = page.childTalks.map { t -> [String: Any] in
            ["timing": t.talk.timing.label, "on": t.talk.talkedOn.iso, "by": t.talk.talkedBy, "view": t.talk.childView,
             "child": several ? names[t.talk.childID] ?? "" : false, "recordedBy": t.recordedBy.name, "recordedAt": Stockholm.format(t.recordedAt)]
        }
        return [
            "talkWithChild": page.meeting.type.staffTalkWithChild,
            "aboutChildren": !page.children.isEmpty, "hasTalks": !talks.isEmpty, "talks": talks,
            "severalChildren": several,
            "talkChildren": page.children.map { ["value": String($0.id), "label": $0.name, "selected": values["talk_child"] == String($0.id)] as [String: Any] },
            "talkTimings": ChildTalkTiming.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": values["talk_timing"] == $0.rawValue] as [String: Any] },
            "talkAction": SiteURL.meetingChildTalks(.value(page.meeting.id)).path,
        ]
    }

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
