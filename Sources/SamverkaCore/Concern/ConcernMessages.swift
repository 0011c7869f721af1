/// The concern path's words the store writes: the messages by a form's fields and the
/// reasons in the audit log and the review flags (the tasks and notices are `ConcernTexts`).
/// Kept in Core so the store writes no text of its own.
public enum ConcernMessages {
    public static let reportNotFound = "Anmälan finns inte eller så saknar du behörighet."
    public static let investigationNotFound = "Utredningen finns inte eller så saknar du behörighet."
    public static let notHandler = "Du handlägger inte anmälningar."
    /// What an identifying-text warning calls an anonymous consultation (`IdentifyingFinding.warning`).
    public static let anonymousConsultationSubject = "En anonym konsultation"
    /// No intake unit to send to, or none picked.
    public static func handlingUnitMissing(noneExists: Bool) -> String {
        noneExists ? "Det finns ingen mottagningsenhet i socialtjänsten att skicka till." : "Välj mottagande enhet."
    }
    public static let childNameLabel = "Barnets namn"
    public static let childSchoolLabel = "Skola eller förskola"
    public static let reporterKindMissing = "Välj vem du är som anmäler."
    public static let publicChildNumberWrong = "Personnumret stämmer inte. Lämna fältet tomt om du inte vet det."
    public static let publicServiceClosed = "Anmälan är inte skickad: e-tjänsten är inte öppen just nu."
    public static let outcomeMissing = "Välj beslut."
    public static let caseOfficerMissing = "Välj ansvarig socialsekreterare för utredningen."
    public static let linkChildFirst = "Koppla anmälan till ett barn i registret innan förhandsbedömningen beslutas."
    /// Lifting the ban on telling the guardians: already lifted, or never set (not acute).
    public static func banNotLiftable(isAcute: Bool) -> String { isAcute ? "Förbudet är redan hävt." : "Anmälan gäller inte akut oro." }
    public static let reportAlreadyLinked = "Anmälan är redan kopplad till ett barn."

    public static let newDueMissing = "Ange nytt slutdatum som ÅÅÅÅ-MM-DD."
    public static let noSchoolForStatement = "Barnet har ingen skola eller förskola registrerad att begära utlåtande från."
    public static let interventionKindMissing = "Välj insats."
    public static let startMissing = "Ange startdatum som ÅÅÅÅ-MM-DD."
    public static let endWrong = "Ange slutdatum som ÅÅÅÅ-MM-DD, eller lämna tomt."
    public static let responsibleLabel = "Ansvarig"
    public static let schoolTaskTooLong = "Skolans uppgift får vara högst 1000 tecken."
    public static let movingDateMissing = "Ange datum för flytten hem som ÅÅÅÅ-MM-DD."
    public static let closureOutcomeMissing = "Välj hur utredningen avslutas."
    public static let followUpUntilMissing = "Ange slutdatum för uppföljningen som ÅÅÅÅ-MM-DD."
    /// What the school is told when the investigation closes: the outcome only if shared.
    public static func investigationClosedNotice(_ outcome: InvestigationOutcome, shared: Bool) -> String {
        shared ? "Socialtjänstens utredning är \(outcome.label.lowercased())." : "Socialtjänstens utredning är avslutad."
    }
}

/// The concern path's reasons in the audit log and details of the review flags it raises.
public enum ConcernAuditReasons {
    /// A report filed from the child page: "Orosanmälan (skriftlig), akut oro".
    public static func filed(_ kind: ReportKind, channel: ReportChannel, acute: Bool) -> String {
        "\(kind.label) (\(channel.label.lowercased()))" + (acute ? ", akut oro" : "")
    }
    public static func filedByNumber(_ kind: ReportKind, acute: Bool) -> String { "\(kind.label) på personnummer" + (acute ? ", akut oro" : "") }
    public static func eServiceSender(_ reporter: ReporterKind) -> String { "E-tjänst (\(reporter.label.lowercased()))" }
    public static let viaEService = "Anmälan via e-tjänsten"
    public static func myReports(_ count: Int) -> String { "Mina anmälningar, \(count) visade" }
    public static let notHandler = "Handlägger inte anmälningar"
    public static let intakeQueue = "Mottagningens kö"
    public static let reportMissing = "Anmälan finns inte"
    public static let feedbackRequested = "Anmälaren begärde återkoppling"
    public static func investigationOpened(officer: String) -> String { "Utredning inledd, ansvarig \(officer)" }
    public static func banLifted(_ reason: String) -> String { "Förbudet att informera vårdnadshavarna hävt: \(reason)" }
    public static let reportLinked = "Anmälan kopplad till barnet"
    // Review flag details.
    public static func existingChildLinkedByNumber(unit: String) -> String { "Befintligt barn kopplat till \(unit) genom en anmälan på personnummer" }
    public static let existingChildLinkedToIntake = "Befintligt barn kopplat till mottagningen genom en anmälan"

    public static let investigationMissing = "Utredningen finns inte"
    public static func extended(to day: SimpleDate) -> String { "Utredningstiden förlängd till \(day.iso)" }
    public static func referenceConversation(with name: String, on day: SimpleDate) -> String { "Referenssamtal med \(name) \(day.iso)" }
    public static let jointBBICMeetingPlanned = "Gemensamt BBIC-möte med familjen planeras"
    public static func statementRequested(from school: String?) -> String { "Utlåtande begärt från \(school ?? "skolan")" }
    public static func interventionDecided(_ kind: InterventionKind) -> String { "Insats beslutad: \(kind.label)" }
    public static let movingHome = "Flytt hem registrerad; uppgift att kalla till samverkansmöte"
    public static func closed(_ outcome: InvestigationOutcome) -> String { "Utredningen \(outcome.label.lowercased())" }
    public static func followUpDecided(until day: SimpleDate) -> String { "Uppföljning beslutad till och med \(day.iso)" }
    public static func statementRequests(_ count: Int) -> String { "Begärda utlåtanden, \(count) visade" }
    public static let statementReturned = "Utlåtande återsänt av rektor/förskolechef"

    public static let anonymousConsultation = "Anonym konsultation"
    public static func supportCount(_ conversations: Int) -> String { "Råd och stöd: \(conversations) samtal" }
    public static func schoolNotices(_ count: Int) -> String { "Meddelanden från socialtjänsten, \(count) visade" }
}

extension ReportStep {
    /// How the audit log names the step (a pre-assessment adds its outcome).
    public var auditLabel: String {
        switch self {
        case .confirmReceipt: "Mottagandet bekräftat"
        case .protectionAssessment: "Skyddsbedömning"
        case .preAssessment(let outcome, _, _): "Förhandsbedömning: \(outcome.label.lowercased())"
        case .confirmInWriting: "Skriftlig bekräftelse registrerad"
        case .requestFeedback: "Återkoppling begärd"
        case .recordFeedbackGiven: "Återkoppling lämnad"
        case .withholdFeedback: "Återkoppling bedömd olämplig"
        }
    }
}

/// The concern path's sections of a register extract: titles and field labels.
public enum ConcernExtractLabels {
    public static let reportsTitle = "Orosanmälningar och ansökningar"
    /// Why reporters outside the municipality's staff are not named.
    public static var reportsNote: String { "Anmälare utanför kommunens personal namnges inte i utdraget (\(LegalReference.reporterIdentitySecrecy.current))." }
    public static let receiptNumber = "Diarienummer"
    public static let kind = "Typ"
    public static let channel = "Kanal"
    public static let reporter = "Anmälare"
    public static let handlingUnit = "Handläggande enhet"
    public static let received = "Inkom"
    public static let receiptConfirmed = "Mottagandet bekräftat"
    public static let observations = "Vad som setts eller hörts"
    public static let sinceWhen = "Sedan när"
    public static let actionsTaken = "Vad skolan har gjort"
    public static let protection = "Skyddsbedömning"
    public static func protectionNeeded(_ needed: Bool) -> String { needed ? ", omedelbart skydd behövs" : ", inget omedelbart skyddsbehov" }
    public static let preAssessment = "Förhandsbedömning"
    public static let decided = "Beslutad"
    public static let feedbackGiven = "Återkoppling lämnad"

    public static let investigationsTitle = "Utredningar"
    public static let investigationNumber = "Utredning nr"
    public static let unit = "Enhet"
    public static let caseOfficer = "Handläggare"
    public static let opened = "Inledd"
    public static let due = "Ska vara klar"
    public static let statementRequested = "Utlåtande från skolan begärt"
    public static let statementReturned = "Utlåtande inkommet"
    public static let closed = "Avslutad"
    public static let outcome = "Resultat"
    public static let followUpUntil = "Uppföljning till"

    public static let referencesTitle = "Referenssamtal med förskola/skola"
    public static let date = "Datum"
    public static let with = "Med"
    public static let roleAndUnit = "Roll och enhet"
    public static let note = "Anteckning"
    public static let notedBy = "Antecknat av"
    public static let recorded = "Registrerat"

    public static let decisionsTitle = "Beslut"
    public static let decision = "Beslut"
    public static let decisionOutcome = "Utfall"
    public static let decisionDate = "Beslutsdatum"
    public static let decidedBy = "Beslutat av"
    public static let reasons = "Skäl"

    public static let interventionsTitle = "Insatser"
    public static let intervention = "Insats"
    public static let from = "Från"
    public static let to = "Till"
    public static let responsible = "Ansvarig"
    public static let schoolTask = "Skolans uppgift"

    public static let noticesTitle = "Meddelanden till skolan"
    public static let message = "Meddelande"
    public static let sent = "Skickat"

    public static let tasksTitle = "Uppgifter"
    public static let task = "Uppgift"
    public static let dueOn = "Senast"
    public static let done = "Klar"
}
