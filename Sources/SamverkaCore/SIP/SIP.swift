import Foundation

/// A coordinated individual plan about one child (DOMAIN §3.3, seed 004 §6, SoL 2025:400
/// 10:8–9, HSL 16:4): its parties from both principals, the family's consents (the latest in
/// force governs), the pre-meeting's steps, its meetings with their protocols, the reply slip
/// and the closure.
public struct SIP: Sendable, Hashable, Codable {
    public var id: RecordID
    public var childID: RecordID
    public var raisedBy: SIPRaisedBy
    public var need: String
    public var responsible: StaffRef
    public var openedBy: StaffRef
    public var openedAt: Date
    public var parties: [SIPParty]
    /// Oldest first; the history stays.
    public var consents: [SIPConsent]
    public var steps: [SIPStepDone]
    public var meetings: [SIPMeeting]
    /// Meeting id → its protocol.
    public var protocols: [RecordID: SIPProtocol]
    /// Meeting id → when its protocol was sent to the guardians.
    public var protocolSentOn: [RecordID: SimpleDate]
    public var replySlips: [RecordID: SIPReplySlip]
    public var closure: SIPClosure?

    public init(id: RecordID, childID: RecordID, raisedBy: SIPRaisedBy, need: String, responsible: StaffRef, openedBy: StaffRef, openedAt: Date, parties: [SIPParty] = [], consents: [SIPConsent] = [], steps: [SIPStepDone] = [], meetings: [SIPMeeting] = [], protocols: [RecordID: SIPProtocol] = [:], protocolSentOn: [RecordID: SimpleDate] = [:], replySlips: [RecordID: SIPReplySlip] = [:], closure: SIPClosure? = nil) {
        self.id = id
        self.childID = childID
        self.raisedBy = raisedBy
        self.need = need
        self.responsible = responsible
        self.openedBy = openedBy
        self.openedAt = openedAt
        self.parties = parties
        self.consents = consents
        self.steps = steps
        self.meetings = meetings
        self.protocols = protocols
        self.protocolSentOn = protocolSentOn
        self.replySlips = replySlips
        self.closure = closure
    }

    public var isOpen: Bool { closure == nil }

    /// The consent that governs now: in force, and naming every party.
    public func consentInForce(at instant: Date) -> SIPConsent? {
        let partyIDs = parties.map(\.id)
        return consents.last(where: { consent in consent.isInForce(at: instant) && partyIDs.allSatisfy { consent.names($0) } })
    }

    /// The parties the consent in force names (none without one).
    public func consentedParties(at instant: Date) -> [SIPParty] {
        guard let consent = consentInForce(at: instant) else { return [] }
        return parties.filter { consent.names($0.id) }
    }

    public func party(_ id: RecordID) -> SIPParty? { parties.first { $0.id == id } }

    /// The meeting booked but not yet held.
    public var openMeeting: SIPMeeting? { meetings.first { $0.heldAt == nil } }

    /// Every step of the pre-meeting with when it was done (nil: not yet).
    public var preMeeting: [(step: SIPPreMeetingStep, done: SIPStepDone?)] {
        SIPPreMeetingStep.allCases.map { step in (step, steps.first { $0.step == step }) }
    }

    /// The plan's actions not yet done, from every protocol (an outside party's action stays
    /// open until a later meeting follows it up), with the meeting each came from.
    public var openActions: [(meetingID: RecordID, index: Int, action: SIPAction)] {
        meetings.flatMap { meeting -> [(meetingID: RecordID, index: Int, action: SIPAction)] in
            guard let proto = protocols[meeting.id] else { return [] }
            return proto.actions.enumerated().filter { $0.element.doneAt == nil }.map { (meeting.id, $0.offset, $0.element) }
        }
    }
}

/// What the policy needs to know about a SIP to decide (SIPAccess).
public struct SIPAccessFacts: Sendable, Hashable {
    public var sipID: RecordID
    public var responsibleID: RecordID
    public var open: Bool
    /// Accounts of the parties the consent in force names, and the instant of the decision
    /// (empty when no consent is in force: then no party sees the SIP).
    public var consentedPartyStaffIDs: Set<RecordID>

    public init(sipID: RecordID, responsibleID: RecordID, open: Bool, consentedPartyStaffIDs: Set<RecordID>) {
        self.sipID = sipID
        self.responsibleID = responsibleID
        self.open = open
        self.consentedPartyStaffIDs = consentedPartyStaffIDs
    }

    public init(_ sip: SIP, at instant: Date) {
        self.init(sipID: sip.id, responsibleID: sip.responsible.id, open: sip.isOpen,
                  consentedPartyStaffIDs: sip.isOpen ? Set(sip.consentedParties(at: instant).compactMap(\.staffID)) : [])
    }
}
