import Foundation

/// The pre-meeting's steps (seed 004 §6, "Först hålls ett förmöte"), in the seed's order.
/// Each is recorded by the SIP-ansvarig with the child and guardians (who, when). Raw values
/// are stored and never renamed.
public enum SIPPreMeetingStep: String, Sendable, Hashable, Codable, CaseIterable {
    case questionsAndPurpose = "questions-and-purpose"
    case partiesDecided = "parties-decided"
    case consentObtained = "consent-obtained"
    case invitationsSent = "invitations-sent"
    case protocolStarted = "protocol-started"

    public var label: String {
        switch self {
        case .questionsAndPurpose: "Frågeställningar och syfte med SIP-mötet genomgångna med barnet och vårdnadshavarna"
        case .partiesDecided: "Tillsammans bestämt vilka parter som bjuds in"
        case .consentObtained: "Samtycke inhämtat"
        case .invitationsSent: "Kallelse skickad till parterna"
        case .protocolStarted: "SIP-protokollet påbörjat tillsammans med barnet och vårdnadshavarna"
        }
    }

    /// Steps recorded from elsewhere: the consent when it is recorded, the invitations when
    /// the SIP meeting is booked and its letters are made.
    public var isRecordedByItself: Bool { self == .consentObtained || self == .invitationsSent }
}

/// One step done.
public struct SIPStepDone: Sendable, Hashable, Codable {
    public var step: SIPPreMeetingStep
    public var note: String?
    public var by: StaffRef
    public var at: Date

    public init(step: SIPPreMeetingStep, note: String?, by: StaffRef, at: Date) {
        self.step = step
        self.note = note
        self.by = by
        self.at = at
    }
}

public enum SIPPreMeetingRules {
    /// A step marked by hand: only the ones that are not recorded by themselves, once each,
    /// and the invitations only once there is a consent in force.
    public static func mark(_ step: SIPPreMeetingStep, note: String?, done: [SIPStepDone], by: StaffRef, at: Date) -> Result<SIPStepDone, FieldErrors> {
        var errors = FieldErrors()
        let key = "step_\(step.rawValue)"
        if step.isRecordedByItself { errors.add(key, "Det här steget registreras när samtycket eller kallelsen görs.") }
        if done.contains(where: { $0.step == step }) { errors.add(key, "Steget är redan gjort.") }
        let note = TextRules.trimmed(note)
        if note.count > 2000 { errors.add(key, "Anteckningen får vara högst 2000 tecken.") }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(SIPStepDone(step: step, note: note.isEmpty ? nil : note, by: by, at: at))
    }
}
