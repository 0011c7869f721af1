import Foundation
import SQLKit
import SamverkaCore

/// Collaboration cases in a register extract: a case about the child or naming it as a sibling.
enum CollaborationExtract {
    typealias Field = RegisterExtract.Field
    typealias L = CollaborationExtractLabels

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
            var fields = [Field(L.number, String(id)), Field(L.child, record.childName),
                          Field(L.siblings, c.siblingIDs.isEmpty ? nil : String(c.siblingIDs.count)),
                          Field(L.reason, c.reason), Field(L.knownOn, c.knownOn.iso),
                          Field(L.opened, L.at(Stockholm.format(c.openedAt), by: c.openedBy.name)), Field(L.owner, c.owner.name),
                          Field(L.participants, c.participants.map { "\($0.name) (\($0.roleLabel))" }.joined(separator: ", ")),
                          Field(L.staff, staff.joined(separator: ", "))]
            fields += c.handovers.map { Field(L.handover, L.handedOver(at: Stockholm.format($0.at), from: $0.from.name, to: $0.to.name, reason: $0.reason)) }
            if let closure = c.closure {
                fields.append(Field(L.closed, "\(L.at(closure.closedOn.iso, by: closure.closedBy.name)): \(closure.note)"))
            }
            records.append(RegisterExtract.Record(fields))
        }
        return .init(L.title, records)
    }
}
