import Foundation
import SQLKit
import SamverkaCore

/// Every access to the child's data, from the log.
enum AuditExtract {
    typealias Field = RegisterExtract.Field
    typealias L = AuditExtractLabels

    static let accesses = ExtractSection(tables: ["audit_log"]) { subject, db in
        let childID = subject.childID
        let accesses = try await db.raw("""
            SELECT at, staff_name, action, record_type, record_id, reason FROM audit_log WHERE child_id = \(bind: childID) ORDER BY at, id
            """).all().map { row in
            let action = try row.string("action")
            let record = L.record(AuditRecordType.label(try row.string("record_type")), number: try row.optionalString("record_id"))
            return RegisterExtract.Record([Field(L.time, try ExtractValue.time(row, "at")), Field(L.staff, try row.string("staff_name")),
                                           Field(L.event, AuditAction(rawValue: action)?.label ?? L.otherEvent), Field(L.record, record),
                                           Field(L.reason, try row.string("reason"))])
        }
        return .init(L.title, accesses)
    }
}
