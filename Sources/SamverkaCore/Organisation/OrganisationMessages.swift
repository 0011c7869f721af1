/// The organisation's words the store writes: the messages by an admin form's fields and the
/// reasons in the audit log. Kept in Core so the store writes no text of its own.
public enum OrganisationMessages {
    public static let municipalityNameLabel = "Kommunens namn"
    public static let nameLabel = "Namn"
    public static let emailLabel = "E-post"
    public static let unitNameTaken = "Det finns redan en enhet med det namnet."
    public static let areaNameTaken = "Det finns redan ett område med det namnet."
    public static let unitKindMissing = "Välj typ av enhet."
    public static let areaMissing = "Välj ett område i listan."
    public static let usernameTaken = "Användarnamnet är upptaget."
    public static let roleMissing = "Välj en roll."
    public static let unitMissing = "Välj en enhet i listan."
    public static let roleAlreadyHeld = "Personen har redan den rollen i enheten."
    public static let cannotDeactivateSelf = "Du kan inte avaktivera ditt eget konto."
}

extension Role {
    /// Why the role cannot be held in a unit of this kind (nil: it can).
    public func unitMismatch(unitKind: UnitKind?) -> String? {
        guard !fits(unitKind: unitKind) else { return nil }
        return side == .joint
            ? "\(label) är en gemensam roll: välj ingen enhet eller ett gemensamt organ."
            : "\(label) hör till \(side.label.lowercased()): välj en sådan enhet."
    }
}

/// The organisation's reasons in the audit log.
public enum OrganisationAuditReasons {
    public static func municipalityName(_ name: String) -> String { "Kommunens namn: \(name)" }
    public static func unitChanged(_ name: String, active: Bool) -> String { "Enhet ändrad: \(name)\(active ? "" : " (inaktiv)")" }
    public static let temporaryPassword = "Tillfälligt lösenord satt av administratör"
    public static func areaCreated(_ name: String) -> String { "Område skapat: \(name)" }
    public static func unitCreated(_ name: String) -> String { "Enhet skapad: \(name)" }
    public static func accountCreated(_ username: String) -> String { "Konto skapat: \(username)" }
    public static func roleAdded(_ role: Role, unit: String?) -> String { "Roll tillagd: \(role.label)\(unit.map { " i \($0)" } ?? "")" }
    public static let roleRemoved = "Roll borttagen"
    public static func accountActive(_ active: Bool) -> String { active ? "Konto aktiverat" : "Konto avaktiverat" }
}
