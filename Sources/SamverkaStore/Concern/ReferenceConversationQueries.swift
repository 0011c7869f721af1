import Foundation
import SQLKit
import SamverkaCore

/// A reference conversation as the investigation and the register extract list it.
public struct ReferenceConversationRecord: Sendable, Hashable {
    public var conversation: ReferenceConversation
    public var recordedByName: String
    public var recordedAt: Date
}

public enum ReferenceConversationQueries {
    public static func insert(_ c: ReferenceConversation, investigationID: RecordID, childID: RecordID, by actor: Actor, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO reference_conversations (investigation_id, child_id, with_name, with_role, held_on, note, recorded_by, recorded_by_name, recorded_at)
            VALUES (\(bind: investigationID), \(bind: childID), \(bind: c.withName), \(bind: c.withRole), \(bind: c.heldOn.iso), \(bind: c.note),
              \(bind: actor.staffID), \(bind: actor.displayName), \(bind: now.epochSeconds))
            """)
    }

    /// The conversations of an investigation, or (`childID`) of every investigation of a child.
    public static func list(investigationID: RecordID? = nil, childID: RecordID? = nil, _ db: any SQLDatabase) async throws -> [ReferenceConversationRecord] {
        let filter: SQLQueryString = investigationID.map { "investigation_id = \(bind: $0)" } ?? "child_id = \(bind: childID ?? -1)"
        return try await db.raw("SELECT with_name, with_role, held_on, note, recorded_by_name, recorded_at FROM reference_conversations WHERE " + filter + " ORDER BY held_on, id")
            .all().map { row in
                ReferenceConversationRecord(
                    conversation: ReferenceConversation(withName: try row.string("with_name"), withRole: try row.optionalString("with_role"),
                                                        heldOn: SimpleDate(iso: try row.string("held_on")) ?? SimpleDate(year: 1970, month: 1, day: 1)!, note: try row.string("note")),
                    recordedByName: try row.string("recorded_by_name"), recordedAt: try row.date("recorded_at"))
            }
    }
}
