import Foundation
import Testing
@testable import SamverkaCore

/// Steps as the tables write them.
private let confirm = ReportStep.confirmReceipt
private let assess = ReportStep.protectionAssessment(immediateProtectionNeeded: false, Fx.decision())
private func decide(_ outcome: PreAssessmentOutcome, running: Bool = false, _ decision: DecisionRecord = Fx.decision()) -> ReportStep {
    .preAssessment(outcome, decision, runningInvestigation: running)
}

/// What a step should lead to: accepted (with the report's stage after it) or refused with a message.
enum StepExpectation<Stage: Sendable & Equatable>: Sendable {
    case accepted(Stage)
    case refused(String)
}

@Suite("Report state machine")
struct ReportRulesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        var kind: ReportKind = .concern
        var channel: ReportChannel = .written
        var reporter: ReporterKind = .agency
        /// Steps that bring the report to the state under test (each must be accepted).
        var setup: [ReportStep] = []
        let step: ReportStep
        let expected: StepExpectation<ReportStage>
        var testDescription: String { name }
    }

    static let decidedOpen: [ReportStep] = [confirm, assess, decide(.openInvestigation)]
    static let decidedNotOpened: [ReportStep] = [confirm, assess, decide(.notOpened)]

    static let cases: [Case] = [
        // Receipt
        .init(name: "confirm receipt of a new report", step: confirm, expected: .accepted(.received)),
        .init(name: "confirm receipt twice", setup: [confirm], step: confirm, expected: .refused("Mottagandet är redan bekräftat.")),

        // Protection assessment
        .init(name: "protection assessment before receipt", step: assess, expected: .refused("Bekräfta mottagandet av anmälan först.")),
        .init(name: "protection assessment after receipt", setup: [confirm], step: assess, expected: .accepted(.assessed)),
        .init(name: "protection assessment twice", setup: [confirm, assess], step: assess, expected: .refused("Skyddsbedömningen är redan gjord.")),
        .init(name: "protection assessment without reasons", setup: [confirm], step: .protectionAssessment(immediateProtectionNeeded: true, Fx.decision("")), expected: .refused("Skriv skälen för beslutet.")),
        .init(name: "protection assessment with blank reasons", setup: [confirm], step: .protectionAssessment(immediateProtectionNeeded: true, Fx.decision(" \n\t ")), expected: .refused("Skriv skälen för beslutet.")),
        .init(name: "protection assessment without decision-maker", setup: [confirm], step: .protectionAssessment(immediateProtectionNeeded: false, Fx.decision(by: "  ")), expected: .refused("Beslutsfattare saknas.")),

        // Pre-assessment
        .init(name: "decision before receipt", step: decide(.openInvestigation), expected: .refused("Bekräfta mottagandet av anmälan först.")),
        .init(name: "decision before receipt, not opened", step: decide(.notOpened), expected: .refused("Bekräfta mottagandet av anmälan först.")),
        .init(name: "pre-assessment before protection assessment", setup: [confirm], step: decide(.openInvestigation), expected: .refused("Gör skyddsbedömningen innan förhandsbedömningen beslutas.")),
        .init(name: "pre-assessment before protection assessment, not opened", setup: [confirm], step: decide(.notOpened), expected: .refused("Gör skyddsbedömningen innan förhandsbedömningen beslutas.")),
        .init(name: "open an investigation", setup: [confirm, assess], step: decide(.openInvestigation), expected: .accepted(.decided(.openInvestigation))),
        .init(name: "open when one already runs", setup: [confirm, assess], step: decide(.openInvestigation, running: true), expected: .refused("Barnet har redan en pågående utredning. Koppla anmälan till den i stället.")),
        .init(name: "not opened", setup: [confirm, assess], step: decide(.notOpened), expected: .accepted(.decided(.notOpened))),
        .init(name: "not opened while one runs is still a decision", setup: [confirm, assess], step: decide(.notOpened, running: true), expected: .accepted(.decided(.notOpened))),
        .init(name: "already running when one runs", setup: [confirm, assess], step: decide(.alreadyRunning, running: true), expected: .accepted(.decided(.alreadyRunning))),
        .init(name: "already running when none runs", setup: [confirm, assess], step: decide(.alreadyRunning, running: false), expected: .refused("Barnet har ingen pågående utredning att koppla anmälan till.")),
        .init(name: "an application cannot be not opened", kind: .application, reporter: .guardian, setup: [confirm, assess], step: decide(.notOpened), expected: .refused("En ansökan leder alltid till att utredning inleds.")),
        .init(name: "an application opens an investigation", kind: .application, reporter: .youth, setup: [confirm, assess], step: decide(.openInvestigation), expected: .accepted(.decided(.openInvestigation))),
        .init(name: "decision without reasons", setup: [confirm, assess], step: decide(.notOpened, Fx.decision("")), expected: .refused("Skriv skälen för beslutet.")),
        .init(name: "decision with blank reasons", setup: [confirm, assess], step: decide(.openInvestigation, Fx.decision("   ")), expected: .refused("Skriv skälen för beslutet.")),
        .init(name: "decision without decision-maker", setup: [confirm, assess], step: decide(.openInvestigation, Fx.decision(by: "")), expected: .refused("Beslutsfattare saknas.")),
        .init(name: "deciding twice", setup: decidedOpen, step: decide(.openInvestigation, running: true), expected: .refused("Anmälan är redan beslutad (utredning inleds).")),
        .init(name: "deciding twice, to join", setup: decidedOpen, step: decide(.alreadyRunning, running: true), expected: .refused("Anmälan är redan beslutad (utredning inleds).")),
        .init(name: "joined, then decided again", setup: [confirm, assess, decide(.alreadyRunning, running: true)], step: decide(.notOpened), expected: .refused("Anmälan är redan beslutad (utredning pågår redan; anmälan kopplas till den).")),
        .init(name: "not opened cannot be reopened", setup: decidedNotOpened, step: decide(.openInvestigation), expected: .refused("Beslutet att inte inleda utredning kan inte öppnas igen. Ny oro registreras som en ny anmälan.")),
        .init(name: "not opened cannot be joined later", setup: decidedNotOpened, step: decide(.alreadyRunning, running: true), expected: .refused("Beslutet att inte inleda utredning kan inte öppnas igen. Ny oro registreras som en ny anmälan.")),
        .init(name: "not opened twice", setup: decidedNotOpened, step: decide(.notOpened), expected: .refused("Beslutet att inte inleda utredning kan inte öppnas igen. Ny oro registreras som en ny anmälan.")),

        // Written confirmation of an oral report
        .init(name: "oral report confirmed in writing", channel: .oral, step: .confirmInWriting, expected: .accepted(.new)),
        .init(name: "oral report confirmed in writing after the decision", channel: .oral, setup: decidedOpen, step: .confirmInWriting, expected: .accepted(.decided(.openInvestigation))),
        .init(name: "written confirmation twice", channel: .oral, setup: [.confirmInWriting], step: .confirmInWriting, expected: .refused("Den skriftliga bekräftelsen är redan registrerad.")),
        .init(name: "written report needs no written confirmation", channel: .written, step: .confirmInWriting, expected: .refused("Bara muntliga anmälningar behöver bekräftas skriftligt.")),
        .init(name: "e-service report needs no written confirmation", channel: .eService, step: .confirmInWriting, expected: .refused("Bara muntliga anmälningar behöver bekräftas skriftligt.")),

        // Feedback request
        .init(name: "anonymous reporter cannot request feedback", reporter: .anonymous, step: .requestFeedback, expected: .refused("En anonym anmälare kan inte få återkoppling.")),
        .init(name: "anonymous reporter, after the decision", reporter: .anonymous, setup: decidedOpen, step: .requestFeedback, expected: .refused("En anonym anmälare kan inte få återkoppling.")),
        .init(name: "agency requests feedback", reporter: .agency, step: .requestFeedback, expected: .accepted(.new)),
        .init(name: "private person requests feedback after the decision", reporter: .privatePerson, setup: decidedNotOpened, step: .requestFeedback, expected: .accepted(.decided(.notOpened))),
        .init(name: "staff reporter requests feedback", reporter: .staff, setup: [confirm], step: .requestFeedback, expected: .accepted(.received)),
        .init(name: "feedback requested twice", setup: [.requestFeedback], step: .requestFeedback, expected: .refused("Återkoppling är redan begärd.")),

        // Feedback given
        .init(name: "feedback before the decision", setup: [confirm, assess, .requestFeedback], step: .recordFeedbackGiven, expected: .refused("Återkoppling kan lämnas först när förhandsbedömningen är beslutad.")),
        .init(name: "feedback after the decision", setup: decidedOpen + [.requestFeedback], step: .recordFeedbackGiven, expected: .accepted(.decided(.openInvestigation))),
        .init(name: "feedback given twice", setup: decidedOpen + [.recordFeedbackGiven], step: .recordFeedbackGiven, expected: .refused("Återkopplingen är redan registrerad.")),
        .init(name: "staff reporter's feedback is given by the decision", reporter: .staff, setup: decidedOpen, step: .recordFeedbackGiven, expected: .refused("Återkopplingen är redan registrerad.")),
        .init(name: "feedback after it was judged inappropriate", setup: [confirm, .withholdFeedback(reason: "Skyddsskäl")] + Array(decidedOpen.dropFirst()), step: .recordFeedbackGiven, expected: .refused("Återkoppling är bedömd som olämplig för den här anmälan.")),

        // Feedback withheld
        .init(name: "withholding feedback before receipt", step: .withholdFeedback(reason: "Skyddsskäl"), expected: .refused("Bekräfta mottagandet av anmälan först.")),
        .init(name: "withholding feedback without a reason", setup: [confirm], step: .withholdFeedback(reason: ""), expected: .refused("Skriv skälet till att återkoppling är olämplig.")),
        .init(name: "withholding feedback with a blank reason", setup: [confirm], step: .withholdFeedback(reason: " \n "), expected: .refused("Skriv skälet till att återkoppling är olämplig.")),
        .init(name: "withholding feedback with a reason", setup: [confirm], step: .withholdFeedback(reason: "Skyddsskäl"), expected: .accepted(.received)),
        .init(name: "withholding feedback twice", setup: [confirm, .withholdFeedback(reason: "Skyddsskäl")], step: .withholdFeedback(reason: "Annat"), expected: .refused("Det är redan registrerat att återkoppling är olämplig.")),
    ]

    static func start(_ c: Case) -> ReportState {
        ReportState(kind: c.kind, channel: c.channel, reporterKind: c.reporter, receivedAt: Fx.received)
    }

    /// Applies steps a minute apart from `Fx.received`.
    static func run(_ steps: [ReportStep], on report: ReportState) throws -> ReportState {
        var report = report
        for (i, step) in steps.enumerated() {
            report = try ReportRules.apply(step, to: report, at: Fx.received + TimeInterval(60 * (i + 1)), by: "Intag").get()
        }
        return report
    }

    @Test(arguments: cases) func step(_ c: Case) throws {
        let before = try Self.run(c.setup, on: Self.start(c))
        let result = ReportRules.apply(c.step, to: before, at: Fx.at(2026, 11, 24, 9, 0), by: "Intag")
        switch (result, c.expected) {
        case (.success(let after), .accepted(let stage)):
            #expect(after.stage == stage)
        case (.failure(let refusal), .refused(let message)):
            #expect(refusal.message == message)
        default:
            Issue.record("\(c.name): got \(result), expected \(c.expected)")
        }
    }

    // MARK: - What accepted steps record

    static func report(_ reporter: ReporterKind = .agency, channel: ReportChannel = .written) -> ReportState {
        ReportState(kind: .concern, channel: channel, reporterKind: reporter, receivedAt: Fx.received)
    }

    @Test func wholePathRecordsTimesAndNames() throws {
        var r = Self.report(.agency)
        #expect(r.stage == .new)
        r = try ReportRules.apply(confirm, to: r, at: Fx.at(2026, 11, 23, 10, 15), by: "Anna Intag").get()
        #expect(r.receiptConfirmedAt == Fx.at(2026, 11, 23, 10, 15))
        #expect(r.receiptConfirmedByName == "Anna Intag")
        #expect(r.stage == .received)
        r = try ReportRules.apply(.protectionAssessment(immediateProtectionNeeded: true, Fx.decision()), to: r, at: Fx.at(2026, 11, 23, 13, 0), by: "Anna Intag").get()
        #expect(r.protectionAssessedAt == Fx.at(2026, 11, 23, 13, 0))
        #expect(r.immediateProtectionNeeded == true)
        #expect(r.stage == .assessed)
        #expect(!r.isDecided)
        r = try ReportRules.apply(decide(.openInvestigation), to: r, at: Fx.at(2026, 12, 1, 9, 0), by: "Anna Intag").get()
        #expect(r.preAssessment == .openInvestigation)
        #expect(r.decidedAt == Fx.at(2026, 12, 1, 9, 0))
        #expect(r.isDecided)
        #expect(r.feedbackGivenAt == nil, "an agency is told by the handler, not automatically")
        #expect(r.protectionClock.state(at: Fx.at(2026, 12, 1, 9, 0)) == .met)
        #expect(r.preAssessmentClock?.state(at: Fx.at(2026, 12, 1, 9, 0)) == .met)
    }

    @Test func staffReporterIsToldByTheDecision() throws {
        let decided = try Self.run(Self.decidedOpen, on: Self.report(.staff))
        #expect(decided.feedbackGivenAt == decided.decidedAt)
        #expect(decided.feedbackGivenAt != nil)
        // Asking afterwards is answered at once.
        let asked = try ReportRules.apply(.requestFeedback, to: decided, at: Fx.at(2026, 11, 25), by: "Lärare").get()
        #expect(asked.feedbackRequestedAt == Fx.at(2026, 11, 25))
        #expect(asked.feedbackClock?.state(at: Fx.at(2026, 12, 31)) == .met)
    }

    @Test func staffReporterIsNotToldWhenFeedbackIsWithheld() throws {
        let report = try Self.run([confirm, .withholdFeedback(reason: "Skyddsskäl"), assess, decide(.openInvestigation)], on: Self.report(.staff))
        #expect(report.isDecided)
        #expect(report.feedbackGivenAt == nil)
    }

    @Test func withholdingHandlesAPendingRequest() throws {
        let requested = try Self.run([confirm, .requestFeedback], on: Self.report(.agency))
        #expect(requested.feedbackClock?.state(at: Fx.at(2026, 11, 24)) == .running)
        let withheld = try ReportRules.apply(.withholdFeedback(reason: "  Risk för barnet \n"), to: requested, at: Fx.at(2026, 11, 24, 9, 0), by: "Intag").get()
        #expect(withheld.feedbackWithheldReason == "Risk för barnet")
        #expect(withheld.feedbackGivenAt == Fx.at(2026, 11, 24, 9, 0))
        #expect(withheld.feedbackClock?.state(at: Fx.at(2026, 12, 31)) == .met)
    }

    @Test func withholdingWithoutARequestStartsNothing() throws {
        let withheld = try Self.run([confirm, .withholdFeedback(reason: "Skyddsskäl")], on: Self.report(.agency))
        #expect(withheld.feedbackWithheldReason == "Skyddsskäl")
        #expect(withheld.feedbackGivenAt == nil)
        #expect(withheld.feedbackClock == nil)
    }

    /// Feedback judged inappropriate first, asked for afterwards: the judgement answers the
    /// request. Otherwise the one-week clock could never be met (feedback can no longer be
    /// recorded, nor withheld again) and would stay on the work list as overdue for ever.
    @Test(arguments: [ReporterKind.agency, .staff, .privatePerson])
    func requestAfterWithholdingIsHandled(reporter: ReporterKind) throws {
        let withheld = try Self.run([confirm, .withholdFeedback(reason: "Skyddsskäl"), assess, decide(.notOpened)], on: Self.report(reporter))
        let asked = try ReportRules.apply(.requestFeedback, to: withheld, at: Fx.at(2026, 11, 25, 9, 0), by: "Anmälare").get()
        #expect(asked.feedbackRequestedAt == Fx.at(2026, 11, 25, 9, 0))
        #expect(asked.feedbackGivenAt != nil)
        #expect(asked.feedbackClock?.state(at: Fx.at(2026, 12, 31)) == .met)
        #expect(ReportRules.apply(.recordFeedbackGiven, to: asked, at: Fx.at(2026, 11, 26), by: "Intag").map(\.stage) == .failure(StepRefusal("Återkoppling är bedömd som olämplig för den här anmälan.")))
    }

    @Test func writtenConfirmation() throws {
        let oral = Self.report(channel: .oral)
        #expect(oral.awaitsWrittenConfirmation)
        let confirmed = try ReportRules.apply(.confirmInWriting, to: oral, at: Fx.at(2026, 11, 24, 8, 0), by: "Intag").get()
        #expect(confirmed.writtenConfirmationAt == Fx.at(2026, 11, 24, 8, 0))
        #expect(!confirmed.awaitsWrittenConfirmation)
        #expect(!Self.report(channel: .written).awaitsWrittenConfirmation)
        #expect(!Self.report(channel: .eService).awaitsWrittenConfirmation)
    }

    @Test func stageLabels() {
        #expect(ReportStage.new.label == "Ny, mottagandet inte bekräftat")
        #expect(ReportStage.decided(.notOpened).label == "Utredning inleds inte")
        #expect(ReportStage.decided(.alreadyRunning).label == PreAssessmentOutcome.alreadyRunning.label)
    }
}

@Suite("Investigation state machine")
struct InvestigationRulesTests {
    static let opened = Fx.at(2026, 10, 31, 13, 0)
    /// Setup steps happen on 2026-11-10, the step under test on 2026-11-20.
    static let setupTime = Fx.at(2026, 11, 10, 10, 0)
    static let now = Fx.at(2026, 11, 20, 10, 0)

    static let closeWith = InvestigationStep.close(.withIntervention, Fx.decision())
    static let closeWithout = InvestigationStep.close(.withoutIntervention, Fx.decision())
    static func intervention(_ start: String = "2026-11-20", _ end: String? = nil, _ decision: DecisionRecord = Fx.decision()) -> InvestigationStep {
        .addIntervention(.familyTreatment, start: Fx.day(start), end: end.map(Fx.day), decision)
    }
    static func followUp(_ until: String, _ decision: DecisionRecord = Fx.decision()) -> InvestigationStep {
        .startFollowUp(until: Fx.day(until), decision)
    }

    /// Accepted steps: whether the investigation is open afterwards.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        var setup: [InvestigationStep] = []
        let step: InvestigationStep
        let expected: StepExpectation<Bool>
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // Extension
        .init(name: "extend an open investigation", step: .extend(to: Fx.day("2027-04-30"), Fx.decision()), expected: .accepted(true)),
        .init(name: "extend to the current due day", step: .extend(to: Fx.day("2027-02-28"), Fx.decision()), expected: .refused("Det nya slutdatumet måste vara senare än det nuvarande.")),
        .init(name: "extend without reasons", step: .extend(to: Fx.day("2027-04-30"), Fx.decision("")), expected: .refused("Skriv skälen för beslutet.")),
        .init(name: "extend after close", setup: [closeWithout], step: .extend(to: Fx.day("2027-04-30"), Fx.decision()), expected: .refused("Utredningen är avslutad och kan inte förlängas.")),

        // Closure
        .init(name: "close with intervention", step: closeWith, expected: .accepted(false)),
        .init(name: "close without intervention", step: closeWithout, expected: .accepted(false)),
        .init(name: "close without reasons", step: .close(.withoutIntervention, Fx.decision("")), expected: .refused("Skriv skälen för beslutet.")),
        .init(name: "close without decision-maker", step: .close(.withoutIntervention, Fx.decision(by: " ")), expected: .refused("Beslutsfattare saknas.")),
        .init(name: "close twice", setup: [closeWithout], step: closeWith, expected: .refused("Utredningen är redan avslutad.")),

        // The school's statement
        .init(name: "request a statement", step: .requestStatement, expected: .accepted(true)),
        .init(name: "request a statement twice", setup: [.requestStatement], step: .requestStatement, expected: .refused("Utlåtande är redan begärt.")),
        .init(name: "request a statement after close", setup: [closeWith], step: .requestStatement, expected: .refused("Utredningen är avslutad; utlåtande kan inte begäras.")),
        .init(name: "statement returned before it is requested", step: .returnStatement, expected: .refused("Inget utlåtande är begärt.")),
        .init(name: "statement returned", setup: [.requestStatement], step: .returnStatement, expected: .accepted(true)),
        .init(name: "statement returned twice", setup: [.requestStatement, .returnStatement], step: .returnStatement, expected: .refused("Utlåtandet är redan återsänt.")),

        // Interventions
        .init(name: "intervention during the investigation", step: intervention(), expected: .accepted(true)),
        .init(name: "intervention with an end", step: intervention("2026-11-20", "2027-05-20"), expected: .accepted(true)),
        .init(name: "intervention ending the day it starts", step: intervention("2026-11-20", "2026-11-20"), expected: .accepted(true)),
        .init(name: "intervention ending before it starts", step: intervention("2026-11-20", "2026-11-19"), expected: .refused("Slutdatum kan inte vara före startdatum.")),
        .init(name: "intervention without reasons", step: intervention("2026-11-20", nil, Fx.decision("")), expected: .refused("Skriv skälen för beslutet.")),
        .init(name: "intervention after closing with intervention", setup: [closeWith], step: intervention(), expected: .accepted(false)),
        .init(name: "intervention after closing without intervention", setup: [closeWithout], step: intervention(), expected: .refused("Utredningen avslutades utan insats; en ny insats kräver ett nytt beslut i en utredning.")),

        // Joint BBIC meeting
        .init(name: "plan a joint BBIC meeting", step: .planJointBBICMeeting, expected: .accepted(true)),
        .init(name: "plan a joint BBIC meeting twice", setup: [.planJointBBICMeeting], step: .planJointBBICMeeting, expected: .refused("Ett gemensamt BBIC-möte är redan planerat.")),
        .init(name: "plan a joint BBIC meeting after close", setup: [closeWith], step: .planJointBBICMeeting, expected: .refused("Utredningen är avslutad.")),

        // Follow-up (closed 2026-11-10: at most until 2027-05-10)
        .init(name: "follow-up while the investigation is open", step: followUp("2027-01-31"), expected: .refused("Uppföljning kan beslutas först när utredningen är avslutad.")),
        .init(name: "follow-up after close", setup: [closeWithout], step: followUp("2027-01-31"), expected: .accepted(false)),
        .init(name: "follow-up to the last allowed day", setup: [closeWithout], step: followUp("2027-05-10"), expected: .accepted(false)),
        .init(name: "follow-up a day too long", setup: [closeWithout], step: followUp("2027-05-11"), expected: .refused("Uppföljningen får pågå högst sex månader efter avslutet, till och med 2027-05-10.")),
        .init(name: "follow-up ending today", setup: [closeWithout], step: followUp("2026-11-20"), expected: .accepted(false)),
        .init(name: "follow-up ending in the past", setup: [closeWithout], step: followUp("2026-11-19"), expected: .refused("Slutdatum för uppföljningen har redan passerat.")),
        .init(name: "follow-up without reasons", setup: [closeWithout], step: followUp("2027-01-31", Fx.decision("")), expected: .refused("Skriv skälen för beslutet.")),
        .init(name: "follow-up twice", setup: [closeWithout, followUp("2027-01-31")], step: followUp("2027-02-28"), expected: .refused("Uppföljning är redan beslutad.")),
    ]

    static func run(_ steps: [InvestigationStep]) throws -> InvestigationState {
        var state = InvestigationState(openedAt: opened)
        for step in steps { state = try InvestigationRules.apply(step, to: state, at: setupTime).get() }
        return state
    }

    @Test(arguments: cases) func step(_ c: Case) throws {
        let before = try Self.run(c.setup)
        let result = InvestigationRules.apply(c.step, to: before, at: Self.now)
        switch (result, c.expected) {
        case (.success(let after), .accepted(let open)):
            #expect(after.isOpen == open)
        case (.failure(let refusal), .refused(let message)):
            #expect(refusal.message == message)
        default:
            Issue.record("\(c.name): got \(result), expected \(c.expected)")
        }
    }

    // MARK: - What accepted steps record

    @Test func closeStopsTheClock() throws {
        let closed = try InvestigationRules.apply(Self.closeWith, to: InvestigationState(openedAt: Self.opened), at: Self.now).get()
        #expect(closed.closedAt == Self.now)
        #expect(closed.outcome == .withIntervention)
        #expect(closed.clock.metAt == Self.now)
        #expect(closed.clock.state(at: Fx.at(2027, 6, 1)) == .met)
        #expect(closed.latestFollowUpDay == Fx.day("2027-05-20"))
    }

    @Test func closingLateIsMetLate() throws {
        let late = Fx.at(2027, 3, 1, 9, 0)
        let closed = try InvestigationRules.apply(Self.closeWithout, to: InvestigationState(openedAt: Self.opened), at: late).get()
        #expect(closed.clock.state(at: late) == .metLate)
    }

    @Test func extensionMovesTheClock() throws {
        let extended = try InvestigationRules.apply(.extend(to: Fx.day("2027-04-30"), Fx.decision("Väntar på utlåtande")), to: InvestigationState(openedAt: Self.opened), at: Self.now).get()
        #expect(extended.clock.dueLabel == "2027-04-30")
        #expect(extended.clock.extensions.map(\.reason) == ["Väntar på utlåtande"])
        #expect(extended.clock.extensions.first?.decidedAt == Self.now)
        #expect(extended.clock.state(at: Fx.at(2027, 3, 2)) == .extended)
    }

    @Test func statementAndMeeting() throws {
        var s = InvestigationState(openedAt: Self.opened)
        s = try InvestigationRules.apply(.requestStatement, to: s, at: Fx.at(2026, 11, 21)).get()
        #expect(s.statementRequestedAt == Fx.at(2026, 11, 21))
        #expect(s.statementReturnedAt == nil)
        s = try InvestigationRules.apply(.returnStatement, to: s, at: Fx.at(2026, 12, 1)).get()
        #expect(s.statementReturnedAt == Fx.at(2026, 12, 1))
        s = try InvestigationRules.apply(.planJointBBICMeeting, to: s, at: Self.now).get()
        #expect(s.jointBBICMeetingPlanned)
    }

    @Test func placementsAreMarked() {
        #expect(InterventionKind.allCases.filter(\.isPlacement) == [.fosterHome, .residentialCare])
    }
}
