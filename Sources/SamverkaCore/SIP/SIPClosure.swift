import Foundation

/// Why a SIP ended (seed 004 §6, "Avslut av SIP"). Raw values are stored.
public enum SIPClosureReason: String, Sendable, Hashable, Codable, CaseIterable {
    case needsEnded = "needs-ended"
    case noNewNeedsExpected = "no-new-needs-expected"
    case consentWithdrawn = "consent-withdrawn"

    public var label: String {
        switch self {
        case .needsEnded: "Behoven av insatser från båda huvudmännen har upphört"
        case .noNewNeedsExpected: "Nya behov av insatser från båda huvudmännen väntas inte den närmaste tiden"
        case .consentWithdrawn: "Samtycket har tagits tillbaka"
        }
    }

    /// The reasons the SIP-ansvarig chooses when closing; withdrawal closes it by itself.
    public static let chosen: [SIPClosureReason] = [.needsEnded, .noNewNeedsExpected]
}

public struct SIPClosure: Sendable, Hashable, Codable {
    public var reason: SIPClosureReason
    public var note: String?
    public var by: StaffRef
    public var at: Date

    public init(reason: SIPClosureReason, note: String?, by: StaffRef, at: Date) {
        self.reason = reason
        self.note = note
        self.by = by
        self.at = at
    }
}

/// The protocol sent to the guardians with a reply slip, and the slip when it comes back
/// (seed 004 §6: a signature is not required, but asking whether they agree is).
public struct SIPReplySlip: Sendable, Hashable, Codable {
    public enum Agreement: String, Sendable, Hashable, Codable, CaseIterable {
        case agrees
        case partly
        case disagrees

        public var label: String {
            switch self {
            case .agrees: "Samtycker till planeringen"
            case .partly: "Samtycker till delar av planeringen"
            case .disagrees: "Samtycker inte till planeringen"
            }
        }
    }

    public var receivedOn: SimpleDate
    public var signed: Bool
    public var agreement: Agreement
    public var comment: String?
    public var recordedBy: StaffRef
    public var recordedAt: Date

    public init(receivedOn: SimpleDate, signed: Bool, agreement: Agreement, comment: String?, recordedBy: StaffRef, recordedAt: Date) {
        self.receivedOn = receivedOn
        self.signed = signed
        self.agreement = agreement
        self.comment = comment
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

public enum SIPClosureRules {
    public static func validate(reason: String, note: String?, by: StaffRef, at: Date) -> Result<SIPClosure, FieldErrors> {
        var errors = FieldErrors()
        let reason = SIPClosureReason(rawValue: reason).flatMap { SIPClosureReason.chosen.contains($0) ? $0 : nil }
        if reason == nil { errors.add("reason", "Välj varför SIP:en avslutas.") }
        let note = TextRules.trimmed(note)
        if note.count > 2000 { errors.add("closing_note", "Anteckningen får vara högst 2000 tecken.") }
        guard errors.isEmpty, let reason else { return .failure(errors) }
        return .success(SIPClosure(reason: reason, note: note.isEmpty ? nil : note, by: by, at: at))
    }

    public static func replySlip(receivedOn: String, signed: String, agreement: String, comment: String?, sentOn: SimpleDate?, today: SimpleDate, by: StaffRef, at: Date,
                                 alreadyRecorded: Bool = false) -> Result<SIPReplySlip, FieldErrors> {
        var errors = FieldErrors()
        if alreadyRecorded { errors.add("received_on", "Svarstalongen är redan registrerad.") }
        if sentOn == nil { errors.add("received_on", "Protokollet har inte skickats till vårdnadshavarna än.") }
        let received = SimpleDate(iso: TextRules.trimmed(receivedOn))
        if received == nil { errors.add("received_on", "Ange när svarstalongen kom tillbaka (ÅÅÅÅ-MM-DD).") }
        else if let received {
            if received > today { errors.add("received_on", "Datumet kan inte ligga i framtiden.") }
            if let sentOn, received < sentOn { errors.add("received_on", "Talongen kan inte ha kommit före att protokollet skickades (\(sentOn.iso)).") }
        }
        let signedValue: Bool? = signed == "ja" ? true : signed == "nej" ? false : nil
        if signedValue == nil { errors.add("signed", "Ange om talongen är underskriven.") }
        let agreement = SIPReplySlip.Agreement(rawValue: agreement)
        if agreement == nil { errors.add("agreement", "Ange om vårdnadshavarna samtycker till planeringen.") }
        let comment = TextRules.trimmed(comment)
        if comment.count > 2000 { errors.add("reply_comment", "Kommentaren får vara högst 2000 tecken.") }
        guard errors.isEmpty, let received, let signedValue, let agreement else { return .failure(errors) }
        return .success(SIPReplySlip(receivedOn: received, signed: signedValue, agreement: agreement, comment: comment.isEmpty ? nil : comment, recordedBy: by, recordedAt: at))
    }
}
