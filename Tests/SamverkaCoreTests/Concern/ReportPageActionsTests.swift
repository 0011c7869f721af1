import Foundation
import Testing
@testable import SamverkaCore

/// The report page's buttons: the policy and the rules, asked per button.
@Suite("Report page actions")
struct ReportPageActionsTests {
    typealias A = ConcernAccessTests

    static func facts(_ state: ReportState, child: Bool = true, acute: Bool = false, running: Bool = false, lifted: Bool = false) -> ReportPageActions.Facts {
        .init(state: state, childLinked: child, isAcute: acute, runningInvestigation: running, noticeBanLifted: lifted)
    }

    static let new = ReportState(kind: .concern, channel: .oral, reporterKind: .agency, receivedAt: Fx.received)

    static func after(_ steps: [ReportStep], _ start: ReportState = new) throws -> ReportState {
        var state = start
        for step in steps { state = try ReportRules.apply(step, to: state, at: Fx.received, by: "Moa").get() }
        return state
    }

    static let assess = ReportStep.protectionAssessment(immediateProtectionNeeded: false, Fx.decision())

    @Test("intake is offered the next step only; a new oral report also its written confirmation")
    func intakeStepByStep() throws {
        let fresh = ReportPageActions.decide(A.intakeOfficer, A.report, Self.facts(Self.new))
        #expect(fresh.confirmReceipt && !fresh.assessProtection && !fresh.decidePreAssessment)
        #expect(fresh.confirmInWriting && !fresh.withholdFeedback && !fresh.recordFeedbackGiven)

        let received = ReportPageActions.decide(A.intakeOfficer, A.report, Self.facts(try Self.after([.confirmReceipt])))
        #expect(!received.confirmReceipt && received.assessProtection && !received.decidePreAssessment && received.withholdFeedback)

        let assessed = ReportPageActions.decide(A.intakeOfficer, A.report, Self.facts(try Self.after([.confirmReceipt, Self.assess])))
        #expect(!assessed.assessProtection && assessed.decidePreAssessment && !assessed.recordFeedbackGiven)

        let decided = ReportPageActions.decide(A.intakeOfficer, A.report, Self.facts(try Self.after([.confirmReceipt, Self.assess,
            .preAssessment(.notOpened, Fx.decision(), runningInvestigation: false)])))
        #expect(!decided.decidePreAssessment && decided.recordFeedbackGiven)
    }

    @Test("a case officer outside the investigating unit reads the report but is offered no step; one inside is")
    func caseOfficerReadsOnly() throws {
        let state = try Self.after([.confirmReceipt])
        let report = A.reportWithOfficerElsewhere
        #expect(AccessPolicy.allows(A.officerElsewhere, .viewReport(report)))
        let elsewhere = ReportPageActions.decide(A.officerElsewhere, report, Self.facts(state, acute: true))
        #expect(elsewhere == ReportPageActions(), "reads, and is offered nothing")
        let inside = ReportPageActions.decide(A.caseOfficer, report, Self.facts(state, acute: true))
        #expect(inside.assessProtection && inside.liftNoticeBan && inside.withholdFeedback && inside.confirmInWriting)
    }

    @Test("an anonymous reporter gets no feedback, so none is offered")
    func anonymous() throws {
        let start = ReportState(kind: .concern, channel: .written, reporterKind: .anonymous, receivedAt: Fx.received)
        let state = try Self.after([.confirmReceipt, Self.assess, .preAssessment(.notOpened, Fx.decision(), runningInvestigation: false)], start)
        let actions = ReportPageActions.decide(A.intakeOfficer, A.report, Self.facts(state))
        #expect(!actions.recordFeedbackGiven && !actions.withholdFeedback)
        #expect(!ReportRules.accepts(.recordFeedbackGiven, state))
    }

    @Test("the joint report meeting: a child linked, and not while an acute report's ban is in force")
    func jointMeeting() throws {
        let state = try Self.after([.confirmReceipt])
        #expect(ReportPageActions.decide(A.intakeOfficer, A.report, Self.facts(state)).bookJointMeeting)
        #expect(!ReportPageActions.decide(A.intakeOfficer, A.report, Self.facts(state, child: false)).bookJointMeeting)
        #expect(!ReportPageActions.decide(A.intakeOfficer, A.report, Self.facts(state, acute: true)).bookJointMeeting)
        #expect(ReportPageActions.decide(A.intakeOfficer, A.report, Self.facts(state, acute: true, lifted: true)).bookJointMeeting)
        #expect(!ReportPageActions.decide(A.teacherB, A.report, Self.facts(state)).bookJointMeeting)
    }

    @Test("a report without a child offers linking to its handler only; a running investigation still allows a decision")
    func linkingAndRunning() throws {
        let state = try Self.after([.confirmReceipt, Self.assess])
        #expect(ReportPageActions.decide(A.intakeOfficer, A.report, Self.facts(state, child: false)).linkChild)
        #expect(!ReportPageActions.decide(A.intakeOfficer, A.report, Self.facts(state)).linkChild)
        #expect(!ReportPageActions.decide(A.officerElsewhere, A.reportWithOfficerElsewhere, Self.facts(state, child: false)).linkChild)
        #expect(ReportPageActions.decide(A.intakeOfficer, A.report, Self.facts(state, running: true)).decidePreAssessment)
    }
}
