/// The collaboration path's words the store writes: the messages by a form's fields, the
/// reasons in the audit log, the case timeline's lines and the register extract's labels.
/// Kept in Core so the store writes no text of its own.
public enum CollaborationMessages {
    public static let caseNotFound = "Ärendet finns inte eller så saknar du behörighet."
    public static let closedOnMissing = "Ange avslutsdatum (ÅÅÅÅ-MM-DD)."
    public static let caseClosedNoMeetings = "Ärendet är avslutat: inga nya möten kan bokas."
    public static let meetingTypeMissing = "Välj vilken sorts möte som ska bokas."
    public static let sipMeetingInSIP = "Ett SIP-möte hålls i en SIP, med ett samtycke som namnger alla parter. Öppna en SIP från barnets sida."
    public static let meetingChildrenMissing = "Välj vilka barn mötet gäller."
    public static let meetingChildrenOutsideCase = "Välj barn som ingår i ärendet."
    public static let minutesAlreadyClosed = "Minnesanteckningarna är redan avslutade."
    /// A message of the next meeting's booking, shown by the minutes' next-meeting field.
    public static func nextMeeting(_ message: String) -> String { "Nästa möte: \(message)" }
    public static let closingCaseBooksNoMeeting = "Ett ärende som avslutas bokar inget nytt möte: skriv i stället varför inget nytt möte behövs."
    public static let minutesNotClosed = "Minnesanteckningarna är inte avslutade än."
    /// The invitation letter's sender when the municipality has no name yet.
    public static let defaultMunicipality = "Kommunen"
    /// The invitation's contact: the case's process owner, or the one who booked the meeting.
    public static let processOwnerRole = "Processbärare"
    public static let convenerRole = "Sammankallande"
}

/// The collaboration path's reasons in the audit log.
public enum CollaborationAuditReasons {
    public static func meetingTypeSaved(_ name: String, agendaItems: Int) -> String { "Mötestyp \(name) sparad, \(agendaItems) punkter på dagordningen" }
    public static let caseMissing = "Ärendet finns inte"
    public static func invitableGuardians(caseID: RecordID) -> String { "Vårdnadshavare som kan bjudas in till möte i samverkansärende \(caseID)" }
    public static func caseOpened(owner: String) -> String { "Samverkansärende öppnat; processbärare \(owner)" }
    public static func myCases(_ count: Int) -> String { "Mina samverkansärenden, \(count) visade" }
    public static func handedOver(to name: String) -> String { "Processbärare överlämnad till \(name)" }
    public static let caseClosed = "Samverkansärendet avslutat"
    public static func meetingBooked(_ type: String, when: String, consentIDs: [RecordID]) -> String {
        "\(type) bokat \(when); samtycke nr \(consentIDs.map(String.init).joined(separator: ", "))"
    }
    public static let meetingMissing = "Mötet finns inte"
    public static let caseClosedInMinutes = "Samverkansärendet avslutat i minnesanteckningarna"
    public static func minutesClosed(actions: Int, nextMeeting: String) -> String { "Minnesanteckningar avslutade: \(actions) åtgärder, nästa möte \(nextMeeting)" }
    public static let nextMeetingBooked = "Nästa möte bokat i minnesanteckningarna"
    public static func invitation(to name: String) -> String { "Kallelse till \(name)" }
    public static let minutesPDF = "Minnesanteckningar som PDF"
    public static func minutesSent(to name: String, channel: String) -> String { "Minnesanteckningar skickade till \(name) (\(channel.lowercased()))" }
}

/// The lines of a collaboration case's timeline.
public enum CaseTimelineTexts {
    public static func meeting(_ type: String, when: String, held: Bool) -> String { "\(type) \(when)" + (held ? " (hållet)" : " (bokat)") }
    public static func action(responsible: String, dueOn: SimpleDate, status: String?) -> String {
        "Ansvarig \(responsible), senast \(dueOn.iso)" + (status.map { ", \($0.lowercased())" } ?? "")
    }
    public static func consent(_ id: RecordID, purpose: String, status: String) -> String { "Samtycke nr \(id) (\(purpose.lowercased())), \(status.lowercased())" }
    public static func valid(from: SimpleDate, to: SimpleDate) -> String { "Gäller \(from.iso)–\(to.iso)" }
    public static let signedConsentForm = "Underskriven samtyckesblankett"
}

/// Collaboration cases in a register extract: the title and field labels.
public enum CollaborationExtractLabels {
    public static let title = "Samverkansärenden"
    public static let number = "Samverkansärende nr"
    public static let child = "Barn"
    public static let siblings = "Syskon i ärendet"
    public static let reason = "Anledning"
    public static let knownOn = "Behovet blev känt"
    public static let opened = "Öppnat"
    public static let owner = "Processägare"
    public static let participants = "Deltagare"
    public static let staff = "Personal med behov av uppgifterna"
    public static let handover = "Processägarskap överlämnat"
    public static let closed = "Avslutat"
    /// When and by whom: "2026-03-01 10:00 av Anna Berg".
    public static func at(_ time: String, by name: String) -> String { "\(time) av \(name)" }
    public static func handedOver(at time: String, from: String, to: String, reason: String) -> String { "\(time): \(from) till \(to), \(reason)" }
}
