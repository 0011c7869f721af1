/// The kinds of record an audit row is about, as stored in `audit_log.record_type`, with the
/// Swedish words the log review and the register extract show (a reader never sees the
/// stored English key). Every type the code writes must be here: a test reads the sources.
public enum AuditRecordType {
    public static let labels: [String: String] = [
        "area": "Område",
        "audit-log": "Loggen",
        "child": "Barn",
        "child-list": "Barnlista",
        "child-search": "Sökning efter barn",
        "collaboration-case": "Samverkansärende",
        "consent": "Samtycke",
        "consent-document": "Samtyckesblankett",
        "consultation": "Konsultation",
        "emergency-access": "Nödåtkomst",
        "enrolment": "Inskrivning",
        "guardian": "Vårdnadshavare",
        "intake-queue": "Mottagningens kö",
        "investigation": "Utredning",
        "meeting": "Möte",
        "meeting-invitation": "Kallelse",
        "meeting-minutes": "Minnesanteckningar",
        "meeting-type": "Mötestyp",
        "municipality": "Kommun",
        "my-reports": "Mina anmälningar",
        "organisation": "Organisation",
        "reference-conversation": "Referenssamtal",
        "register-extract": "Registerutdrag",
        "report": "Anmälan",
        "report-form": "Anmälningsformulär",
        "request": "Förfrågan",
        "review-flag": "Granskningsflagga",
        "review-sample": "Stickprov",
        "review-scan": "Automatisk loggkontroll",
        "review-summary": "Sammanställning av loggkontroll",
        "school-notices": "Meddelanden till skolan",
        "session": "Inloggning",
        "shared-information": "Uppgift med samtycke",
        "staff": "Personal",
        "statement": "Utlåtande",
        "statement-requests": "Begärda utlåtanden",
        "support-count": "Råd och stöd",
        "unit": "Enhet",
        "work-list": "Arbetslista",
    ]

    /// The Swedish name of a stored record type ("Annan uppgift" for one this version does not know).
    public static func label(_ raw: String) -> String { labels[raw] ?? "Annan uppgift" }
}
