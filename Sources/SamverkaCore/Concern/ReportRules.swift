import Foundation

/// The steps social services (and the reporter) take on a report.
public enum ReportStep: Sendable, Hashable {
    case confirmReceipt
    case protectionAssessment(immediateProtectionNeeded: Bool, DecisionRecord)
    /// `runningInvestigation`: whether the child has an investigation open now.
    case preAssessment(PreAssessmentOutcome, DecisionRecord, runningInvestigation: Bool)
    case confirmInWriting
    case requestFeedback
    case recordFeedbackGiven
    case withholdFeedback(reason: String)
}

/// A refused step, with the message the person reads.
public struct StepRefusal: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The state machine of a report (DOMAIN §3.1 steps 4–7). Every step is checked here; the
/// store only applies steps this accepts.
public enum ReportRules {
    public static func apply(_ step: ReportStep, to report: ReportState, at now: Date, by name: String) -> Result<ReportState, StepRefusal> {
        var next = report
        switch step {
        case .confirmReceipt:
            guard report.receiptConfirmedAt == nil else { return .failure(.init("Mottagandet är redan bekräftat.")) }
            next.receiptConfirmedAt = now
            next.receiptConfirmedByName = name

        case .protectionAssessment(let needed, let decision):
            guard report.receiptConfirmedAt != nil else { return .failure(.init("Bekräfta mottagandet av anmälan först.")) }
            guard report.protectionAssessedAt == nil else { return .failure(.init("Skyddsbedömningen är redan gjord.")) }
            if let refusal = incomplete(decision) { return .failure(refusal) }
            next.protectionAssessedAt = now
            next.immediateProtectionNeeded = needed

        case .preAssessment(let outcome, let decision, let running):
            guard report.receiptConfirmedAt != nil else { return .failure(.init("Bekräfta mottagandet av anmälan först.")) }
            if let decided = report.preAssessment {
                if decided == .notOpened {
                    return .failure(.init("Beslutet att inte inleda utredning kan inte öppnas igen. Ny oro registreras som en ny anmälan."))
                }
                return .failure(.init("Anmälan är redan beslutad (\(decided.label.lowercased()))."))
            }
            guard report.protectionAssessedAt != nil else { return .failure(.init("Gör skyddsbedömningen innan förhandsbedömningen beslutas.")) }
            if let refusal = incomplete(decision) { return .failure(refusal) }
            switch outcome {
            case .openInvestigation:
                if running { return .failure(.init("Barnet har redan en pågående utredning. Koppla anmälan till den i stället.")) }
            case .notOpened:
                if report.kind == .application { return .failure(.init("En ansökan leder alltid till att utredning inleds.")) }
            case .alreadyRunning:
                if !running { return .failure(.init("Barnet har ingen pågående utredning att koppla anmälan till.")) }
            }
            next.preAssessment = outcome
            next.decidedAt = now
            // A staff reporter sees the decision in Samverka as soon as it is recorded.
            if report.reporterKind == .staff, report.feedbackWithheldReason == nil, report.feedbackGivenAt == nil {
                next.feedbackGivenAt = now
            }

        case .confirmInWriting:
            guard report.channel == .oral else { return .failure(.init("Bara muntliga anmälningar behöver bekräftas skriftligt.")) }
            guard report.writtenConfirmationAt == nil else { return .failure(.init("Den skriftliga bekräftelsen är redan registrerad.")) }
            next.writtenConfirmationAt = now

        case .requestFeedback:
            guard report.reporterKind != .anonymous else { return .failure(.init("En anonym anmälare kan inte få återkoppling.")) }
            guard report.feedbackRequestedAt == nil else { return .failure(.init("Återkoppling är redan begärd.")) }
            next.feedbackRequestedAt = now
            if report.reporterKind == .staff, report.isDecided, report.feedbackGivenAt == nil, report.feedbackWithheldReason == nil {
                next.feedbackGivenAt = now
            }
            // Feedback already judged inappropriate: that judgement handles the request (else
            // its clock could never be met: feedback can be neither given nor withheld again).
            if report.feedbackWithheldReason != nil, report.feedbackGivenAt == nil { next.feedbackGivenAt = now }

        case .recordFeedbackGiven:
            guard report.reporterKind != .anonymous else { return .failure(.init("En anonym anmälare kan inte få återkoppling.")) }
            guard report.isDecided else { return .failure(.init("Återkoppling kan lämnas först när förhandsbedömningen är beslutad.")) }
            guard report.feedbackWithheldReason == nil else { return .failure(.init("Återkoppling är bedömd som olämplig för den här anmälan.")) }
            guard report.feedbackGivenAt == nil else { return .failure(.init("Återkopplingen är redan registrerad.")) }
            next.feedbackGivenAt = now

        case .withholdFeedback(let reason):
            guard report.reporterKind != .anonymous else { return .failure(.init("En anonym anmälare kan inte få återkoppling.")) }
            guard report.receiptConfirmedAt != nil else { return .failure(.init("Bekräfta mottagandet av anmälan först.")) }
            guard report.feedbackWithheldReason == nil else { return .failure(.init("Det är redan registrerat att återkoppling är olämplig.")) }
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return .failure(.init("Skriv skälet till att återkoppling är olämplig.")) }
            next.feedbackWithheldReason = trimmed
            // Deciding that telling is inappropriate is how the request is handled.
            if report.feedbackRequestedAt != nil, report.feedbackGivenAt == nil { next.feedbackGivenAt = now }
        }
        return .success(next)
    }

    static func incomplete(_ decision: DecisionRecord) -> StepRefusal? {
        if decision.decidedByName.trimmingCharacters(in: .whitespaces).isEmpty { return .init("Beslutsfattare saknas.") }
        if decision.reasons.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .init("Skriv skälen för beslutet.") }
        return nil
    }
}
