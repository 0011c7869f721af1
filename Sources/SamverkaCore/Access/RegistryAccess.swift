/// The registry across the secrecy barrier (issue 14). A child's identity (number, name,
/// school, grade) is one record; everything else in the registry (the child's address, the
/// guardians and their contact data, and so the siblings found through them) is entered by
/// one side and stays with that side. A child becoming visible on the other side (through a
/// report, an enrolment, a consent) never brings the first side's entries with it.
public enum RegistryAccess {
    /// The sides of the roles this person holds in the child's own units: whose registry
    /// entries they see and under which side their own entries are recorded. Empty for a
    /// consent party (they see the child's name and what the consent names, nothing more).
    /// Emergency access shows the person's own sides' entries: it is need-to-know for the
    /// person's own work, not a look into the other side's register.
    public static func visibleSides(_ actor: Actor, _ child: ChildAccessFacts, decision: AccessDecision) -> Set<Side> {
        guard decision.isAllowed else { return [] }
        let own = ownSides(actor, child)
        if !own.isEmpty { return own }
        return decision.reason.code == "emergency-access" ? actor.sides : []
    }

    /// The sides of the person's roles in units the child belongs to.
    public static func ownSides(_ actor: Actor, _ child: ChildAccessFacts) -> Set<Side> {
        Set(actor.assignments.filter { $0.role.worksWithChildren && $0.unitID.map(child.unitIDs.contains) == true }.map(\.role.side))
    }

    /// The side a registration by this person is recorded under: social services when the
    /// person works there (they register children from reports), otherwise the school.
    public static func registeringSide(_ actor: Actor) -> Side? {
        if actor.sides.contains(.social) { return .social }
        if actor.sides.contains(.school) { return .school }
        return nil
    }

    /// The one side a person's entries about this child are recorded under (social services
    /// first, for the rare person with roles on both sides).
    public static func entrySide(_ actor: Actor, _ child: ChildAccessFacts) -> Side? {
        let own = ownSides(actor, child)
        return own.contains(.social) ? .social : own.first
    }

    /// Roles that enrol pupils in their school or preschool (skollagen: the head of the unit).
    public static func enrols(_ role: Role) -> Bool { role == .principal || role == .preschoolHead }
}
