import SamverkaCore

/// The programmes' entries in the main menu, each asking the policy.
enum ProgrammeWeb {
    static let steeringGroup = Set(ProgrammeDefinition.trampolinen.steeringGroupRoles)
    static let team = Set(ProgrammeDefinition.trampolinen.teamRoles)

    static let navigation = [
        NavigationEntry(rank: 33, label: "Mina familjer", url: .programmes) { actor in
            !actor.childWorkUnitIDs.isEmpty || actor.assignments.contains { team.contains($0.role) }
        },
        NavigationEntry(rank: 34, label: "Styrgruppen", url: .programmeQueue) { AccessPolicy.allows($0, .viewProgrammeOverview(steeringGroupRoles: steeringGroup)) },
        NavigationEntry(rank: 91, label: "Program", url: .programmeDefinitions) { AccessPolicy.allows($0, .manageProgrammeDefinitions) },
    ]
}
