import Foundation

/// One family in a programme, from nomination to the follow-up after closure: everything
/// recorded about it, from which its stage, its clocks and its report lines follow.
public struct ProgrammeEnrolment: Sendable, Hashable {
    public var id: RecordID
    public var programmeKey: String
    public var nomination: ProgrammeNomination
    public var nominatedBy: StaffRef
    public var nominatedAt: Date
    public var referral: ProgrammeReferral?
    /// The steering group's decisions, oldest first.
    public var decisions: [ProgrammeDecision]
    public var familyResponse: ProgrammeFamilyResponse?
    public var documents: [ProgrammeDocument]
    public var grant: ProgrammeDecision?
    public var notes: [ProgrammeNote]
    /// The programme's joint meetings (on the meeting machinery), as the clocks and report need them.
    public var meetings: [ProgrammeMeetingSummary]
    public var closure: ProgrammeClosure?
    public var internalClosure: ProgrammeInternalClosure?
    public var followUp: ProgrammeFollowUpAfterClosure?

    public init(id: RecordID, programmeKey: String, nomination: ProgrammeNomination, nominatedBy: StaffRef, nominatedAt: Date, referral: ProgrammeReferral? = nil,
                decisions: [ProgrammeDecision] = [], familyResponse: ProgrammeFamilyResponse? = nil, documents: [ProgrammeDocument] = [], grant: ProgrammeDecision? = nil,
                notes: [ProgrammeNote] = [], meetings: [ProgrammeMeetingSummary] = [], closure: ProgrammeClosure? = nil,
                internalClosure: ProgrammeInternalClosure? = nil, followUp: ProgrammeFollowUpAfterClosure? = nil) {
        self.id = id
        self.programmeKey = programmeKey
        self.nomination = nomination
        self.nominatedBy = nominatedBy
        self.nominatedAt = nominatedAt
        self.referral = referral
        self.decisions = decisions
        self.familyResponse = familyResponse
        self.documents = documents
        self.grant = grant
        self.notes = notes
        self.meetings = meetings
        self.closure = closure
        self.internalClosure = internalClosure
        self.followUp = followUp
    }

    public var children: [ProgrammeChild] { nomination.children }
    public var childIDs: [RecordID] { children.map(\.childID) }
    /// The child the family's records are filed under: the first the programme is for.
    public var mainChildID: RecordID { nomination.targetChildren.first?.childID ?? children[0].childID }

    public var stage: ProgrammeStage {
        if followUp != nil { return .followedUp }
        if closure != nil { return .closed }
        if grant != nil { return .running }
        if let response = familyResponse { return response.accepted ? .preparation : .familyDeclined }
        if let final = decisions.last(where: { $0.kind != .prioritise }) { return final.kind == .select ? .selected : .declined }
        return referral == nil ? .nominated : .atSteeringGroup
    }

    /// The family's place in the steering group's queue, from its latest prioritisation.
    public var priority: Int? { decisions.last { $0.kind == .prioritise }?.priority }

    /// The consent the team works under, when the family accepted and it is in force.
    public func consentInForce(at instant: Date) -> ProgrammeConsent? {
        guard let consent = familyResponse?.consent, consent.isInForce(at: instant) else { return nil }
        return consent
    }

    public func documents(_ key: String) -> [ProgrammeDocument] { documents.filter { $0.key == key } }
    public var heldMeetings: [ProgrammeMeetingSummary] { meetings.filter { $0.heldOn != nil } }
    /// The day the support started: the decision forum's grant.
    public var startedOn: SimpleDate? { grant?.date }
}

/// A programme meeting as the programme reads it from the meeting machinery: when it is,
/// whether it is held (minutes closed), the children who attended, the talks recorded.
public struct ProgrammeMeetingSummary: Sendable, Hashable {
    public var meetingID: RecordID
    public var date: SimpleDate
    public var heldOn: SimpleDate?
    public var childrenAttended: Set<RecordID>
    public var talks: [ChildTalk]

    public init(meetingID: RecordID, date: SimpleDate, heldOn: SimpleDate?, childrenAttended: Set<RecordID> = [], talks: [ChildTalk] = []) {
        self.meetingID = meetingID
        self.date = date
        self.heldOn = heldOn
        self.childrenAttended = childrenAttended
        self.talks = talks
    }
}

/// What the policy needs to know about an enrolment (ProgrammeAccess).
public struct ProgrammeAccessFacts: Sendable, Hashable {
    public var enrolmentID: RecordID
    public var stage: ProgrammeStage
    public var nominatedByID: RecordID
    /// The rektor and socialsekreterare who brought the family to the steering group.
    public var referralStaffIDs: Set<RecordID>
    /// The team the family's consent in force names (empty without one).
    public var teamStaffIDs: Set<RecordID>
    public var steeringGroupRoles: Set<Role>
    public var decisionForumRoles: Set<Role>

    public init(enrolmentID: RecordID, stage: ProgrammeStage, nominatedByID: RecordID, referralStaffIDs: Set<RecordID>, teamStaffIDs: Set<RecordID>,
                steeringGroupRoles: Set<Role>, decisionForumRoles: Set<Role>) {
        self.enrolmentID = enrolmentID
        self.stage = stage
        self.nominatedByID = nominatedByID
        self.referralStaffIDs = referralStaffIDs
        self.teamStaffIDs = teamStaffIDs
        self.steeringGroupRoles = steeringGroupRoles
        self.decisionForumRoles = decisionForumRoles
    }

    public init(_ enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition, at instant: Date) {
        self.init(enrolmentID: enrolment.id, stage: enrolment.stage, nominatedByID: enrolment.nominatedBy.id,
                  referralStaffIDs: enrolment.referral?.staffIDs ?? [],
                  teamStaffIDs: Set(enrolment.consentInForce(at: instant)?.team.map(\.id) ?? []),
                  steeringGroupRoles: Set(definition.steeringGroupRoles), decisionForumRoles: Set(definition.decisionForumRoles))
    }
}
