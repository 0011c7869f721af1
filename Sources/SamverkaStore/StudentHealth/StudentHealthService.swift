import Foundation
import SQLKit
import SamverkaCore

/// A referral's page: the referral and what this person may do on it.
public struct EHTReferralPage: Sendable {
    public var referral: EHTReferral
    public var mayReflect: Bool
    public var mayDecide: Bool
    public var reason: AccessReason
    public var today: SimpleDate
}

/// What the Steg 1 form needs: the pupil and the team it goes to (nil: the unit has none).
public struct EHTReferralForm: Sendable {
    public var childID: RecordID
    public var childName: String
    public var team: Forum?
}

/// Referrals to the student health team, "Steg 1" (issue 19 point 5, seed 004 3.1). Every
/// entry decision goes through the audited door; every read and write of a referral leaves
/// its audit row in the same transaction; a referral the person may not read answers as a
/// missing one (elevhälsans sekretess, OSL 23:2).
public struct StudentHealthService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public static let notFound = AccessReason(code: "not-found", text: StudentHealthMessages.notFound)

    static func facts(_ referral: EHTReferral, team: Forum?) -> EHTReferralAccessFacts {
        EHTReferralAccessFacts(referralID: referral.id, unitID: referral.unitID, teamMemberIDs: Set(team?.members.map(\.staffID) ?? []))
    }

    /// The referral decided for `request`; nil (and the refusal logged) when missing or refused.
    private func load(_ id: RecordID, _ request: (EHTReferralAccessFacts) -> AccessRequest, origin: RequestOrigin, now: Date, _ db: any SQLDatabase) async throws -> (EHTReferral, AccessDecision)? {
        guard let referral = try await StudentHealthQueries.referral(id: id, db) else {
            try await AuditQueries.append(origin.event(.accessDenied, type: .ehtReferral, record: String(id), reason: StudentHealthAuditReasons.missing), at: now, db)
            return nil
        }
        let team = try await ForumQueries.forum(id: referral.forumID, db)
        let decision = try await origin.decide(request(Self.facts(referral, team: team)), child: referral.childID, type: .ehtReferral, record: String(id), at: now, db)
        return decision.isAllowed ? (referral, decision) : nil
    }

    /// The pupil, its unit and the unit's team, when the person may send a referral.
    private func sendable(childID: RecordID, origin: RequestOrigin, now: Date, _ db: any SQLDatabase) async throws -> (ChildRecord, RecordID?, Forum?)? {
        guard let (child, facts) = try await ChildQueries.childWithFacts(id: childID, db) else {
            try await AuditQueries.append(origin.event(.accessDenied, type: .ehtReferral, reason: StudentHealthAuditReasons.missing), at: now, db)
            return nil
        }
        guard try await origin.decide(.sendEHTReferral(child: facts), child: childID, type: .ehtReferral, at: now, db).isAllowed else { return nil }
        let unitID = child.enrolmentUnitID.flatMap { facts.unitIDs.contains($0) ? $0 : nil }
            ?? origin.actor.childWorkUnitIDs.intersection(facts.unitIDs).sorted().first
        var team: Forum?
        if let unitID { team = EHTTeam.team(forUnit: unitID, among: try await ForumQueries.forums(db)) }
        return (child, unitID, team)
    }

    public func form(childID: RecordID, by origin: RequestOrigin) async throws -> Outcome<EHTReferralForm> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (child, _, team) = try await sendable(childID: childID, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            try await AuditQueries.append(origin.event(.read, child: childID, type: .child, record: String(childID), reason: StudentHealthAuditReasons.sent(team?.name ?? ForumKind.studentHealthTeam.label)), at: now, db)
            return .ok(EHTReferralForm(childID: childID, childName: child.fullName, team: team))
        }
    }

    /// The mentor sends the Steg 1 referral to the unit's team: refused, nothing saved,
    /// without the adaptations already made.
    public func send(childID: RecordID, _ input: EHTReferralInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (_, unitID, team) = try await sendable(childID: childID, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            switch EHTReferralRules.validate(input) {
            case .failure(let errors): return .invalid(errors)
            case .success(let draft):
                guard let unitID, let team else {
                    var errors = FieldErrors()
                    errors.add("team", StudentHealthMessages.noTeam)
                    return .invalid(errors)
                }
                let id = try await StudentHealthQueries.insert(childID: childID, unitID: unitID, forumID: team.id, draft, by: origin.actor, now: now, db)
                try await AuditQueries.append(origin.event(.create, child: childID, type: .ehtReferral, record: String(id), reason: StudentHealthAuditReasons.sent(team.name)), at: now, db)
                return .ok(id)
            }
        }
    }

    public func page(_ id: RecordID, by origin: RequestOrigin) async throws -> Outcome<EHTReferralPage> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (referral, decision) = try await load(id, { .viewEHTReferral($0) }, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            try await AuditQueries.append(origin.event(.read, child: referral.childID, type: .ehtReferral, record: String(id), reason: StudentHealthAuditReasons.read(referral.forumName)), at: now, db)
            let facts = Self.facts(referral, team: try await ForumQueries.forum(id: referral.forumID, db))
            return .ok(EHTReferralPage(referral: referral, mayReflect: referral.decision == nil && AccessPolicy.allows(origin.actor, .reflectOnEHTReferral(facts)),
                                       mayDecide: referral.decision == nil && AccessPolicy.allows(origin.actor, .decideEHTReferral(facts)),
                                       reason: decision.reason, today: Stockholm.date(of: now)))
        }
    }

    /// A member's reflection from the team's meeting.
    public func reflect(_ id: RecordID, text: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (referral, _) = try await load(id, { .reflectOnEHTReferral($0) }, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            switch EHTReferralRules.reflection(text, referral: referral) {
            case .failure(let errors): return .invalid(errors)
            case .success(let text):
                try await StudentHealthQueries.insertReflection(referralID: id, text, by: origin.actor, now: now, db)
                try await AuditQueries.append(origin.event(.update, child: referral.childID, type: .ehtReferral, record: String(id), reason: StudentHealthAuditReasons.reflected(referral.forumName)), at: now, db)
                return .ok(())
            }
        }
    }

    /// The rektor of the pupil's unit decides, with reasons.
    public func decide(_ id: RecordID, _ input: EHTDecisionInput, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (referral, _) = try await load(id, { .decideEHTReferral($0) }, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            switch EHTReferralRules.decision(input, referral: referral, by: origin.actor, today: Stockholm.date(of: now)) {
            case .failure(let errors): return .invalid(errors)
            case .success(let decision):
                try await StudentHealthQueries.decide(referralID: id, decision, now: now, db)
                try await AuditQueries.append(origin.event(.update, child: referral.childID, type: .ehtReferral, record: String(id), reason: StudentHealthAuditReasons.decided(decision.outcome)), at: now, db)
                return .ok(())
            }
        }
    }

    /// The referrals about a child this person may read, for the child page (which came
    /// through the door itself); the listing is logged when it shows any.
    public func visibleReferrals(childID: RecordID, by origin: RequestOrigin) async throws -> [EHTReferral] {
        let now = clock.now()
        return try await store.transaction { db in
            let visible = try await readable(try await StudentHealthQueries.referrals(childID: childID, db), origin: origin, db)
            if let first = visible.first {
                try await AuditQueries.append(origin.event(.read, child: childID, type: .ehtReferral, reason: StudentHealthAuditReasons.listed(first.forumName)), at: now, db)
            }
            return visible
        }
    }

    /// A team's referrals, for its forum page: each pupil's listing logged.
    public func teamReferrals(forumID: RecordID, by origin: RequestOrigin) async throws -> [EHTReferral] {
        let now = clock.now()
        return try await store.transaction { db in
            let visible = try await readable(try await StudentHealthQueries.referrals(forumIDs: [forumID], undecidedOnly: false, db), origin: origin, db)
            for childID in Set(visible.map(\.childID)).sorted() {
                try await AuditQueries.append(origin.event(.read, child: childID, type: .ehtReferral, record: nil, reason: StudentHealthAuditReasons.listed(visible[0].forumName)), at: now, db)
            }
            return visible
        }
    }

    private func readable(_ referrals: [EHTReferral], origin: RequestOrigin, _ db: any SQLDatabase) async throws -> [EHTReferral] {
        var teams: [RecordID: Forum?] = [:]
        var visible: [EHTReferral] = []
        for referral in referrals {
            if teams[referral.forumID] == nil { teams[referral.forumID] = .some(try await ForumQueries.forum(id: referral.forumID, db)) }
            if AccessPolicy.allows(origin.actor, .viewEHTReferral(Self.facts(referral, team: teams[referral.forumID] ?? nil))) { visible.append(referral) }
        }
        return visible
    }
}
