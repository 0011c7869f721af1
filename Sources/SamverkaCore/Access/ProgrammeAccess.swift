/// Who sees and works in a family's programme (issue 18 item 12). Before the family's
/// consent, the case is the nominator's and the referring rektor's and socialsekreterare's,
/// and the steering group's (it decides); after it, the team the consent in force names works
/// in it; the decision forum sees it to grant. Nobody else, and nothing else of the child
/// opens through it. A refusal reads the same whether or not the enrolment exists.
enum ProgrammeAccess {
    static let notInProgramme = AccessReason(code: "not-in-programme", text: "Du ingår inte i programmet för familjen.")

    static func decide(_ actor: Actor, _ request: AccessRequest) -> AccessDecision? {
        switch request {
        case .nominateForProgramme(let children):
            // Whoever works with every child in their own unit: preschool, school or IFO.
            for child in children {
                let decision = AccessPolicy.decide(actor, .viewChild(ChildAccessFacts(childID: child.childID, unitIDs: child.unitIDs, protectedIdentity: child.protectedIdentity)))
                guard decision.isAllowed else { return decision }
            }
            guard !children.isEmpty else { return .deny(notInProgramme) }
            return .allow(.init(code: "programme-nominator", text: "Nominerar en familj i egen verksamhet"))
        case .viewProgramme(let facts):
            if let reason = teamReason(actor, facts) { return .allow(reason) }
            if holdsAny(actor, facts.steeringGroupRoles) { return .allow(.init(code: "programme-steering-group", text: "Styrgrupp för programmet")) }
            if holdsAny(actor, facts.decisionForumRoles), facts.stage == .preparation || facts.stage == .running {
                // The forum reads the case it decides on, and the running support it granted.
                return .allow(.init(code: "programme-decision-forum", text: "Beslutsforum för programmet"))
            }
            return .deny(notInProgramme)
        case .workInProgramme(let facts):
            guard !facts.stage.isFinished else { return .deny(.init(code: "programme-finished", text: "Programmet är avslutat för familjen.")) }
            guard let reason = teamReason(actor, facts) else { return .deny(notInProgramme) }
            return .allow(reason)
        case .decideInProgrammeSteeringGroup(let facts):
            guard holdsAny(actor, facts.steeringGroupRoles) else { return .deny(.init(code: "not-steering-group", text: "Bara styrgruppen prioriterar, utser eller avböjer familjer.")) }
            return .allow(.init(code: "programme-steering-group", text: "Styrgrupp för programmet"))
        case .grantProgrammeSupport(let facts):
            // The steering group sits in the decision forum (seed 000: "verksamhetschef för
            // elevhälsan och biträdande IFO-chef"), with the rektor and socialsekreterare of the case.
            if holdsAny(actor, facts.decisionForumRoles.union(facts.steeringGroupRoles)) || facts.referralStaffIDs.contains(actor.staffID) {
                return .allow(.init(code: "programme-decision-forum", text: "Beslutsforum för programmet"))
            }
            return .deny(.init(code: "not-decision-forum", text: "Beslut om insatsen fattas i beslutsforum."))
        case .viewProgrammeOverview(let steeringGroupRoles):
            guard holdsAny(actor, steeringGroupRoles) else { return .deny(.init(code: "not-steering-group", text: "Styrgruppens kö och rapporter är styrgruppens.")) }
            return .allow(.init(code: "programme-steering-group", text: "Styrgrupp för programmet"))
        case .manageProgrammeDefinitions:
            return actor.isAdministrator
                ? .allow(.init(code: "administrator", text: "Systemadministratör"))
                : .deny(.init(code: "not-administrator", text: "Endast systemadministratörer ändrar program."))
        default:
            return nil
        }
    }

    /// Before the consent: the nominator and the referring pair (who also see a no, the
    /// steering group's or the family's, to tell the family or to close it); after it: the
    /// team the consent names.
    private static func teamReason(_ actor: Actor, _ facts: ProgrammeAccessFacts) -> AccessReason? {
        if facts.teamStaffIDs.contains(actor.staffID) { return .init(code: "programme-team", text: "I programmets team enligt familjens samtycke") }
        let beforeConsent: Set<ProgrammeStage> = [.nominated, .atSteeringGroup, .selected, .declined, .familyDeclined]
        guard beforeConsent.contains(facts.stage) else { return nil }
        if facts.referralStaffIDs.contains(actor.staffID) { return .init(code: "programme-referral", text: "Initierade familjen till styrgruppen") }
        if facts.nominatedByID == actor.staffID { return .init(code: "programme-nominator", text: "Nominerade familjen") }
        return nil
    }

    private static func holdsAny(_ actor: Actor, _ roles: Set<Role>) -> Bool { actor.assignments.contains { roles.contains($0.role) } }
}
