import Foundation

/// What a reporter (and the school) may be told about a report, and nothing more
/// (SoL 19:6, OSL 26:9 a; seed 002 "Socialtjänsten återkopplar"). The content of social
/// services' assessment never appears here.
public struct ReporterFeedback: Sendable, Hashable {
    public var received: String
    public var decision: String?
    public var investigation: String?

    public var lines: [String] { [received, decision, investigation].compactMap { $0 } }

    /// `outcomeShared`: a consent in the registry lets this reporter see the outcome (the
    /// policy decides it, category "outcome"); without it only that the case is closed.
    public static func compose(report: ReportState, investigation: InvestigationState?, outcomeShared: Bool) -> ReporterFeedback {
        let received: String
        if let at = report.receiptConfirmedAt {
            received = "Mottagen av \(report.receiptConfirmedByName ?? "socialtjänsten") \(Stockholm.format(at))."
        } else {
            received = "Anmälan har kommit in till socialtjänsten. Mottagandet är inte bekräftat ännu."
        }
        if report.feedbackWithheldReason != nil {
            return ReporterFeedback(received: received, decision: report.isDecided ? "Anmälan är handlagd." : nil, investigation: nil)
        }
        guard let outcome = report.preAssessment else {
            return ReporterFeedback(received: received, decision: nil, investigation: nil)
        }
        let decision: String = switch outcome {
        case .openInvestigation: "Utredning har inletts."
        case .notOpened: "Utredning har inte inletts."
        case .alreadyRunning: "Utredning pågår redan."
        }
        var closure: String?
        if outcome != .notOpened, let investigation, !investigation.isOpen {
            // The outcome only with the guardians' consent; otherwise only that it is closed.
            if outcomeShared, let result = investigation.outcome {
                closure = "Utredningen är \(result.label.lowercased())."
            } else {
                closure = "Utredningen är avslutad."
            }
        }
        return ReporterFeedback(received: received, decision: decision, investigation: closure)
    }
}
