import Foundation
import SQLKit
import SamverkaCore

/// The log review's flags about the child in a register extract.
enum LogReviewExtract {
    typealias Field = RegisterExtract.Field

    static let flags = ExtractSection(tables: ["review_flags"]) { subject, db in
        let childID = subject.childID
        let flags = try await db.raw("""
            SELECT kind, staff_name, at, detail, resolved_at, justified, note FROM review_flags WHERE child_id = \(bind: childID) ORDER BY at
            """).all().map { row in
            let verdict = try row.optionalInt64("justified").map { $0 != 0 ? "Befogad" : "Ej befogad" }
            return RegisterExtract.Record([
                Field("Flagga", try ExtractValue.label(row, "kind") { ReviewFlagKind(rawValue: $0)?.label }),
                Field("Medarbetare", try row.string("staff_name")), Field("Tid", try ExtractValue.time(row, "at")), Field("Vad", try row.string("detail")),
                Field("Granskad", try ExtractValue.time(row, "resolved_at").map { "\($0), \(verdict ?? "")" }), Field("Anteckning", try row.optionalString("note")),
            ])
        }
        return .init("Flaggor i loggkontrollen", flags)
    }
}
