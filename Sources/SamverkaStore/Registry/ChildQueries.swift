import Foundation
import SQLKit
import SamverkaCore

public struct ChildRecord: Sendable, Hashable {
    public var id: RecordID
    public var identityNumber: IdentityNumber
    public var givenName: String
    public var familyName: String
    public var enrolmentUnitID: RecordID?
    public var enrolmentUnitName: String?
    public var grade: String?
    public var protectedIdentity: Bool
    public var address: PostalAddress

    public var fullName: String { "\(givenName) \(familyName)" }
}

public struct GuardianRecord: Sendable, Hashable {
    public var id: RecordID
    public var identityNumber: IdentityNumber?
    public var givenName: String
    public var familyName: String
    public var phone: String?
    public var email: String?
    public var address: PostalAddress
    public var protectedIdentity: Bool

    public var fullName: String { "\(givenName) \(familyName)" }
}

/// A line in a list or search result: only what a list may show (never an address).
public struct ChildListItem: Sendable, Hashable {
    public var id: RecordID
    public var identityNumber: IdentityNumber
    public var givenName: String
    public var familyName: String
    public var enrolmentUnitName: String?
    public var grade: String?
    public var protectedIdentity: Bool
    public var unitIDs: Set<RecordID>

    public var fullName: String { "\(givenName) \(familyName)" }
    public var accessFacts: ChildAccessFacts { ChildAccessFacts(childID: id, unitIDs: unitIDs, protectedIdentity: protectedIdentity) }
}

/// The registry of children and guardians.
public enum ChildQueries {
    /// The school's name by a scalar subquery, not a join (cheaper for PostgreSQL to plan, see
    /// `ReportQueries.columns`). The address is not here: it belongs to a side (`address`).
    private static let childColumns = """
        c.id, c.identity_number, c.given_name, c.family_name, c.enrolment_unit_id, (SELECT name FROM units WHERE id = c.enrolment_unit_id) AS unit_name, c.grade,
        c.protected_identity
        """

    private static func child(from row: any SQLRow) throws -> ChildRecord? {
        guard let number = IdentityNumber(storedDigits: try row.string("identity_number")) else { return nil }
        return ChildRecord(
            id: try row.int64("id"), identityNumber: number, givenName: try row.string("given_name"),
            familyName: try row.string("family_name"), enrolmentUnitID: try row.optionalInt64("enrolment_unit_id"),
            enrolmentUnitName: try row.optionalString("unit_name"), grade: try row.optionalString("grade"),
            protectedIdentity: try row.flag("protected_identity"), address: PostalAddress()
        )
    }

    /// The child's address as one of `sides` entered it (social services' first), or none.
    public static func address(childID: RecordID, sides: Set<Side>, _ db: any SQLDatabase) async throws -> PostalAddress {
        guard !sides.isEmpty else { return PostalAddress() }
        let rows = try await db.raw("""
            SELECT side, street_address, postal_code, city FROM child_addresses
            WHERE child_id = \(bind: childID) AND side IN (\(binds: sides.map(\.rawValue).sorted()))
            ORDER BY side DESC
            """).all()
        guard let row = rows.first else { return PostalAddress() }
        return PostalAddress(street: try row.optionalString("street_address"), postalCode: try row.optionalString("postal_code"), city: try row.optionalString("city"))
    }

    /// Records the address `side` entered (replacing that side's earlier one; the other side's stays).
    static func setAddress(childID: RecordID, side: Side, _ address: PostalAddress, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM child_addresses WHERE child_id = \(bind: childID) AND side = \(bind: side.rawValue)").run()
        guard address.street != nil || address.postalCode != nil || address.city != nil else { return }
        try await db.raw("""
            INSERT INTO child_addresses (child_id, side, street_address, postal_code, city, updated_at)
            VALUES (\(bind: childID), \(bind: side.rawValue), \(bind: address.street), \(bind: address.postalCode), \(bind: address.city), \(bind: now.epochSeconds))
            """).run()
    }

    public static func child(id: RecordID, _ db: any SQLDatabase) async throws -> ChildRecord? {
        try await db.raw("SELECT \(unsafeRaw: childColumns) FROM children c WHERE c.id = \(bind: id)")
            .first().flatMap(child(from:))
    }

    /// The child and its policy facts in one query (one row per unit the child belongs to):
    /// the child page reads both on every visit.
    public static func childWithFacts(id: RecordID, _ db: any SQLDatabase) async throws -> (ChildRecord, ChildAccessFacts)? {
        let rows = try await db.raw("""
            SELECT \(unsafeRaw: childColumns), cu.unit_id AS member_unit_id
            FROM children c LEFT JOIN child_units cu ON cu.child_id = c.id
            WHERE c.id = \(bind: id)
            """).all()
        guard let first = rows.first, let child = try child(from: first) else { return nil }
        let units = Set(try rows.compactMap { try $0.optionalInt64("member_unit_id") })
        return (child, ChildAccessFacts(childID: id, unitIDs: units, protectedIdentity: child.protectedIdentity))
    }

    public static func childID(identityNumber: IdentityNumber, _ db: any SQLDatabase) async throws -> RecordID? {
        try await db.raw("SELECT id FROM children WHERE identity_number = \(bind: identityNumber.digits)").first().map { try $0.int64("id") }
    }

    /// The policy facts for one child: its units and protection.
    public static func accessFacts(childID: RecordID, _ db: any SQLDatabase) async throws -> ChildAccessFacts? {
        guard let row = try await db.raw("SELECT protected_identity FROM children WHERE id = \(bind: childID)").first() else { return nil }
        let units = try await db.raw("SELECT unit_id FROM child_units WHERE child_id = \(bind: childID)").all().map { try $0.int64("unit_id") }
        return ChildAccessFacts(childID: childID, unitIDs: Set(units), protectedIdentity: try row.flag("protected_identity"))
    }

    /// The policy facts for many children in two queries, for lists that decide every row
    /// (one `accessFacts(childID:)` per row is two round trips each: 200 for the work list's
    /// 100 expiring consents).
    public static func accessFacts(childIDs: [RecordID], _ db: any SQLDatabase) async throws -> [RecordID: ChildAccessFacts] {
        let ids = Array(Set(childIDs))
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.raw("SELECT id, protected_identity FROM children WHERE id IN (\(binds: ids))").all()
        let links = try await db.raw("SELECT child_id, unit_id FROM child_units WHERE child_id IN (\(binds: ids))").all()
        var units: [RecordID: Set<RecordID>] = [:]
        for link in links { units[try link.int64("child_id"), default: []].insert(try link.int64("unit_id")) }
        var facts: [RecordID: ChildAccessFacts] = [:]
        for row in rows {
            let id = try row.int64("id")
            facts[id] = ChildAccessFacts(childID: id, unitIDs: units[id] ?? [], protectedIdentity: try row.flag("protected_identity"))
        }
        return facts
    }

    /// A new child, connected to the registering person's `units`. The school chosen is
    /// connected as an enrolment only when the school side registers (`enrolInSchool`): a
    /// child social services registers must not appear in the school's lists because of it.
    public static func insert(_ child: ChildRegistration, registeredBy units: [RecordID], side: Side, enrolInSchool: Bool, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        let kind = child.identityNumber.kind.rawValue
        let id = try await db.insertReturningID("""
            INSERT INTO children (identity_number, identity_kind, birth_date, given_name, family_name, enrolment_unit_id, grade,
              protected_identity, created_at, updated_at)
            VALUES (\(bind: child.identityNumber.digits), \(bind: kind), \(bind: child.identityNumber.birthDate.iso),
              \(bind: child.givenName), \(bind: child.familyName), \(bind: child.enrolmentUnitID), \(bind: child.grade),
              \(bind: child.protectedIdentity.flag), \(bind: now.epochSeconds), \(bind: now.epochSeconds))
            """)
        try await setAddress(childID: id, side: side, child.address, now: now, db)
        if enrolInSchool, let unit = child.enrolmentUnitID {
            try await link(childID: id, unitID: unit, reason: .enrolled, now: now, db)
        }
        for unit in units where unit != child.enrolmentUnitID {
            try await link(childID: id, unitID: unit, reason: .registered, now: now, db)
        }
        try await replaceTokens(childID: id, givenName: child.givenName, familyName: child.familyName, db)
        return id
    }

    /// Saves an edit. The address is `side`'s own; the enrolment is changed only by the school
    /// side (`enrolInSchool`), as on registration.
    public static func update(id: RecordID, _ child: ChildRegistration, side: Side, enrolInSchool: Bool, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE children SET given_name = \(bind: child.givenName), family_name = \(bind: child.familyName),
              enrolment_unit_id = \(bind: child.enrolmentUnitID), grade = \(bind: child.grade),
              protected_identity = \(bind: child.protectedIdentity.flag), updated_at = \(bind: now.epochSeconds)
            WHERE id = \(bind: id)
            """).run()
        try await setAddress(childID: id, side: side, child.address, now: now, db)
        if enrolInSchool {
            try await db.raw("DELETE FROM child_units WHERE child_id = \(bind: id) AND reason = \(bind: ChildUnitReason.enrolled.rawValue)").run()
            if let unit = child.enrolmentUnitID {
                try await link(childID: id, unitID: unit, reason: .enrolled, now: now, db)
            }
        }
        try await replaceTokens(childID: id, givenName: child.givenName, familyName: child.familyName, db)
    }

    /// The school or preschool a child is enrolled in (set by an enrolment).
    public static func setEnrolmentUnit(childID: RecordID, unitID: RecordID, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE children SET enrolment_unit_id = \(bind: unitID), updated_at = \(bind: now.epochSeconds) WHERE id = \(bind: childID)").run()
    }

    /// Connects a child to a unit; doing it twice is harmless. True when the link is new.
    @discardableResult
    public static func link(childID: RecordID, unitID: RecordID, reason: ChildUnitReason, now: Date, _ db: any SQLDatabase) async throws -> Bool {
        let exists = try await db.raw("SELECT child_id FROM child_units WHERE child_id = \(bind: childID) AND unit_id = \(bind: unitID) AND reason = \(bind: reason.rawValue)").first()
        guard exists == nil else { return false }
        try await db.raw("INSERT INTO child_units (child_id, unit_id, reason, created_at) VALUES (\(bind: childID), \(bind: unitID), \(bind: reason.rawValue), \(bind: now.epochSeconds))").run()
        try await refreshSearch(childID: childID, db)
        return true
    }

    /// Rewrites the child's rows in the search table from its units and name words: called
    /// after every change to either, in the same transaction.
    static func refreshSearch(childID: RecordID, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM child_search WHERE child_id = \(bind: childID)").run()
        try await db.raw("\(unsafeRaw: ChildSearchRows.insert) WHERE c.id = \(bind: childID)").run()
    }

    /// Rebuilds the whole search table (after a bulk fill that wrote units and words directly).
    public static func rebuildSearch(_ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM child_search").run()
        try await db.raw("\(unsafeRaw: ChildSearchRows.insert)").run()
    }

    private static func replaceTokens(childID: RecordID, givenName: String, familyName: String, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM child_name_tokens WHERE child_id = \(bind: childID)").run()
        for token in NameSearch.tokens(givenName, familyName) {
            try await db.raw("INSERT INTO child_name_tokens (token, child_id) VALUES (\(bind: token), \(bind: childID))").run()
        }
        try await refreshSearch(childID: childID, db)
    }

    // MARK: Lists and search (always limited to the asking person's units in SQL; the
    // policy then decides each row, so a list never shows what a detail page would refuse).

    private static let listColumns = """
        c.id, c.identity_number, c.given_name, c.family_name, (SELECT name FROM units WHERE id = c.enrolment_unit_id) AS unit_name, c.grade, c.protected_identity
        """

    /// Children connected to any of `unitIDs`, ordered by name.
    public static func list(unitIDs: Set<RecordID>, limit: Int, offset: Int, _ db: any SQLDatabase) async throws -> [ChildListItem] {
        guard !unitIDs.isEmpty else { return [] }
        let rows = try await db.raw("""
            SELECT \(unsafeRaw: listColumns) FROM children c
            WHERE c.id IN (SELECT child_id FROM child_units WHERE unit_id IN (\(binds: Array(unitIDs))))
            ORDER BY c.family_name, c.given_name, c.id LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all()
        return try await withUnits(rows, db)
    }

    public static func count(unitIDs: Set<RecordID>, _ db: any SQLDatabase) async throws -> Int {
        guard !unitIDs.isEmpty else { return 0 }
        let row = try await db.raw("SELECT COUNT(DISTINCT child_id) AS n FROM child_units WHERE unit_id IN (\(binds: Array(unitIDs)))").first()
        return Int(try row?.int64("n") ?? 0)
    }

    public static func search(_ query: NameSearch.Query, unitIDs: Set<RecordID>, limit: Int, _ db: any SQLDatabase) async throws -> [ChildListItem] {
        guard !unitIDs.isEmpty else { return [] }
        let units = Array(unitIDs)
        // Checked per candidate row through the (unit_id, child_id) index: cheaper than
        // listing every child of a large unit for each search.
        let inUnits: SQLQueryString = "EXISTS (SELECT 1 FROM child_units cu WHERE cu.child_id = c.id AND cu.unit_id IN (\(binds: units)))"
        var sql: SQLQueryString
        switch query {
        case .empty, .tooShort:
            return []
        case .identityNumber(let number):
            sql = "SELECT \(unsafeRaw: listColumns) FROM children c WHERE c.identity_number = \(bind: number.digits) AND " + inUnits
        case .numberPrefix(let prefix):
            sql = "SELECT \(unsafeRaw: listColumns) FROM children c WHERE c.identity_number >= \(bind: prefix) AND c.identity_number < \(bind: prefix + ":") AND " + inUnits
        case .words(let words):
            return try await search(words: words, units: units, limit: limit, db)
        }
        sql = sql + " ORDER BY c.family_name, c.given_name, c.id LIMIT \(bind: limit)"
        return try await withUnits(try await db.raw(sql).all(), db)
    }

    /// By name: for each of the person's units, the first page of children with a name word
    /// starting with the longest word, read from `child_search` already in name order; each
    /// further word must also start one of the child's name words. The pages are merged
    /// (a child of several units counts once) and the first page of the merge is read with
    /// the children's units (one row per child and unit). A child has one row per unit and
    /// prefix, so each unit's own first page holds every child of the merged first page.
    private static func search(words: [String], units: [RecordID], limit: Int, _ db: any SQLDatabase) async throws -> [ChildListItem] {
        guard let first = words.first else { return [] }
        var merged: SQLQueryString = ""
        for (index, unit) in units.sorted().enumerated() {
            var page: SQLQueryString = """
                SELECT s.child_id, s.family_name, s.given_name FROM child_search s WHERE s.unit_id = \(bind: unit) AND s.prefix = \(bind: first)
                """
            for word in words.dropFirst() {
                page = page + " AND EXISTS (SELECT 1 FROM child_name_tokens t WHERE t.child_id = s.child_id AND t.token >= \(bind: word) AND t.token < \(bind: word + "\u{10FFFF}"))"
            }
            page = page + " ORDER BY s.family_name, s.given_name, s.child_id LIMIT \(bind: limit)"
            merged = merged + (index == 0 ? "" : " UNION ") + "SELECT * FROM (" + page + ") p\(unsafeRaw: String(index))"
        }
        let sql: SQLQueryString = "SELECT \(unsafeRaw: listColumns), cu.unit_id AS member_unit_id FROM (SELECT child_id, family_name, given_name FROM ("
            + merged + """
            ) pages ORDER BY family_name, given_name, child_id LIMIT \(bind: limit)) m
            JOIN children c ON c.id = m.child_id LEFT JOIN child_units cu ON cu.child_id = c.id
            ORDER BY m.family_name, m.given_name, m.child_id
            """
        return try groupedByChild(try await db.raw(sql).all())
    }

    /// `listColumns` rows with a `member_unit_id`, one per child and unit, in order: one item
    /// per child with all its units.
    private static func groupedByChild(_ rows: [any SQLRow]) throws -> [ChildListItem] {
        var items: [ChildListItem] = []
        for row in rows {
            let id = try row.int64("id"), unit = try row.optionalInt64("member_unit_id")
            if let last = items.indices.last, items[last].id == id {
                if let unit { items[last].unitIDs.insert(unit) }
            } else if var item = try listItem(from: row) {
                if let unit { item.unitIDs.insert(unit) }
                items.append(item)
            }
        }
        return items
    }

    /// A `listColumns` row, without its units.
    private static func listItem(from row: any SQLRow) throws -> ChildListItem? {
        guard let number = IdentityNumber(storedDigits: try row.string("identity_number")) else { return nil }
        return ChildListItem(
            id: try row.int64("id"), identityNumber: number, givenName: try row.string("given_name"),
            familyName: try row.string("family_name"), enrolmentUnitName: try row.optionalString("unit_name"),
            grade: try row.optionalString("grade"), protectedIdentity: try row.flag("protected_identity"), unitIDs: []
        )
    }

    /// Adds each row's units (one query for the whole page, not one per row).
    private static func withUnits(_ rows: [any SQLRow], _ db: any SQLDatabase) async throws -> [ChildListItem] {
        var items: [ChildListItem] = try rows.compactMap(listItem(from:))
        guard !items.isEmpty else { return [] }
        let links = try await db.raw("SELECT child_id, unit_id FROM child_units WHERE child_id IN (\(binds: items.map(\.id)))").all()
        var unitsByChild: [RecordID: Set<RecordID>] = [:]
        for link in links { unitsByChild[try link.int64("child_id"), default: []].insert(try link.int64("unit_id")) }
        for index in items.indices { items[index].unitIDs = unitsByChild[items[index].id] ?? [] }
        return items
    }

    /// Children sharing at least one guardian with `childID` (siblings, half-siblings), through
    /// the guardian records of `sides` only: another side's records must not tell who is related.
    public static func siblings(childID: RecordID, sides: Set<Side>, _ db: any SQLDatabase) async throws -> [ChildListItem] {
        guard !sides.isEmpty else { return [] }
        // The siblings' units come in the same query (one row per sibling and unit).
        let rows = try await db.raw("""
            SELECT DISTINCT \(unsafeRaw: listColumns), cu.unit_id AS member_unit_id FROM children c
            JOIN child_guardians cg ON cg.child_id = c.id LEFT JOIN child_units cu ON cu.child_id = c.id
            WHERE cg.guardian_id IN (SELECT cg2.guardian_id FROM child_guardians cg2 JOIN guardians g ON g.id = cg2.guardian_id
                                     WHERE cg2.child_id = \(bind: childID) AND g.side IN (\(binds: sides.map(\.rawValue).sorted())))
              AND c.id <> \(bind: childID)
            ORDER BY c.family_name, c.given_name, c.id
            """).all()
        return try groupedByChild(rows)
    }

    // MARK: Guardians

    private static func guardian(from row: any SQLRow) throws -> GuardianRecord {
        GuardianRecord(
            id: try row.int64("id"), identityNumber: try row.optionalString("number").flatMap(IdentityNumber.init(storedDigits:)),
            givenName: try row.string("given_name"), familyName: try row.string("family_name"),
            phone: try row.optionalString("phone"), email: try row.optionalString("email"),
            address: PostalAddress(street: try row.optionalString("street_address"), postalCode: try row.optionalString("postal_code"), city: try row.optionalString("city")),
            protectedIdentity: try row.flag("protected_identity")
        )
    }

    private static let guardianColumns = "g.id, g.number, g.given_name, g.family_name, g.phone, g.email, g.street_address, g.postal_code, g.city, g.protected_identity"

    /// The child's guardians as `sides` registered them (each side keeps its own records).
    public static func guardians(childID: RecordID, sides: Set<Side>, _ db: any SQLDatabase) async throws -> [GuardianRecord] {
        guard !sides.isEmpty else { return [] }
        return try await db.raw("""
            SELECT \(unsafeRaw: guardianColumns) FROM guardians g JOIN child_guardians cg ON cg.guardian_id = g.id
            WHERE cg.child_id = \(bind: childID) AND g.side IN (\(binds: sides.map(\.rawValue).sorted())) ORDER BY g.family_name, g.given_name, g.id
            """).all().map(guardian(from:))
    }

    /// `side`'s own guardian record with this number, if it has one.
    public static func guardianID(identityNumber: IdentityNumber, side: Side, _ db: any SQLDatabase) async throws -> RecordID? {
        try await db.raw("SELECT id FROM guardians WHERE side = \(bind: side.rawValue) AND number = \(bind: identityNumber.digits)").first().map { try $0.int64("id") }
    }

    public static func insertGuardian(_ guardian: GuardianRegistration, side: Side, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO guardians (side, number, given_name, family_name, phone, email, street_address, postal_code, city,
              protected_identity, created_at, updated_at)
            VALUES (\(bind: side.rawValue), \(bind: guardian.identityNumber?.digits), \(bind: guardian.givenName), \(bind: guardian.familyName),
              \(bind: guardian.phone), \(bind: guardian.email), \(bind: guardian.address.street), \(bind: guardian.address.postalCode),
              \(bind: guardian.address.city), \(bind: guardian.protectedIdentity.flag), \(bind: now.epochSeconds), \(bind: now.epochSeconds))
            """)
    }

    /// Links a guardian to a child; returns false when the link already existed.
    @discardableResult
    public static func linkGuardian(childID: RecordID, guardianID: RecordID, now: Date, _ db: any SQLDatabase) async throws -> Bool {
        let exists = try await db.raw("SELECT child_id FROM child_guardians WHERE child_id = \(bind: childID) AND guardian_id = \(bind: guardianID)").first()
        guard exists == nil else { return false }
        try await db.raw("INSERT INTO child_guardians (child_id, guardian_id, created_at) VALUES (\(bind: childID), \(bind: guardianID), \(bind: now.epochSeconds))").run()
        return true
    }
}
