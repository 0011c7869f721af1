import Foundation
import SQLKit
import SamverkaCore

/// The log review's flags about the child in a register extract.
enum LogReviewExtract {
    typealias Field = RegisterExtract.Field
    typealias L = LogReviewExtractLabels

    static let flags = ExtractSection(tables: ["review_flags"]) { subject, db in
        let childID = subject.childID
        let flags = try await db.raw("""
            SELECT kind, staff_name, at, detail, resolved_at, justified, note FROM review_flags WHERE child_id = \(bind: childID) ORDER BY at
            """).all().map { row in
            let verdict = try row.optionalInt64("justified").map { L.verdict(justified: $0 != 0) }
            return RegisterExtract.Record([
                Field(L.flag, try ExtractValue.label(row, "kind") { ReviewFlagKind(rawValue: $0)?.label }),
                Field(L.staff, try row.string("staff_name")), Field(L.time, try ExtractValue.time(row, "at")), Field(L.what, try row.string("detail")),
                Field(L.reviewed, try ExtractValue.time(row, "resolved_at").map { "\($0), \(verdict ?? "")" }), Field(L.note, try row.optionalString("note")),
            ])
        }
        return .init(L.title, flags)
    }
}
