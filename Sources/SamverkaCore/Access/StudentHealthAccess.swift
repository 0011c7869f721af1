/// Who sends, reads and decides a referral to the student health team (seed 004 3.1). The
/// referral is elevhälsa data under OSL 23:2 (`LegalReference.studentHealthSecrecy`): only
/// the members of the team it went to and the rektor (förskolechef) of the pupil's unit read
/// it; the mentor who sent it gets a receipt, not the record. The team reflects, the rektor
/// decides ("Rektor står för beslutsfattandet"). A refusal reads as a missing record.
enum StudentHealthAccess {
    static let notTeam = AccessReason(code: "not-student-health-team", text: "Anmälan till elevhälsoteamet läses bara av teamets ledamöter och rektor (elevhälsans sekretess, \(LegalReference.studentHealthSecrecy.current)).")

    static func isUnitHead(_ actor: Actor, _ unitID: RecordID) -> Bool {
        actor.holds({ $0 == .principal || $0 == .preschoolHead }, in: unitID)
    }

    static func decide(_ actor: Actor, _ request: AccessRequest) -> AccessDecision? {
        switch request {
        case .sendEHTReferral(let child):
            // The mentor, or other school staff working in the pupil's unit.
            guard actor.assignments.contains(where: { $0.role.side == .school && $0.role.worksWithChildren && $0.unitID.map { child.unitIDs.contains($0) } == true }) else {
                return .deny(.init(code: "not-school-staff-of-unit", text: "Anmälan till elevhälsoteamet skickas av elevens mentor eller annan personal på elevens skola."))
            }
            return .allow(.init(code: "school-staff-of-unit", text: "Personal på elevens skola"))
        case .viewEHTReferral(let facts):
            if isUnitHead(actor, facts.unitID) { return .allow(.init(code: "unit-head", text: "Rektor för elevens enhet")) }
            if facts.teamMemberIDs.contains(actor.staffID) { return .allow(.init(code: "student-health-team", text: "Ledamot i elevhälsoteamet")) }
            return .deny(notTeam)
        case .reflectOnEHTReferral(let facts):
            if facts.teamMemberIDs.contains(actor.staffID) || isUnitHead(actor, facts.unitID) {
                return .allow(.init(code: "student-health-team", text: "Ledamot i elevhälsoteamet"))
            }
            return .deny(notTeam)
        case .decideEHTReferral(let facts):
            guard isUnitHead(actor, facts.unitID) else {
                return .deny(.init(code: "not-unit-head", text: "Rektor för elevens enhet beslutar på anmälan till elevhälsoteamet."))
            }
            return .allow(.init(code: "unit-head", text: "Rektor för elevens enhet"))
        case .viewHelpDirectory:
            if !actor.childWorkUnitIDs.isEmpty || actor.isAdministrator || actor.holds(.managementGroupMember) || actor.holds(.localCollaborationGroupMember) {
                return .allow(.init(code: "staff", text: "Personal"))
            }
            return .deny(.init(code: "no-child-role", text: "Stödkatalogen är till för personal som arbetar med barn."))
        default:
            return nil
        }
    }
}
