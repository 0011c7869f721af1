import Foundation
import SQLKit
import SamverkaCore

/// A flag as the reviewer sees it.
public struct ReviewFlagRecord: Sendable, Hashable {
    public var id: RecordID
    public var kind: ReviewFlagKind?
    public var kindRaw: String
    public var staffName: String
    /// Whom the flag is about (nil: a staff member since removed, or none).
    public var staffID: RecordID?
    public var childID: RecordID?
    public var childName: String?
    public var childIdentityNumber: IdentityNumber?
    public var at: Date
    public var detail: String
    public var resolvedAt: Date?
    public var justified: Bool?
    public var note: String?
}

/// The log reviewer's flags, the accesses they are drawn from, and the monthly samples.
public enum LogReviewQueries {
    /// Audit actions that touch a child's data (searches carry no child).
    static let childAccessActions: [String] = [AuditAction.read, .update, .create, .export].map(\.rawValue)

    /// Every access to a child by a person in [from, until), oldest first.
    public static func childAccesses(from: Date, until: Date, _ db: any SQLDatabase) async throws -> [ChildAccessEntry] {
        try await db.raw("""
            SELECT a.id, a.staff_id, a.staff_name, a.child_id, a.at, c.enrolment_unit_id
            FROM audit_log a JOIN children c ON c.id = a.child_id
            WHERE a.at >= \(bind: from.epochSeconds) AND a.at < \(bind: until.epochSeconds) AND a.staff_id IS NOT NULL
              AND a.action IN (\(binds: childAccessActions))
            ORDER BY a.at, a.id
            """).all().map { row in
            ChildAccessEntry(auditID: try row.int64("id"), staffID: try row.int64("staff_id"), staffName: try row.string("staff_name"),
                             childID: try row.int64("child_id"), at: try row.date("at"), unitID: try row.optionalInt64("enrolment_unit_id"))
        }
    }

    /// Whether the person has a connection to the child: any of `clauses` (by default every
    /// subject area's, `ConnectedClause.all`) holds for the pair.
    public static func isConnected(_ pair: LogReviewRules.Pair, clauses: [ConnectedClause] = ConnectedClause.all, _ db: any SQLDatabase) async throws -> Bool {
        let row = try await db.raw("""
            SELECT CASE WHEN \(ConnectedClause.anyOf(clauses)) THEN 1 ELSE 0 END AS connected
            FROM (SELECT CAST(\(bind: pair.staffID) AS BIGINT) AS staff_id, CAST(\(bind: pair.childID) AS BIGINT) AS child_id) pair
            """).first()
        return try row?.flag("connected") ?? false
    }

    /// Inserts the flags that are not raised yet; returns how many were new.
    public static func raise(_ flags: [FlagCandidate], now: Date, _ db: any SQLDatabase) async throws -> Int {
        var raised = 0
        for flag in flags {
            let row = try await db.raw("""
                INSERT INTO review_flags (kind, staff_id, staff_name, child_id, at, detail, dedupe_key, audit_id)
                VALUES (\(bind: flag.kind.rawValue), \(bind: flag.staffID), \(bind: flag.staffName), \(bind: flag.childID),
                  \(bind: flag.at.epochSeconds), \(bind: flag.detail), \(bind: flag.key), \(bind: flag.auditID))
                ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
                """).first()
            if row != nil { raised += 1 }
        }
        return raised
    }

    private static let flagColumns = """
        f.id, f.kind, f.staff_name, f.staff_id, f.child_id, c.given_name, c.family_name, c.identity_number, f.at, f.detail,
        f.resolved_at, f.justified, f.note
        """

    private static func flag(_ row: any SQLRow) throws -> ReviewFlagRecord {
        let kind = try row.string("kind")
        let given = try row.optionalString("given_name")
        let family = try row.optionalString("family_name") ?? ""
        return ReviewFlagRecord(
            id: try row.int64("id"), kind: ReviewFlagKind(rawValue: kind), kindRaw: kind, staffName: try row.string("staff_name"),
            staffID: try row.optionalInt64("staff_id"), childID: try row.optionalInt64("child_id"), childName: given.map { "\($0) \(family)" },
            childIdentityNumber: try row.optionalString("identity_number").flatMap(IdentityNumber.init(storedDigits:)),
            at: try row.date("at"), detail: try row.string("detail"), resolvedAt: try row.optionalDate("resolved_at"),
            justified: try row.optionalInt64("justified").map { $0 != 0 }, note: try row.optionalString("note"))
    }

    /// Unresolved flags, oldest first.
    public static func open(limit: Int, _ db: any SQLDatabase) async throws -> [ReviewFlagRecord] {
        try await db.raw("""
            SELECT \(unsafeRaw: flagColumns) FROM review_flags f LEFT JOIN children c ON c.id = f.child_id
            WHERE f.resolved_at IS NULL ORDER BY f.at, f.id LIMIT \(bind: limit)
            """).all().map(flag)
    }

    /// Resolved flags, latest verdict first.
    public static func resolved(limit: Int, _ db: any SQLDatabase) async throws -> [ReviewFlagRecord] {
        try await db.raw("""
            SELECT \(unsafeRaw: flagColumns) FROM review_flags f LEFT JOIN children c ON c.id = f.child_id
            WHERE f.resolved_at IS NOT NULL ORDER BY f.resolved_at DESC, f.id DESC LIMIT \(bind: limit)
            """).all().map(flag)
    }

    public static func flag(id: RecordID, _ db: any SQLDatabase) async throws -> ReviewFlagRecord? {
        try await db.raw("SELECT \(unsafeRaw: flagColumns) FROM review_flags f LEFT JOIN children c ON c.id = f.child_id WHERE f.id = \(bind: id)")
            .first().map(flag)
    }

    /// Records the verdict once; false when the flag was already resolved (by someone else).
    public static func resolve(id: RecordID, _ resolution: FlagResolution, by staffID: RecordID, now: Date, _ db: any SQLDatabase) async throws -> Bool {
        let row = try await db.raw("""
            UPDATE review_flags SET resolved_at = \(bind: now.epochSeconds), resolved_by = \(bind: staffID),
              justified = \(bind: resolution.justified.flag), note = \(bind: resolution.note)
            WHERE id = \(bind: id) AND resolved_at IS NULL RETURNING id
            """).first()
        return row != nil
    }

    /// Every flag raised for accesses in [from, until), for the summary.
    public static func tallies(from: Date, until: Date, _ db: any SQLDatabase) async throws -> [FlagTally] {
        try await db.raw("SELECT kind, justified FROM review_flags WHERE at >= \(bind: from.epochSeconds) AND at < \(bind: until.epochSeconds)")
            .all().compactMap { row in
                guard let kind = ReviewFlagKind(rawValue: try row.string("kind")) else { return nil }
                return FlagTally(kind: kind, justified: try row.optionalInt64("justified").map { $0 != 0 })
            }
    }

    public static func childAccessCount(from: Date, until: Date, _ db: any SQLDatabase) async throws -> Int {
        let row = try await db.raw("""
            SELECT COUNT(*) AS n FROM audit_log WHERE at >= \(bind: from.epochSeconds) AND at < \(bind: until.epochSeconds)
              AND child_id IS NOT NULL AND staff_id IS NOT NULL AND action IN (\(binds: childAccessActions))
            """).first()
        return Int(try row?.int64("n") ?? 0)
    }

    // MARK: Samples

    /// Claims the sample of `period` for each unit; returns the units not drawn before.
    /// The primary key makes this safe when two reviewers draw at once.
    public static func claimSample(period: String, units: [RecordID], perUnit: Int, drawn: [RecordID: Int], by staffID: RecordID, now: Date, _ db: any SQLDatabase) async throws -> Set<RecordID> {
        var claimed = Set<RecordID>()
        for unit in units {
            let row = try await db.raw("""
                INSERT INTO review_samples (period, unit_key, per_unit, drawn, drawn_by, drawn_at)
                VALUES (\(bind: period), \(bind: unit), \(bind: perUnit), \(bind: drawn[unit] ?? 0), \(bind: staffID), \(bind: now.epochSeconds))
                ON CONFLICT (period, unit_key) DO NOTHING RETURNING period
                """).first()
            if row != nil { claimed.insert(unit) }
        }
        return claimed
    }

    public static func sampledPeriods(_ db: any SQLDatabase) async throws -> [(period: String, units: Int, drawn: Int)] {
        try await db.raw("SELECT period, COUNT(*) AS units, CAST(SUM(drawn) AS BIGINT) AS drawn FROM review_samples GROUP BY period ORDER BY period DESC")
            .all().map { (try $0.string("period"), Int(try $0.int64("units")), Int(try $0.int64("drawn"))) }
    }
}
