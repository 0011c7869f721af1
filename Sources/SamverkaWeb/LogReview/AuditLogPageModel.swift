import Foundation
import SamverkaCore
import SamverkaStore

/// The log itself (`/logg`), for the log reviewer: the filter form (person, child's number,
/// dates, action) with its messages by the field, and the rows found.
struct AuditLogPageModel {
    let state: FormState
    let staff: [StaffRecord]
    /// nil when the filter was refused (the rows are not read).
    let result: (rows: [AuditRecord], total: Int)?

    static func row(_ row: AuditRecord) -> [String: Any] {
        var child = ""
        if let name = row.childName {
            child = name + " (" + (row.childIdentityNumber?.formatted ?? "") + ")"
        }
        let record = AuditRecordType.label(row.recordType) + (row.recordID.map { " nr \($0)" } ?? "")
        return ["at": Stockholm.format(row.at), "staff": row.staffName, "action": row.action?.label ?? row.actionRaw,
                "child": child, "record": record, "reason": row.reason, "address": row.clientAddress ?? ""]
    }

    var data: [String: Any] {
        let values = state.values
        var data = state.data
        data["staff"] = staff.map { ["id": $0.id, "name": "\($0.displayName) (\($0.username))", "selected": String($0.id) == values["staff_id"]] }
        data["actions"] = AuditAction.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0.rawValue == values["action"]] }
        data["law"] = LegalReference.accessControlAndLogReview.current
        if let result {
            data["rows"] = result.rows.map(Self.row)
            data["total"] = result.total
            data["none"] = result.rows.isEmpty
        }
        return data
    }
}
