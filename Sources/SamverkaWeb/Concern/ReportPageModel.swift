import Foundation
import SamverkaCore
import SamverkaStore

/// The report page as social services' handlers see it (`/anmalningar/{id}`): the report,
/// its clocks and decisions, the meetings booked from it, and the steps
/// `ReportPageActions` offers this person. What the form typed stays (`state`).
struct ReportPageModel {
    struct Officer {
        let value: String
        let label: String
        let selected: Bool

        var data: [String: Any] { ["value": value, "label": label, "selected": selected] }
    }

    let view: ReportHandlerView
    let meetings: [MeetingRecord]
    /// The case officers an opened investigation may go to (empty unless a decision is offered).
    let officers: [Officer]
    let state: FormState
    let notice: String?
    let now: Date

    init(view: ReportHandlerView, meetings: [MeetingRecord], officers: [(id: RecordID, name: String, unitID: RecordID, unitName: String)], state: FormState, notice: String?, now: Date) {
        self.view = view
        self.meetings = meetings
        self.state = state
        self.notice = notice
        self.now = now
        self.officers = officers.map { o in
            let value = "\(o.id):\(o.unitID)"
            return Officer(value: value, label: "\(o.name), \(o.unitName)", selected: state.values["case_officer"] == value)
        }
    }

    /// The confirmation a redirect back to the page asks for.
    static func notice(_ query: (String) -> Bool) -> String? {
        if query("sparad") { return "Sparat." }
        if query("registrerad") { return "Anmälan är registrerad." }
        if query("havt") { return "Förbudet är hävt. Vårdnadshavarna får nu informeras om anmälan." }
        return nil
    }

    var title: String { "\(view.report.state.kind.label) \(view.report.receiptNumber)" }

    /// Who reported: a staff member and their unit, or the kind of outside reporter.
    var reporter: String {
        let r = view.report
        if r.reporterStaffID != nil { return "Personal, \(r.reporterUnitName ?? "")" }
        return r.state.reporterKind.label + (r.reporterName.map { ": \($0)" } ?? "")
    }

    /// The pre-assessment's choices: an application always opens an investigation.
    var outcomes: [[String: Any]] {
        let kind = view.report.state.kind
        return PreAssessmentOutcome.allCases.filter { kind == .concern || $0 == .openInvestigation }
            .map { ["value": $0.rawValue, "label": $0.label, "checked": state.values["outcome"] == $0.rawValue] }
    }

    var data: [String: Any] {
        var data = state.data
        data["values"] = state.values.merging(["decision_date": state.values["decision_date"] ?? Stockholm.date(of: now).iso]) { a, _ in a }
        for part in [report, progress, buttons] { data.merge(part) { _, new in new } }
        return data
    }

    /// What was reported, by whom, about whom.
    private var report: [String: Any] {
        let r = view.report
        let s = r.state
        let banLifted: Any = view.noticeBanLift.map { ["at": Stockholm.format($0.at), "by": $0.by, "reason": $0.reason] } ?? false
        return [
            "id": r.id, "receipt": r.receiptNumber, "kind": s.kind.label, "channel": s.channel.label,
            "childID": r.childID ?? false, "child": r.childName ?? false, "childDescription": r.childDescription ?? false,
            "childNumber": r.childNumber?.formatted ?? "", "protected": r.childProtected, "unit": r.handlingUnitName,
            "reporter": reporter, "contact": r.reporterContact ?? "–", "received": Stockholm.format(s.receivedAt),
            "observations": r.observations, "since": r.since ?? "–", "actions": r.actionsTaken ?? "–",
            "acute": r.isAcute, "acuteGrounds": r.acuteGrounds.map(\.label).joined(separator: ", "),
            "banLifted": banLifted, "guardianNotice": r.guardianNotice.label, "jointMeeting": r.jointMeetingRequested,
            "isApplication": s.kind == .application, "reason": view.reason.text,
            "others": view.otherReports.map { ConcernViews.reportRow($0, now: now) }, "hasOthers": !view.otherReports.isEmpty,
        ]
    }

    /// Where the handling stands: clocks, decisions, meetings, feedback.
    private var progress: [String: Any] {
        let s = view.report.state
        let confirmed: Any = s.receiptConfirmedAt.map { Stockholm.format($0) + " av " + (s.receiptConfirmedByName ?? "") } ?? false
        return [
            "stage": s.stage.label, "clocks": s.clocks().map { ConcernViews.clock($0, now: now) },
            "decisions": view.decisions.map(ConcernViews.decision),
            "meetings": ContextMeetingRows.rows(meetings), "hasMeetings": !meetings.isEmpty,
            "confirmed": confirmed, "written": s.writtenConfirmationAt.map(Stockholm.format) ?? false,
            "runningInvestigation": view.runningInvestigationID ?? false, "investigationID": view.report.investigationID ?? false,
            "feedbackRequested": s.feedbackRequestedAt.map(Stockholm.format) ?? false,
            "feedbackGiven": s.feedbackGivenAt.map(Stockholm.format) ?? false,
            "feedbackWithheld": s.feedbackWithheldReason ?? false,
            "stepError": state.errors["step"] ?? false, "notice": notice ?? false,
        ]
    }

    /// Each button is one question (ReportPageActions); the forms keep what was typed.
    private var buttons: [String: Any] {
        let actions = view.actions
        return [
            "canConfirm": actions.confirmReceipt, "canAssess": actions.assessProtection, "canDecide": actions.decidePreAssessment,
            "canConfirmWritten": actions.confirmInWriting, "canRecordFeedback": actions.recordFeedbackGiven,
            "canWithhold": actions.withholdFeedback, "canLink": actions.linkChild, "canLift": actions.liftNoticeBan,
            "canBookJointMeeting": actions.bookJointMeeting,
            // The Ja/Nej of a refused protection assessment stays chosen.
            "protectionYes": state.values["protection_needed"] == "yes", "protectionNo": state.values["protection_needed"] == "no",
            "outcomes": outcomes, "officers": officers.map(\.data),
        ]
    }
}

/// The report as the staff member who reported it sees it: what they wrote and the feedback
/// the law allows (`ReporterFeedback`), never the assessment.
struct ReporterReportPageModel {
    let report: ReportRecord
    let feedback: ReporterFeedback

    var title: String { "Anmälan \(report.receiptNumber)" }

    var data: [String: Any] {
        ["receipt": report.receiptNumber, "child": report.childName ?? report.childDescription ?? "Barnet (namnet visas inte för dig)", "received": Stockholm.format(report.state.receivedAt),
         "observations": report.observations, "since": report.since ?? "", "actions": report.actionsTaken ?? "",
         "guardianNotice": report.guardianNotice.label, "feedback": feedback.lines, "id": report.id,
         "canRequest": ReportRules.accepts(.requestFeedback, report.state)]
    }
}
