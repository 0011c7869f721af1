import Foundation
import SQLKit
import SamverkaCore

public struct TaskRecord: Sendable, Hashable {
    public var id: RecordID
    public var title: String
    public var dueOn: SimpleDate?
    public var childID: RecordID?
    public var investigationID: RecordID?
    public var kind: TaskKind? = nil
}

/// Tasks that something other than the person ends.
public enum TaskKind: String, Sendable {
    /// Call the collaboration meeting that plans the return to school after a placement; done
    /// when a collaboration meeting about the child is held (seed 002).
    case returnToSchool = "return-to-school"
}

public struct SchoolNotice: Sendable, Hashable {
    public var childID: RecordID
    public var childName: String
    public var unitName: String
    public var message: String
    public var createdAt: Date
}

public struct ConsultationRecord: Sendable, Hashable {
    public var date: SimpleDate
    public var schoolUnitName: String?
    public var socialUnitName: String
    public var topic: String
    public var advice: String
    public var ledToReport: Bool
}

public struct SupportSummary: Sendable, Hashable {
    public var unitName: String
    public var month: String
    public var occasions: Int
    public var conversations: Int
}

/// Tasks, notices to the school, anonymous consultations and råd och stöd counts.
public enum ConcernSupportQueries {
    public static func insertTask(staffID: RecordID, childID: RecordID?, investigationID: RecordID?, title: String, dueOn: SimpleDate?, kind: TaskKind? = nil, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO tasks (staff_id, child_id, investigation_id, title, due_on, kind, created_at)
            VALUES (\(bind: staffID), \(bind: childID), \(bind: investigationID), \(bind: title), \(bind: dueOn?.iso), \(bind: kind?.rawValue), \(bind: now.epochSeconds))
            """).run()
    }

    /// Ends the open tasks of a kind about a child (the meeting they asked for was held).
    public static func completeTasks(kind: TaskKind, childID: RecordID, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE tasks SET done_at = \(bind: now.epochSeconds) WHERE kind = \(bind: kind.rawValue) AND child_id = \(bind: childID) AND done_at IS NULL").run()
    }

    public static func openTasks(staffID: RecordID, _ db: any SQLDatabase) async throws -> [TaskRecord] {
        try await db.raw("SELECT id, title, due_on, child_id, investigation_id, kind FROM tasks WHERE staff_id = \(bind: staffID) AND done_at IS NULL ORDER BY due_on, id LIMIT 200")
            .all().map(task)
    }

    private static func task(_ row: any SQLRow) throws -> TaskRecord {
        TaskRecord(id: try row.int64("id"), title: try row.string("title"), dueOn: try row.optionalString("due_on").flatMap(SimpleDate.init(iso:)),
                   childID: try row.optionalInt64("child_id"), investigationID: try row.optionalInt64("investigation_id"),
                   kind: try row.optionalString("kind").flatMap(TaskKind.init(rawValue:)))
    }

    /// One of the person's open tasks (nil: not theirs, done, or missing).
    public static func openTask(id: RecordID, staffID: RecordID, _ db: any SQLDatabase) async throws -> TaskRecord? {
        try await db.raw("SELECT id, title, due_on, child_id, investigation_id, kind FROM tasks WHERE id = \(bind: id) AND staff_id = \(bind: staffID) AND done_at IS NULL")
            .first().map(task)
    }

    public static func completeTask(id: RecordID, staffID: RecordID, now: Date, _ db: any SQLDatabase) async throws -> Bool {
        let row = try await db.raw("UPDATE tasks SET done_at = \(bind: now.epochSeconds) WHERE id = \(bind: id) AND staff_id = \(bind: staffID) AND done_at IS NULL RETURNING id").first()
        return row != nil
    }

    public static func insertNotice(childID: RecordID, unitID: RecordID, message: String, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("INSERT INTO school_notices (child_id, unit_id, message, created_at) VALUES (\(bind: childID), \(bind: unitID), \(bind: message), \(bind: now.epochSeconds))").run()
    }

    public static func notices(unitIDs: Set<RecordID>, limit: Int, _ db: any SQLDatabase) async throws -> [SchoolNotice] {
        guard !unitIDs.isEmpty else { return [] }
        let units = Array(unitIDs.sorted())
        return try await db.raw("""
            SELECT n.child_id, c.given_name, c.family_name, u.name AS unit_name, n.message, n.created_at FROM school_notices n
            JOIN children c ON c.id = n.child_id JOIN units u ON u.id = n.unit_id
            WHERE n.unit_id IN (\(binds: units)) ORDER BY n.created_at DESC LIMIT \(bind: limit)
            """).all().map { SchoolNotice(childID: try $0.int64("child_id"), childName: "\(try $0.string("given_name")) \(try $0.string("family_name"))",
                                          unitName: try $0.string("unit_name"), message: try $0.string("message"), createdAt: try $0.date("created_at")) }
    }

    public static func insertConsultation(_ c: ConsultationDraft, schoolUnitID: RecordID?, loggedBy: RecordID, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO consultations (consulted_on, school_unit_id, social_unit_id, topic, advice, led_to_report, logged_by, created_at)
            VALUES (\(bind: c.date.iso), \(bind: schoolUnitID), \(bind: c.socialUnitID), \(bind: c.topic), \(bind: c.advice), \(bind: c.ledToReport.flag),
              \(bind: loggedBy), \(bind: now.epochSeconds))
            """)
    }

    /// Consultations of the given units (school side: their school; social side: theirs).
    public static func consultations(unitIDs: Set<RecordID>, limit: Int, _ db: any SQLDatabase) async throws -> [ConsultationRecord] {
        guard !unitIDs.isEmpty else { return [] }
        let units = Array(unitIDs.sorted())
        return try await db.raw("""
            SELECT k.consulted_on, su.name AS school_name, so.name AS social_name, k.topic, k.advice, k.led_to_report FROM consultations k
            LEFT JOIN units su ON su.id = k.school_unit_id JOIN units so ON so.id = k.social_unit_id
            WHERE k.school_unit_id IN (\(binds: units)) OR k.social_unit_id IN (\(binds: units)) ORDER BY k.consulted_on DESC, k.id DESC LIMIT \(bind: limit)
            """).all().map { ConsultationRecord(date: SimpleDate(iso: try $0.string("consulted_on")) ?? SimpleDate(year: 1970, month: 1, day: 1)!,
                                                schoolUnitName: try $0.optionalString("school_name"), socialUnitName: try $0.string("social_name"),
                                                topic: try $0.string("topic"), advice: try $0.string("advice"), ledToReport: try $0.flag("led_to_report")) }
    }

    /// Which of these name tokens belong to a child in the registry.
    public static func knownNameTokens(_ tokens: Set<String>, _ db: any SQLDatabase) async throws -> [String] {
        guard !tokens.isEmpty else { return [] }
        let list = Array(tokens.sorted().prefix(200))
        return try await db.raw("SELECT DISTINCT token FROM child_name_tokens WHERE token IN (\(binds: list))").all().map { try $0.string("token") }
    }

    public static func insertSupportCount(_ c: SupportCountDraft, recordedBy: RecordID, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO support_counts (unit_id, held_on, conversations, recorded_by, created_at)
            VALUES (\(bind: c.unitID), \(bind: c.date.iso), \(bind: c.conversations), \(bind: recordedBy), \(bind: now.epochSeconds))
            """).run()
    }

    /// Totals per unit and month.
    public static func supportSummary(unitIDs: Set<RecordID>, _ db: any SQLDatabase) async throws -> [SupportSummary] {
        guard !unitIDs.isEmpty else { return [] }
        let units = Array(unitIDs.sorted())
        return try await db.raw("""
            SELECT u.name AS unit_name, SUBSTR(s.held_on, 1, 7) AS month, COUNT(*) AS occasions, SUM(s.conversations) AS conversations
            FROM support_counts s JOIN units u ON u.id = s.unit_id WHERE s.unit_id IN (\(binds: units))
            GROUP BY u.name, SUBSTR(s.held_on, 1, 7) ORDER BY month DESC, u.name LIMIT 120
            """).all().map { SupportSummary(unitName: try $0.string("unit_name"), month: try $0.string("month"),
                                            occasions: try $0.decode(column: "occasions", as: Int.self), conversations: try $0.decode(column: "conversations", as: Int.self)) }
    }
}
