import Foundation
import SQLKit
import SamverkaCore

/// Every access to the child's data, from the log.
enum AuditExtract {
    typealias Field = RegisterExtract.Field

    static let accesses = ExtractSection(tables: ["audit_log"]) { subject, db in
        let childID = subject.childID
        let accesses = try await db.raw("""
            SELECT at, staff_name, action, record_type, record_id, reason FROM audit_log WHERE child_id = \(bind: childID) ORDER BY at, id
            """).all().map { row in
            let action = try row.string("action")
            let record = AuditRecordType.label(try row.string("record_type")) + (try row.optionalString("record_id").map { " nr \($0)" } ?? "")
            return RegisterExtract.Record([Field("Tid", try ExtractValue.time(row, "at")), Field("Medarbetare", try row.string("staff_name")),
                                           Field("Händelse", AuditAction(rawValue: action)?.label ?? "Annan händelse"), Field("Post", record),
                                           Field("Anledning", try row.string("reason"))])
        }
        return .init("Åtkomster till barnets uppgifter (loggen)", accesses)
    }
}
