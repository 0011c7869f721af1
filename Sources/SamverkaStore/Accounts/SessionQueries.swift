import Foundation
import SQLKit
import SamverkaCore

public struct SessionRecord: Sendable, Hashable {
    public var tokenHash: String
    public var staffID: RecordID
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
}

public struct SessionLookupRow: Sendable {
    public var session: SessionRecord
    public var staff: StaffRecord?
    public var assignments: [AssignmentRecord]
    public var municipalityName: String?
    /// Which of the person's roles some active programme counts in its team or steering group.
    public var programmeRoles = ProgrammeRoleFacts()
    /// Whether the person chairs an active local collaboration group with a school or
    /// preschool among its members, so the statistics show them an area (the menu).
    public var chairsLocalGroupWithArea = false
}

/// Server-side sessions in the database, so any app instance can serve any request.
public enum SessionQueries {
    public static func insert(tokenHash: String, staffID: RecordID, csrfToken: String, clientAddress: String?, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO sessions (token_hash, staff_id, csrf_token, created_at, last_seen_at, client_address)
            VALUES (\(bind: tokenHash), \(bind: staffID), \(bind: csrfToken), \(bind: now.epochSeconds), \(bind: now.epochSeconds), \(bind: clientAddress))
            """).run()
    }

    /// What every signed-in request needs, in one query: the session, its person, their
    /// roles and units, and the municipality's name for the page header.
    public static func lookup(tokenHash: String, _ db: any SQLDatabase) async throws -> SessionLookupRow? {
        let rows = try await db.raw("""
            SELECT s.staff_id, s.csrf_token, s.created_at, s.last_seen_at,
              st.id, st.username, st.display_name, st.email, st.password_hash, st.active, st.must_change_password,
              a.id AS assignment_id, a.role, a.unit_id, u.name AS unit_name, u.kind AS unit_kind,
              (SELECT name FROM municipality WHERE id = 1) AS municipality_name,
              (SELECT COUNT(*) FROM programme_roles pr JOIN programme_definitions pd ON pd.programme_key = pr.programme_key
               WHERE pr.role = a.role AND pr.part = \(bind: ProgrammeRolePart.team.rawValue) AND pd.active = 1) AS programme_team,
              (SELECT COUNT(*) FROM programme_roles pr JOIN programme_definitions pd ON pd.programme_key = pr.programme_key
               WHERE pr.role = a.role AND pr.part = \(bind: ProgrammeRolePart.steeringGroup.rawValue) AND pd.active = 1) AS programme_steering,
              (SELECT COUNT(*) FROM forum_members c JOIN forums f ON f.id = c.forum_id
               JOIN forum_members m ON m.forum_id = f.id JOIN units mu ON mu.id = m.unit_id
               WHERE c.member_staff_id = s.staff_id AND c.member_role = \(bind: ForumMemberRole.chair.rawValue) AND f.active = 1
                 AND f.kind = \(bind: ForumKind.localCollaborationGroup.rawValue) AND mu.kind IN (\(binds: Self.schoolSideKinds))) AS chaired_local_groups
            FROM sessions s LEFT JOIN staff st ON st.id = s.staff_id
            LEFT JOIN staff_assignments a ON a.staff_id = s.staff_id LEFT JOIN units u ON u.id = a.unit_id
            WHERE s.token_hash = \(bind: tokenHash) ORDER BY a.id
            """).all()
        guard let first = rows.first else { return nil }
        let session = SessionRecord(
            tokenHash: tokenHash, staffID: try first.int64("staff_id"), csrfToken: try first.string("csrf_token"),
            createdAt: try first.date("created_at"), lastSeenAt: try first.date("last_seen_at")
        )
        let staff = try first.optionalInt64("id") == nil ? nil : try OrganisationQueries.staff(from: first)
        let assignments = try rows.compactMap { row in
            try row.optionalInt64("assignment_id") == nil ? nil : try OrganisationQueries.assignment(from: row, idColumn: "assignment_id")
        }
        var programmeRoles = ProgrammeRoleFacts()
        for row in rows {
            guard let role = try row.optionalString("role").flatMap(Role.init(rawValue:)) else { continue }
            if try row.int64("programme_team") > 0 { programmeRoles.team.insert(role) }
            if try row.int64("programme_steering") > 0 { programmeRoles.steeringGroup.insert(role) }
        }
        return SessionLookupRow(session: session, staff: staff, assignments: assignments, municipalityName: try first.optionalString("municipality_name"),
                                programmeRoles: programmeRoles, chairsLocalGroupWithArea: try first.int64("chaired_local_groups") > 0)
    }

    /// The unit kinds an LSG's area is made of (`StatisticsService.facts`).
    private static let schoolSideKinds = UnitKind.allCases.filter { $0.side == .school }.map(\.rawValue)

    public static func touch(tokenHash: String, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE sessions SET last_seen_at = \(bind: now.epochSeconds) WHERE token_hash = \(bind: tokenHash)").run()
    }

    public static func delete(tokenHash: String, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
    }

    /// Ends every session of a person (deactivation, password change elsewhere).
    public static func deleteAll(staffID: RecordID, except tokenHash: String? = nil, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM sessions WHERE staff_id = \(bind: staffID) AND token_hash <> \(bind: tokenHash ?? "")").run()
    }

    /// Sessions idle since before `cutoff`: housekeeping (`SessionCleanupJob`).
    public static func deleteIdle(before cutoff: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM sessions WHERE last_seen_at < \(bind: cutoff.epochSeconds)").run()
    }

    /// Sessions begun before `cutoff`, however active: past their absolute lifetime.
    public static func deleteStarted(before cutoff: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM sessions WHERE created_at < \(bind: cutoff.epochSeconds)").run()
    }
}

public enum SignInAttemptQueries {
    @discardableResult
    public static func record(username: String, clientAddress: String, succeeded: Bool, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO sign_in_attempts (at, username, client_address, succeeded)
            VALUES (\(bind: now.epochSeconds), \(bind: username), \(bind: clientAddress), \(bind: succeeded.flag))
            """)
    }

    /// An attempt counted as a failure before its check turns out right.
    public static func markSucceeded(id: RecordID, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE sign_in_attempts SET succeeded = 1 WHERE id = \(bind: id)").run()
    }

    /// Failures since `since` and after the last success: a successful sign-in clears the
    /// account's count. "After" is by row, not by second: attempts are recorded before
    /// they are checked, so an attempt recorded after the successful one (a parallel
    /// guess) still counts, and one recorded before it, in the same second, does not.
    public static func recentFailures(username: String, since: Date, _ db: any SQLDatabase) async throws -> Int {
        let row = try await db.raw("""
            SELECT COUNT(*) AS n FROM sign_in_attempts WHERE username = \(bind: username) AND succeeded = 0 AND at >= \(bind: since.epochSeconds)
              AND id > COALESCE((SELECT MAX(id) FROM sign_in_attempts WHERE username = \(bind: username) AND succeeded = 1), 0)
            """).first()
        return Int(try row?.int64("n") ?? 0)
    }

    public static func recentFailures(clientAddress: String, since: Date, _ db: any SQLDatabase) async throws -> Int {
        let row = try await db.raw("SELECT COUNT(*) AS n FROM sign_in_attempts WHERE client_address = \(bind: clientAddress) AND succeeded = 0 AND at >= \(bind: since.epochSeconds)").first()
        return Int(try row?.int64("n") ?? 0)
    }
}
