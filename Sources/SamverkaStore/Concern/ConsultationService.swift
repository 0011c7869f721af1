import Foundation
import SQLKit
import SamverkaCore

/// Anonymous consultations and råd och stöd counts: no child, no identifying data.
public struct ConsultationService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    var today: SimpleDate { Stockholm.date(of: clock.now()) }

    public func socialUnits() async throws -> [OrgUnit] {
        try await store.withConnection { db in
            try await OrganisationQueries.units(db, includeInactive: false).filter { $0.side == .social }
        }
    }

    /// Saves a consultation. If the text looks like it names a child (a number, or a name
    /// that is in the registry) the person is warned first and must confirm; nothing is
    /// saved until then. The warning never says which child matched.
    public func log(_ input: ConsultationInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        let decision = try await EntryDoor(store: store, clock: clock).enter(.logConsultation, type: .consultation, by: origin)
        guard decision.isAllowed else { return .denied(decision.reason) }
        let units = try await socialUnits()
        guard case .success(let draft) = ConsultationValidation.validate(input, socialUnits: units, today: today) else {
            if case .failure(let errors) = ConsultationValidation.validate(input, socialUnits: units, today: today) { return .invalid(errors) }
            return .invalid(FieldErrors())
        }
        if !input.identifyingConfirmed {
            let text = draft.topic + " " + draft.advice
            var warnings = FieldErrors()
            let known = IdentifyingText.numberLikeSpans(in: text).isEmpty
                ? try await store.withConnection { db in try await ConcernSupportQueries.knownNameTokens(IdentifyingText.nameCandidates(in: text), db) } : []
            if let finding = IdentifyingFinding.find(in: text, knownNames: known) {
                warnings.add("topic", finding.warning(ConcernMessages.anonymousConsultationSubject))
            }
            if !warnings.isEmpty {
                warnings.add("identifying_confirmed", IdentifyingFinding.confirmPrompt)
                return .invalid(warnings)
            }
        }
        let schoolUnit = origin.actor.assignments.first { $0.role.side == .school }?.unitID
        return try await store.transaction { db in
            let id = try await ConcernSupportQueries.insertConsultation(draft, schoolUnitID: schoolUnit, loggedBy: origin.actor.staffID, now: now, db)
            try await AuditQueries.append(origin.event(.create, type: .consultation, record: String(id), reason: ConcernAuditReasons.anonymousConsultation), at: now, db)
            return .ok(id)
        }
    }

    public func recent(by origin: RequestOrigin) async throws -> [ConsultationRecord] {
        guard AccessPolicy.allows(origin.actor, .logConsultation) else { return [] }
        return try await store.withConnection { db in
            try await ConcernSupportQueries.consultations(unitIDs: origin.actor.childWorkUnitIDs, limit: 50, db)
        }
    }

    // MARK: Råd och stöd

    public func supportUnits(for actor: Actor) async throws -> [OrgUnit] {
        try await socialUnits().filter { AccessPolicy.allows(actor, .recordSupportConversations(unitID: $0.id)) }
    }

    /// The page's entry, through the audited door: the units the person counts in, or the
    /// refusal (logged).
    public func supportEntry(by origin: RequestOrigin) async throws -> Outcome<[OrgUnit]> {
        let decision = try await EntryDoor(store: store, clock: clock).enter(.recordSupportConversations(unitID: nil), type: .supportCount, by: origin)
        guard decision.isAllowed else { return .denied(decision.reason) }
        return .ok(try await supportUnits(for: origin.actor))
    }

    public func recordSupport(_ input: SupportCountInput, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        let units: [OrgUnit]
        switch try await supportEntry(by: origin) {
        case .ok(let found): units = found
        case .denied(let reason): return .denied(reason)
        case .invalid(let errors): return .invalid(errors)
        }
        switch SupportCountValidation.validate(input, units: units, today: today) {
        case .failure(let errors): return .invalid(errors)
        case .success(let draft):
            return try await store.transaction { db in
                try await ConcernSupportQueries.insertSupportCount(draft, recordedBy: origin.actor.staffID, now: now, db)
                try await AuditQueries.append(origin.event(.create, type: .supportCount, reason: ConcernAuditReasons.supportCount(draft.conversations)), at: now, db)
                return .ok(())
            }
        }
    }

    public func supportSummary(by origin: RequestOrigin) async throws -> [SupportSummary] {
        let units = try await supportUnits(for: origin.actor)
        return try await store.withConnection { db in try await ConcernSupportQueries.supportSummary(unitIDs: Set(units.map(\.id)), db) }
    }

    /// What the school has been told (placements, closures), for its staff's start page.
    public func schoolNotices(by origin: RequestOrigin) async throws -> [SchoolNotice] {
        let units = Set(origin.actor.assignments.filter { $0.role.side == .school && $0.role.managesUnit }.compactMap(\.unitID))
        guard !units.isEmpty else { return [] }
        let now = clock.now()
        let notices = try await store.withConnection { db in try await ConcernSupportQueries.notices(unitIDs: units, limit: 20, db) }
        if !notices.isEmpty {
            try await store.transaction { db in
                try await AuditQueries.append(origin.event(.read, type: .schoolNotices, reason: ConcernAuditReasons.schoolNotices(notices.count)), at: now, db)
            }
        }
        return notices
    }
}
