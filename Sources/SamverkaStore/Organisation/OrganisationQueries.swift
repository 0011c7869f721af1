import Foundation
import SQLKit
import SamverkaCore

public struct StaffRecord: Sendable, Hashable {
    public var id: RecordID
    public var username: String
    public var displayName: String
    public var email: String?
    public var passwordHash: String
    public var active: Bool
    public var mustChangePassword: Bool
}

public struct AssignmentRecord: Sendable, Hashable {
    public var id: RecordID
    public var staffID: RecordID
    public var role: Role
    public var unitID: RecordID?
    public var unitName: String?
    public var unitKind: UnitKind?

    public var assignment: Assignment { Assignment(role: role, unitID: unitID, unitKind: unitKind, unitName: unitName) }
}

/// Municipality, areas, units, staff and their roles.
public enum OrganisationQueries {
    public static func municipalityName(_ db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT name FROM municipality WHERE id = 1").first().map { try $0.string("name") }
    }

    public static func setMunicipalityName(_ name: String, _ db: any SQLDatabase) async throws {
        if try await municipalityName(db) == nil {
            try await db.raw("INSERT INTO municipality (id, name) VALUES (1, \(bind: name))").run()
        } else {
            try await db.raw("UPDATE municipality SET name = \(bind: name) WHERE id = 1").run()
        }
    }

    // MARK: Areas

    public static func areas(_ db: any SQLDatabase) async throws -> [Area] {
        try await db.raw("SELECT id, name FROM areas ORDER BY name").all().map { Area(id: try $0.int64("id"), name: try $0.string("name")) }
    }

    public static func insertArea(name: String, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("INSERT INTO areas (name) VALUES (\(bind: name))")
    }

    public static func areaExists(name: String, _ db: any SQLDatabase) async throws -> Bool {
        try await db.raw("SELECT id FROM areas WHERE name = \(bind: name)").first() != nil
    }

    // MARK: Units

    public static func units(_ db: any SQLDatabase, includeInactive: Bool = true) async throws -> [OrgUnit] {
        let rows = try await db.raw("SELECT id, name, kind, area_id, active FROM units ORDER BY name").all()
        return try rows.compactMap(unit(from:)).filter { includeInactive || $0.active }
    }

    public static func unit(id: RecordID, _ db: any SQLDatabase) async throws -> OrgUnit? {
        try await db.raw("SELECT id, name, kind, area_id, active FROM units WHERE id = \(bind: id)").first().flatMap(unit(from:))
    }

    public static func unitNameExists(_ name: String, except id: RecordID? = nil, _ db: any SQLDatabase) async throws -> Bool {
        try await db.raw("SELECT id FROM units WHERE name = \(bind: name) AND id <> \(bind: id ?? -1)").first() != nil
    }

    private static func unit(from row: any SQLRow) throws -> OrgUnit? {
        guard let kind = UnitKind(rawValue: try row.string("kind")) else { return nil }
        return OrgUnit(id: try row.int64("id"), name: try row.string("name"), kind: kind, areaID: try row.optionalInt64("area_id"), active: try row.flag("active"))
    }

    public static func insertUnit(name: String, kind: UnitKind, areaID: RecordID?, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO units (name, kind, side, area_id, active, created_at)
            VALUES (\(bind: name), \(bind: kind.rawValue), \(bind: kind.side.rawValue), \(bind: areaID), 1, \(bind: now.epochSeconds))
            """)
    }

    public static func updateUnit(id: RecordID, name: String, areaID: RecordID?, active: Bool, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE units SET name = \(bind: name), area_id = \(bind: areaID), active = \(bind: active.flag) WHERE id = \(bind: id)").run()
    }

    // MARK: Staff

    private static let staffColumns = "id, username, display_name, email, password_hash, active, must_change_password"

    static func staff(from row: any SQLRow) throws -> StaffRecord {
        StaffRecord(
            id: try row.int64("id"), username: try row.string("username"), displayName: try row.string("display_name"),
            email: try row.optionalString("email"), passwordHash: try row.string("password_hash"),
            active: try row.flag("active"), mustChangePassword: try row.flag("must_change_password")
        )
    }

    public static func staff(id: RecordID, _ db: any SQLDatabase) async throws -> StaffRecord? {
        try await db.raw("SELECT \(unsafeRaw: staffColumns) FROM staff WHERE id = \(bind: id)").first().map(staff(from:))
    }

    public static func staff(username: String, _ db: any SQLDatabase) async throws -> StaffRecord? {
        try await db.raw("SELECT \(unsafeRaw: staffColumns) FROM staff WHERE username = \(bind: username)").first().map(staff(from:))
    }

    public static func allStaff(_ db: any SQLDatabase) async throws -> [StaffRecord] {
        try await db.raw("SELECT \(unsafeRaw: staffColumns) FROM staff ORDER BY display_name, username").all().map(staff(from:))
    }

    public static func insertStaff(username: String, displayName: String, email: String?, passwordHash: String, mustChangePassword: Bool, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO staff (username, display_name, email, password_hash, active, must_change_password, created_at)
            VALUES (\(bind: username), \(bind: displayName), \(bind: email), \(bind: passwordHash), 1, \(bind: mustChangePassword.flag), \(bind: now.epochSeconds))
            """)
    }

    public static func setActive(staffID: RecordID, active: Bool, now: Date, _ db: any SQLDatabase) async throws {
        let deactivatedAt: Int64? = active ? nil : now.epochSeconds
        try await db.raw("UPDATE staff SET active = \(bind: active.flag), deactivated_at = \(bind: deactivatedAt) WHERE id = \(bind: staffID)").run()
    }

    public static func setPassword(staffID: RecordID, hash: String, mustChange: Bool, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE staff SET password_hash = \(bind: hash), must_change_password = \(bind: mustChange.flag) WHERE id = \(bind: staffID)").run()
    }

    // MARK: Assignments

    public static func assignments(staffID: RecordID, _ db: any SQLDatabase) async throws -> [AssignmentRecord] {
        let rows = try await db.raw("""
            SELECT a.id, a.staff_id, a.role, a.unit_id, u.name AS unit_name, u.kind AS unit_kind
            FROM staff_assignments a LEFT JOIN units u ON u.id = a.unit_id
            WHERE a.staff_id = \(bind: staffID) ORDER BY a.id
            """).all()
        return try rows.compactMap { try assignment(from: $0, idColumn: "id") }
    }

    /// The assignments of several people in one query, by person.
    public static func assignments(staffIDs: Set<RecordID>, _ db: any SQLDatabase) async throws -> [RecordID: [AssignmentRecord]] {
        guard !staffIDs.isEmpty else { return [:] }
        let rows = try await db.raw("""
            SELECT a.id, a.staff_id, a.role, a.unit_id, u.name AS unit_name, u.kind AS unit_kind
            FROM staff_assignments a LEFT JOIN units u ON u.id = a.unit_id
            WHERE a.staff_id IN (\(binds: staffIDs.sorted())) ORDER BY a.id
            """).all()
        return Dictionary(grouping: try rows.compactMap { try assignment(from: $0, idColumn: "id") }, by: \.staffID)
    }

    /// An assignment row (`role`, `unit_id`, `unit_name`, `unit_kind`, `staff_id`); nil for an unknown role.
    static func assignment(from row: any SQLRow, idColumn: String) throws -> AssignmentRecord? {
        guard let role = Role(rawValue: try row.string("role")) else { return nil }
        return AssignmentRecord(
            id: try row.int64(idColumn), staffID: try row.int64("staff_id"), role: role, unitID: try row.optionalInt64("unit_id"),
            unitName: try row.optionalString("unit_name"), unitKind: try row.optionalString("unit_kind").flatMap(UnitKind.init(rawValue:))
        )
    }

    public static func insertAssignment(staffID: RecordID, role: Role, unitID: RecordID?, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO staff_assignments (staff_id, role, unit_id, created_at)
            VALUES (\(bind: staffID), \(bind: role.rawValue), \(bind: unitID), \(bind: now.epochSeconds))
            """)
    }

    public static func deleteAssignment(id: RecordID, staffID: RecordID, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM staff_assignments WHERE id = \(bind: id) AND staff_id = \(bind: staffID)").run()
    }

    /// The policy's view of a staff member.
    public static func actor(staffID: RecordID, _ db: any SQLDatabase) async throws -> Actor? {
        guard let staff = try await staff(id: staffID, db) else { return nil }
        return actor(staff: staff, assignments: try await assignments(staffID: staff.id, db))
    }

    /// The policy's view of a staff member already read with their assignments.
    public static func actor(staff: StaffRecord, assignments: [AssignmentRecord]) -> Actor {
        Actor(staffID: staff.id, displayName: staff.displayName, active: staff.active, assignments: assignments.map(\.assignment))
    }
}
