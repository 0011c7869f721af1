import Foundation
import SamverkaCore
import SamverkaStore

/// The meeting page (`/moten/{id}`): the meeting and its participants, the type's
/// preparation steps, the talks with the child, the minutes form (as many decision and
/// action rows as needed) or the minutes, and the record of sending them. What the forms
/// typed stays (`minutesState`, `dispatchState`).
struct MeetingPageModel {
    let page: MeetingPage
    let minutesState: FormState
    let dispatchState: FormState
    let notice: String?
    /// The reader: the case's owner may close the case with the minutes.
    let viewerStaffID: RecordID
    let today: SimpleDate

    /// The confirmation a redirect back to the page asks for.
    static func notice(_ query: (String) -> Bool) -> String? {
        if query("bokat") { return "Mötet är bokat. Skicka kallelser till deltagarna." }
        if query("avslutat") { return "Minnesanteckningarna är sparade och nästa möte är bokat." }
        if query("skickat") { return "Utskicket är registrerat." }
        if query("forberett") { return "Förberedelsen är markerad som gjord." }
        if query("samtal") { return "Samtalet med barnet är antecknat." }
        return nil
    }

    var title: String { "\(page.meeting.type.name) \(page.meeting.schedule.date.iso)" }

    var data: [String: Any] {
        var data = minutesState.data
        for part in [meeting, preparation, childTalks, minutesForm, minutes, dispatches] { data.merge(part) { _, new in new } }
        return data
    }

    /// The meeting itself and who is invited.
    private var meeting: [String: Any] {
        let m = page.meeting
        let values = minutesState.values
        return [
            "id": m.id, "contextLink": SiteURL.context(m.context).path, "contextLabel": m.context.kind.label,
            "child": page.childName ?? "", "type": m.type.name, "purpose": m.type.purpose,
            "when": m.schedule.whenText, "where": m.schedule.whereText, "videoLink": m.schedule.videoLink ?? false,
            "notice": notice ?? false, "closed": m.closedAt != nil,
            "isOwner": page.record.map { $0.value.owner.id == viewerStaffID && $0.value.isOpen } ?? false,
            "bookingNotes": m.closedAt == nil ? m.bookingNotes : [],
            "participants": m.participants.enumerated().map { index, p -> [String: Any] in
                let chosen = values["attendance_\(index + 1)"] ?? ""
                return ["n": index, "number": index + 1, "error": minutesState.errors["attendance_\(index + 1)"] ?? false, "name": p.person.name,
                        "role": p.person.roleLabel, "attendance": p.attendance.label, "assignment": p.assignmentLabel,
                        "options": Attendance.allCases.filter { $0 != .invited }.map { ["value": $0.rawValue, "label": $0.label, "selected": $0.rawValue == chosen] }]
            },
            "forumAgenda": page.forumAgenda.map { i -> [String: Any] in
                ["title": i.title, "text": i.text, "child": i.childName ?? false, "by": i.addedByName]
            },
            "hasForumAgenda": !page.forumAgenda.isEmpty,
            "nextMeeting": page.nextMeeting.map { ["id": $0.id, "when": $0.schedule.whenText] as [String: Any] } ?? false,
            "today": today.iso,
            // The directory of help, to give the family from the minutes (issue 19 point 6).
            "directoryLink": SiteURL.helpDirectory.path,
        ]
    }

    /// The type's preparation steps, each marked done (who, when) with a button.
    private var preparation: [String: Any] {
        let m = page.meeting
        let open = m.closedAt == nil
        let steps = m.type.preparation.enumerated().map { index, text -> [String: Any] in
            let number = index + 1
            let done = page.preparationDone.first { $0.step == number }
            return ["number": number, "text": text,
                    "done": done.map { ["at": Stockholm.format($0.doneAt), "by": $0.doneBy.name] as [String: Any] } ?? false,
                    "canMark": done == nil && open, "error": minutesState.errors["preparation_\(number)"] ?? false,
                    "action": SiteURL.meetingPreparationDone(.value(m.id), step: .value(number)).path]
        }
        return ["hasPreparation": !steps.isEmpty, "preparation": steps, "preparationLeft": steps.count - page.preparationDone.count]
    }

    /// The talks with the child before and after the meeting.
    private var childTalks: [String: Any] {
        let values = minutesState.values
        let names = Dictionary(page.children.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let several = page.children.count > 1
        let talks = page.childTalks.map { t -> [String: Any] in
            ["timing": t.talk.timing.label, "on": t.talk.talkedOn.iso, "by": t.talk.talkedBy, "view": t.talk.childView,
             "child": several ? names[t.talk.childID] ?? "" : false, "recordedBy": t.recordedBy.name, "recordedAt": Stockholm.format(t.recordedAt)]
        }
        return [
            "talkWithChild": page.meeting.type.staffTalkWithChild,
            "aboutChildren": !page.children.isEmpty, "hasTalks": !talks.isEmpty, "talks": talks, "severalChildren": several,
            "talkChildren": page.children.map { ["value": String($0.id), "label": $0.name, "selected": values["talk_child"] == String($0.id)] as [String: Any] },
            "talkTimings": ChildTalkTiming.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": values["talk_timing"] == $0.rawValue] as [String: Any] },
            "talkAction": SiteURL.meetingChildTalks(.value(page.meeting.id)).path,
        ]
    }

    /// The minutes form: the agenda, decisions and actions (rows grow on "Lägg till en rad"),
    /// the follow-up of earlier actions, and the BBIC needs.
    private var minutesForm: [String: Any] {
        let m = page.meeting
        let values = minutesState.values
        let errors = minutesState.errors
        let decisionRows = MinutesFormRows.count(values, prefix: "decision", least: MeetingsController.decisionRows, adding: values["action"] == "add-decision")
        let actionRows = MinutesFormRows.count(values, prefix: "action", least: MeetingsController.actionRows, adding: values["action"] == "add-action")
        let responsible = m.participants.enumerated().map { ($0.offset, $0.element.person.name) }
        return [
            "closeCaseChecked": values["close_case"] != nil,
            "onDecision": m.type.childAttendance == .onDecision && !m.childAttendanceDecided,
            "agenda": m.type.agenda.enumerated().map { index, item in
                ["number": index + 1, "item": item, "value": values["agenda_\(index + 1)"] ?? "", "error": errors["agenda_\(index + 1)"] ?? false] as [String: Any]
            },
            "decisionRows": decisionRows, "actionRows": actionRows,
            "decisions": (1...decisionRows).map { ["number": $0, "value": values["decision_\($0)"] ?? "", "error": errors["decision_\($0)"] ?? false] as [String: Any] },
            "actions": (1...actionRows).map { n -> [String: Any] in
                let chosen = values["action_\(n)_responsible"] ?? ""
                return ["number": n, "what": values["action_\(n)_what"] ?? "", "due": values["action_\(n)_due_on"] ?? "",
                        "whatError": errors["action_\(n)_what"] ?? false, "responsibleError": errors["action_\(n)_responsible"] ?? false,
                        "dueError": errors["action_\(n)_due_on"] ?? false,
                        "people": responsible.map { ["value": String($0.0), "label": $0.1, "selected": String($0.0) == chosen] as [String: Any] }]
            },
            "followUps": page.openActions.compactMap { a -> [String: Any]? in
                guard let id = a.id else { return nil }
                let chosen = values["follow_up_\(id)"] ?? ""
                return ["id": id, "what": a.what, "responsible": a.responsible.name, "due": a.dueOn.iso, "note": values["follow_up_\(id)_note"] ?? "",
                        "error": errors["follow_up_\(id)"] ?? errors["follow_up_\(id)_note"] ?? false,
                        "options": ActionFollowUpStatus.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0.rawValue == chosen] }]
            },
            "hasFollowUps": !page.openActions.isEmpty,
            "bbic": BBICSide.allCases.map { side -> [String: Any] in
                ["side": side.label, "areas": BBICEdition.standard.areas(on: side).map { ["key": $0.key, "title": $0.title, "value": values["needs_\($0.key)"] ?? ""] as [String: Any] }]
            },
        ]
    }

    /// The minutes, once recorded.
    private var minutes: [String: Any] {
        guard let minutes = page.meeting.minutes else { return ["minutes": false] }
        return ["minutes": [
            "chair": minutes.chair, "secretary": minutes.secretary,
            "agenda": minutes.agenda.map { ["item": $0.item, "text": $0.text] },
            "childView": minutes.childVoice?.view ?? false, "childReason": minutes.childVoice?.notObtainedReason ?? false,
            "childAttended": minutes.childVoice?.attended == true ? "Ja" : "Nej",
            "decisions": minutes.decisions, "hasDecisions": !minutes.decisions.isEmpty,
            "actions": minutes.actions.map { ["what": $0.what, "who": $0.responsible.name, "due": $0.dueOn.iso] },
            "next": minutes.nextMeeting.text,
        ] as [String: Any]]
    }

    /// Who the minutes were sent to, and the form to record another sending.
    private var dispatches: [String: Any] {
        [
            "dispatches": page.dispatches.map { ["to": $0.recipientName, "how": $0.channel.label, "at": Stockholm.format($0.sentAt), "by": $0.sentBy.name] },
            "notYetSent": page.notYetSent.map(\.name).joined(separator: ", "),
            "channels": DispatchChannel.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": dispatchState.values["channel"] == $0.rawValue] as [String: Any] },
            "dispatch": dispatchState.data,
        ]
    }
}
