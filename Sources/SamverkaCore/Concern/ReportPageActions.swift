import Foundation

/// What the report page offers its reader: each button asks the policy (does this person
/// handle the report?) and the rules (would `ReportRules` accept the step now?), so the page
/// never offers a step the next request would refuse. A case officer who sees the report
/// through the investigation reads it but takes no intake step.
public struct ReportPageActions: Sendable, Hashable {
    public var confirmReceipt = false
    public var assessProtection = false
    public var decidePreAssessment = false
    public var confirmInWriting = false
    public var recordFeedbackGiven = false
    public var withholdFeedback = false
    public var linkChild = false
    public var liftNoticeBan = false
    public var bookJointMeeting = false

    public init() {}

    /// What the page needs to know about the report beyond its access facts.
    public struct Facts: Sendable, Hashable {
        public var state: ReportState
        public var childLinked: Bool
        public var isAcute: Bool
        public var runningInvestigation: Bool
        public var noticeBanLifted: Bool

        public init(state: ReportState, childLinked: Bool, isAcute: Bool, runningInvestigation: Bool, noticeBanLifted: Bool) {
            self.state = state
            self.childLinked = childLinked
            self.isAcute = isAcute
            self.runningInvestigation = runningInvestigation
            self.noticeBanLifted = noticeBanLifted
        }
    }

    public static func decide(_ actor: Actor, _ access: ReportAccessFacts, _ facts: Facts) -> ReportPageActions {
        var actions = ReportPageActions()
        // The joint report meeting: once the report names a child, and never while an acute
        // report's ban on telling the guardians is in force.
        let guardiansMayBeTold = !GuardianNoticeRules.ReportFacts(isAcute: facts.isAcute, preAssessment: facts.state.preAssessment,
                                                                   liftedAt: facts.noticeBanLifted ? Date.distantPast : nil).forbidsTellingGuardians
        actions.bookJointMeeting = facts.childLinked && guardiansMayBeTold && AccessPolicy.allows(actor, .bookMeeting(.report(access)))
        guard handles(actor, access) else { return actions }
        let state = facts.state
        actions.confirmReceipt = ReportRules.accepts(.confirmReceipt, state)
        actions.assessProtection = ReportRules.accepts(.protectionAssessment(immediateProtectionNeeded: false, probe), state)
        actions.decidePreAssessment = PreAssessmentOutcome.allCases.contains {
            ReportRules.accepts(.preAssessment($0, probe, runningInvestigation: facts.runningInvestigation), state)
        }
        actions.confirmInWriting = ReportRules.accepts(.confirmInWriting, state)
        actions.recordFeedbackGiven = ReportRules.accepts(.recordFeedbackGiven, state)
        actions.withholdFeedback = ReportRules.accepts(.withholdFeedback(reason: "skäl"), state)
        actions.linkChild = !facts.childLinked
        actions.liftNoticeBan = facts.isAcute && !facts.noticeBanLifted
        return actions
    }

    /// Whether the person takes the report's steps: a handler in the unit that received it,
    /// or in the unit investigating it.
    public static func handles(_ actor: Actor, _ access: ReportAccessFacts) -> Bool {
        AccessPolicy.allows(actor, .handleReports(unitID: access.handlingUnitID))
            || access.investigationUnitID.map { AccessPolicy.allows(actor, .handleReports(unitID: $0)) } == true
    }

    /// A complete decision, so that only the report's state decides whether a step is offered.
    private static let probe = DecisionRecord(decidedBy: 0, decidedByName: "probe", date: SimpleDate(year: 2000, month: 1, day: 1)!, reasons: "probe")
}

extension ReportRules {
    /// Whether the step would be accepted on the report as it is now.
    public static func accepts(_ step: ReportStep, _ state: ReportState) -> Bool {
        if case .success = apply(step, to: state, at: Date(timeIntervalSince1970: 0), by: "") { return true }
        return false
    }
}
