import Foundation
import SQLKit
import SamverkaCore

/// A consent as the child's record lists it.
public struct ConsentRecord: Sendable, Hashable {
    public var id: RecordID
    public var childID: RecordID
    public var giverKind: ConsentGiverKind
    public var guardianNames: [String]
    public var singleGuardianReason: String?
    public var childView: String?
    public var partyNames: [String]
    public var purposeKind: ConsentPurposeKind
    public var purpose: String
    public var method: ConsentMethod
    public var witness: String?
    public var recordedByName: String
    public var recordedAt: Date
    public var withdrawnBy: String?
    public var hasDocument: Bool
    public var facts: ConsentFacts
    /// The side that recorded it: whose information it releases.
    public var holder: Side
}

public struct ConsentDocument: Sendable {
    public var fileName: String
    public var contentType: String
    public var sha256: String
    public var content: [UInt8]
}

/// Consents, their parties and documents, and emergency access.
public enum ConsentQueries {
    public static func insert(childID: RecordID, _ c: ConsentRegistration, holder: Side, recordedBy actor: Actor, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        let categories = c.categories.map(\.rawValue).joined(separator: ",")
        let id = try await db.insertReturningID("""
            INSERT INTO consents (child_id, giver_kind, single_guardian_reason, child_view, categories, purpose_kind, purpose, valid_from, valid_to,
              method, witness, recorded_by, recorded_by_name, recorded_at, holder_side)
            VALUES (\(bind: childID), \(bind: c.giverKind.rawValue), \(bind: c.singleGuardianReason), \(bind: c.childView), \(bind: categories),
              \(bind: c.purposeKind.rawValue), \(bind: c.purpose), \(bind: c.validFrom.iso), \(bind: c.validTo.iso), \(bind: c.method.rawValue),
              \(bind: c.witness), \(bind: actor.staffID), \(bind: actor.displayName), \(bind: now.epochSeconds), \(bind: holder.rawValue))
            """)
        for guardian in c.guardianIDs {
            try await db.raw("INSERT INTO consent_guardians (consent_id, guardian_id) VALUES (\(bind: id), \(bind: guardian))").run()
        }
        for party in c.parties {
            switch party {
            case .unit(let unit): try await db.raw("INSERT INTO consent_parties (consent_id, unit_id) VALUES (\(bind: id), \(bind: unit))").run()
            case .staff(let staff): try await db.raw("INSERT INTO consent_parties (consent_id, staff_id) VALUES (\(bind: id), \(bind: staff))").run()
            case .external(let name): try await db.raw("INSERT INTO consent_parties (consent_id, external_name) VALUES (\(bind: id), \(bind: name))").run()
            }
        }
        return id
    }

    public static func insertDocument(consentID: RecordID, fileName: String, contentType: String, sha256: String, content: [UInt8], _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO consent_documents (consent_id, file_name, content_type, size, sha256, content)
            VALUES (\(bind: consentID), \(bind: fileName), \(bind: contentType), \(bind: Int64(content.count)), \(bind: sha256), \(bind: Data(content)))
            """).run()
    }

    public static func document(consentID: RecordID, _ db: any SQLDatabase) async throws -> ConsentDocument? {
        guard let row = try await db.raw("SELECT file_name, content_type, sha256, content FROM consent_documents WHERE consent_id = \(bind: consentID)").first() else { return nil }
        return ConsentDocument(fileName: try row.string("file_name"), contentType: try row.string("content_type"), sha256: try row.string("sha256"),
                               content: [UInt8](try row.decode(column: "content", as: Data.self)))
    }

    /// Withdrawal takes effect at once; the row stays (history kept).
    public static func withdraw(id: RecordID, by giver: String, recordedBy staffID: RecordID, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE consents SET withdrawn_at = \(bind: now.epochSeconds), withdrawn_by = \(bind: giver), withdrawal_recorded_by = \(bind: staffID)
            WHERE id = \(bind: id) AND withdrawn_at IS NULL
            """).run()
    }

    public static func childID(consentID: RecordID, _ db: any SQLDatabase) async throws -> RecordID? {
        try await db.raw("SELECT child_id FROM consents WHERE id = \(bind: consentID)").first().map { try $0.int64("child_id") }
    }

    /// The policy facts of every consent about a child (two queries, whatever the number).
    /// What the policy needs of a child's consents, newest first, in one query (one row per
    /// consent and party): the child page asks on every visit.
    public static func facts(childID: RecordID, _ db: any SQLDatabase) async throws -> [ConsentFacts] {
        let rows = try await db.raw("""
            SELECT c.id, c.categories, c.valid_from, c.valid_to, c.withdrawn_at, p.unit_id, p.staff_id, p.external_name
            FROM consents c LEFT JOIN consent_parties p ON p.consent_id = c.id
            WHERE c.child_id = \(bind: childID) ORDER BY c.recorded_at DESC, c.id DESC, p.id
            """).all()
        var facts: [ConsentFacts] = []
        for row in rows {
            let id = try row.int64("id")
            if facts.last?.consentID != id {
                guard let from = SimpleDate(iso: try row.string("valid_from")), let to = SimpleDate(iso: try row.string("valid_to")) else { continue }
                let categories = Set(try row.string("categories").split(separator: ",").compactMap { ConsentCategory(rawValue: String($0)) })
                facts.append(ConsentFacts(consentID: id, parties: [], categories: categories, validFrom: from, validTo: to, withdrawnAt: try row.optionalDate("withdrawn_at")))
            }
            guard facts.last?.consentID == id else { continue }
            if let unit = try row.optionalInt64("unit_id") {
                facts[facts.count - 1].parties.insert(.unit(unit))
            } else if let staff = try row.optionalInt64("staff_id") {
                facts[facts.count - 1].parties.insert(.staff(staff))
            } else if let name = try row.optionalString("external_name") {
                facts[facts.count - 1].parties.insert(.external(name))
            }
        }
        return facts
    }

    /// Every consent about a child, newest first, with its parties and guardians' names.
    public static func records(childID: RecordID, withGuardianNames: Bool = true, _ db: any SQLDatabase) async throws -> [ConsentRecord] {
        let rows = try await db.raw("""
            SELECT c.*, (SELECT COUNT(*) FROM consent_documents d WHERE d.consent_id = c.id) AS documents
            FROM consents c WHERE c.child_id = \(bind: childID) ORDER BY c.recorded_at DESC, c.id DESC
            """).all()
        guard !rows.isEmpty else { return [] }
        let parties = try await db.raw("""
            SELECT p.consent_id, p.unit_id, p.staff_id, p.external_name, u.name AS unit_name, s.display_name AS staff_name
            FROM consent_parties p JOIN consents c ON c.id = p.consent_id
            LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN staff s ON s.id = p.staff_id
            WHERE c.child_id = \(bind: childID) ORDER BY p.id
            """).all()
        let guardians = !withGuardianNames ? [] : try await db.raw("""
            SELECT g.consent_id, gu.given_name, gu.family_name FROM consent_guardians g JOIN consents c ON c.id = g.consent_id
            JOIN guardians gu ON gu.id = g.guardian_id WHERE c.child_id = \(bind: childID) ORDER BY gu.family_name, gu.given_name
            """).all()
        var partySets: [RecordID: (Set<ConsentParty>, [String])] = [:]
        for p in parties {
            let consent = try p.int64("consent_id")
            var entry = partySets[consent] ?? ([], [])
            if let unit = try p.optionalInt64("unit_id") {
                entry.0.insert(.unit(unit)); entry.1.append(try p.optionalString("unit_name") ?? ConsentMessages.unitParty(unit))
            } else if let staff = try p.optionalInt64("staff_id") {
                entry.0.insert(.staff(staff)); entry.1.append(try p.optionalString("staff_name") ?? ConsentMessages.staffParty(staff))
            } else if let name = try p.optionalString("external_name") {
                entry.0.insert(.external(name)); entry.1.append(ConsentMessages.externalParty(name))
            }
            partySets[consent] = entry
        }
        var guardianNames: [RecordID: [String]] = [:]
        for g in guardians {
            guardianNames[try g.int64("consent_id"), default: []].append("\(try g.string("given_name")) \(try g.string("family_name"))")
        }
        return try rows.compactMap { row in
            let id = try row.int64("id")
            guard let giver = ConsentGiverKind(rawValue: try row.string("giver_kind")),
                  let purposeKind = ConsentPurposeKind(rawValue: try row.string("purpose_kind")),
                  let method = ConsentMethod(rawValue: try row.string("method")),
                  let from = SimpleDate(iso: try row.string("valid_from")), let to = SimpleDate(iso: try row.string("valid_to")) else { return nil }
            let categories = Set(try row.string("categories").split(separator: ",").compactMap { ConsentCategory(rawValue: String($0)) })
            let parties = partySets[id] ?? ([], [])
            return ConsentRecord(
                id: id, childID: try row.int64("child_id"), giverKind: giver, guardianNames: guardianNames[id] ?? [],
                singleGuardianReason: try row.optionalString("single_guardian_reason"), childView: try row.optionalString("child_view"),
                partyNames: parties.1, purposeKind: purposeKind, purpose: try row.string("purpose"), method: method,
                witness: try row.optionalString("witness"), recordedByName: try row.string("recorded_by_name"), recordedAt: try row.date("recorded_at"),
                withdrawnBy: try row.optionalString("withdrawn_by"), hasDocument: try row.int64("documents") > 0,
                facts: ConsentFacts(consentID: id, parties: parties.0, categories: categories, validFrom: from, validTo: to, withdrawnAt: try row.optionalDate("withdrawn_at")),
                holder: Side(rawValue: try row.optionalString("holder_side") ?? "") ?? .social
            )
        }
    }

    /// Consents in force that end within [from, to], recorded by the person or naming them.
    public static func expiring(staffID: RecordID, from: SimpleDate, to: SimpleDate, limit: Int, _ db: any SQLDatabase) async throws -> [(consentID: RecordID, childID: RecordID, childName: String, validTo: SimpleDate)] {
        // Checked per row, not `id IN (…)`: with IN, SQLite read every consent naming the person
        // (20,000 in the bench, 55 ms); this way it walks the few ending soon in valid_to order
        // through consents_valid_to and stops at the limit (under 1 ms). A count, not EXISTS:
        // PostgreSQL turns `OR EXISTS` into a hashed subplan that reads all 20,000 (8 ms).
        try await db.raw("""
            SELECT k.id, k.child_id, c.given_name, c.family_name, k.valid_to FROM consents k JOIN children c ON c.id = k.child_id
            WHERE k.withdrawn_at IS NULL AND k.valid_to >= \(bind: from.iso) AND k.valid_to <= \(bind: to.iso) AND k.valid_from <= \(bind: from.iso)
              AND (k.recorded_by = \(bind: staffID) OR (SELECT COUNT(*) FROM consent_parties p WHERE p.consent_id = k.id AND p.staff_id = \(bind: staffID)) > 0)
            ORDER BY k.valid_to, k.id LIMIT \(bind: limit)
            """).all().compactMap { row in
            guard let to = SimpleDate(iso: try row.string("valid_to")) else { return nil }
            return (try row.int64("id"), try row.int64("child_id"), "\(try row.string("given_name")) \(try row.string("family_name"))", to)
        }
    }

    // MARK: Emergency access

    public static func grantEmergencyAccess(staffID: RecordID, childID: RecordID, reason: String, now: Date, until: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO emergency_access (staff_id, child_id, reason, granted_at, expires_at)
            VALUES (\(bind: staffID), \(bind: childID), \(bind: reason), \(bind: now.epochSeconds), \(bind: until.epochSeconds))
            """)
    }

    /// The latest end of this person's emergency access to the child still running at `now`.
    public static func emergencyAccessUntil(staffID: RecordID, childID: RecordID, now: Date, _ db: any SQLDatabase) async throws -> Date? {
        try await db.raw("""
            SELECT MAX(expires_at) AS until FROM emergency_access
            WHERE staff_id = \(bind: staffID) AND child_id = \(bind: childID) AND expires_at > \(bind: now.epochSeconds)
            """).first().flatMap { try $0.optionalDate("until") }
    }

    // MARK: Review flags

    /// Raises a flag once per key (the same person, child and day raise one flag).
    public static func raiseFlag(kind: String, staffID: RecordID?, staffName: String, childID: RecordID?, detail: String, key: String, now: Date, _ db: any SQLDatabase) async throws {
        // ON CONFLICT: two instances raising the same flag at once must not fail the request.
        try await db.raw("""
            INSERT INTO review_flags (kind, staff_id, staff_name, child_id, at, detail, dedupe_key)
            VALUES (\(bind: kind), \(bind: staffID), \(bind: staffName), \(bind: childID), \(bind: now.epochSeconds), \(bind: detail), \(bind: key))
            ON CONFLICT (dedupe_key) DO NOTHING
            """).run()
    }

    public static func openFlagCount(_ db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM review_flags WHERE resolved_at IS NULL").first().map { try $0.int64("n") }.map(Int.init) ?? 0
    }
}
