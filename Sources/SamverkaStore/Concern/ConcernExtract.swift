import Foundation
import SQLKit
import SamverkaCore

/// The concern path's sections of a register extract.
enum ConcernExtract {
    typealias Field = RegisterExtract.Field

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
                Field("Diarienummer", try row.string("receipt_number")),
                Field("Typ", try ExtractValue.label(row, "kind") { ReportKind(rawValue: $0)?.label }),
                Field("Kanal", try ExtractValue.label(row, "channel") { ReportChannel(rawValue: $0)?.label }),
                Field("Anmälare", (ReporterKind(rawValue: reporterKind)?.label ?? reporterKind) + (staffReporter ? ", " + (try row.optionalString("reporter_name") ?? "") : "")),
                Field("Handläggande enhet", try row.string("unit_name")),
                Field("Inkom", try ExtractValue.time(row, "received_at")), Field("Mottagandet bekräftat", try ExtractValue.time(row, "receipt_confirmed_at")),
                Field("Vad som setts eller hörts", try row.string("observations")), Field("Sedan när", try row.optionalString("since_when")),
                Field("Vad skolan har gjort", try row.optionalString("actions_taken")),
                Field("Skyddsbedömning", try ExtractValue.time(row, "protection_at").map { t in t + ((try? row.optionalInt64("protection_needed")) == 1 ? ", omedelbart skydd behövs" : ", inget omedelbart skyddsbehov") }),
                Field("Förhandsbedömning", try row.optionalString("pre_assessment").map { PreAssessmentOutcome(rawValue: $0)?.label ?? $0 }),
                Field("Beslutad", try ExtractValue.time(row, "decided_at")), Field("Återkoppling lämnad", try ExtractValue.time(row, "feedback_given_at")),
            ])
        }
        return .init("Orosanmälningar och ansökningar", reports,
                          note: "Anmälare utanför kommunens personal namnges inte i utdraget (\(LegalReference.reporterIdentitySecrecy.current)).")
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
                Field("Utredning nr", String(try row.int64("id"))), Field("Enhet", try row.string("unit_name")), Field("Handläggare", try row.string("display_name")),
                Field("Inledd", try ExtractValue.time(row, "opened_at")), Field("Ska vara klar", try ExtractValue.time(row, "due_at")),
                Field("Utlåtande från skolan begärt", try ExtractValue.time(row, "statement_requested_at")), Field("Utlåtande inkommet", try ExtractValue.time(row, "statement_returned_at")),
                Field("Avslutad", try ExtractValue.time(row, "closed_at")), Field("Resultat", try row.optionalString("outcome").map { InvestigationOutcome(rawValue: $0)?.label ?? $0 }),
                Field("Uppföljning till", try row.optionalString("follow_up_until")),
            ])
        }
        return .init("Utredningar", investigations)
    }

    static let referenceConversations = ExtractSection(tables: ["reference_conversations"]) { subject, db in
        let childID = subject.childID

        let references = try await ReferenceConversationQueries.list(childID: childID, db).map { r in
            RegisterExtract.Record([Field("Datum", r.conversation.heldOn.iso), Field("Med", r.conversation.withName), Field("Roll och enhet", r.conversation.withRole),
                                    Field("Anteckning", r.conversation.note), Field("Antecknat av", r.recordedByName), Field("Registrerat", Stockholm.format(r.recordedAt))])
        }
        return .init("Referenssamtal med förskola/skola", references)
    }

    static let decisions = ExtractSection(tables: ["decisions"]) { subject, db in
        let childID = subject.childID

        let decisions = try await db.raw("""
            SELECT d.kind, d.outcome, d.decided_by_name, d.decision_date, d.reasons FROM decisions d
            LEFT JOIN reports r ON r.id = d.report_id LEFT JOIN investigations i ON i.id = d.investigation_id
            WHERE r.child_id = \(bind: childID) OR i.child_id = \(bind: childID) ORDER BY d.recorded_at
            """).all().map { row in
            RegisterExtract.Record([Field("Beslut", try row.string("kind")), Field("Utfall", try row.optionalString("outcome")),
                                    Field("Beslutsdatum", try row.string("decision_date")), Field("Beslutat av", try row.string("decided_by_name")),
                                    Field("Skäl", try row.string("reasons"))])
        }
        return .init("Beslut", decisions)
    }

    static let interventions = ExtractSection(tables: ["interventions"]) { subject, db in
        let childID = subject.childID

        let interventions = try await db.raw("""
            SELECT v.kind, v.start_date, v.end_date, v.responsible, v.school_task FROM interventions v JOIN investigations i ON i.id = v.investigation_id
            WHERE i.child_id = \(bind: childID) ORDER BY v.start_date
            """).all().map { row in
            RegisterExtract.Record([Field("Insats", try ExtractValue.label(row, "kind") { InterventionKind(rawValue: $0)?.label }),
                                    Field("Från", try row.string("start_date")), Field("Till", try row.optionalString("end_date")),
                                    Field("Ansvarig", try row.string("responsible")), Field("Skolans uppgift", try row.optionalString("school_task"))])
        }
        return .init("Insatser", interventions)
    }

    static let schoolNotices = ExtractSection(tables: ["school_notices"]) { subject, db in
        let childID = subject.childID

        let notices = try await db.raw("""
            SELECT u.name, n.message, n.created_at FROM school_notices n JOIN units u ON u.id = n.unit_id WHERE n.child_id = \(bind: childID) ORDER BY n.created_at
            """).all().map { row in
            RegisterExtract.Record([Field("Till", try row.string("name")), Field("Meddelande", try row.string("message")), Field("Skickat", try ExtractValue.time(row, "created_at"))])
        }
        return .init("Meddelanden till skolan", notices)
    }

    static let tasks = ExtractSection(tables: ["tasks"]) { subject, db in
        let childID = subject.childID

        let tasks = try await db.raw("""
            SELECT s.display_name, t.title, t.due_on, t.done_at FROM tasks t JOIN staff s ON s.id = t.staff_id WHERE t.child_id = \(bind: childID) ORDER BY t.created_at
            """).all().map { row in
            RegisterExtract.Record([Field("Uppgift", try row.string("title")), Field("Ansvarig", try row.string("display_name")),
                                    Field("Senast", try row.optionalString("due_on")), Field("Klar", try ExtractValue.time(row, "done_at"))])
        }
        return .init("Uppgifter", tasks)
    }
}
