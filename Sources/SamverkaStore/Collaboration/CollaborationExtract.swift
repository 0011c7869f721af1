import Foundation
import SQLKit
import SamverkaCore

/// Collaboration cases, their meetings, actions and sent minutes in a register extract: a
/// case about the child or naming it as a sibling, and every meeting of such a case.
enum CollaborationExtract {
    typealias Field = RegisterExtract.Field

    /// The cases about the child or naming it as a sibling.
    static func caseIDs(_ childID: RecordID, _ db: any SQLDatabase) async throws -> [RecordID] {
        try await db.raw("""
            SELECT id FROM collaboration_cases WHERE child_id = \(bind: childID)
            UNION SELECT case_id AS id FROM case_siblings WHERE child_id = \(bind: childID) ORDER BY id
            """).all().map { try $0.int64("id") }
    }

    static let cases = ExtractSection(tables: ["collaboration_cases", "case_siblings", "case_handovers", "case_staff"]) { subject, db in
        let ids = try await caseIDs(subject.childID, db)
        var records: [RegisterExtract.Record] = []
        for id in ids {
            guard let record = try await CollaborationQueries.caseRecord(id: id, db) else { continue }
            let c = record.value
            let staff = try await db.raw("""
                SELECT s.display_name FROM case_staff cs JOIN staff s ON s.id = cs.staff_id WHERE cs.case_id = \(bind: id) ORDER BY s.display_name
                """).all().map { try $0.string("display_name") }
            var fields = [Field("Samverkansärende nr", String(id)), Field("Barn", record.childName),
                          Field("Syskon i ärendet", c.siblingIDs.isEmpty ? nil : String(c.siblingIDs.count)),
                          Field("Anledning", c.reason), Field("Behovet blev känt", c.knownOn.iso),
                          Field("Öppnat", "\(Stockholm.format(c.openedAt)) av \(c.openedBy.name)"), Field("Processägare", c.owner.name),
                          Field("Deltagare", c.participants.map { "\($0.name) (\($0.roleLabel))" }.joined(separator: ", ")),
                          Field("Personal med behov av uppgifterna", staff.joined(separator: ", "))]
            fields += c.handovers.map { Field("Processägarskap överlämnat", "\(Stockholm.format($0.at)): \($0.from.name) till \($0.to.name), \($0.reason)") }
            if let closure = c.closure {
                fields.append(Field("Avslutat", "\(closure.closedOn.iso) av \(closure.closedBy.name): \(closure.note)"))
            }
            records.append(RegisterExtract.Record(fields))
        }
        return .init("Samverkansärenden", records)
    }

    static let meetings = ExtractSection(tables: ["meetings"]) { subject, db in
        let records = try await CollaborationQueries.meetingsAbout(childID: subject.childID, caseIDs: try await caseIDs(subject.childID, db), db).map { m in
            var fields = [Field("Möte nr", String(m.id)), Field("Typ", m.type.name), Field("Samverkansärende nr", String(m.caseID)),
                          Field("Tid", "\(m.schedule.date.iso) \(m.schedule.start.text)–\(m.schedule.end.text)"), Field("Plats", m.schedule.place),
                          Field("Deltagare", m.participants.map { "\($0.person.name) (\($0.person.roleLabel))" }.joined(separator: ", ")),
                          Field("Bokat", "\(Stockholm.format(m.bookedAt)) av \(m.bookedByName)")]
            if let minutes = m.minutes {
                fields += [Field("Protokoll fastställt", m.closedAt.map(Stockholm.format)), Field("Ordförande", minutes.chair), Field("Sekreterare", minutes.secretary)]
                fields += minutes.agenda.map { Field($0.item, $0.text) }
                if let voice = minutes.childVoice {
                    fields.append(Field("Barnets röst", voice.view ?? voice.notObtainedReason))
                }
                fields += minutes.decisions.map { Field("Beslut", $0) }
            }
            return RegisterExtract.Record(fields)
        }
        return .init("Möten", records)
    }

    static let actions = ExtractSection(tables: ["meeting_actions"]) { subject, db in
        let ids = try await caseIDs(subject.childID, db)
        let records = ids.isEmpty ? [] : try await db.raw("""
            SELECT meeting_id, what, responsible_name, due_on, status, follow_up_note FROM meeting_actions
            WHERE case_id IN (\(binds: ids)) ORDER BY due_on, id
            """).all().map { row in
            RegisterExtract.Record([Field("Åtgärd", try row.string("what")), Field("Beslutad på möte nr", String(try row.int64("meeting_id"))),
                                    Field("Ansvarig", try row.string("responsible_name")), Field("Senast", try row.string("due_on")),
                                    Field("Uppföljning", try row.optionalString("status").map { ActionFollowUpStatus(rawValue: $0)?.label ?? $0 }),
                                    Field("Anteckning", try row.optionalString("follow_up_note"))])
        }
        return .init("Åtgärder från möten", records)
    }

    static let dispatches = ExtractSection(tables: ["minutes_dispatches"]) { subject, db in
        let ids = try await caseIDs(subject.childID, db)
        let records = ids.isEmpty ? [] : try await db.raw("""
            SELECT d.meeting_id, d.recipient, d.channel, d.sent_at, d.recorded_by_name FROM minutes_dispatches d JOIN meetings m ON m.id = d.meeting_id
            WHERE m.case_id IN (\(binds: ids)) OR m.child_id = \(bind: subject.childID) ORDER BY d.sent_at, d.id
            """).all().map { row in
            RegisterExtract.Record([Field("Protokoll från möte nr", String(try row.int64("meeting_id"))), Field("Till", try row.string("recipient")),
                                    Field("Hur", try ExtractValue.label(row, "channel") { DispatchChannel(rawValue: $0)?.label }),
                                    Field("Skickat", try ExtractValue.time(row, "sent_at")), Field("Antecknat av", try row.string("recorded_by_name"))])
        }
        return .init("Skickade protokoll", records)
    }
}
