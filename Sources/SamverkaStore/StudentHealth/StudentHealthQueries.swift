import Foundation
import SQLKit
import SamverkaCore

/// Reading and writing referrals to the student health team.
enum StudentHealthQueries {
    private static let columns = """
        r.id, r.child_id, c.given_name, c.family_name, r.unit_id, r.forum_id, f.name AS forum_name, r.sent_by, r.sent_by_name, r.sent_at, r.situation, r.adaptations,
        r.decision_outcome, r.decided_by, r.decided_by_name, r.decision_date, r.decision_reasons
        """
    private static let from = "eht_referrals r JOIN children c ON c.id = r.child_id JOIN forums f ON f.id = r.forum_id"

    static func insert(childID: RecordID, unitID: RecordID, forumID: RecordID, _ input: EHTReferralInput, by actor: Actor, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO eht_referrals (child_id, unit_id, forum_id, sent_by, sent_by_name, sent_at, situation, adaptations)
            VALUES (\(bind: childID), \(bind: unitID), \(bind: forumID), \(bind: actor.staffID), \(bind: actor.displayName), \(bind: now.epochSeconds), \(bind: input.situation), \(bind: input.adaptations))
            """)
    }

    static func insertReflection(referralID: RecordID, _ text: String, by actor: Actor, now: Date, _ db: any SQLDatabase) async throws {
        _ = try await db.insertReturningID("""
            INSERT INTO eht_reflections (referral_id, staff_id, staff_name, reflection, added_at)
            VALUES (\(bind: referralID), \(bind: actor.staffID), \(bind: actor.displayName), \(bind: text), \(bind: now.epochSeconds))
            """)
    }

    static func decide(referralID: RecordID, _ decision: EHTDecision, now: Date, _ db: any SQLDatabase) async throws {
        let d = decision.record
        try await db.raw("""
            UPDATE eht_referrals SET decision_outcome = \(bind: decision.outcome.rawValue), decided_by = \(bind: d.decidedBy), decided_by_name = \(bind: d.decidedByName),
              decision_date = \(bind: d.date.iso), decision_reasons = \(bind: d.reasons), decided_at = \(bind: now.epochSeconds)
            WHERE id = \(bind: referralID) AND decided_at IS NULL
            """).run()
    }

    static func referral(id: RecordID, _ db: any SQLDatabase) async throws -> EHTReferral? {
        try await referrals(where: "r.id = \(bind: id)", db).first
    }

    static func referrals(childID: RecordID, _ db: any SQLDatabase) async throws -> [EHTReferral] {
        try await referrals(where: "r.child_id = \(bind: childID)", db)
    }

    /// A team's referrals; `undecidedOnly` for the work list.
    static func referrals(forumIDs: [RecordID], undecidedOnly: Bool, limit: Int = 200, _ db: any SQLDatabase) async throws -> [EHTReferral] {
        guard !forumIDs.isEmpty else { return [] }
        let open: SQLQueryString = undecidedOnly ? " AND r.decided_at IS NULL" : ""
        return try await referrals(where: "r.forum_id IN (\(binds: forumIDs))\(open)", limit: limit, db)
    }

    /// Undecided referrals of the units the person heads.
    static func undecided(unitIDs: Set<RecordID>, limit: Int = 200, _ db: any SQLDatabase) async throws -> [EHTReferral] {
        guard !unitIDs.isEmpty else { return [] }
        return try await referrals(where: "r.unit_id IN (\(binds: Array(unitIDs))) AND r.decided_at IS NULL", limit: limit, db)
    }

    private static func referrals(where condition: SQLQueryString, limit: Int = 500, _ db: any SQLDatabase) async throws -> [EHTReferral] {
        let rows = try await db.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE \(condition) ORDER BY r.id DESC LIMIT \(unsafeRaw: String(limit))").all()
        var referrals = try rows.map(referral(from:))
        guard !referrals.isEmpty else { return [] }
        let reflections = try await db.raw("""
            SELECT referral_id, staff_id, staff_name, reflection, added_at FROM eht_reflections WHERE referral_id IN (\(binds: referrals.map(\.id))) ORDER BY id
            """).all()
        for row in reflections {
            let referralID = try row.int64("referral_id")
            guard let index = referrals.firstIndex(where: { $0.id == referralID }) else { continue }
            referrals[index].reflections.append(EHTReflection(staffID: try row.int64("staff_id"), name: try row.string("staff_name"), at: try row.date("added_at"), text: try row.string("reflection")))
        }
        return referrals
    }

    private static func referral(from row: any SQLRow) throws -> EHTReferral {
        var referral = EHTReferral(
            id: try row.int64("id"), childID: try row.int64("child_id"), childName: "\(try row.string("given_name")) \(try row.string("family_name"))",
            unitID: try row.int64("unit_id"), forumID: try row.int64("forum_id"), forumName: try row.string("forum_name"),
            sentBy: try row.int64("sent_by"), sentByName: try row.string("sent_by_name"), sentAt: try row.date("sent_at"),
            situation: try row.string("situation"), adaptations: try row.string("adaptations"))
        if let raw = try row.optionalString("decision_outcome"), let outcome = EHTDecisionOutcome(rawValue: raw),
           let by = try row.optionalInt64("decided_by"), let day = try row.optionalString("decision_date").flatMap(SimpleDate.init(iso:)) {
            referral.decision = EHTDecision(outcome: outcome, record: DecisionRecord(decidedBy: by, decidedByName: try row.optionalString("decided_by_name") ?? "",
                                                                                     date: day, reasons: try row.optionalString("decision_reasons") ?? ""))
        }
        return referral
    }
}
