/// The signed-in staff member as the policy sees them.
public struct Actor: Sendable, Hashable {
    public var staffID: RecordID
    public var displayName: String
    public var active: Bool
    public var assignments: [Assignment]

    public init(staffID: RecordID, displayName: String, active: Bool = true, assignments: [Assignment]) {
        self.staffID = staffID
        self.displayName = displayName
        self.active = active
        self.assignments = assignments
    }

    public func holds(_ role: Role) -> Bool { assignments.contains { $0.role == role } }

    /// Units where this person works with children (roles of the school or social side).
    public var childWorkUnitIDs: Set<RecordID> {
        Set(assignments.filter { $0.role.worksWithChildren }.compactMap(\.unitID))
    }

    /// The sides this person works with children on.
    public var sides: Set<Side> {
        Set(assignments.filter { $0.role.worksWithChildren }.map(\.role.side))
    }

    public var isAdministrator: Bool { holds(.systemAdministrator) }
    public var isLogReviewer: Bool { holds(.logReviewer) }
}
