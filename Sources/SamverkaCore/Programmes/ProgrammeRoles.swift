/// The parts of a programme that are made of roles, as the menu needs them: the team that
/// works with a family and the steering group that chooses families.
public enum ProgrammeRolePart: String, Sendable, Hashable, CaseIterable {
    case team
    case steeringGroup = "steering-group"

    /// Every (part, role) of a definition, each once.
    public static func rows(of definition: ProgrammeDefinition) -> [(ProgrammeRolePart, Role)] {
        var seen = Set<String>()
        return [(ProgrammeRolePart.team, definition.teamRoles), (.steeringGroup, definition.steeringGroupRoles)].flatMap { part, roles in
            roles.filter { seen.insert("\(part.rawValue):\($0.rawValue)").inserted }.map { (part, $0) }
        }
    }
}

/// Which of a person's roles some active programme counts in its team or its steering group
/// (read with the session). The menu asks the policy with these, so a municipality's own
/// programme shows its own people the way in.
public struct ProgrammeRoleFacts: Sendable, Hashable {
    public var team: Set<Role>
    public var steeringGroup: Set<Role>

    public init(team: Set<Role> = [], steeringGroup: Set<Role> = []) {
        self.team = team
        self.steeringGroup = steeringGroup
    }
}
