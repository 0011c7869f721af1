import Foundation
import Testing
@testable import SamverkaCore

@Suite("Feedback to the reporter")
struct ReporterFeedbackTests {
    static let confirmedAt = Fx.at(2026, 11, 23, 10, 15)
    static let receivedLine = "Mottagen av Anna Intag 2026-11-23 10:15."
    static let notConfirmedLine = "Anmälan har kommit in till socialtjänsten. Mottagandet är inte bekräftat ännu."
    static let withheldReason = "Pappan får inte veta att skolan anmält"

    enum Stage: Sendable { case new, received, assessed, decided(PreAssessmentOutcome) }

    static func report(_ stage: Stage, withheld: Bool = false) -> ReportState {
        var r = ReportState(kind: .concern, channel: .written, reporterKind: .staff, receivedAt: Fx.received)
        switch stage {
        case .new: break
        case .received, .assessed, .decided:
            r.receiptConfirmedAt = confirmedAt
            r.receiptConfirmedByName = "Anna Intag"
        }
        switch stage {
        case .assessed, .decided:
            r.protectionAssessedAt = Fx.at(2026, 11, 23, 14, 0)
            r.immediateProtectionNeeded = true
        default: break
        }
        if case .decided(let outcome) = stage {
            r.preAssessment = outcome
            r.decidedAt = Fx.at(2026, 11, 30, 9, 0)
        }
        if withheld { r.feedbackWithheldReason = withheldReason }
        return r
    }

    static func investigation(closed outcome: InvestigationOutcome? = nil) -> InvestigationState {
        var i = InvestigationState(openedAt: Fx.at(2026, 11, 30, 9, 0))
        if let outcome {
            i.closedAt = Fx.at(2027, 3, 1, 9, 0)
            i.outcome = outcome
            i.clock.metAt = i.closedAt
        }
        return i
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let report: ReportState
        var investigation: InvestigationState? = nil
        /// A consent in the registry lets the reporter see the outcome (decided by the policy).
        var shared = false
        let lines: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "not yet confirmed", report: report(.new), lines: [notConfirmedLine]),
        .init(name: "confirmed", report: report(.received), lines: [receivedLine]),
        .init(name: "protection assessed: nothing of it is told", report: report(.assessed), lines: [receivedLine]),
        .init(name: "investigation opened", report: report(.decided(.openInvestigation)), lines: [receivedLine, "Utredning har inletts."]),
        .init(name: "investigation not opened", report: report(.decided(.notOpened)), lines: [receivedLine, "Utredning har inte inletts."]),
        .init(name: "investigation already running", report: report(.decided(.alreadyRunning)), lines: [receivedLine, "Utredning pågår redan."]),
        .init(name: "investigation still open", report: report(.decided(.openInvestigation)), investigation: investigation(), shared: true, lines: [receivedLine, "Utredning har inletts."]),
        .init(name: "closed with intervention, consent given", report: report(.decided(.openInvestigation)), investigation: investigation(closed: .withIntervention), shared: true, lines: [receivedLine, "Utredning har inletts.", "Utredningen är avslutad med insats."]),
        .init(name: "closed without intervention, consent given", report: report(.decided(.openInvestigation)), investigation: investigation(closed: .withoutIntervention), shared: true, lines: [receivedLine, "Utredning har inletts.", "Utredningen är avslutad utan insats."]),
        .init(name: "closed with intervention, consent not asked", report: report(.decided(.openInvestigation)), investigation: investigation(closed: .withIntervention), shared: false, lines: [receivedLine, "Utredning har inletts.", "Utredningen är avslutad."]),
        .init(name: "closed with intervention, consent refused", report: report(.decided(.openInvestigation)), investigation: investigation(closed: .withIntervention), shared: false, lines: [receivedLine, "Utredning har inletts.", "Utredningen är avslutad."]),
        .init(name: "closed without intervention, consent refused", report: report(.decided(.openInvestigation)), investigation: investigation(closed: .withoutIntervention), shared: false, lines: [receivedLine, "Utredning har inletts.", "Utredningen är avslutad."]),
        .init(name: "joined a running one, closed with consent", report: report(.decided(.alreadyRunning)), investigation: investigation(closed: .withIntervention), shared: true, lines: [receivedLine, "Utredning pågår redan.", "Utredningen är avslutad med insats."]),
        .init(name: "not opened: another investigation's closure is not told", report: report(.decided(.notOpened)), investigation: investigation(closed: .withIntervention), shared: true, lines: [receivedLine, "Utredning har inte inletts."]),
        .init(name: "withheld before the decision", report: report(.assessed, withheld: true), lines: [receivedLine]),
        .init(name: "withheld, decided: only handled", report: report(.decided(.openInvestigation), withheld: true), lines: [receivedLine, "Anmälan är handlagd."]),
        .init(name: "withheld, not opened: only handled", report: report(.decided(.notOpened), withheld: true), lines: [receivedLine, "Anmälan är handlagd."]),
        .init(name: "withheld, closed with consent: still only handled", report: report(.decided(.openInvestigation), withheld: true), investigation: investigation(closed: .withIntervention), shared: true, lines: [receivedLine, "Anmälan är handlagd."]),
    ]

    @Test(arguments: cases) func compose(_ c: Case) {
        let feedback = ReporterFeedback.compose(report: c.report, investigation: c.investigation, outcomeShared: c.shared)
        #expect(feedback.lines == c.lines)
    }

    @Test func receiptWithoutAName() {
        var r = Self.report(.received)
        r.receiptConfirmedByName = nil
        #expect(ReporterFeedback.compose(report: r, investigation: nil, outcomeShared: false).received == "Mottagen av socialtjänsten 2026-11-23 10:15.")
    }

    /// Every combination: each line is one of the fixed sentences (or the receipt line), so no
    /// assessment, reason, protection need or intervention kind can ever reach the reporter.
    @Test func neverMoreThanTheFixedSentences() {
        let allowed: Set<String> = [
            Self.receivedLine, Self.notConfirmedLine,
            "Utredning har inletts.", "Utredning har inte inletts.", "Utredning pågår redan.", "Anmälan är handlagd.",
            "Utredningen är avslutad.", "Utredningen är avslutad med insats.", "Utredningen är avslutad utan insats.",
        ]
        let stages: [Stage] = [.new, .received, .assessed] + PreAssessmentOutcome.allCases.map { .decided($0) }
        var investigations: [InvestigationState?] = [nil, Self.investigation()]
        for outcome in InvestigationOutcome.allCases { investigations.append(Self.investigation(closed: outcome)) }
        var combinations = 0
        for stage in stages {
            for withheld in [false, true] {
                for investigation in investigations { for shared in [false, true] {
                    let lines = ReporterFeedback.compose(report: Self.report(stage, withheld: withheld), investigation: investigation, outcomeShared: shared).lines
                    #expect(Set(lines).isSubset(of: allowed), "\(lines)")
                    #expect(!lines.joined().contains(Self.withheldReason))
                    #expect(!lines.joined().lowercased().contains("skydd"))
                    if withheld {
                        #expect(!lines.contains { $0.hasPrefix("Utredning") }, "withheld: nothing about the investigation")
                    }
                    if !shared {
                        #expect(!lines.contains("Utredningen är avslutad med insats.") && !lines.contains("Utredningen är avslutad utan insats."))
                    }
                    combinations += 1
                } }
            }
        }
        #expect(combinations == 6 * 2 * 4 * 2)
    }
}
