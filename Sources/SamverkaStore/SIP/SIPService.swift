import Foundation
import SQLKit
import SamverkaCore

/// A SIP as its page shows it.
public struct SIPPage: Sendable {
    public var record: SIPRecord
    /// The person keeps it (the SIP-ansvarig, SIP open): the page offers the work.
    public var mayWork: Bool
    public var reason: AccessReason
    public var now: Date
}

/// An invitation to a SIP meeting for one party: the letter and the calendar event come from
/// these facts (the web words the sender).
public struct SIPInvitation: Sendable {
    public var record: SIPRecord
    public var meeting: SIPMeeting
    public var party: SIPParty
    public var municipality: String
}

/// One copy of a protocol: for the guardians (`party` nil) or for one party.
public struct SIPProtocolCopy: Sendable {
    public var record: SIPRecord
    public var meeting: SIPMeeting
    public var proto: SIPProtocol
    public var party: SIPParty?
    /// What each party may share, from the consent in force (or the last one).
    public var shares: [RecordID: String]
    public var municipality: String
}

/// SIP, the coordinated individual plan (issue 17, seed 004 §6, SoL 2025:400 10:8–9): opening
/// with parties from both principals, the family's consent naming every party, the
/// pre-meeting, the SIP meeting with its protocol and plan, the follow-up, the protocol to the
/// guardians and its reply slip, and closure. Each read and write is audited with the child in
/// the same transaction; every decision is the policy's; a refusal answers like a missing SIP.
public struct SIPService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public static let notFound = AccessReason(code: "not-found", text: SIPMessages.notFound)

    /// Loads the SIP and asks the policy `request` through the door; nil when refused or missing.
    private func load(_ sipID: RecordID, _ request: (SIPAccessFacts) -> AccessRequest, origin: RequestOrigin, now: Date, _ db: any SQLDatabase) async throws -> (SIPRecord, AccessDecision)? {
        guard let record = try await SIPQueries.record(id: sipID, db) else {
            try await AuditQueries.append(origin.event(.accessDenied, type: .sip, record: String(sipID), reason: Self.notFound.text), at: now, db)
            return nil
        }
        let facts = SIPAccessFacts(record.sip, at: now)
        let decision = try await origin.decide(request(facts), child: record.sip.childID, type: .sip, record: String(sipID), at: now, db)
        return decision.isAllowed ? (record, decision) : nil
    }

    private func staffRef(_ origin: RequestOrigin) -> StaffRef { StaffRef(id: origin.actor.staffID, name: origin.actor.displayName) }

    /// Municipal staff who may be SIP-ansvarig (they work with children in a unit).
    public func responsibleChoices() async throws -> [(id: RecordID, name: String)] {
        try await store.withConnection { db in try await SIPQueries.municipalStaff(db) }
    }

    /// Accounts a party can be linked to: municipal staff and the region's "extern part" accounts.
    public func partyAccountChoices() async throws -> [(id: RecordID, name: String)] {
        try await store.withConnection { db in try await SIPQueries.partyAccounts(db) }
    }

    public func open(childID: RecordID, _ input: SIPStartInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let facts = try await ChildQueries.accessFacts(childID: childID, db) else { return .denied(Self.notFound) }
            let decision = try await origin.decide(.openSIP(child: facts), child: childID, type: .sip, at: now, db)
            guard decision.isAllowed else { return .denied(Self.notFound) }
            let staff = try await SIPQueries.municipalStaff(db)
            let accounts = Set(try await SIPQueries.partyAccounts(db).map(\.id))
            switch SIPStartRules.validate(input, staff: Set(staff.map(\.id)), accounts: accounts) {
            case .failure(let errors): return .invalid(errors)
            case .success(let start):
                let responsible = staff.first { $0.id == start.responsibleStaffID }?.name ?? ""
                let id = try await SIPQueries.insert(start, childID: childID, responsibleName: responsible, openedBy: staffRef(origin), now: now, db)
                try await AuditQueries.append(origin.event(.create, child: childID, type: .sip, record: String(id),
                                                           reason: SIPAuditReasons.opened(parties: start.parties.count, responsible: responsible)), at: now, db)
                return .ok(id)
            }
        }
    }

    public func page(sipID: RecordID, by origin: RequestOrigin) async throws -> Outcome<SIPPage> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, decision) = try await load(sipID, { .viewSIP($0) }, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            try await AuditQueries.append(origin.event(.read, child: record.sip.childID, type: .sip, record: String(sipID), reason: decision.reason.text), at: now, db)
            let mayWork = AccessPolicy.allows(origin.actor, .workInSIP(SIPAccessFacts(record.sip, at: now)))
            return .ok(SIPPage(record: record, mayWork: mayWork, reason: decision.reason, now: now))
        }
    }

    /// The SIPs about a child that this person may see (for the child page, which itself came
    /// through the door).
    public func visibleSIPs(childID: RecordID, by origin: RequestOrigin) async throws -> [SIPRecord] {
        let now = clock.now()
        return try await store.withConnection { db in
            try await SIPQueries.records(ids: try await SIPQueries.ids(childID: childID, db), db)
                .filter { AccessPolicy.allows(origin.actor, .viewSIP(SIPAccessFacts($0.sip, at: now))) }
        }
    }

    /// The person's SIPs: SIP-ansvarig or a party whose consent is in force.
    public func mySIPs(by origin: RequestOrigin) async throws -> [SIPRecord] {
        let now = clock.now()
        return try await store.transaction { db in
            let visible = try await SIPQueries.records(ids: try await SIPQueries.ids(staffID: origin.actor.staffID, openOnly: false, limit: 200, db), db)
                .filter { AccessPolicy.allows(origin.actor, .viewSIP(SIPAccessFacts($0.sip, at: now))) }
            try await AuditQueries.append(origin.event(.read, type: .sip, reason: SIPAuditReasons.mySIPs(visible.count)), at: now, db)
            return visible
        }
    }

    public func recordConsent(sipID: RecordID, _ input: SIPConsentInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, _) = try await load(sipID, { .workInSIP($0) }, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            let accounts = Set(try await SIPQueries.partyAccounts(db).map(\.id))
            switch SIPConsentRules.validate(input, parties: record.sip.parties, today: Stockholm.date(of: now), accounts: accounts) {
            case .failure(let errors): return .invalid(errors)
            case .success(let consent):
                let id = try await SIPQueries.insertConsent(sipID: sipID, consent, by: staffRef(origin), now: now, db)
                try await SIPQueries.insertStep(sipID: sipID, SIPStepDone(step: .consentObtained, note: SIPMessages.consentStepNote(id), by: staffRef(origin), at: now), db)
                try await AuditQueries.append(origin.event(.create, child: record.sip.childID, type: .sip, record: String(sipID),
                                                           reason: SIPAuditReasons.consentRecorded(id, validTo: consent.validTo, newParties: consent.newParties.map(\.party.organisation))), at: now, db)
                return .ok(id)
            }
        }
    }

    /// The family takes the consent back: the SIP closes at once for every party.
    public func withdrawConsent(sipID: RecordID, note: String?, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, _) = try await load(sipID, { .workInSIP($0) }, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            let consent: SIPConsent
            switch SIPConsentRules.withdrawable(record.sip.consents) {
            case .failure(let errors): return .invalid(errors)
            case .success(let found): consent = found
            }
            let text = TextRules.trimmed(note)
            try await SIPQueries.withdrawConsent(consent.id, note: text.isEmpty ? nil : text, now: now, db)
            try await SIPQueries.close(sipID: sipID, SIPClosure(reason: .consentWithdrawn, note: text.isEmpty ? nil : text, by: staffRef(origin), at: now), db)
            try await AuditQueries.append(origin.event(.update, child: record.sip.childID, type: .sip, record: String(sipID),
                                                       reason: SIPAuditReasons.consentWithdrawn(consent.id)), at: now, db)
            return .ok(())
        }
    }

    public func markStep(sipID: RecordID, step: String, note: String?, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, _) = try await load(sipID, { .workInSIP($0) }, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            guard let step = SIPPreMeetingStep(rawValue: step) else { return .denied(Self.notFound) }
            switch SIPPreMeetingRules.mark(step, note: note, done: record.sip.steps, by: staffRef(origin), at: now) {
            case .failure(let errors): return .invalid(errors)
            case .success(let done):
                try await SIPQueries.insertStep(sipID: sipID, done, db)
                try await AuditQueries.append(origin.event(.update, child: record.sip.childID, type: .sip, record: String(sipID), reason: SIPAuditReasons.preMeeting(step.label)), at: now, db)
                return .ok(())
            }
        }
    }

    /// Books the SIP meeting (or, after it, a follow-up) and records the invitations as sent.
    public func bookMeeting(sipID: RecordID, _ input: SIPMeetingInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, _) = try await load(sipID, { .workInSIP($0) }, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            let sip = record.sip
            switch SIPMeetingRules.validate(input, consentInForce: sip.consentInForce(at: now) != nil, openMeeting: sip.openMeeting != nil, today: Stockholm.date(of: now)) {
            case .failure(let errors): return .invalid(errors)
            case .success(let schedule):
                let kind: SIPMeetingKind = sip.meetings.contains { $0.kind == .sip && $0.heldAt != nil } ? .followUp : .sip
                let id = try await SIPQueries.insertMeeting(sipID: sipID, kind: kind, schedule, bookedBy: origin.actor.staffID, now: now, db)
                try await SIPQueries.insertStep(sipID: sipID, SIPStepDone(step: .invitationsSent, note: "\(kind.label) \(schedule.whenText)", by: staffRef(origin), at: now), db)
                try await AuditQueries.append(origin.event(.create, child: sip.childID, type: .sip, record: String(sipID),
                                                           reason: SIPAuditReasons.meetingBooked(kind.label, when: schedule.whenText, invited: sip.consentedParties(at: now).count)), at: now, db)
                return .ok(id)
            }
        }
    }

    /// One party's invitation (letter and calendar file): only for a party the consent in force names.
    public func invitation(sipID: RecordID, meetingID: RecordID, partyID: RecordID, by origin: RequestOrigin) async throws -> Outcome<SIPInvitation> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, _) = try await load(sipID, { .workInSIP($0) }, origin: origin, now: now, db),
                  let meeting = record.sip.meetings.first(where: { $0.id == meetingID }),
                  let party = record.sip.consentedParties(at: now).first(where: { $0.id == partyID }) else { return .denied(Self.notFound) }
            try await AuditQueries.append(origin.event(.export, child: record.sip.childID, type: .sipInvitation, record: String(meetingID),
                                                       reason: SIPAuditReasons.invitation(meeting.kind.label, for: party.organisation)), at: now, db)
            let municipality = try await OrganisationQueries.municipalityName(db) ?? ""
            return .ok(SIPInvitation(record: record, meeting: meeting, party: party, municipality: municipality))
        }
    }

    /// Records the protocol of the meeting being held, its plan, and books the follow-up.
    public func saveProtocol(sipID: RecordID, meetingID: RecordID, _ input: SIPProtocolInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, _) = try await load(sipID, { .workInSIP($0) }, origin: origin, now: now, db),
                  let meeting = record.sip.meetings.first(where: { $0.id == meetingID }) else { return .denied(Self.notFound) }
            let sip = record.sip
            switch SIPProtocolRules.validate(input, parties: sip.consentedParties(at: now), consentInForce: sip.consentInForce(at: now) != nil,
                                             meetingOn: meeting.schedule.date, today: Stockholm.date(of: now), alreadyHeld: meeting.heldAt != nil) {
            case .failure(let errors): return .invalid(errors)
            case .success(let proto):
                // The earlier plan followed up: the actions found done are marked so.
                let followed = sip.openActions.filter { input.actionsDone.contains(SIPActionRef(meetingID: $0.meetingID, position: $0.index)) }
                for open in followed {
                    try await SIPQueries.markActionDone(meetingID: open.meetingID, position: open.index, byName: origin.actor.displayName, now: now, db)
                }
                try await SIPQueries.saveProtocol(sipID: sipID, meetingID: meetingID, proto, now: now, db)
                let followUp = try await SIPQueries.insertMeeting(sipID: sipID, kind: .followUp, proto.followUp, bookedBy: origin.actor.staffID, now: now, db)
                try await SIPQueries.insertStep(sipID: sipID, SIPStepDone(step: .protocolStarted, note: nil, by: staffRef(origin), at: now), db)
                try await AuditQueries.append(origin.event(.create, child: sip.childID, type: .sipProtocol, record: String(meetingID),
                                                           reason: SIPAuditReasons.protocolWritten(actions: proto.actions.count, earlierDone: followed.count, followUp: proto.followUp.whenText)), at: now, db)
                return .ok(followUp)
            }
        }
    }

    /// The protocol as a document for the guardians (with the reply slip) or for one party.
    /// A party's account gets its own copy; the SIP-ansvarig any. Only under a consent in
    /// force for a party, and audited as an export.
    public func protocolDocument(sipID: RecordID, meetingID: RecordID, partyID: RecordID?, by origin: RequestOrigin) async throws -> Outcome<SIPProtocolCopy> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, _) = try await load(sipID, { .viewSIP($0) }, origin: origin, now: now, db),
                  let meeting = record.sip.meetings.first(where: { $0.id == meetingID }), let proto = record.sip.protocols[meetingID] else { return .denied(Self.notFound) }
            let sip = record.sip
            let keeps = sip.responsible.id == origin.actor.staffID
            let party = partyID.flatMap { id in sip.consentedParties(at: now).first { $0.id == id } }
            if partyID != nil && party == nil { return .denied(Self.notFound) }
            if !keeps && (party == nil || party?.staffID != origin.actor.staffID) { return .denied(Self.notFound) }
            let shares = (sip.consentInForce(at: now) ?? sip.consents.last)?.shares ?? [:]
            try await AuditQueries.append(origin.event(.export, child: sip.childID, type: .sipProtocol, record: String(meetingID),
                                                       reason: SIPAuditReasons.protocolTo(party?.organisation)), at: now, db)
            let municipality = try await OrganisationQueries.municipalityName(db) ?? ""
            return .ok(SIPProtocolCopy(record: record, meeting: meeting, proto: proto, party: party, shares: shares, municipality: municipality))
        }
    }

    public func markProtocolSent(sipID: RecordID, meetingID: RecordID, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, _) = try await load(sipID, { .workInSIP($0) }, origin: origin, now: now, db),
                  record.sip.protocols[meetingID] != nil else { return .denied(Self.notFound) }
            try await SIPQueries.markSent(meetingID: meetingID, on: Stockholm.date(of: now), db)
            try await AuditQueries.append(origin.event(.update, child: record.sip.childID, type: .sipProtocol, record: String(meetingID),
                                                       reason: SIPAuditReasons.protocolSentToGuardians), at: now, db)
            return .ok(())
        }
    }

    public func recordReplySlip(sipID: RecordID, meetingID: RecordID, receivedOn: String, signed: String, agreement: String, comment: String?, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, _) = try await load(sipID, { .workInSIP($0) }, origin: origin, now: now, db),
                  record.sip.protocols[meetingID] != nil else { return .denied(Self.notFound) }
            switch SIPClosureRules.replySlip(receivedOn: receivedOn, signed: signed, agreement: agreement, comment: comment, sentOn: record.sip.protocolSentOn[meetingID],
                                             today: Stockholm.date(of: now), by: staffRef(origin), at: now, alreadyRecorded: record.sip.replySlips[meetingID] != nil) {
            case .failure(let errors): return .invalid(errors)
            case .success(let slip):
                try await SIPQueries.insertReplySlip(sipID: sipID, meetingID: meetingID, slip, db)
                try await AuditQueries.append(origin.event(.update, child: record.sip.childID, type: .sipProtocol, record: String(meetingID),
                                                           reason: SIPAuditReasons.replySlip(signed: slip.signed, agreement: slip.agreement.label)), at: now, db)
                return .ok(())
            }
        }
    }

    public func markActionDone(sipID: RecordID, meetingID: RecordID, position: Int, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let record = try await SIPQueries.record(id: sipID, db),
                  let action = record.sip.protocols[meetingID]?.actions[safe: position] else { return .denied(Self.notFound) }
            let partyStaff = record.sip.party(action.partyID)?.staffID
            let decision = try await origin.decide(.completeSIPAction(SIPAccessFacts(record.sip, at: now), partyStaffID: partyStaff), child: record.sip.childID, type: .sip, record: String(sipID), at: now, db)
            guard decision.isAllowed else { return .denied(Self.notFound) }
            try await SIPQueries.markActionDone(meetingID: meetingID, position: position, byName: origin.actor.displayName, now: now, db)
            try await AuditQueries.append(origin.event(.update, child: record.sip.childID, type: .sip, record: String(sipID), reason: SIPAuditReasons.actionDone(action.what)), at: now, db)
            return .ok(())
        }
    }

    public func close(sipID: RecordID, reason: String, note: String?, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, _) = try await load(sipID, { .workInSIP($0) }, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            switch SIPClosureRules.validate(reason: reason, note: note, by: staffRef(origin), at: now) {
            case .failure(let errors): return .invalid(errors)
            case .success(let closure):
                try await SIPQueries.close(sipID: sipID, closure, db)
                try await AuditQueries.append(origin.event(.update, child: record.sip.childID, type: .sip, record: String(sipID), reason: SIPAuditReasons.closed(closure.reason.label)), at: now, db)
                return .ok(())
            }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
