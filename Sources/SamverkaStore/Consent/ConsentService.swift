import Crypto
import Foundation
import SQLKit
import SamverkaCore

/// An uploaded signed consent form.
public struct UploadedDocument: Sendable {
    public var fileName: String
    public var contentType: String
    public var content: [UInt8]

    public init(fileName: String, contentType: String, content: [UInt8]) {
        self.fileName = fileName
        self.contentType = contentType
        self.content = content
    }
}

/// What of social services' record a school party may see about a child, line by line,
/// each line allowed by a consent (the reason names it).
public struct SharedLine: Sendable, Hashable {
    public var category: ConsentCategory
    public var text: String
    public var reason: String
}

/// The consent registry (issue 4): registration, withdrawal, the signed form, emergency
/// access, and what crosses the secrecy barrier. Every read and write is audited in the
/// same transaction; every decision is the policy's.
public struct ConsentService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    var today: SimpleDate { Stockholm.date(of: clock.now()) }

    /// The units a consent can name: every active school, preschool and IFO unit.
    public func partyUnits() async throws -> [OrgUnit] {
        try await store.withConnection { db in try await OrganisationQueries.units(db, includeInactive: false) }.filter { $0.side != .joint }
    }

    /// What the consent form offers this person.
    public struct FormChoices: Sendable {
        /// The child's guardians as the person's side registered them (names only, also for a
        /// child with protected identity, since the consent must name them; never an address).
        public var guardians: [(id: RecordID, name: String)]
        /// Staff who can be named as parties: those of the person's own units that the child
        /// belongs to, and of the child's school. Never the staff of a unit the child is
        /// connected to on the other side: that list grew with a report or an investigation,
        /// and so told the school what social services does.
        public var staff: [(id: RecordID, name: String)]
        /// The categories the person may release: those their own side holds (OSL 12:2).
        public var categories: [ConsentCategory]
    }

    public func formChoices(childID: RecordID, by origin: RequestOrigin) async throws -> Outcome<FormChoices> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (child, facts) = try await ChildQueries.childWithFacts(id: childID, db) else { return .denied(RegistryService.notFoundReason) }
            let decision = try await origin.decide(.registerConsent(child: facts), child: childID, type: .consent, at: now, db)
            guard decision.isAllowed else { return .denied(RegistryService.notFoundReason) }
            let sides = RegistryAccess.ownSides(origin.actor, facts)
            let guardians = try await ChildQueries.guardians(childID: childID, sides: sides, db).map { (id: $0.id, name: $0.fullName) }
            let units = Array(origin.actor.childWorkUnitIDs.intersection(facts.unitIDs).union([child.enrolmentUnitID].compactMap { $0 }))
            let staff = try await db.raw("""
                SELECT DISTINCT s.id, s.display_name, s.username FROM staff s JOIN staff_assignments a ON a.staff_id = s.id
                WHERE s.active = 1 AND a.unit_id IN (\(binds: units))
                ORDER BY s.display_name, s.username
                """).all().map { (id: try $0.int64("id"), name: try $0.string("display_name")) }
            try await AuditQueries.append(origin.event(.read, child: childID, type: .consent, reason: ConsentAuditReasons.formRead), at: now, db)
            return .ok(FormChoices(guardians: guardians, staff: staff, categories: ConsentCategory.allCases.filter { sides.contains($0.heldBy) }))
        }
    }

    public func consents(childID: RecordID, by origin: RequestOrigin) async throws -> Outcome<[ConsentRecord]> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let facts = try await ChildQueries.accessFacts(childID: childID, db) else { return .denied(RegistryService.notFoundReason) }
            let decision = try await origin.decide(.viewConsents(child: facts), child: childID, type: .consent, at: now, db)
            guard decision.isAllowed else { return .denied(RegistryService.notFoundReason) }
            let records = try await ConsentQueries.records(childID: childID, db).filter {
                ConsentAccess.listsConsent(origin.actor, facts, holder: $0.holder, consent: $0.facts)
            }
            try await AuditQueries.append(origin.event(.read, child: childID, type: .consent, reason: ConsentAuditReasons.listed(records.count)), at: now, db)
            return .ok(records)
        }
    }

    public func register(childID: RecordID, _ input: ConsentInput, document: UploadedDocument?, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        var typed = input
        typed.documentSize = document?.content.count ?? 0
        typed.documentType = document?.contentType ?? ""
        return try await store.transaction { [today, typed] db in
            guard let (child, facts) = try await ChildQueries.childWithFacts(id: childID, db) else { return .denied(RegistryService.notFoundReason) }
            let decision = try await origin.decide(.registerConsent(child: facts, releasing: Set(typed.categories.compactMap(ConsentCategory.init(rawValue:)))),
                                                   child: childID, type: .consent, at: now, db)
            guard decision.isAllowed else {
                // Keeping the registry but naming the other side's information: say so by the field.
                guard AccessPolicy.allows(origin.actor, .registerConsent(child: facts)) else { return .denied(RegistryService.notFoundReason) }
                var errors = FieldErrors()
                errors.add("categories", decision.reason.text)
                return .invalid(errors)
            }
            let side = RegistryAccess.entrySide(origin.actor, facts) ?? .school
            let guardians = Set(try await ChildQueries.guardians(childID: childID, sides: [side], db).map(\.id))
            // Parties must exist: a tampered form must get a message, not a database error.
            let knownUnits = Set(try await OrganisationQueries.units(db, includeInactive: false).filter { $0.side != .joint }.map(\.id))
            var knownStaff = Set<RecordID>()
            for id in Set(typed.staffIDs) where try await OrganisationQueries.staff(id: id, db)?.active == true { knownStaff.insert(id) }
            var partyErrors = FieldErrors()
            if !Set(typed.unitIDs).isSubset(of: knownUnits) || !Set(typed.staffIDs).isSubset(of: knownStaff) {
                partyErrors.add("parties", ConsentMessages.partyGone)
            }
            switch ConsentRules.validate(typed, child: ConsentChildFacts(birthDate: child.identityNumber.birthDate, guardianIDs: guardians), today: today) {
            case .failure(var errors):
                errors.merge(partyErrors)
                return .invalid(errors)
            case .success where !partyErrors.isEmpty:
                return .invalid(partyErrors)
            case .success(let consent):
                let id = try await ConsentQueries.insert(childID: childID, consent, holder: side, recordedBy: origin.actor, now: now, db)
                if consent.method == .signedForm, let document {
                    let checksum = SHA256.hash(data: document.content).map { String(format: "%02x", $0) }.joined()
                    try await ConsentQueries.insertDocument(consentID: id, fileName: String(document.fileName.prefix(200)), contentType: document.contentType,
                                                            sha256: checksum, content: document.content, db)
                }
                try await AuditQueries.append(origin.event(.create, child: childID, type: .consent, record: String(id),
                                                           reason: ConsentAuditReasons.recorded(consent.categories)), at: now, db)
                return .ok(id)
            }
        }
    }

    /// Withdrawal at any time, effective at once; history kept.
    public func withdraw(consentID: RecordID, withdrawnBy: String, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        var errors = FieldErrors()
        let giver = ConsentRules.validateWithdrawal(by: withdrawnBy, into: &errors)
        return try await store.transaction { [errors] db in
            guard let childID = try await ConsentQueries.childID(consentID: consentID, db),
                  let facts = try await ChildQueries.accessFacts(childID: childID, db) else { return .denied(RegistryService.notFoundReason) }
            let decision = try await origin.decide(.registerConsent(child: facts), child: childID, type: .consent, record: String(consentID), at: now, db)
            guard decision.isAllowed else { return .denied(RegistryService.notFoundReason) }
            guard errors.isEmpty else { return .invalid(errors) }
            try await ConsentQueries.withdraw(id: consentID, by: giver, recordedBy: origin.actor.staffID, now: now, db)
            try await AuditQueries.append(origin.event(.update, child: childID, type: .consent, record: String(consentID), reason: ConsentAuditReasons.withdrawn(by: giver)), at: now, db)
            return .ok(childID)
        }
    }

    /// The signed form, for those who may read the consents (an export, audited).
    public func document(consentID: RecordID, by origin: RequestOrigin) async throws -> Outcome<ConsentDocument> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let childID = try await ConsentQueries.childID(consentID: consentID, db),
                  let facts = try await ChildQueries.accessFacts(childID: childID, db) else { return .denied(RegistryService.notFoundReason) }
            let decision = try await origin.decide(.viewConsents(child: facts), child: childID, type: .consentDocument, record: String(consentID), at: now, db)
            guard decision.isAllowed, let document = try await ConsentQueries.document(consentID: consentID, db) else { return .denied(RegistryService.notFoundReason) }
            try await AuditQueries.append(origin.event(.export, child: childID, type: .consentDocument, record: String(consentID), reason: ConsentAuditReasons.signedFormDownloaded), at: now, db)
            return .ok(document)
        }
    }

    /// Emergency access by the child's full identity number and a reason: time-limited and
    /// always flagged for the log reviewer.
    public func requestEmergencyAccess(identityNumber: String, reason: String, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        var errors = FieldErrors()
        let text = EmergencyAccess.validate(reason: reason, into: &errors)
        let number = IdentityNumber.child(identityNumber, today: today, into: &errors)
        return try await store.transaction { [errors] db in
            let decision = try await origin.decide(.requestEmergencyAccess, type: .emergencyAccess, at: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            guard errors.isEmpty, let number else { return .invalid(errors) }
            guard let childID = try await ChildQueries.childID(identityNumber: number, db) else {
                var missing = FieldErrors()
                missing.add("identity_number", RegistryMessages.noChildWithNumber)
                return .invalid(missing)
            }
            let until = now.addingTimeInterval(EmergencyAccess.duration)
            let id = try await ConsentQueries.grantEmergencyAccess(staffID: origin.actor.staffID, childID: childID, reason: text, now: now, until: until, db)
            try await ConsentQueries.raiseFlag(kind: "emergency-access", staffID: origin.actor.staffID, staffName: origin.actor.displayName, childID: childID,
                                               detail: ConsentAuditReasons.emergencyFlag(text), key: "emergency:\(id)", now: now, db)
            try await AuditQueries.append(origin.event(.create, child: childID, type: .emergencyAccess, record: String(id),
                                                       reason: ConsentAuditReasons.emergencyAccess(until: Stockholm.format(until), text)), at: now, db)
            return .ok(childID)
        }
    }

    /// Which kinds of social services' information this school person may see about the
    /// child now, each decided by the policy against the consents in force; nil for none
    /// (then nothing of social services' record is read).
    static func sharedAccess(childID: RecordID, actor: Actor, consents: [ConsentFacts], now: Date) -> SharedAccess? {
        guard actor.sides.contains(.school), !consents.isEmpty else { return nil }
        func allowed(_ category: ConsentCategory) -> AccessDecision {
            AccessPolicy.decide(actor, .viewSharedInformation(SharedInformationFacts(childID: childID, category: category, consents: consents, asOf: now)))
        }
        let access = SharedAccess(status: allowed(.investigationStatus), outcome: allowed(.outcome), interventions: allowed(.schoolInterventions))
        guard access.status.isAllowed || access.outcome.isAllowed || access.interventions.isAllowed else { return nil }
        return access
    }

    /// The policy's decision for each kind of shared information (its reason names the consent).
    struct SharedAccess {
        var status: AccessDecision
        var outcome: AccessDecision
        var interventions: AccessDecision
    }

    /// The lines of social services' record that `access` lets through. The caller audits the view.
    static func sharedLines(_ access: SharedAccess, investigations: [InvestigationSummary]) -> [SharedLine] {
        var lines: [SharedLine] = []
        for investigation in investigations {
            if access.status.isAllowed {
                lines.append(SharedLine(category: .investigationStatus, text: SharedLineTexts.investigationOpened(Stockholm.date(of: investigation.openedAt)), reason: access.status.reason.text))
                if let closed = investigation.closedAt {
                    lines.append(SharedLine(category: .investigationStatus, text: SharedLineTexts.investigationClosed(Stockholm.date(of: closed)), reason: access.status.reason.text))
                }
            }
            if access.outcome.isAllowed, let result = investigation.outcome {
                lines.append(SharedLine(category: .outcome, text: result.label, reason: access.outcome.reason.text))
            }
            if access.interventions.isAllowed {
                for item in investigation.interventions {
                    lines.append(SharedLine(category: .schoolInterventions, text: SharedLineTexts.intervention(item.kind.label, from: item.start, to: item.end), reason: access.interventions.reason.text))
                }
            }
        }
        return lines
    }
}
