import Foundation
import SQLKit
import SamverkaCore

/// Collaboration cases in a register extract: a case about the child or naming it as a sibling.
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
}
