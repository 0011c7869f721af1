import Foundation
import SQLKit
import SamverkaCore

/// The concern path's sections of a register extract.
enum ConcernExtract {
    typealias Field = RegisterExtract.Field
    typealias L = ConcernExtractLabels

    static let reports = ExtractSection(tables: ["reports"]) { subject, db in
        let childID = subject.childID
        let reports = try await db.raw("""
            SELECT r.receipt_number, r.kind, r.channel, r.reporter_kind, r.reporter_staff_id, r.reporter_name, u.name AS unit_name,
              r.observations, r.since_when, r.actions_taken, r.acute_grounds, r.guardian_notice, r.received_at, r.receipt_confirmed_at,
              r.protection_at, r.protection_needed, r.pre_assessment, r.decided_at, r.feedback_given_at
            FROM reports r JOIN units u ON u.id = r.handling_unit_id WHERE r.child_id = \(bind: childID) ORDER BY r.received_at
            """).all().map { row in
            let reporterKind = try row.string("reporter_kind")
            let staffReporter = try row.optionalInt64("reporter_staff_id") != nil
            return RegisterExtract.Record([
                Field(L.receiptNumber, try row.string("receipt_number")),
                Field(L.kind, try ExtractValue.label(row, "kind") { ReportKind(rawValue: $0)?.label }),
                Field(L.channel, try ExtractValue.label(row, "channel") { ReportChannel(rawValue: $0)?.label }),
                Field(L.reporter, (ReporterKind(rawValue: reporterKind)?.label ?? reporterKind) + (staffReporter ? ", " + (try row.optionalString("reporter_name") ?? "") : "")),
                Field(L.handlingUnit, try row.string("unit_name")),
                Field(L.received, try ExtractValue.time(row, "received_at")), Field(L.receiptConfirmed, try ExtractValue.time(row, "receipt_confirmed_at")),
                Field(L.observations, try row.string("observations")), Field(L.sinceWhen, try row.optionalString("since_when")),
                Field(L.actionsTaken, try row.optionalString("actions_taken")),
                Field(L.protection, try ExtractValue.time(row, "protection_at").map { t in t + L.protectionNeeded((try? row.optionalInt64("protection_needed")) == 1) }),
                Field(L.preAssessment, try row.optionalString("pre_assessment").map { PreAssessmentOutcome(rawValue: $0)?.label ?? $0 }),
                Field(L.decided, try ExtractValue.time(row, "decided_at")), Field(L.feedbackGiven, try ExtractValue.time(row, "feedback_given_at")),
            ])
        }
        return .init(L.reportsTitle, reports, note: L.reportsNote)
    }

    static let investigations = ExtractSection(tables: ["investigations"]) { subject, db in
        let childID = subject.childID

        let investigations = try await db.raw("""
            SELECT i.id, u.name AS unit_name, s.display_name, i.opened_at, i.due_at, i.statement_requested_at, i.statement_returned_at,
              i.closed_at, i.outcome, i.follow_up_until
            FROM investigations i JOIN units u ON u.id = i.unit_id JOIN staff s ON s.id = i.case_officer_id
            WHERE i.child_id = \(bind: childID) ORDER BY i.opened_at
            """).all().map { row in
            RegisterExtract.Record([
                Field(L.investigationNumber, String(try row.int64("id"))), Field(L.unit, try row.string("unit_name")), Field(L.caseOfficer, try row.string("display_name")),
                Field(L.opened, try ExtractValue.time(row, "opened_at")), Field(L.due, try ExtractValue.time(row, "due_at")),
                Field(L.statementRequested, try ExtractValue.time(row, "statement_requested_at")), Field(L.statementReturned, try ExtractValue.time(row, "statement_returned_at")),
                Field(L.closed, try ExtractValue.time(row, "closed_at")), Field(L.outcome, try row.optionalString("outcome").map { InvestigationOutcome(rawValue: $0)?.label ?? $0 }),
                Field(L.followUpUntil, try row.optionalString("follow_up_until")),
            ])
        }
        return .init(L.investigationsTitle, investigations)
    }

    static let referenceConversations = ExtractSection(tables: ["reference_conversations"]) { subject, db in
        let childID = subject.childID

        let references = try await ReferenceConversationQueries.list(childID: childID, db).map { r in
            RegisterExtract.Record([Field(L.date, r.conversation.heldOn.iso), Field(L.with, r.conversation.withName), Field(L.roleAndUnit, r.conversation.withRole),
                                    Field(L.note, r.conversation.note), Field(L.notedBy, r.recordedByName), Field(L.recorded, Stockholm.format(r.recordedAt))])
        }
        return .init(L.referencesTitle, references)
    }

    static let decisions = ExtractSection(tables: ["decisions"]) { subject, db in
        let childID = subject.childID

        let decisions = try await db.raw("""
            SELECT d.kind, d.outcome, d.decided_by_name, d.decision_date, d.reasons FROM decisions d
            LEFT JOIN reports r ON r.id = d.report_id LEFT JOIN investigations i ON i.id = d.investigation_id
            WHERE r.child_id = \(bind: childID) OR i.child_id = \(bind: childID) ORDER BY d.recorded_at
            """).all().map { row in
            RegisterExtract.Record([Field(L.decision, try row.string("kind")), Field(L.decisionOutcome, try row.optionalString("outcome")),
                                    Field(L.decisionDate, try row.string("decision_date")), Field(L.decidedBy, try row.string("decided_by_name")),
                                    Field(L.reasons, try row.string("reasons"))])
        }
        return .init(L.decisionsTitle, decisions)
    }

    static let interventions = ExtractSection(tables: ["interventions"]) { subject, db in
        let childID = subject.childID

        let interventions = try await db.raw("""
            SELECT v.kind, v.start_date, v.end_date, v.responsible, v.school_task FROM interventions v JOIN investigations i ON i.id = v.investigation_id
            WHERE i.child_id = \(bind: childID) ORDER BY v.start_date
            """).all().map { row in
            RegisterExtract.Record([Field(L.intervention, try ExtractValue.label(row, "kind") { InterventionKind(rawValue: $0)?.label }),
                                    Field(L.from, try row.string("start_date")), Field(L.to, try row.optionalString("end_date")),
                                    Field(L.responsible, try row.string("responsible")), Field(L.schoolTask, try row.optionalString("school_task"))])
        }
        return .init(L.interventionsTitle, interventions)
    }

    static let schoolNotices = ExtractSection(tables: ["school_notices"]) { subject, db in
        let childID = subject.childID

        let notices = try await db.raw("""
            SELECT u.name, n.message, n.created_at FROM school_notices n JOIN units u ON u.id = n.unit_id WHERE n.child_id = \(bind: childID) ORDER BY n.created_at
            """).all().map { row in
            RegisterExtract.Record([Field(L.to, try row.string("name")), Field(L.message, try row.string("message")), Field(L.sent, try ExtractValue.time(row, "created_at"))])
        }
        return .init(L.noticesTitle, notices)
    }

    static let tasks = ExtractSection(tables: ["tasks"]) { subject, db in
        let childID = subject.childID

        let tasks = try await db.raw("""
            SELECT s.display_name, t.title, t.due_on, t.done_at FROM tasks t JOIN staff s ON s.id = t.staff_id WHERE t.child_id = \(bind: childID) ORDER BY t.created_at
            """).all().map { row in
            RegisterExtract.Record([Field(L.task, try row.string("title")), Field(L.responsible, try row.string("display_name")),
                                    Field(L.dueOn, try row.optionalString("due_on")), Field(L.done, try ExtractValue.time(row, "done_at"))])
        }
        return .init(L.tasksTitle, tasks)
    }
}
