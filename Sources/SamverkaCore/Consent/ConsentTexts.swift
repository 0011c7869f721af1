/// The consent path's words the store writes: the messages by a form's fields, the reasons in
/// the audit log and the review flags, the lines shown across the secrecy barrier, and the
/// register extract's labels. Kept in Core so the store writes no text of its own.
public enum ConsentMessages {
    /// A party picked in the form is gone (a stale or tampered form).
    public static let partyGone = "En vald part finns inte längre. Välj parterna igen."
    /// A party's name when its unit or person has none on record.
    public static func unitParty(_ id: RecordID) -> String { "Enhet \(id)" }
    public static func staffParty(_ id: RecordID) -> String { "Personal \(id)" }
    public static func externalParty(_ name: String) -> String { name + " (extern part)" }
}

/// The consent path's reasons in the audit log and details of the review flags it raises.
public enum ConsentAuditReasons {
    public static let formRead = "Samtyckesformulär: vårdnadshavare och möjliga parter"
    public static func listed(_ count: Int) -> String { "Samtycken, \(count) visade" }
    public static func recorded(_ categories: [ConsentCategory]) -> String { "Samtycke registrerat: \(categories.map(\.label).joined(separator: ", "))" }
    public static func withdrawn(by giver: String) -> String { "Samtycke återkallat av \(giver)" }
    public static let signedFormDownloaded = "Underskriven samtyckesblankett hämtad"
    public static func emergencyAccess(until: String, _ reason: String) -> String { "Nödåtkomst till \(until): \(reason)" }
    /// The review flag's detail of an emergency access.
    public static func emergencyFlag(_ reason: String) -> String { "Nödåtkomst: \(reason)" }
}

/// The lines of social services' record a consent lets through to the school.
public enum SharedLineTexts {
    public static func investigationOpened(_ day: SimpleDate) -> String { "Utredning inledd \(day.iso)" }
    public static func investigationClosed(_ day: SimpleDate) -> String { "Utredning avslutad \(day.iso)" }
    public static func intervention(_ kind: String, from start: SimpleDate, to end: SimpleDate?) -> String {
        "Insats: \(kind) från \(start.iso)\(end.map { " till \($0.iso)" } ?? "")"
    }
}

/// Consents and emergency access in a register extract: titles and field labels.
public enum ConsentExtractLabels {
    public static let consentsTitle = "Samtycken"
    public static let emergencyTitle = "Nödåtkomster"
    public static let number = "Samtycke nr"
    public static let givenBy = "Lämnat av"
    public static let childView = "Barnets inställning"
    public static let parties = "Parter"
    public static let categories = "Uppgifter"
    public static let purpose = "Syfte"
    public static let valid = "Giltigt"
    public static let method = "Sätt"
    public static let witness = "Vittne"
    public static let recorded = "Registrerat"
    public static let withdrawn = "Återkallat"
    /// When and by whom: "2026-03-01 10:00 av Anna Berg".
    public static func at(_ time: String, by name: String) -> String { "\(time) av \(name)" }
    public static let staff = "Medarbetare"
    public static let reason = "Skäl"
    public static let from = "Från"
    public static let until = "Till"
}
