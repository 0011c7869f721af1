import Foundation
import SQLKit
import SamverkaCore

/// The contexts meetings belong to outside a collaboration case, as the policy and the
/// booking need them.
public enum MeetingContextQueries {
    /// A context's record: who may book, the child it is about.
    public struct ContextRecord: Sendable {
        public var context: MeetingContext
        public var facts: MeetingContextFacts
        /// nil when a report is not yet connected to a child.
        public var childID: RecordID?
        public var title: String
        /// Where the meeting is held unless decided otherwise: the reporting school (seed 002).
        public var defaultPlace: String?
    }

    /// `now`: the instant of the decision (a programme's team is the one its consent names then).
    public static func context(_ context: MeetingContext, at now: Date, _ db: any SQLDatabase) async throws -> ContextRecord? {
        switch context.kind {
        case .collaborationCase:
            return nil
        case .report:
            guard let report = try await ReportQueries.report(id: context.id, db) else { return nil }
            return ContextRecord(context: context, facts: .report(report.accessFacts), childID: report.childID, title: MeetingMessages.reportTitle(receiptNumber: report.receiptNumber), defaultPlace: report.reporterUnitName)
        case .investigation:
            guard let investigation = try await InvestigationQueries.investigation(id: context.id, db) else { return nil }
            return ContextRecord(context: context, facts: .investigation(investigation.accessFacts), childID: investigation.childID, title: MeetingMessages.investigationTitle(investigation.id), defaultPlace: nil)
        case .programmeEnrolment:
            guard let record = try await ProgrammeQueries.record(id: context.id, db) else { return nil }
            let facts = ProgrammeAccessFacts(record.enrolment, definition: record.definition, at: now)
            return ContextRecord(context: context, facts: .programme(facts), childID: record.enrolment.mainChildID, title: MeetingMessages.programmeFamilyTitle(programme: record.definition.name, enrolment: record.enrolment.id), defaultPlace: nil)
        case .forum:
            guard let forum = try await ForumQueries.forum(id: context.id, db) else { return nil }
            return ContextRecord(context: context, facts: .forum(ForumAccessFacts(forum)), childID: nil, title: forum.name, defaultPlace: nil)
        }
    }

    /// What the policy needs for a meeting outside a case: its context and its invited staff.
    static func accessFacts(_ meeting: MeetingRecord, at now: Date, _ db: any SQLDatabase) async throws -> MeetingAccessFacts? {
        guard let record = try await context(meeting.context, at: now, db) else { return nil }
        return MeetingAccessFacts(context: record.facts, participantStaffIDs: Set(meeting.participants.compactMap(\.person.staffID)))
    }
}
