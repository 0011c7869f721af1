import Foundation
import SQLKit
import SamverkaCore

/// A child as the child page shows it. For protected identity the address, guardians and
/// siblings are never loaded into the view at all; nor, for anyone, what the other side of
/// the barrier entered in the registry (`RegistryAccess`). A consent party gets the child's
/// name and what the consent names (`partyOnly`).
public struct ChildView: Sendable {
    public var child: ChildRecord
    public var guardians: [GuardianRecord]
    public var siblings: [ChildListItem]
    public var relativesHidden: Bool
    public var accessReason: AccessReason
    /// The reports about the child that this person handles: the child's record in social
    /// services (protection assessments and decisions are on each report).
    public var reports: [ChildReportItem] = []
    /// What social services' record shows a school party under a consent in force.
    public var shared: [SharedLine] = []
    /// What the page offers this person, each as the policy says.
    public var actions = ChildPageActions()
    /// Seen through a consent only: no registry facts beyond the name.
    public var partyOnly = false
}

public enum RegistrationResult: Sendable {
    case created(RecordID)
    /// The number was already registered and the person already sees that child: they are
    /// led to it. (A number they may not see gives a message by the field instead, and
    /// connects nothing.)
    case existing(RecordID)
}

public enum EnrolmentResult: Sendable, Equatable {
    /// The child was connected to the unit as its pupil.
    case enrolled(RecordID)
    /// The child was already enrolled there.
    case alreadyEnrolled(RecordID)
}

/// Registry use cases: each decides access with the policy and writes its audit row in the
/// same transaction as the read or write it records.
public struct RegistryService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    var today: SimpleDate { Stockholm.date(of: clock.now()) }

    public static let notFoundReason = AccessReason(code: "not-found", text: RegistryMessages.notFound)

    // MARK: Reading

    /// Everything the child page shows is read on one connection, then the audit rows of the
    /// read are committed (one statement, so SQLite's one writer is held as briefly as
    /// possible), and only then is anything returned: if the audit write fails, nothing is
    /// shown. A denied visit reads nothing beyond the policy facts.
    public func view(childID: RecordID, by origin: RequestOrigin) async throws -> Outcome<ChildView> {
        let now = clock.now()
        let actor = origin.actor
        guard let read = try await store.withConnection({ db in try await Self.readChildPage(childID: childID, origin: origin, now: now, db) }) else {
            try await store.singleStatement { db in
                try await AuditQueries.append(origin.event(.accessDenied, type: .child, record: String(childID), reason: RegistryAuditReasons.childMissing), at: now, db)
            }
            return .denied(Self.notFoundReason)
        }
        let decision = read.decision
        let visit = read.visit
        // Across the secrecy barrier: only the lines a consent in force allows, each logged.
        let events = [visit] + Set(read.view.shared.map(\.reason)).sorted().map {
            origin.event(.read, child: childID, type: .sharedInformation, record: String(childID), reason: $0)
        }
        if decision.isAllowed, read.facts.protectedIdentity {
            try await store.transaction { db in
                try await AuditQueries.append(events, at: now, db)
                try await ConsentQueries.raiseFlag(kind: "protected-identity", staffID: actor.staffID, staffName: actor.displayName, childID: childID,
                                                   detail: RegistryAuditReasons.protectedRead(because: decision.reason.text),
                                                   key: "protected:\(actor.staffID):\(childID):\(Stockholm.date(of: now).iso)", now: now, db)
            }
        } else {
            try await store.singleStatement { db in try await AuditQueries.append(events, at: now, db) }
        }
        guard decision.isAllowed else { return .denied(Self.notFoundReason) }
        return .ok(read.view)
    }

    private struct ChildPageRead: Sendable {
        var facts: ChildAccessFacts
        var decision: AccessDecision
        /// The visit row (read or refusal) the door gave, written with the page's other rows.
        var visit: AuditEvent
        var view: ChildView
    }

    /// The policy facts, the decision, and when allowed the page's data; nil for no such child.
    private static func readChildPage(childID: RecordID, origin: RequestOrigin, now: Date, _ db: any SQLDatabase) async throws -> ChildPageRead? {
        let actor = origin.actor
        guard let (child, ownFacts) = try await ChildQueries.childWithFacts(id: childID, db) else { return nil }
        var facts = ownFacts
        // Consents matter where the own units do not decide, and for what the school may
        // see across the barrier; a social-services person in their own unit needs none.
        let ownUnit = !actor.childWorkUnitIDs.isDisjoint(with: facts.unitIDs)
        let consents = ownUnit && !actor.sides.contains(.school) ? [] : try await ConsentQueries.facts(childID: childID, db)
        if !ownUnit {
            facts.consents = consents
            facts.asOf = now
            facts.emergencyAccessUntil = try await ConsentQueries.emergencyAccessUntil(staffID: actor.staffID, childID: childID, now: now, db)
        }
        let (decision, visit, _) = origin.enter(.viewChild(facts), child: childID, type: .child, record: String(childID))
        var view = ChildView(child: child, guardians: [], siblings: [], relativesHidden: child.protectedIdentity, accessReason: decision.reason)
        guard decision.isAllowed else { return ChildPageRead(facts: facts, decision: decision, visit: visit, view: view) }
        if let shared = ConsentService.sharedAccess(childID: childID, actor: actor, consents: consents, now: now) {
            view.shared = ConsentService.sharedLines(shared, investigations: try await InvestigationQueries.summaries(childID: childID, db))
        }
        let sides = RegistryAccess.visibleSides(actor, facts, decision: decision)
        guard !sides.isEmpty else {
            // A consent party: the name and the shared lines, no school, grade or number.
            view.partyOnly = true
            view.child.enrolmentUnitID = nil
            view.child.enrolmentUnitName = nil
            view.child.grade = nil
            return ChildPageRead(facts: facts, decision: decision, visit: visit, view: view)
        }
        view.actions = ChildPageActions.decide(actor, facts)
        // Only handlers see reports here; a reporter follows theirs in "Mina anmälningar",
        // where what social services decided is shown only as far as the law allows.
        if AccessPolicy.mayViewSomeReports(actor) {
            view.reports = try await ReportQueries.childPageItems(childID: childID, db).filter {
                AccessPolicy.allows(actor, .viewReport($0.accessFacts))
            }.map { $0.linkingInvestigation(for: actor) }
        }
        if !child.protectedIdentity {
            view.child.address = try await ChildQueries.address(childID: childID, sides: sides, db)
            view.guardians = try await ChildQueries.guardians(childID: childID, sides: sides, db)
            view.siblings = try await ChildQueries.siblings(childID: childID, sides: sides, db).filter {
                AccessPolicy.allows(actor, .viewChild($0.accessFacts)) && !$0.protectedIdentity
            }
        }
        return ChildPageRead(facts: facts, decision: decision, visit: visit, view: view)
    }

    /// The children of the person's units, a page at a time.
    public func list(page: Int, pageSize: Int = 50, by origin: RequestOrigin) async throws -> Outcome<(items: [ChildListItem], total: Int)> {
        let now = clock.now()
        return try await store.transaction { db in
            let decision = try await origin.decide(.searchChildren, type: .childList, at: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            let units = origin.actor.childWorkUnitIDs
            let rows = try await ChildQueries.list(unitIDs: units, limit: pageSize, offset: max(0, page - 1) * pageSize, db)
            let visible = rows.filter { AccessPolicy.allows(origin.actor, .viewChild($0.accessFacts)) }
            let total = try await ChildQueries.count(unitIDs: units, db)
            try await AuditQueries.append(origin.event(.read, type: .childList, record: RegistryAuditReasons.childListPage(page), reason: RegistryAuditReasons.childList(visible.count)), at: now, db)
            return .ok((visible, total))
        }
    }

    public func search(_ text: String, limit: Int = 50, by origin: RequestOrigin) async throws -> Outcome<[ChildListItem]> {
        let now = clock.now()
        let query = NameSearch.parse(text, today: today)
        let decision = try await EntryDoor(store: store, clock: clock).enter(.searchChildren, type: .childSearch, by: origin)
        guard decision.isAllowed else { return .denied(decision.reason) }
        switch query {
        case .empty: return .ok([])
        case .tooShort:
            var errors = FieldErrors()
            errors.add("q", RegistryMessages.searchTooShort)
            return .invalid(errors)
        default: break
        }
        let rows = try await store.withConnection { db in
            try await ChildQueries.search(query, unitIDs: origin.actor.childWorkUnitIDs, limit: limit, db)
        }
        let visible = rows.filter { AccessPolicy.allows(origin.actor, .viewChild($0.accessFacts)) }
        // A search by full number names one child: log it against that child. The row is
        // committed before any result is shown.
        var named: RecordID?
        if case .identityNumber = query, visible.count == 1 { named = visible[0].id }
        let child = named
        let logged = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        try await store.singleStatement { db in
            try await AuditQueries.append(origin.event(.search, child: child, type: .childSearch, record: logged, reason: RegistryAuditReasons.search(logged, hits: visible.count)), at: now, db)
        }
        return .ok(visible)
    }

    // MARK: Writing

    /// The schools/preschools a person may pick when registering a child.
    public func enrolmentChoices(for actor: Actor) async throws -> [OrgUnit] {
        let units = try await store.withConnection { db in try await OrganisationQueries.units(db, includeInactive: false) }
        return units.filter { unit in
            unit.kind.isEnrolmentUnit && AccessPolicy.allows(actor, .registerChild(enrolmentUnit: unit))
        }
    }

    public func register(_ input: ChildInput, by origin: RequestOrigin) async throws -> Outcome<RegistrationResult> {
        let now = clock.now()
        let choices = try await enrolmentChoices(for: origin.actor)
        let socialSide = origin.actor.sides.contains(.social)
        let validated = ChildRegistration.validate(input, enrolmentUnits: choices, unitRequired: !socialSide, today: today)
        guard case .success(let child) = validated else {
            if case .failure(let errors) = validated { return .invalid(errors) }
            return .invalid(FieldErrors())
        }
        let unit = choices.first { $0.id == child.enrolmentUnitID }
        return try await store.transaction { db in
            let decision = try await origin.decide(.registerChild(enrolmentUnit: unit), type: .child, at: now, db)
            guard decision.isAllowed, let side = RegistryAccess.registeringSide(origin.actor) else { return .denied(decision.reason) }
            // The registering person's own units: the school they chose, or their IFO units.
            let ownUnits: [RecordID] = socialSide
                ? origin.actor.assignments.filter { $0.role.side == .social }.compactMap(\.unitID)
                : [child.enrolmentUnitID].compactMap { $0 }
            if let existing = try await ChildQueries.childID(identityNumber: child.identityNumber, db) {
                // Registering a number never connects the child anywhere: that would show the
                // person a child (and what others recorded) they could not see before.
                let facts = try await ChildQueries.accessFacts(childID: existing, db)
                if let facts, AccessPolicy.allows(origin.actor, .viewChild(facts)) {
                    try await AuditQueries.append(origin.event(.read, child: existing, type: .child, record: String(existing), reason: RegistryAuditReasons.existingNumberShown), at: now, db)
                    return .ok(.existing(existing))
                }
                try await AuditQueries.append(origin.event(.accessDenied, type: .child, reason: RegistryAuditReasons.existingNumberDenied), at: now, db)
                var errors = FieldErrors()
                errors.add("identity_number", RegistryMessages.numberAlreadyRegistered(socialSide: socialSide))
                return .invalid(errors)
            }
            let id = try await ChildQueries.insert(child, registeredBy: ownUnits, side: side, enrolInSchool: !socialSide, now: now, db)
            try await AuditQueries.append(origin.event(.create, child: id, type: .child, record: String(id), reason: decision.reason.text), at: now, db)
            return .ok(.created(id))
        }
    }

    /// The enrolment form's entry, through the audited door: the units the person may enrol
    /// children in, or the refusal (logged).
    public func enrolmentEntry(by origin: RequestOrigin) async throws -> Outcome<[OrgUnit]> {
        let decision = try await EntryDoor(store: store, clock: clock).enter(.enrolChild(unit: nil), type: .enrolment, by: origin)
        guard decision.isAllowed else { return .denied(decision.reason) }
        return .ok(try await enrolmentUnits(for: origin.actor))
    }

    /// The units this person may enrol pupils in.
    public func enrolmentUnits(for actor: Actor) async throws -> [OrgUnit] {
        let units = try await store.withConnection { db in try await OrganisationQueries.units(db, includeInactive: false) }
        return units.filter { AccessPolicy.allows(actor, .enrolChild(unit: $0)) }
    }

    /// Enrolment of a registered child in a school or preschool by its head (or an
    /// administrator): audited and put before the log reviewer. It brings only the school
    /// side's own registry entries into view. An unknown number gets a message by the field.
    public func enrol(identityNumber: String, unitID: String, by origin: RequestOrigin) async throws -> Outcome<EnrolmentResult> {
        let now = clock.now()
        var errors = FieldErrors()
        let number = IdentityNumber.child(identityNumber, today: today, into: &errors)
        let units = try await enrolmentUnits(for: origin.actor)
        let unit = units.first { String($0.id) == unitID }
        if unit == nil { errors.add("unit_id", RegistryMessages.enrolmentUnitMissing) }
        return try await store.transaction { [errors] db in
            guard let unit else {
                if units.isEmpty {
                    let decision = try await origin.decide(.enrolChild(unit: nil), type: .enrolment, at: now, db)
                    if !decision.isAllowed { return .denied(decision.reason) }
                }
                return .invalid(errors)
            }
            let decision = try await origin.decide(.enrolChild(unit: unit), type: .enrolment, at: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            guard errors.isEmpty, let number else { return .invalid(errors) }
            guard let childID = try await ChildQueries.childID(identityNumber: number, db) else {
                var missing = FieldErrors()
                missing.add("identity_number", RegistryMessages.enrolmentNumberUnknown)
                return .invalid(missing)
            }
            guard try await ChildQueries.link(childID: childID, unitID: unit.id, reason: .enrolled, now: now, db) else {
                return .ok(.alreadyEnrolled(childID))
            }
            try await ChildQueries.setEnrolmentUnit(childID: childID, unitID: unit.id, now: now, db)
            try await AuditQueries.append(origin.event(.update, child: childID, type: .enrolment, record: String(unit.id), reason: RegistryAuditReasons.enrolled(in: unit.name, because: decision.reason.text)), at: now, db)
            try await ConsentQueries.raiseFlag(kind: ReviewFlagKind.existingLinked.rawValue, staffID: origin.actor.staffID, staffName: origin.actor.displayName, childID: childID,
                                               detail: RegistryAuditReasons.existingChildEnrolled(in: unit.name), key: "enrolled:\(childID):\(unit.id):\(now.epochSeconds)", now: now, db)
            return .ok(.enrolled(childID))
        }
    }

    public func update(childID: RecordID, _ input: ChildInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        let choices = try await enrolmentChoices(for: origin.actor)
        return try await store.transaction { [today] db in
            guard let (current, facts) = try await ChildQueries.childWithFacts(id: childID, db) else { return .denied(Self.notFoundReason) }
            let decision = try await origin.decide(.updateChild(facts), child: childID, type: .child, record: String(childID), at: now, db)
            guard decision.isAllowed else { return .denied(Self.notFoundReason) }
            // The number identifies the record and is not edited; the current unit stays valid.
            var typed = input
            typed.identityNumber = current.identityNumber.digits
            var allowedUnits = choices
            if let unitID = current.enrolmentUnitID, !allowedUnits.contains(where: { $0.id == unitID }), let unit = try await OrganisationQueries.unit(id: unitID, db) {
                allowedUnits.append(unit)
            }
            guard let side = RegistryAccess.entrySide(origin.actor, facts) else { return .denied(Self.notFoundReason) }
            switch ChildRegistration.validate(typed, enrolmentUnits: allowedUnits, unitRequired: false, today: today) {
            case .failure(let errors):
                return .invalid(errors)
            case .success(let child):
                try await ChildQueries.update(id: childID, child, side: side, enrolInSchool: side == .school, now: now, db)
                try await AuditQueries.append(origin.event(.update, child: childID, type: .child, record: String(childID), reason: decision.reason.text), at: now, db)
                return .ok(childID)
            }
        }
    }

    public func addGuardian(childID: RecordID, _ input: GuardianInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await store.transaction { [today] db in
            guard let facts = try await ChildQueries.accessFacts(childID: childID, db) else { return .denied(Self.notFoundReason) }
            let decision = try await origin.decide(.updateChild(facts), child: childID, type: .guardian, at: now, db)
            guard decision.isAllowed, let side = RegistryAccess.entrySide(origin.actor, facts) else { return .denied(Self.notFoundReason) }
            switch GuardianRegistration.validate(input, today: today) {
            case .failure(let errors):
                return .invalid(errors)
            case .success(let guardian):
                // The same guardian (by number) is linked, not copied: that is how siblings meet.
                // Only the person's own side's record: another side's stays with that side.
                var guardianID: RecordID
                var reason = RegistryAuditReasons.guardianRegistered
                if let number = guardian.identityNumber, let existing = try await ChildQueries.guardianID(identityNumber: number, side: side, db) {
                    guardianID = existing
                    reason = RegistryAuditReasons.guardianLinked
                    try await ConsentQueries.raiseFlag(kind: ReviewFlagKind.existingLinked.rawValue, staffID: origin.actor.staffID, staffName: origin.actor.displayName, childID: childID,
                                                       detail: RegistryAuditReasons.existingGuardianLinked, key: "guardian:\(childID):\(existing)", now: now, db)
                } else {
                    guardianID = try await ChildQueries.insertGuardian(guardian, side: side, now: now, db)
                }
                try await ChildQueries.linkGuardian(childID: childID, guardianID: guardianID, now: now, db)
                try await AuditQueries.append(origin.event(.create, child: childID, type: .guardian, record: String(guardianID), reason: reason), at: now, db)
                return .ok(guardianID)
            }
        }
    }
}
