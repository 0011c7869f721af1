import Foundation
import SQLKit
import SamverkaCore

/// Meetings in a register extract: every meeting of a case about the child and every meeting
/// that concerns the child, with their actions, sent minutes, preparation and talks.
enum MeetingsExtract {
    typealias Field = RegisterExtract.Field
    typealias L = MeetingExtractLabels

    /// The meetings about a child: of its cases (as the child or a sibling), or concerning it.
    static func meetingIDs(_ childID: RecordID, _ db: any SQLDatabase) async throws -> [RecordID] {
        let cases = try await CollaborationExtract.caseIDs(childID, db)
        let inCases = cases.isEmpty ? SQLQueryString("") : SQLQueryString(" UNION SELECT id AS meeting_id FROM meetings WHERE case_id IN (\(binds: cases))")
        return try await db.raw("SELECT meeting_id FROM meeting_children WHERE child_id = \(bind: childID)\(inCases) ORDER BY meeting_id")
            .all().map { try $0.int64("meeting_id") }
    }

    static let meetings = ExtractSection(tables: ["meetings", "meeting_children"]) { subject, db in
        let records = try await CollaborationQueries.meetings(ids: try await meetingIDs(subject.childID, db), db).map { m in
            var fields = [Field(L.meetingNumber, String(m.id)), Field(L.type, m.type.name), Field(L.caseNumber, m.caseID.map(String.init)),
                          Field(L.time, "\(m.schedule.date.iso) \(m.schedule.start.text)–\(m.schedule.end.text)"), Field(L.place, m.schedule.place),
                          Field(L.participants, m.participants.map { "\($0.person.name) (\($0.person.roleLabel))" }.joined(separator: ", ")),
                          Field(L.booked, L.at(Stockholm.format(m.bookedAt), by: m.bookedByName))]
            if let minutes = m.minutes {
                fields += [Field(L.minutesClosed, m.closedAt.map(Stockholm.format)), Field(L.chair, minutes.chair), Field(L.secretary, minutes.secretary)]
                fields += minutes.agenda.map { Field($0.item, $0.text) }
                if let voice = minutes.childVoice {
                    fields.append(Field(L.childVoice, voice.view ?? voice.notObtainedReason))
                }
                fields += minutes.decisions.map { Field(L.decision, $0) }
            }
            return RegisterExtract.Record(fields)
        }
        return .init(L.meetingsTitle, records)
    }

    static let actions = ExtractSection(tables: ["meeting_actions"]) { subject, db in
        let ids = try await meetingIDs(subject.childID, db)
        let records = ids.isEmpty ? [] : try await db.raw("""
            SELECT meeting_id, what, responsible_name, due_on, status, follow_up_note FROM meeting_actions
            WHERE meeting_id IN (\(binds: ids)) ORDER BY due_on, id
            """).all().map { row in
            RegisterExtract.Record([Field(L.action, try row.string("what")), Field(L.decidedAtMeeting, String(try row.int64("meeting_id"))),
                                    Field(L.responsible, try row.string("responsible_name")), Field(L.dueOn, try row.string("due_on")),
                                    Field(L.followUp, try row.optionalString("status").map { ActionFollowUpStatus(rawValue: $0)?.label ?? $0 }),
                                    Field(L.note, try row.optionalString("follow_up_note"))])
        }
        return .init(L.actionsTitle, records)
    }

    static let dispatches = ExtractSection(tables: ["minutes_dispatches"]) { subject, db in
        let ids = try await meetingIDs(subject.childID, db)
        let records = ids.isEmpty ? [] : try await db.raw("""
            SELECT meeting_id, recipient, channel, sent_at, recorded_by_name FROM minutes_dispatches
            WHERE meeting_id IN (\(binds: ids)) ORDER BY sent_at, id
            """).all().map { row in
            RegisterExtract.Record([Field(L.minutesFromMeeting, String(try row.int64("meeting_id"))), Field(L.recipient, try row.string("recipient")),
                                    Field(L.how, try ExtractValue.label(row, "channel") { DispatchChannel(rawValue: $0)?.label }),
                                    Field(L.sent, try ExtractValue.time(row, "sent_at")), Field(L.notedBy, try row.string("recorded_by_name"))])
        }
        return .init(L.dispatchesTitle, records)
    }

    static let preparation = ExtractSection(tables: ["meeting_preparation_steps"]) { subject, db in
        let ids = try await meetingIDs(subject.childID, db)
        let records = ids.isEmpty ? [] : try await db.raw("""
            SELECT meeting_id, step_text, done_by_name, done_at FROM meeting_preparation_steps WHERE meeting_id IN (\(binds: ids)) ORDER BY meeting_id, step
            """).all().map { row in
            RegisterExtract.Record([Field(L.meetingNumber, String(try row.int64("meeting_id"))), Field(L.preparation, try row.string("step_text")),
                                    Field(L.done, L.at(try ExtractValue.time(row, "done_at") ?? "", by: try row.string("done_by_name")))])
        }
        return .init(L.preparationTitle, records)
    }

    static let childTalks = ExtractSection(tables: ["meeting_child_talks"]) { subject, db in
        let records = try await db.raw("""
            SELECT meeting_id, timing, talked_by, talked_on, child_view, recorded_by_name FROM meeting_child_talks
            WHERE child_id = \(bind: subject.childID) ORDER BY talked_on, id
            """).all().map { row in
            RegisterExtract.Record([Field(L.meetingNumber, String(try row.int64("meeting_id"))), Field(L.when, L.timing(before: try row.string("timing") == "before")),
                                    Field(L.talkedOn, try row.string("talked_on")), Field(L.talkedBy, try row.string("talked_by")),
                                    Field(L.childView, try row.string("child_view")), Field(L.notedBy, try row.string("recorded_by_name"))])
        }
        return .init(L.childTalksTitle, records)
    }
}
