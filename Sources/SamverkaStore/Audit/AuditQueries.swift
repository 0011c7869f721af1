import Foundation
import SQLKit
import SamverkaCore

public struct AuditRecord: Sendable, Hashable {
    public var id: RecordID
    public var at: Date
    public var staffID: RecordID?
    public var staffName: String
    public var action: AuditAction?
    public var actionRaw: String
    public var childID: RecordID?
    public var childIdentityNumber: IdentityNumber?
    public var childName: String?
    public var recordType: String
    public var recordID: String?
    public var reason: String
    public var clientAddress: String?
}

public struct AuditFilter: Sendable, Hashable {
    public var staffID: RecordID?
    public var childID: RecordID?
    public var from: Date?
    /// Exclusive upper bound.
    public var until: Date?
    public var action: AuditAction?

    public init(staffID: RecordID? = nil, childID: RecordID? = nil, from: Date? = nil, until: Date? = nil, action: AuditAction? = nil) {
        self.staffID = staffID
        self.childID = childID
        self.from = from
        self.until = until
        self.action = action
    }
}

/// The audit log. There is deliberately no update or delete here, and the database
/// refuses both with triggers.
public enum AuditQueries {
    public static func append(_ event: AuditEvent, at now: Date, _ db: any SQLDatabase) async throws {
        try await append([event], at: now, db)
    }

    /// Several rows in one statement (atomic on its own, so it needs no transaction).
    public static func append(_ events: [AuditEvent], at now: Date, _ db: any SQLDatabase) async throws {
        guard !events.isEmpty else { return }
        let rows = events.map { event -> SQLQueryString in
            """
            (\(bind: now.epochSeconds), \(bind: event.staffID), \(bind: event.staffName), \(bind: event.action.rawValue),
              \(bind: event.childID), \(bind: event.recordType.rawValue), \(bind: event.recordID), \(bind: event.reason), \(bind: event.clientAddress))
            """
        }
        var sql: SQLQueryString = "INSERT INTO audit_log (at, staff_id, staff_name, action, child_id, record_type, record_id, reason, client_address) VALUES "
        for (index, row) in rows.enumerated() { sql = sql + (index == 0 ? "" : ", ") + row }
        try await db.raw(sql).run()
    }

    private static func whereClause(_ filter: AuditFilter) -> SQLQueryString {
        var sql: SQLQueryString = " WHERE 1 = 1"
        if let staff = filter.staffID { sql = sql + " AND a.staff_id = \(bind: staff)" }
        if let child = filter.childID { sql = sql + " AND a.child_id = \(bind: child)" }
        if let from = filter.from { sql = sql + " AND a.at >= \(bind: from.epochSeconds)" }
        if let until = filter.until { sql = sql + " AND a.at < \(bind: until.epochSeconds)" }
        if let action = filter.action { sql = sql + " AND a.action = \(bind: action.rawValue)" }
        return sql
    }

    /// Newest first.
    public static func search(_ filter: AuditFilter, limit: Int, offset: Int, _ db: any SQLDatabase) async throws -> [AuditRecord] {
        let sql: SQLQueryString = """
            SELECT a.id, a.at, a.staff_id, a.staff_name, a.action, a.child_id, c.identity_number, c.given_name, c.family_name,
              a.record_type, a.record_id, a.reason, a.client_address
            FROM audit_log a LEFT JOIN children c ON c.id = a.child_id
            """ + whereClause(filter) + " ORDER BY a.at DESC, a.id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)"
        return try await db.raw(sql).all().map { row in
            let given = try row.optionalString("given_name")
            let family = try row.optionalString("family_name")
            let action = try row.string("action")
            return AuditRecord(
                id: try row.int64("id"), at: try row.date("at"), staffID: try row.optionalInt64("staff_id"),
                staffName: try row.string("staff_name"), action: AuditAction(rawValue: action), actionRaw: action,
                childID: try row.optionalInt64("child_id"),
                childIdentityNumber: try row.optionalString("identity_number").flatMap(IdentityNumber.init(storedDigits:)),
                childName: given.map { "\($0) \(family ?? "")" }, recordType: try row.string("record_type"),
                recordID: try row.optionalString("record_id"), reason: try row.string("reason"),
                clientAddress: try row.optionalString("client_address")
            )
        }
    }

    public static func count(_ filter: AuditFilter, _ db: any SQLDatabase) async throws -> Int {
        let row = try await db.raw("SELECT COUNT(*) AS n FROM audit_log a" + whereClause(filter)).first()
        return Int(try row?.int64("n") ?? 0)
    }
}
