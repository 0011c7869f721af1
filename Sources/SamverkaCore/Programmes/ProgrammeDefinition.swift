/// A joint programme of school and social services as data (issue 18 item 1): who it is for,
/// how a family is nominated and chosen, the documents each side writes, its meetings and
/// how often, its reports and the follow-up after closure. Ragunda Trampolinen ships as the
/// first (`ProgrammeDefinition.trampolinen`); a municipality edits it or adds its own, and
/// `ProgrammeDefinitionRules.validate` checks the result. The rules in this folder read the
/// definition, never a programme's key or name.
public struct ProgrammeDefinition: Sendable, Hashable, Codable, Identifiable {
    /// Stable identifier, lower-case ASCII with hyphens ("ragunda-trampolinen").
    public var key: String
    public var name: String
    public var purpose: String
    /// Where the routine comes from, shown beside it.
    public var source: String
    /// The criteria, in the routine's words; each is checked by its kind.
    public var criteria: [ProgrammeCriterion]
    public var eligibility: ProgrammeEligibility
    /// Who may nominate a family.
    public var nominators: [ProgrammeNominator]
    /// The stages, in order, with the routine's words for each.
    public var stages: [ProgrammeStageText]
    /// The documents each side writes, before the decision and after it.
    public var documents: [ProgrammeDocumentDefinition]
    /// The joint meetings and how often they are held.
    public var meetings: [ProgrammeMeetingDefinition]
    /// The staff's own short check-ins (Trampolinen: weekly, behandlingsassistent and skolsocionom).
    public var checkIn: ProgrammeCheckInDefinition?
    /// The follow-ups each side holds before a joint meeting.
    public var preMeetingFollowUps: [ProgrammePreMeetingFollowUp]
    /// Reports on running families (Trampolinen: to the steering group at the end of each term).
    public var reports: [ProgrammeReportDefinition]
    /// The meeting with the family this long after closure (Trampolinen: three months).
    public var followUpAfterClosure: ProgrammeCadence?
    /// What is recorded at closure and at the follow-up (seed 001's outcomes).
    public var outcomes: [ProgrammeOutcomeKind]
    /// The roles the family's consent must name someone in: the team that works with it.
    public var teamRoles: [Role]
    /// The roles of the steering group and of the decision forum (the forum also has the
    /// steering group, and the rektor and socialsekreterare who brought the family).
    public var steeringGroupRoles: [Role]
    public var decisionForumRoles: [Role]
    /// The legal ground of the decision that grants the support (`LegalReference` raw value).
    public var grantLegalBasis: String?

    public var id: String { key }

    public init(key: String, name: String, purpose: String, source: String, criteria: [ProgrammeCriterion], eligibility: ProgrammeEligibility,
                nominators: [ProgrammeNominator], stages: [ProgrammeStageText], documents: [ProgrammeDocumentDefinition], meetings: [ProgrammeMeetingDefinition],
                checkIn: ProgrammeCheckInDefinition?, preMeetingFollowUps: [ProgrammePreMeetingFollowUp], reports: [ProgrammeReportDefinition],
                followUpAfterClosure: ProgrammeCadence?, outcomes: [ProgrammeOutcomeKind], teamRoles: [Role], steeringGroupRoles: [Role], decisionForumRoles: [Role], grantLegalBasis: String?) {
        self.key = key
        self.name = name
        self.purpose = purpose
        self.source = source
        self.criteria = criteria
        self.eligibility = eligibility
        self.nominators = nominators
        self.stages = stages
        self.documents = documents
        self.meetings = meetings
        self.checkIn = checkIn
        self.preMeetingFollowUps = preMeetingFollowUps
        self.reports = reports
        self.followUpAfterClosure = followUpAfterClosure
        self.outcomes = outcomes
        self.teamRoles = teamRoles
        self.steeringGroupRoles = steeringGroupRoles
        self.decisionForumRoles = decisionForumRoles
        self.grantLegalBasis = grantLegalBasis
    }

    public var grantLegalReference: LegalReference? { grantLegalBasis.flatMap(LegalReference.init(rawValue:)) }

    public func criterion(_ kind: ProgrammeCriterionKind) -> ProgrammeCriterion? { criteria.first { $0.kind == kind } }
    public func applies(_ kind: ProgrammeCriterionKind) -> Bool { criterion(kind) != nil }
    public func document(_ key: String) -> ProgrammeDocumentDefinition? { documents.first { $0.key == key } }
    public func documents(in phase: ProgrammeDocumentPhase) -> [ProgrammeDocumentDefinition] { documents.filter { $0.phase == phase } }
    public func stageText(_ stage: ProgrammeStage) -> ProgrammeStageText? { stages.first { $0.stage == stage } }
    /// The meeting held on a cadence (the monthly follow-up), if any.
    public var recurringMeeting: ProgrammeMeetingDefinition? { meetings.first { $0.cadence != nil } }
}

/// What a criterion checks. The words are the definition's; the check is the kind's.
public enum ProgrammeCriterionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A child at the school levels the programme is for; older siblings within theirs.
    case childLevel = "child-level"
    /// A concern that has lasted over time (problematic absence, norm-breaking behaviour).
    case concernOverTime = "concern-over-time"
    /// Measures by the school and by social services that were not enough.
    case measuresNotEnough = "measures-not-enough"
    /// Needs both at school and at home, so both sides have something to do.
    case needsSchoolAndHome = "needs-school-and-home"
    case familyApplied = "family-applied"
}

public struct ProgrammeCriterion: Sendable, Hashable, Codable {
    public var kind: ProgrammeCriterionKind
    /// The routine's words.
    public var text: String

    public init(_ kind: ProgrammeCriterionKind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// The school levels the programme takes: the children it is for, and the older siblings who
/// come along.
public struct ProgrammeEligibility: Sendable, Hashable, Codable {
    public var targetFrom: SchoolLevel
    public var targetTo: SchoolLevel
    /// Older siblings up to this level are included (nil: no siblings).
    public var olderSiblingsTo: SchoolLevel?
    /// A concern must have lasted at least this long (nil: the routine names no time; the
    /// professionals describe it).
    public var concernMinimumMonths: Int?

    public init(targetFrom: SchoolLevel, targetTo: SchoolLevel, olderSiblingsTo: SchoolLevel?, concernMinimumMonths: Int? = nil) {
        self.targetFrom = targetFrom
        self.targetTo = targetTo
        self.olderSiblingsTo = olderSiblingsTo
        self.concernMinimumMonths = concernMinimumMonths
    }

    public func isTarget(_ level: SchoolLevel) -> Bool {
        guard level.rank != nil else { return false }
        return targetFrom <= level && level <= targetTo
    }

    public func isOlderSibling(_ level: SchoolLevel) -> Bool {
        guard let to = olderSiblingsTo, level.rank != nil else { return false }
        return targetTo < level && level <= to
    }

    /// "Förskola–årskurs 3".
    public var targetText: String { "\(targetFrom.label.lowercased())–\(targetTo.label.lowercased())" }
}

/// Who noticed the family and put it forward (seed 000 "Förskola - Skola - IFO").
public enum ProgrammeNominator: String, Sendable, Hashable, Codable, CaseIterable {
    case preschool
    /// The school, at an elevhälsoträff (EHT).
    case schoolStudentHealth = "school-eht"
    case socialServices = "ifo"

    public var label: String {
        switch self {
        case .preschool: "Förskolan"
        case .schoolStudentHealth: "Skolan vid elevhälsoträff (EHT)"
        case .socialServices: "IFO (individ- och familjeomsorgen)"
        }
    }

    /// The side that nominates.
    public var side: Side { self == .socialServices ? .social : .school }
}

/// How often something recurs, or how long after an event it is due.
public enum ProgrammeCadence: Sendable, Hashable, Codable {
    case weeks(Int)
    case months(Int)

    public var duration: ClockDuration {
        switch self {
        case .weeks(let n): .weeks(n)
        case .months(let n): .months(n)
        }
    }

    public var count: Int {
        switch self {
        case .weeks(let n), .months(let n): n
        }
    }

    public func due(after day: SimpleDate) -> SimpleDate {
        switch self {
        case .weeks(let n): day.adding(days: 7 * n)
        case .months(let n): day.adding(months: n)
        }
    }

    /// "en gång per månad", "var tredje månad", "en gång per vecka".
    public var label: String {
        switch self {
        case .weeks(1): "en gång per vecka"
        case .months(1): "en gång per månad"
        case .weeks(let n): "var \(n):e vecka"
        case .months(let n): "var \(n):e månad"
        }
    }
}
