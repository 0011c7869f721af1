/// The joint programmes' words the store writes: the messages by a form's fields, the reasons
/// in the audit log and the register extract's labels. Kept in Core so the store writes no
/// text of its own.
public enum ProgrammeMessages {
    public static let notFound = "Familjen i programmet finns inte eller så saknar du behörighet."
    public static func keyTaken(_ key: String) -> String { "Det finns redan ett program med nyckeln ”\(key)”; välj en annan eller ändra det programmet." }
    public static let noConsentToWithdraw = "Det finns inget samtycke i kraft att återkalla."
}

/// The joint programmes' reasons in the audit log.
public enum ProgrammeAuditReasons {
    public static func termReport(_ name: String?, term: String) -> String { "\(name ?? "Terminsrapport"), \(term)" }
    public static func yearReport(_ year: Int, programme: String) -> String { "Årssammanställning \(year) för \(programme)" }
    public static func noteRecorded(_ kind: String, on day: SimpleDate) -> String { "\(kind) \(day.iso) antecknad" }
    public static func actionDone(_ what: String) -> String { "Åtgärd klar: \(what)" }
    public static func meetingBooked(_ type: String, when: String, programme: String, enrolment: RecordID) -> String {
        "\(type) bokat \(when) (\(programme), familj nr \(enrolment))"
    }
    public static func closedWithFamily(_ day: SimpleDate) -> String { "Insatsen avslutad med familjen \(day.iso)" }
    public static func closedInternally(_ day: SimpleDate) -> String { "Internt avslut \(day.iso)" }
    public static func followUpMeeting(_ day: SimpleDate, furtherSupportNeeded: Bool) -> String {
        "Uppföljningsmöte efter avslut \(day.iso)\(furtherSupportNeeded ? "; behov av ytterligare stöd" : "")"
    }
    public static func definitionSaved(_ name: String) -> String { "Programmet \(name) sparat" }
    public static func nominated(to programme: String, by nominator: String) -> String { "Familjen nominerad till \(programme) av \(nominator.lowercased())" }
    public static func steeringQueue(_ programme: String, families: Int) -> String { "Styrgruppens kö för \(programme), \(families) familjer" }
    public static func myFamilies(_ count: Int) -> String { "Mina familjer i gemensamma program, \(count) visade" }
    public static func referred(principal: String, caseOfficer: String) -> String { "Initierad till styrgruppen av \(principal) och \(caseOfficer)" }
    public static func steeringDecision(_ kind: String, on day: SimpleDate, by name: String) -> String { "Styrgruppen: \(kind.lowercased()) \(day.iso) av \(name)" }
    public static func familyAnswered(accepted: Bool, on day: SimpleDate, consent: (team: [String], validTo: SimpleDate)?) -> String {
        let team = consent.map { "; samtycke för \($0.team.joined(separator: ", ")) till och med \($0.validTo.iso)" } ?? ""
        return "Familjen tackade \(accepted ? "ja" : "nej") \(day.iso)\(team)"
    }
    public static let consentWithdrawn = "Familjens samtycke till programmet återkallat"
    public static func documentWritten(_ name: String, anchoredOn: SimpleDate?) -> String { "\(name) upprättad\(anchoredOn.map { ", förankrad \($0.iso)" } ?? "")" }
    public static func documentAnchored(_ id: RecordID, on day: SimpleDate) -> String { "Dokument nr \(id) förankrat med barn och föräldrar \(day.iso)" }
    public static func granted(on day: SimpleDate, by name: String, legalBasis: String?) -> String {
        "Insatsen beviljad \(day.iso) av \(name)\(legalBasis.map { " (\($0))" } ?? "")"
    }
}

/// The child's programme enrolments in a register extract: the title and field labels.
public enum ProgrammeExtractLabels {
    public static let title = "Gemensamma program (till exempel Ragunda Trampolinen)"
    public static let programme = "Program"
    public static let family = "Familj nr"
    public static let stage = "Skede"
    public static let children = "Barn"
    public static let nominated = "Nominerad"
    public static let concernSince = "Oro sedan"
    public static let concern = "Oro"
    public static let earlierMeasures = "Tidigare åtgärder"
    public static let needs = "Behov"
    public static let applied = "Familjen ansökte"
    public static let referred = "Initierad till styrgruppen"
    public static let steeringGroup = "Styrgruppen"
    public static let familyResponse = "Familjens svar"
    public static let consent = "Samtycke"
    public static let goal = "Mål"
    public static let action = "Åtgärd"
    public static let grant = "Beslut om insats"
    public static let closure = "Avslut med familjen"
    public static let followUp = "Uppföljning efter avslut"
    public static let atClosure = "vid avslut"
    public static let atFollowUp = "vid uppföljning"
    public static func outcome(_ when: String) -> String { "Utfall \(when)" }
    /// When and by whom: "2026-03-01 av Anna Berg".
    public static func at(_ time: String, by name: String) -> String { "\(time) av \(name)" }
    public static func referral(on day: SimpleDate, principal: String, caseOfficer: String) -> String { "\(day.iso) av \(principal) och \(caseOfficer)" }
    public static func yesNo(_ yes: Bool) -> String { yes ? "Ja" : "Nej" }
    public static func informedBy(_ name: String) -> String { "informerade: \(name)" }
    public static func consent(givenBy: String, from: SimpleDate, to: SimpleDate, team: String, mayShare: String) -> String {
        "\(givenBy), \(from.iso)–\(to.iso), team: \(team). Får dela: \(mayShare)"
    }
    public static func withdrawn(_ time: String) -> String { ". Återkallat \(time)" }
    public static func anchored(on day: SimpleDate, with whom: String?) -> String { ". Förankrad \(day.iso) med \(whom ?? "")" }
    public static func action(_ what: String, responsible: String, dueOn: SimpleDate, doneOn: SimpleDate?) -> String {
        "\(what), ansvarig \(responsible), senast \(dueOn.iso)\(doneOn.map { ", klar \($0.iso)" } ?? "")"
    }
    public static func note(participants: String, works: String, doesNotWork: String) -> String { "\(participants). Fungerar: \(works). Fungerar inte: \(doesNotWork)" }
    public static func closure(situationNow: String, againstGoal: String, experiences: [String]) -> String {
        "nuläge \(situationNow); mot målet: \(againstGoal). Erfarenheter: \(experiences.joined(separator: "; "))"
    }
    public static func furtherSupport(_ needed: Bool) -> String { needed ? ". Behov av ytterligare stöd" : "" }
}
