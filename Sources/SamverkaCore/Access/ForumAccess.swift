/// Who sees and works in a forum (issue 19). A forum is not about one child: its members see
/// it and its meetings, its chairs book the meetings and keep the forum's records, the
/// administrator sets forums up. The yearly cycle and the action plan belong to the
/// governance forums' members.
enum ForumAccess {
    static let notMember = AccessReason(code: "not-forum-member", text: "Du ingår inte i forumet.")

    static func decide(_ actor: Actor, _ request: AccessRequest) -> AccessDecision? {
        switch request {
        case .viewForum(let facts):
            if facts.memberIDs.contains(actor.staffID) { return .allow(.init(code: "forum-member", text: "Ledamot i forumet")) }
            if actor.isAdministrator { return .allow(.init(code: "administrator", text: "Systemadministratör")) }
            return .deny(notMember)
        case .workInForum(let facts):
            // Members bring items to the agenda; minutes are the meeting's (MeetingAccess).
            guard facts.memberIDs.contains(actor.staffID) else { return .deny(notMember) }
            return .allow(.init(code: "forum-member", text: "Ledamot i forumet"))
        case .bookForumMeeting(let facts):
            guard facts.chairIDs.contains(actor.staffID) else { return .deny(.init(code: "not-forum-chair", text: "Forumets ordförande kallar till möten.")) }
            return .allow(.init(code: "forum-chair", text: "Ordförande i forumet"))
        case .manageForums:
            return actor.isAdministrator
                ? .allow(.init(code: "administrator", text: "Systemadministratör"))
                : .deny(.init(code: "not-administrator", text: "Endast systemadministratörer lägger upp forum."))
        case .viewGovernance(let governanceMember):
            if governanceMember { return .allow(.init(code: "governance-member", text: "Ledamot i ett forum för samverkan")) }
            // The wheel and the plan are the collaboration's own, not about a child: open to
            // whoever works with children or holds a governance role.
            if !actor.childWorkUnitIDs.isEmpty || actor.holds(.managementGroupMember) || actor.holds(.localCollaborationGroupMember) {
                return .allow(.init(code: "collaboration-staff", text: "Personal i samverkan"))
            }
            if actor.isAdministrator { return .allow(.init(code: "administrator", text: "Systemadministratör")) }
            return .deny(notMember)
        case .keepActionPlanGoals(let management):
            guard management.memberIDs.contains(actor.staffID) else { return .deny(.init(code: "not-management-group", text: "Ledningsgruppen sätter handlingsplanens mål.")) }
            return .allow(.init(code: "management-group", text: "Ledamot i ledningsgruppen"))
        case .keepActionPlanActivity(let group, let management):
            if group.memberIDs.contains(actor.staffID) { return .allow(.init(code: "forum-member", text: "Ledamot i den lokala samverkansgruppen")) }
            if management?.memberIDs.contains(actor.staffID) == true { return .allow(.init(code: "management-group", text: "Ledamot i ledningsgruppen")) }
            return .deny(.init(code: "not-forum-member", text: "Gruppens ledamöter och ledningsgruppen håller aktiviteten aktuell."))
        case .completeCycleTask(let responsibleIDs):
            guard responsibleIDs.contains(actor.staffID) else { return .deny(.init(code: "not-responsible", text: "Uppgiften markeras klar av de ansvariga.")) }
            return .allow(.init(code: "cycle-responsible", text: "Ansvarig för uppgiften i årshjulet"))
        default:
            return nil
        }
    }
}
