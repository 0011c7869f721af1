/// Where a family is in a programme, in the routine's order. Derived from what has been
/// recorded (`ProgrammeEnrolment.stage`), never stored by itself. Raw values are stable.
public enum ProgrammeStage: String, Sendable, Hashable, Codable, CaseIterable {
    case nominated
    /// Rektor and socialsekreterare have brought the family to the steering group.
    case atSteeringGroup = "at-steering-group"
    case declined
    /// Selected; the family is told and answers.
    case selected
    case familyDeclined = "family-declined"
    /// The family accepted: vårdplan and Trampolinutredning are being written.
    case preparation
    /// The decision forum granted the support; the programme runs.
    case running
    /// Closed with the family; the follow-up after closure is still to come.
    case closed
    case followedUp = "followed-up"

    public var label: String {
        switch self {
        case .nominated: "Nominerad"
        case .atSteeringGroup: "Hos styrgruppen"
        case .declined: "Inte utsedd av styrgruppen"
        case .selected: "Utsedd, familjen tillfrågas"
        case .familyDeclined: "Familjen tackade nej"
        case .preparation: "Förberedelsearbete"
        case .running: "Pågående insats"
        case .closed: "Avslutad, uppföljning återstår"
        case .followedUp: "Avslutad och uppföljd"
        }
    }

    /// A family the programme is working with: on the termly report and the clocks.
    public var isRunning: Bool { self == .running }
    /// Nothing more happens in it.
    public var isFinished: Bool { self == .declined || self == .familyDeclined || self == .followedUp }
}

/// The routine's words for a stage.
public struct ProgrammeStageText: Sendable, Hashable, Codable {
    public var stage: ProgrammeStage
    public var name: String
    public var description: String

    public init(_ stage: ProgrammeStage, _ name: String, _ description: String) {
        self.stage = stage
        self.name = name
        self.description = description
    }
}

/// Before the decision (the ground for it) or after it (the plans of the work).
public enum ProgrammeDocumentPhase: String, Sendable, Hashable, Codable {
    case preparation
    case afterDecision = "after-decision"
}

/// A document one side writes with the family: the vårdplan (IFO, per child), the
/// Trampolinutredning (school), the genomförandeplan (behandlingsassistent), the
/// handlingsplan (skolsocionom).
public struct ProgrammeDocumentDefinition: Sendable, Hashable, Codable {
    /// Stable identifier ("vardplan").
    public var key: String
    public var name: String
    public var side: Side
    /// The roles that write it.
    public var writtenBy: [Role]
    public var phase: ProgrammeDocumentPhase
    /// One per child of the family (older siblings too), or one for the family.
    public var perChild: Bool
    /// Must be recorded as anchored with the child and the parents before the case goes on.
    public var anchoredWithFamily: Bool
    /// A plan with goals and actions (responsible person, dates).
    public var isPlan: Bool
    /// The routine's words.
    public var description: String

    public init(key: String, name: String, side: Side, writtenBy: [Role], phase: ProgrammeDocumentPhase, perChild: Bool, anchoredWithFamily: Bool, isPlan: Bool, description: String) {
        self.key = key
        self.name = name
        self.side = side
        self.writtenBy = writtenBy
        self.phase = phase
        self.perChild = perChild
        self.anchoredWithFamily = anchoredWithFamily
        self.isPlan = isPlan
        self.description = description
    }
}

/// A joint meeting of the programme: the meeting type it is booked as (the meeting
/// machinery's, with its roles and agenda), and how often it is held.
public struct ProgrammeMeetingDefinition: Sendable, Hashable, Codable {
    public var meetingTypeKey: String
    /// nil: held when needed (the closing meeting, the follow-up after closure).
    public var cadence: ProgrammeCadence?
    public var purpose: ProgrammeMeetingPurpose

    public init(meetingTypeKey: String, cadence: ProgrammeCadence?, purpose: ProgrammeMeetingPurpose) {
        self.meetingTypeKey = meetingTypeKey
        self.cadence = cadence
        self.purpose = purpose
    }
}

/// What a joint meeting is for. The closing meeting and the follow-up after closure are
/// recorded in the closure (`ProgrammeClosure`), with what the routine asks of them.
public enum ProgrammeMeetingPurpose: String, Sendable, Hashable, Codable {
    /// The start-up and the monthly follow-ups with the family.
    case followUp = "follow-up"
}

/// The staff's own check-in: who meets, how often, what the note says.
public struct ProgrammeCheckInDefinition: Sendable, Hashable, Codable {
    public var between: [Role]
    public var cadence: ProgrammeCadence
    public var description: String

    public init(between: [Role], cadence: ProgrammeCadence, description: String) {
        self.between = between
        self.cadence = cadence
        self.description = description
    }
}

/// A follow-up one side holds before each joint meeting (seed 000 "Övriga uppföljningsmöten").
public struct ProgrammePreMeetingFollowUp: Sendable, Hashable, Codable {
    /// Stable identifier ("ifo", "skola").
    public var key: String
    /// Who holds it, and with whom.
    public var heldBy: Role
    public var with: [Role]
    public var description: String

    public init(key: String, heldBy: Role, with: [Role], description: String) {
        self.key = key
        self.heldBy = heldBy
        self.with = with
        self.description = description
    }
}

/// A report on the running families, produced from the records.
public struct ProgrammeReportDefinition: Sendable, Hashable, Codable {
    public var name: String
    /// To whom (the steering group).
    public var recipient: String
    public var period: ProgrammeReportPeriod
    public var description: String

    public init(name: String, recipient: String, period: ProgrammeReportPeriod, description: String) {
        self.name = name
        self.recipient = recipient
        self.period = period
        self.description = description
    }
}

public enum ProgrammeReportPeriod: String, Sendable, Hashable, Codable {
    /// At the end of each term (hösttermin, vårtermin).
    case term
    case year
}

/// What the decision-makers asked the programme to change (seed 001), recorded per child at
/// closure and at the follow-up after it.
public enum ProgrammeOutcomeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// School attendance has improved.
    case attendance
    /// Results move toward eligibility for an upper-secondary programme.
    case resultsTowardEligibility = "results-toward-eligibility"
    /// Placement outside the home avoided.
    case placementAvoided = "placement-avoided"

    public var label: String {
        switch self {
        case .attendance: "Skolnärvaron har förbättrats"
        case .resultsTowardEligibility: "Skolresultaten går mot behörighet till gymnasieprogram"
        case .placementAvoided: "Placering utom hemmet har undvikits"
        }
    }
}
