import SamverkaCore

/// The programmes' entries in the main menu, each asking the policy with the roles the
/// stored definitions count (read with the session), so every programme's people find them.
enum ProgrammeWeb {
    static let navigation = [
        NavigationEntry.withFacts(rank: 33, label: "Mina familjer", url: .programmes) { facts in
            !facts.actor.childWorkUnitIDs.isEmpty || !facts.programmeRoles.team.isEmpty
        },
        NavigationEntry.withFacts(rank: 34, label: "Styrgruppen", url: .programmeQueue) { facts in
            AccessPolicy.allows(facts.actor, .viewProgrammeOverview(steeringGroupRoles: facts.programmeRoles.steeringGroup))
        },
        NavigationEntry(rank: 91, label: "Program", url: .programmeDefinitions) { AccessPolicy.allows($0, .manageProgrammeDefinitions) },
    ]
}
