/// The directory's and the responsibilities' words the store writes: field messages and
/// the reasons in the audit log.
public enum DirectoryMessages {
    public static let nameLabel = "Namnet"
    public static let offersLabel = "Vad de erbjuder"
    public static let contactLabel = "Hur man når dem"
    public static let linkLabel = "Länken"
    public static let offersMissing = "Beskriv vad de erbjuder."
    public static let contactMissing = "Beskriv hur man når dem."
    public static let ageInvalid = "Ange en ålder i hela år (0–120), eller lämna fältet tomt."
    public static let agesReversed = "Den högsta åldern kan inte vara lägre än den lägsta."
    public static let linkInvalid = "Länken ska vara en hel webbadress som börjar med https://."
    public static let responsibilityMissing = "Skriv vad som säkerställs, en punkt per rad."
    public static let responsibleLabel = "Vem som ansvarar"
    public static func tooLong(_ label: String, max: Int) -> String { "\(label) får vara högst \(max) tecken." }
}

public enum DirectoryAuditReasons {
    public static func entryCreated(_ name: String) -> String { "Stödkatalogen: ny post \(name)" }
    public static func entryUpdated(_ name: String, retired: Bool) -> String { retired ? "Stödkatalogen: \(name) tagen ur bruk" : "Stödkatalogen: \(name) ändrad" }
    public static func responsibilityUpdated(_ routine: String, responsible: String) -> String { "Ansvar enligt samverkansrutinen ändrat: \(routine), \(responsible)" }
}
