/// The student health referral's words the store writes: the messages by a form's fields,
/// the reasons in the audit log and the register extract's labels.
public enum StudentHealthMessages {
    public static let notFound = "Uppgiften finns inte eller så saknar du behörighet."
    public static let situationLabel = "Elevens aktuella situation"
    public static let adaptationsLabel = "Anpassningar i klassrummet"
    public static let reflectionLabel = "Reflektionen"
    public static let reasonsLabel = "Motiveringen"
    public static let situationMissing = "Beskriv elevens aktuella situation."
    public static let adaptationsMissing = "Beskriv de anpassningar du redan har gjort i klassrummet. En anmälan till elevhälsoteamet (Steg 1) skickas först när egna anpassningar har prövats."
    public static let reflectionMissing = "Skriv elevhälsoteamets reflektion."
    public static let outcomeMissing = "Välj vad rektor beslutar."
    public static let dateMissing = "Ange beslutsdatum (ÅÅÅÅ-MM-DD)."
    public static let dateInFuture = "Beslutsdatumet kan inte ligga i framtiden."
    public static let dateBeforeReferral = "Beslutsdatumet kan inte ligga före anmälan."
    public static let reasonsMissing = "Skriv skälen för beslutet."
    public static let alreadyDecided = "Rektor har redan beslutat i ärendet."
    public static let noTeam = "Elevens enhet har inget elevhälsoteam i Samverka. Be administratören lägga upp enhetens elevhälsoteam med dess ledamöter."
    public static func tooLong(_ label: String, max: Int) -> String { "\(label) får vara högst \(max) tecken." }
}

/// The referral's reasons in the audit log.
public enum StudentHealthAuditReasons {
    public static func sent(_ team: String) -> String { "Anmälan till \(team) (Steg 1)" }
    public static func read(_ team: String) -> String { "\(team): anmälan (Steg 1), elevhälsans sekretess (\(LegalReference.studentHealthSecrecy.current))" }
    public static func listed(_ team: String) -> String { "\(team): anmälningar (Steg 1)" }
    public static func reflected(_ team: String) -> String { "\(team): reflektion på anmälan (Steg 1)" }
    public static func decided(_ outcome: EHTDecisionOutcome) -> String { "Rektors beslut på anmälan (Steg 1): \(outcome.label)" }
    public static let missing = "Anmälan till elevhälsoteamet finns inte"
}

/// The referral in a register extract.
public enum StudentHealthExtractLabels {
    public static let title = "Anmälningar till elevhälsoteamet (Steg 1)"
    public static let number = "Anmälan nr"
    public static let team = "Elevhälsoteam"
    public static let sent = "Skickad"
    public static let situation = "Elevens aktuella situation"
    public static let adaptations = "Anpassningar i klassrummet"
    public static let reflection = "Reflektion"
    public static let decision = "Rektors beslut"
    public static let reasons = "Motivering"
    public static func at(_ time: String, by name: String) -> String { "\(time) av \(name)" }
    public static func decided(_ outcome: String, on day: String, by name: String) -> String { "\(outcome), \(day), \(name)" }
}
