/// The log review's words the store writes: the messages by a form's fields, the detail of the
/// flags it raises and the reasons in the audit log. Kept in Core so the store writes no text
/// of its own.
public enum LogReviewMessages {
    public static let flagNotFound = "Flaggan finns inte."
    public static let perUnitOutOfRange = "Ange ett antal mellan 1 och 100."
    public static func sampleAlreadyDrawn(_ month: String) -> String { "Stickprovet för \(month) är redan draget." }
    public static let flagAlreadyReviewed = "Flaggan är redan granskad."
    /// A "no case" flag's detail: the person opened a child none of their cases or units holds.
    public static let noCaseDetail = "Öppnade ett barn som inte finns i något av medarbetarens ärenden eller enheter."
    /// The summary's download name.
    public static func summaryFileName(_ period: ReviewPeriod) -> String { "loggkontroll-\(period.from.iso)-\(period.to.iso).csv" }
    /// Who asked for a scan when no one did (the scheduled scan).
    public static let systemName = "Samverka"
}

/// The log review's flags in a register extract: the title and field labels.
public enum LogReviewExtractLabels {
    public static let title = "Flaggor i loggkontrollen"
    public static let flag = "Flagga"
    public static let staff = "Medarbetare"
    public static let time = "Tid"
    public static let what = "Vad"
    public static let reviewed = "Granskad"
    public static let note = "Anteckning"
    public static func verdict(justified: Bool) -> String { justified ? "Befogad" : "Ej befogad" }
}

/// The log review's reasons in the audit log.
public enum LogReviewAuditReasons {
    public static func flagsRead(_ open: Int) -> String { "Loggkontroll, \(open) öppna flaggor" }
    public static let scanRequested = "Automatisk loggkontroll begärd"
    public static func sampleDrawn(_ month: String, accesses: Int, units: Int) -> String { "Stickprov \(month): \(accesses) åtkomster i \(units) enheter" }
    public static func flagReviewed(justified: Bool) -> String { "Flagga granskad: " + (justified ? "befogad" : "ej befogad") }
    public static func summary(_ period: String) -> String { "Sammanställning av loggkontroll \(period)" }
    /// One chunk of the automatic scan: the rows it read and the flags it raised.
    public static func scanChunk(by who: String, after: Int64, through: Int64, rows: Int, raised: Int) -> String {
        "Automatisk loggkontroll begärd av \(who): loggrader \(after + 1)–\(through), \(rows) rader, \(raised) nya flaggor"
    }
    public static func scanFinished(rows: Int, raised: Int) -> String { "; kontrollen klar: \(rows) loggrader, \(raised) nya flaggor" }
}
