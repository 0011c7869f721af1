import Foundation
import SQLKit
import SamverkaCore

/// An enrolment as its page shows it.
public struct ProgrammePage: Sendable {
    public var record: ProgrammeRecord
    /// The person is in the family's team (or, before the consent, refers it): the page offers the work.
    public var mayWork: Bool
    public var mayDecide: Bool
    public var mayGrant: Bool
    public var reason: AccessReason
    /// What is still missing before the decision forum can grant.
    public var missingForGrant: [String]
    public var openClocks: [Deadline]
}

/// Joint programmes such as Ragunda Trampolinen (issue 18): nomination with the criteria
/// check, the steering group, the family's answer and consent, preparation, the decision
/// forum's grant, plans, notes, monthly follow-ups on the meeting machinery, closure and the
/// follow-up after it, the termly report and the yearly summary. Every read and write of a
/// child's data is audited in the same transaction; every decision is the policy's; a
/// refusal answers like a missing enrolment.
public struct ProgrammeService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public static let notFound = AccessReason(code: "not-found", text: ProgrammeMessages.notFound)

    func staffRef(_ origin: RequestOrigin) -> StaffRef { StaffRef(id: origin.actor.staffID, name: origin.actor.displayName) }

    /// Loads the enrolment and asks the policy `request` through the door; nil when refused or missing.
    func load(_ id: RecordID, _ request: (ProgrammeAccessFacts) -> AccessRequest, origin: RequestOrigin, now: Date, _ db: any SQLDatabase) async throws -> (ProgrammeRecord, AccessDecision)? {
        guard let record = try await ProgrammeQueries.record(id: id, db) else {
            try await AuditQueries.append(origin.event(.accessDenied, type: .programmeEnrolment, record: String(id), reason: Self.notFound.text), at: now, db)
            return nil
        }
        let facts = ProgrammeAccessFacts(record.enrolment, definition: record.definition, at: now)
        let decision = try await origin.decide(request(facts), child: record.enrolment.mainChildID, type: .programmeEnrolment, record: String(id), at: now, db)
        return decision.isAllowed ? (record, decision) : nil
    }

    /// One audited write: the enrolment loaded through `request`, the rule's result stored by `save`.
    func write<T: Sendable>(_ id: RecordID, _ request: @escaping @Sendable (ProgrammeAccessFacts) -> AccessRequest, by origin: RequestOrigin,
                                    _ body: @escaping @Sendable (ProgrammeRecord, Date, any SQLDatabase) async throws -> Outcome<(T, String)>) async throws -> Outcome<T> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, _) = try await load(id, request, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            switch try await body(record, now, db) {
            case .ok(let (value, reason)):
                try await AuditQueries.append(origin.event(.update, child: record.enrolment.mainChildID, type: .programmeEnrolment, record: String(id), reason: reason), at: now, db)
                return .ok(value)
            case .invalid(let errors): return .invalid(errors)
            case .denied(let reason): return .denied(reason)
            }
        }
    }

    // MARK: Definitions

    public func definitions() async throws -> [ProgrammeDefinition] {
        try await store.withConnection { db in try await ProgrammeQueries.definitions(db) }
    }

    /// The active programmes' keys and names, for a list that offers them.
    public func offers() async throws -> [ProgrammeOffer] {
        try await store.withConnection { db in try await ProgrammeQueries.offers(db) }
    }

    public func definition(key: String) async throws -> ProgrammeDefinition? {
        try await store.withConnection { db in try await ProgrammeQueries.definition(key: key, db) }
    }

    /// The active programmes whose steering group's pages (queue, reports) the person may see.
    public func overseen(by origin: RequestOrigin) async throws -> [ProgrammeDefinition] {
        try await definitions().filter { AccessPolicy.allows(origin.actor, .viewProgrammeOverview(steeringGroupRoles: Set($0.steeringGroupRoles))) }
    }

    /// The meeting types a programme's meetings can be booked as (the editor's choice).
    public func programmeMeetingTypes() async throws -> [MeetingType] {
        try await store.withConnection { db in try await CollaborationQueries.meetingTypes(db) }.filter { $0.category == .programme }
    }

    /// An administrator changes a programme or adds one, as JSON checked by Core's rules.
    public func saveDefinition(json: String, by origin: RequestOrigin) async throws -> Outcome<String> {
        try await save(by: origin) { meetingTypes, _ in ProgrammeDefinitionRules.decode(json, meetingTypes: meetingTypes) }
    }

    /// An administrator changes a programme (`originalKey`, which stays its key) or adds one
    /// (nil: its key must be new) through the editor's form, checked by Core's rules.
    public func saveDefinition(_ input: ProgrammeDefinitionInput, originalKey: String?, by origin: RequestOrigin) async throws -> Outcome<String> {
        var typed = input
        if let originalKey { typed.key = originalKey }
        let input = typed
        return try await save(by: origin) { meetingTypes, db in
            if originalKey == nil, try await ProgrammeQueries.definition(key: TextRules.trimmed(input.key), db) != nil {
                var errors = FieldErrors()
                errors.add("key", ProgrammeMessages.keyTaken(TextRules.trimmed(input.key)))
                if case .failure(let more) = ProgrammeDefinitionRules.validate(input, meetingTypes: meetingTypes) { errors.merge(more) }
                return .failure(errors)
            }
            return ProgrammeDefinitionRules.validate(input, meetingTypes: meetingTypes)
        }
    }

    /// One audited save of a definition: the policy first, then Core's check, then the row and its audit line together.
    private func save(by origin: RequestOrigin, _ read: @escaping @Sendable ([MeetingType], any SQLDatabase) async throws -> Result<ProgrammeDefinition, FieldErrors>) async throws -> Outcome<String> {
        let now = clock.now()
        return try await store.transaction { db in
            guard try await origin.decide(.manageProgrammeDefinitions, type: .programmeDefinition, at: now, db).isAllowed else { return .denied(Self.notFound) }
            switch try await read(try await CollaborationQueries.meetingTypes(db), db) {
            case .failure(let errors): return .invalid(errors)
            case .success(let definition):
                if let stored = try await ProgrammeQueries.definition(key: definition.key, db) {
                    let written = try await ProgrammeQueries.writtenDocumentKeys(programmeKey: definition.key, db)
                    let errors = ProgrammeDefinitionRules.checkRemovedDocuments(old: stored, new: definition, written: written)
                    guard errors.isEmpty else { return .invalid(errors) }
                }
                try await ProgrammeQueries.saveDefinition(definition, by: origin.actor.staffID, now: now, db)
                try await AuditQueries.append(origin.event(.update, type: .programmeDefinition, record: definition.key, reason: ProgrammeAuditReasons.definitionSaved(definition.name)), at: now, db)
                return .ok(definition.key)
            }
        }
    }

    // MARK: Nomination and the steering group

    /// Nominates a family: every child must be one the person works with; nothing is stored
    /// unless every criterion holds.
    public func nominate(programmeKey: String, _ input: ProgrammeNominationInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await store.transaction { db in
            var facts: [ChildAccessFacts] = []
            for child in input.children {
                guard let f = try await ChildQueries.accessFacts(childID: child.childID, db) else { return .denied(Self.notFound) }
                facts.append(f)
            }
            let decision = try await origin.decide(.nominateForProgramme(children: facts), child: input.children.first?.childID, type: .programmeEnrolment, at: now, db)
            guard decision.isAllowed, let definition = try await ProgrammeQueries.definition(key: programmeKey, db) else { return .denied(Self.notFound) }
            // The names come from the registry, never from the form.
            var typed = input
            for (index, child) in input.children.enumerated() {
                typed.children[index].name = try await ChildQueries.child(id: child.childID, db)?.fullName ?? child.name
            }
            let enrolled = try await ProgrammeQueries.childrenInUnfinishedEnrolments(programmeKey: definition.key, db)
            switch ProgrammeNominationRules.validate(typed, definition: definition, today: Stockholm.date(of: now), alreadyEnrolled: enrolled) {
            case .failure(let errors): return .invalid(errors)
            case .success(let nomination):
                let id = try await ProgrammeQueries.insert(nomination, programmeKey: definition.key, by: staffRef(origin), now: now, db)
                for child in nomination.children {
                    try await AuditQueries.append(origin.event(.create, child: child.childID, type: .programmeEnrolment, record: String(id),
                                                               reason: ProgrammeAuditReasons.nominated(to: definition.name, by: nomination.nominatedBy.label)), at: now, db)
                }
                return .ok(id)
            }
        }
    }

    public func page(_ id: RecordID, by origin: RequestOrigin) async throws -> Outcome<ProgrammePage> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, decision) = try await load(id, { .viewProgramme($0) }, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            for child in record.enrolment.childIDs {
                try await AuditQueries.append(origin.event(.read, child: child, type: .programmeEnrolment, record: String(id), reason: decision.reason.text), at: now, db)
            }
            let facts = ProgrammeAccessFacts(record.enrolment, definition: record.definition, at: now)
            return .ok(ProgrammePage(record: record, mayWork: AccessPolicy.allows(origin.actor, .workInProgramme(facts)),
                                     mayDecide: AccessPolicy.allows(origin.actor, .decideInProgrammeSteeringGroup(facts)),
                                     mayGrant: AccessPolicy.allows(origin.actor, .grantProgrammeSupport(facts)),
                                     reason: decision.reason, missingForGrant: ProgrammePreparationRules.missing(record.enrolment, definition: record.definition),
                                     openClocks: ProgrammeClocks.open(record.enrolment, definition: record.definition, on: Stockholm.date(of: now))))
        }
    }

    /// The steering group's queue: every family of the programme not yet followed up, the
    /// nominated and referred first by priority. Only for the steering group.
    public func queue(programmeKey: String, by origin: RequestOrigin) async throws -> Outcome<[ProgrammeRecord]> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let definition = try await ProgrammeQueries.definition(key: programmeKey, db),
                  try await origin.decide(.viewProgrammeOverview(steeringGroupRoles: Set(definition.steeringGroupRoles)), type: .programmeEnrolment, at: now, db).isAllowed
            else { return .denied(Self.notFound) }
            let records = try await ProgrammeQueries.records(ids: try await ProgrammeQueries.ids(programmeKey: programmeKey, all: false, db), db)
            try await AuditQueries.append(origin.event(.read, type: .programmeEnrolment, reason: ProgrammeAuditReasons.steeringQueue(definition.name, families: records.count)), at: now, db)
            return .ok(records.sorted { ($0.enrolment.priority ?? Int.max, $0.enrolment.id) < ($1.enrolment.priority ?? Int.max, $1.enrolment.id) })
        }
    }

    /// The enrolments about a child that this person may see (for the child page, which itself
    /// came through the door).
    public func visibleEnrolments(childID: RecordID, by origin: RequestOrigin) async throws -> [ProgrammeRecord] {
        let now = clock.now()
        return try await store.withConnection { db in
            try await ProgrammeQueries.records(ids: try await ProgrammeQueries.ids(childID: childID, db), db)
                .filter { AccessPolicy.allows(origin.actor, .viewProgramme(ProgrammeAccessFacts($0.enrolment, definition: $0.definition, at: now))) }
        }
    }

    /// The person's own families: nominated, referred, in the team, or with an action.
    public func myEnrolments(by origin: RequestOrigin) async throws -> [ProgrammeRecord] {
        let now = clock.now()
        return try await store.transaction { db in
            let visible = try await ProgrammeQueries.records(ids: try await ProgrammeQueries.ids(staffID: origin.actor.staffID, limit: 200, db), db)
                .filter { AccessPolicy.allows(origin.actor, .viewProgramme(ProgrammeAccessFacts($0.enrolment, definition: $0.definition, at: now))) }
            try await AuditQueries.append(origin.event(.read, type: .programmeEnrolment, reason: ProgrammeAuditReasons.myFamilies(visible.count)), at: now, db)
            return visible
        }
    }

    public func refer(_ id: RecordID, principalID: RecordID?, caseOfficerID: RecordID?, on day: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        try await write(id, { .workInProgramme($0) }, by: origin) { record, now, db in
            let principals = try await ProgrammeQueries.staff(holding: [.principal, .preschoolHead], db)
            let officers = try await ProgrammeQueries.staff(holding: [.caseOfficer], db)
            switch ProgrammeSteeringGroupRules.refer(principalID: principalID, caseOfficerID: caseOfficerID, on: day, principals: principals, caseOfficers: officers,
                                                     enrolment: record.enrolment, definition: record.definition, today: Stockholm.date(of: now)) {
            case .failure(let errors): return .invalid(errors)
            case .success(let referral):
                try await ProgrammeQueries.saveReferral(id, referral, db)
                return .ok(((), ProgrammeAuditReasons.referred(principal: referral.principal.name, caseOfficer: referral.caseOfficer.name)))
            }
        }
    }

    public func decide(_ id: RecordID, _ kind: ProgrammeDecisionKind, _ input: ProgrammeDecisionInput, by origin: RequestOrigin) async throws -> Outcome<Void> {
        try await write(id, { .decideInProgrammeSteeringGroup($0) }, by: origin) { record, now, db in
            let members = try await ProgrammeQueries.staff(holding: record.definition.steeringGroupRoles, db)
            switch ProgrammeSteeringGroupRules.decide(kind, input, members: members, enrolment: record.enrolment, today: Stockholm.date(of: now)) {
            case .failure(let errors): return .invalid(errors)
            case .success(let decision):
                try await ProgrammeQueries.insertDecision(id, decision, recordedBy: origin.actor.staffID, now: now, db)
                return .ok(((), ProgrammeAuditReasons.steeringDecision(kind.label, on: decision.date, by: decision.decidedBy.name)))
            }
        }
    }

    // MARK: The family's answer, preparation and the grant

    public func teamCandidates(programmeKey: String) async throws -> [ProgrammeTeamMember] {
        try await store.withConnection { db in
            guard let definition = try await ProgrammeQueries.definition(key: programmeKey, db) else { return [] }
            return try await ProgrammeQueries.teamCandidates(roles: definition.teamRoles + [.teacher, .preschoolHead], db)
        }
    }

    /// The candidates of the programme an enrolment is in (the answer form's choice of team).
    public func teamCandidates(enrolmentID: RecordID) async throws -> [ProgrammeTeamMember] {
        try await store.withConnection { db in
            guard let key = try await ProgrammeQueries.programmeKey(enrolmentID: enrolmentID, db),
                  let definition = try await ProgrammeQueries.definition(key: key, db) else { return [] }
            return try await ProgrammeQueries.teamCandidates(roles: definition.teamRoles + [.teacher, .preschoolHead], db)
        }
    }

    public func recordResponse(_ id: RecordID, _ input: ProgrammeFamilyResponseInput, by origin: RequestOrigin) async throws -> Outcome<Void> {
        try await write(id, { .workInProgramme($0) }, by: origin) { record, now, db in
            let candidates = try await ProgrammeQueries.teamCandidates(roles: record.definition.teamRoles + [.teacher, .preschoolHead], db)
            switch ProgrammeAcceptanceRules.validate(input, enrolment: record.enrolment, definition: record.definition, candidates: candidates, by: staffRef(origin),
                                                     today: Stockholm.date(of: now)) {
            case .failure(let errors): return .invalid(errors)
            case .success(let response):
                try await ProgrammeQueries.saveResponse(id, response, db)
                let consent = response.consent.map { (team: $0.team.map(\.name), validTo: $0.validTo) }
                return .ok(((), ProgrammeAuditReasons.familyAnswered(accepted: response.accepted, on: response.respondedOn, consent: consent)))
            }
        }
    }

    /// The family takes its consent back: the team's access ends at once.
    public func withdrawConsent(_ id: RecordID, by origin: RequestOrigin) async throws -> Outcome<Void> {
        try await write(id, { .workInProgramme($0) }, by: origin) { record, now, db in
            guard record.enrolment.consentInForce(at: now) != nil else {
                var errors = FieldErrors()
                errors.add("consent", ProgrammeMessages.noConsentToWithdraw)
                return .invalid(errors)
            }
            try await ProgrammeQueries.withdrawConsent(id, now: now, db)
            return .ok(((), ProgrammeAuditReasons.consentWithdrawn))
        }
    }

    public func writeDocument(_ id: RecordID, _ input: ProgrammeDocumentInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        try await write(id, { .workInProgramme($0) }, by: origin) { record, now, db in
            let roles = try await ProgrammeQueries.roles(staffID: origin.actor.staffID, db)
            switch ProgrammeDocumentRules.validate(input, definition: record.definition, enrolment: record.enrolment, writerRoles: roles, today: Stockholm.date(of: now)) {
            case .failure(let errors): return .invalid(errors)
            case .success(let document):
                let documentID = try await ProgrammeQueries.insertDocument(id, document, by: staffRef(origin), now: now, db)
                return .ok((documentID, ProgrammeAuditReasons.documentWritten(document.definition.name, anchoredOn: document.anchoredOn)))
            }
        }
    }

    public func anchorDocument(_ id: RecordID, documentID: RecordID, on day: String, with: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        try await write(id, { .workInProgramme($0) }, by: origin) { record, now, db in
            guard let document = record.enrolment.documents.first(where: { $0.id == documentID }) else { return .denied(Self.notFound) }
            switch ProgrammeDocumentRules.anchor(document, on: day, with: with, today: Stockholm.date(of: now)) {
            case .failure(let errors): return .invalid(errors)
            case .success(let anchoring):
                try await ProgrammeQueries.anchor(documentID: documentID, on: anchoring.on, with: anchoring.with, db)
                return .ok(((), ProgrammeAuditReasons.documentAnchored(documentID, on: anchoring.on)))
            }
        }
    }

    /// The decision forum grants the support as bistånd.
    public func grant(_ id: RecordID, _ input: ProgrammeDecisionInput, by origin: RequestOrigin) async throws -> Outcome<Void> {
        try await write(id, { .grantProgrammeSupport($0) }, by: origin) { record, now, db in
            var members = try await ProgrammeQueries.staff(holding: record.definition.decisionForumRoles + record.definition.steeringGroupRoles, db)
            if let referral = record.enrolment.referral { members += [referral.principal, referral.caseOfficer] }
            switch ProgrammeGrantRules.grant(input, enrolment: record.enrolment, definition: record.definition, members: members, today: Stockholm.date(of: now)) {
            case .failure(let errors): return .invalid(errors)
            case .success(let decision):
                try await ProgrammeQueries.insertDecision(id, decision, grant: true, recordedBy: origin.actor.staffID, now: now, db)
                return .ok(((), ProgrammeAuditReasons.granted(on: decision.date, by: decision.decidedBy.name, legalBasis: ProgrammeGrantRules.legalBasisText(record.definition))))
            }
        }
    }
}
