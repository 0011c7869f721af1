import Foundation
import SQLKit
import SamverkaCore

/// What a line on a work list is about. The store says what and which record; the web
/// words it and links it.
public enum WorkSubject: Sendable, Hashable {
    case report(id: RecordID, receiptNumber: String, kind: ReportKind)
    /// An oral report that still waits for its written confirmation (no clock).
    case writtenConfirmation(reportID: RecordID, receiptNumber: String)
    case investigation(id: RecordID, caseOfficerName: String)
    case followUp(investigationID: RecordID)
    case consentEnding(consentID: RecordID, childID: RecordID)
    case collaborationClock(caseID: RecordID)
    /// An action; its case when the meeting belongs to one.
    case meetingAction(meetingID: RecordID, caseID: RecordID?, what: String)
    /// A task; `childCaseID` is the person's open collaboration case about the task's child.
    case task(id: RecordID, title: String, kind: TaskKind?, investigationID: RecordID?, childID: RecordID?, childCaseID: RecordID?)
    case sipFollowUp(sipID: RecordID)
    case sipAction(sipID: RecordID, what: String)
    case sipConsentEnding(sipID: RecordID)
    /// A programme's clock (its kind says which); `what` for a plan action.
    case programme(enrolmentID: RecordID, what: String?)
    /// A forum below its number of meetings (`what`: "4 av minst 5 möten 2026").
    case forumMeetings(forumID: RecordID, forumName: String, what: String)
    /// A task of the yearly cycle.
    case cycleTask(kind: CycleTaskKind, year: Int)
    /// A referral to the student health team waiting for the team or the rektor (no clock).
    case ehtReferral(id: RecordID, stage: EHTReferralStage, decides: Bool)
}

/// One line on a work list: a running clock (or a task without a day), what it is about.
public struct WorkItem: Sendable, Hashable {
    public var subject: WorkSubject
    public var childName: String?
    /// The clock, run by the one engine; nil only for a reminder without a day.
    public var deadline: Deadline?
    public var state: ClockState

    init(_ subject: WorkSubject, childName: String?, deadline: Deadline?, now: Date) {
        self.subject = subject
        self.childName = childName
        self.deadline = deadline
        self.state = deadline?.state(at: now) ?? .running
    }

    public var dueDay: SimpleDate? { deadline.map(\.dueDay) }
    public var dueLabel: String { deadline?.dueLabel ?? "–" }
    public var kind: ClockKind? { deadline?.kind }
}

/// What a module's part of the work list is asked with.
struct WorkListRequest: Sendable {
    let origin: RequestOrigin
    let now: Date
    let today: SimpleDate
    /// Read only what the first `mostUrgent` items can come from.
    let mostUrgent: Int?

    var actor: Actor { origin.actor }

    /// False when a query read as many rows as it was allowed (there may be more).
    func isComplete(_ count: Int) -> Bool { mostUrgent.map { count < $0 } ?? true }
}

/// One module's lines: the person's own, and the overdue clocks of the units they manage.
struct WorkListPart: Sendable {
    var items: [WorkItem] = []
    var unitOverdue: [WorkItem] = []
    var complete = true
}

/// A module's contribution to the work list and the clocks it puts there.
struct WorkListSource: Sendable {
    let clocks: [ClockKind]
    let read: @Sendable (WorkListRequest, any SQLDatabase) async throws -> WorkListPart
}
