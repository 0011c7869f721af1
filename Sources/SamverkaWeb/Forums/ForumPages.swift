import Foundation
import SamverkaCore
import SamverkaStore

/// The list of the person's forums.
struct ForumsPage {
    let forums: [Forum]

    var data: [String: Any] {
        ["forums": forums.map { f -> [String: Any] in
            ["name": f.name, "link": SiteURL.forum(.value(f.id)).path, "kind": f.kind.label, "covers": f.covers,
             "frequency": f.frequencyText ?? "–", "chairs": f.chairs.map(\.name).joined(separator: ", ")]
        }, "hasForums": !forums.isEmpty, "wheel": SiteURL.yearlyWheel.path]
    }
}

/// One forum: its routine, members, meetings with their agendas, and its shortfall.
struct ForumPageModel {
    let page: ForumPage
    let actor: Actor
    let notice: String?
    var referrals: [EHTReferral] = []
    var responsibilities: [Responsibility] = []

    var data: [String: Any] {
        let f = page.forum
        let facts = ForumAccessFacts(f)
        let mayAdd = AccessPolicy.allows(actor, .workInForum(facts))
        let routines = ResponsibilityRoutine.shown(with: f.kind)
        return [
            "isHealthTeam": EHTTeam.kinds.contains(f.kind), "referrals": referrals.map { EHTReferralRow(referral: $0).data }, "hasReferrals": !referrals.isEmpty,
            "routines": ResponsibilityRows.data(responsibilities, routines: routines), "hasRoutines": !routines.isEmpty && !responsibilities.isEmpty,
            "responsibilitiesLink": SiteURL.responsibilities.path,
            "name": f.name, "kind": f.kind.label, "covers": f.covers, "routine": f.routine, "frequency": f.frequencyText ?? false,
            "childItems": f.childItems.label, "notice": notice ?? false,
            "members": f.members.map { ["name": $0.name, "role": $0.role.label] },
            "shortfalls": page.shortfalls.map { s -> [String: String] in ["text": s.text, "due": s.deadline.dueLabel, "state": s.deadline.state(on: page.today).rawValue,
                                                 "stateLabel": s.deadline.state(on: page.today).label] },
            "mayBook": AccessPolicy.allows(actor, .bookForumMeeting(facts)), "bookLink": SiteURL.forumNewMeeting(.value(f.id)).path,
            "hasMeetings": !page.meetings.isEmpty,
            "meetings": page.meetings.reversed().map { m -> [String: Any] in
                let items = page.agenda[m.id] ?? []
                // The meeting page is its members' and invited ones': others see the date only.
                let opens = AccessPolicy.allows(actor, .viewMeeting(MeetingAccessFacts(context: .forum(facts), participantStaffIDs: Set(m.participants.compactMap(\.person.staffID)))))
                return ["when": m.schedule.whenText, "where": m.schedule.whereText, "link": opens ? SiteURL.meeting(.value(m.id)).path : false,
                        "status": m.closedAt == nil ? "Bokat" : "Hållet", "held": m.closedAt != nil,
                        "items": items.map { i -> [String: Any] in
                            ["title": i.title, "text": i.text, "child": i.childName ?? false,
                             "consents": i.consentIDs.isEmpty ? false : i.consentIDs.map(String.init).joined(separator: ", "),
                             "confirmed": i.identifyingConfirmed, "by": i.addedByName]
                        },
                        "hasItems": !items.isEmpty,
                        "addItem": mayAdd && m.closedAt == nil ? SiteURL.forumAgendaItem(.value(f.id), meeting: .value(m.id)).path : false]
            },
        ]
    }
}

/// The form for an agenda item.
struct ForumAgendaItemPage {
    let forum: Forum
    let meeting: MeetingRecord
    let state: FormState

    var data: [String: Any] {
        var d = state.data
        d["forum"] = forum.name
        d["when"] = meeting.schedule.whenText
        d["back"] = SiteURL.forum(.value(forum.id)).path
        d["action"] = SiteURL.forumAgendaItem(.value(forum.id), meeting: .value(meeting.id)).path
        d["childItems"] = forum.childItems.label
        d["mayNameChild"] = forum.childItems == .withConsent
        d["warned"] = state.errors["identifying_confirmed"] != nil
        return d
    }
}

/// The booking form of a forum meeting.
struct ForumMeetingFormPage {
    let choices: ForumBookingChoices
    let state: FormState

    var data: [String: Any] {
        var d = state.data
        let values = state.values
        let fresh = values.isEmpty
        d["forum"] = choices.forum.name
        d["type"] = choices.type.name
        d["agenda"] = choices.type.agenda
        d["back"] = SiteURL.forum(.value(choices.forum.id)).path
        d["action"] = SiteURL.forumNewMeeting(.value(choices.forum.id)).path
        d["members"] = choices.participants.map { p -> [String: Any] in
            let key = "staff_\(p.staffID ?? 0)"
            return ["key": key, "name": p.name, "checked": fresh || values[key] != nil]
        }
        d["assignments"] = BookingAssignments.data(staff: choices.participants, types: [choices.type], values: values, errors: state.errors)
            .filter { ($0["field"] as? String) == MeetingAssignment.chair.field || ($0["field"] as? String) == MeetingAssignment.secretary.field }
        return d
    }
}

/// The yearly wheel: the year's tasks by month, with who answers for them and their state.
struct YearlyWheelPage {
    let wheel: YearlyWheel
    let actor: Actor
    let errors: FieldErrors

    var data: [String: Any] {
        let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]
        return [
            "year": wheel.year, "previous": "\(SiteURL.yearlyWheel.path)?ar=\(wheel.year - 1)", "next": "\(SiteURL.yearlyWheel.path)?ar=\(wheel.year + 1)",
            "planLink": SiteURL.actionPlan(.value(wheel.year)).path, "nextPlanLink": SiteURL.actionPlan(.value(wheel.year + 1)).path, "nextYear": wheel.year + 1,
            "errors": errors.messages,
            "tasks": wheel.tasks.map { t -> [String: Any] in
                let done = wheel.done[t.key]
                let state = t.deadline(doneOn: done?.doneOn).state(on: wheel.today)
                let mine = AccessPolicy.allows(actor, .completeCycleTask(responsibleIDs: Set(t.responsible.map(\.staffID))))
                return ["month": months[t.kind.month - 1], "title": t.kind.title, "routine": t.kind.routine, "source": t.kind.source,
                        "due": t.dueOn.iso, "responsible": t.responsible.isEmpty ? "Ingen utsedd: lägg upp forumet med ordförande" : t.responsible.map(\.name).joined(separator: ", "),
                        "organiser": t.organiser?.name ?? false, "state": state.rawValue, "stateLabel": done == nil ? state.label : "Klar",
                        "done": done.map { "Klar \($0.doneOn.iso), \($0.doneByName)\($0.note.map { ": \($0)" } ?? "")" } ?? false,
                        "doneAction": done == nil && mine ? SiteURL.yearlyTaskDone(year: .value(t.year), kind: .value(t.kind.rawValue)).path : false,
                        "field": "note_\(t.kind.rawValue)"]
            },
        ]
    }
}

/// The year's action plan: goals with the LSGs' activities, the follow-up and the summary.
struct ActionPlanPageModel {
    let page: ForumService.ActionPlanPage
    let state: FormState
    let posted: String?

    var data: [String: Any] {
        let plan = page.plan
        let groups = Dictionary(uniqueKeysWithValues: page.localGroups.map { ($0.id, $0) })
        var d = state.data
        d["year"] = plan.year
        d["posted"] = posted ?? ""
        d["wheel"] = "\(SiteURL.yearlyWheel.path)?ar=\(plan.year)"
        d["pdfLink"] = SiteURL.actionPlanPDF(.value(plan.year)).path
        func form(_ name: String) -> String { SiteURL.actionPlanForm(.value(plan.year), form: .value(name)).path }
        d["goalAction"] = form("mal")
        d["activityAction"] = form("aktivitet")
        d["followUpAction"] = form("uppfoljning")
        d["summaryAction"] = form("summering")
        d["mayKeepGoals"] = page.mayKeepGoals
        d["followUp"] = plan.followUp ?? false
        d["summary"] = plan.summary ?? false
        d["hasGoals"] = !plan.goals.isEmpty
        d["goals"] = plan.goals.enumerated().map { index, goal -> [String: Any] in
            let activities = plan.activities(of: goal.id)
            return ["number": index + 1, "text": goal.text, "hasActivities": !activities.isEmpty,
                    "activities": activities.map { a -> [String: Any] in
                        ["what": a.what, "group": groups[a.forumID]?.name ?? "", "responsible": a.responsibleName, "status": a.status.label, "note": a.note ?? false, "noteValue": a.note ?? "",
                         "statusAction": page.keptGroupIDs.contains(a.forumID) ? form("status-\(a.id)") : false, "id": a.id,
                         "statuses": ActivityStatus.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0 == a.status] as [String: Any] }]
                    }]
        }
        let kept = page.localGroups.filter { page.keptGroupIDs.contains($0.id) }
        d["mayAddActivity"] = !kept.isEmpty && !plan.goals.isEmpty
        d["goalOptions"] = plan.goals.enumerated().map { ["value": String($1.id), "label": "Mål \($0 + 1): \($1.text)", "selected": state.values["goal_id"] == String($1.id)] as [String: Any] }
        d["groupOptions"] = kept.map { ["value": String($0.id), "label": $0.name, "selected": state.values["forum_id"] == String($0.id)] as [String: Any] }
        d["memberOptions"] = kept.flatMap { g in g.members.map { ["value": String($0.staffID), "label": "\($0.name) (\(g.name))", "selected": state.values["responsible"] == String($0.staffID)] as [String: Any] } }
        d["statusOptions"] = ActivityStatus.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": (state.values["status"] ?? "planned") == $0.rawValue] as [String: Any] }
        return d
    }
}
