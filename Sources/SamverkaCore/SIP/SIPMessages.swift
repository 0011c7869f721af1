/// The SIP's words the store writes: the reasons in the audit log, the notes of its steps and
/// the register extract's labels. Kept in Core so the store writes no text of its own.
public enum SIPMessages {
    public static let notFound = "SIP:en finns inte eller så saknar du behörighet."
    /// The note of the pre-meeting step a consent completes.
    public static func consentStepNote(_ consentID: RecordID) -> String { "Samtycke nr \(consentID)" }
}

/// The SIP's reasons in the audit log.
public enum SIPAuditReasons {
    public static func opened(parties: Int, responsible: String) -> String { "SIP öppnad med \(parties) parter; SIP-ansvarig \(responsible)" }
    public static func mySIPs(_ count: Int) -> String { "Mina SIP:ar, \(count) visade" }
    public static func consentRecorded(_ number: RecordID, validTo: SimpleDate, newParties: [String]) -> String {
        "Samtycke till SIP nr \(number) registrerat, till och med \(validTo.iso)" + (newParties.isEmpty ? "" : "; nya parter: \(newParties.joined(separator: ", "))")
    }
    public static func consentWithdrawn(_ consentID: RecordID) -> String { "Samtycke nr \(consentID) återkallat; SIP:en avslutad för alla parter" }
    public static func preMeeting(_ step: String) -> String { "Förmöte: \(step)" }
    public static func meetingBooked(_ kind: String, when: String, invited: Int) -> String { "\(kind) bokat \(when); kallelser till \(invited) parter" }
    public static func invitation(_ kind: String, for organisation: String) -> String { "Kallelse till \(kind.lowercased()) för \(organisation)" }
    public static func protocolWritten(actions: Int, earlierDone: Int, followUp: String) -> String {
        "SIP-protokoll med \(actions) åtgärder, \(earlierDone) tidigare klara; uppföljning \(followUp)"
    }
    public static func protocolTo(_ organisation: String?) -> String { "SIP-protokoll till \(organisation ?? "vårdnadshavarna")" }
    public static let protocolSentToGuardians = "SIP-protokollet skickat till vårdnadshavarna med svarstalong"
    public static func replySlip(signed: Bool, agreement: String) -> String { "Svarstalong registrerad: \(SIPExtractLabels.signed(signed)), \(agreement.lowercased())" }
    public static func actionDone(_ what: String) -> String { "Åtgärd i SIP klar: \(what)" }
    public static func closed(_ reason: String) -> String { "SIP avslutad: \(reason)" }
}

/// The child's SIPs in a register extract: the title and field labels.
public enum SIPExtractLabels {
    public static let title = "SIP (samordnad individuell plan)"
    public static let number = "SIP nr"
    public static let need = "Behov"
    public static let raisedBy = "Behovet sågs av"
    public static let opened = "Öppnad"
    public static let responsible = "SIP-ansvarig"
    public static let parties = "Parter"
    public static let consent = "Samtycke"
    public static let preMeeting = "Förmöte"
    public static let protocolNeeds = "Behov (protokoll)"
    public static let action = "Åtgärd"
    public static let childVoice = "Barnets röst"
    public static let protocolSent = "Protokoll skickat till vårdnadshavarna"
    public static let replySlip = "Svarstalong"
    public static let closed = "Avslutad"
    /// When and by whom: "2026-03-01 10:00 av Anna Berg".
    public static func at(_ time: String, by name: String) -> String { "\(time) av \(name)" }
    public static func consent(_ id: RecordID, giver: String, givenBy: String, from: SimpleDate, to: SimpleDate, recordedBy: String, shares: String) -> String {
        "nr \(id), \(giver) (\(givenBy)), \(from.iso)–\(to.iso), registrerat av \(recordedBy). Får dela: \(shares)"
    }
    public static func withdrawn(_ time: String) -> String { ". Återkallat \(time)" }
    public static func replacedBy(_ id: RecordID) -> String { ". Ersatt av nr \(id)" }
    public static func held(_ time: String) -> String { ", hållet \(time)" }
    public static func action(_ what: String, responsible: String, dueOn: SimpleDate, doneAt: String?) -> String {
        "\(what), ansvarig \(responsible), senast \(dueOn.iso)\(doneAt.map { ", klar \($0)" } ?? "")"
    }
    public static func childVoiceMissing(_ reason: String?) -> String { "Saknas: \(reason ?? "")" }
    public static func signed(_ signed: Bool) -> String { signed ? "underskriven" : "ej underskriven" }
}
