/// A programme definition as an administrator typed it into the editor's form (issue 18
/// item 1): every value a string or a list of ticked values, rows numbered as the form
/// numbers them (1-based, blank rows included), so a message can name the field it belongs
/// to. `ProgrammeDefinitionRules.validate(_:meetingTypes:)` reads it into a definition.
public struct ProgrammeDefinitionInput: Sendable, Hashable {
    public struct Criterion: Sendable, Hashable {
        public var kind = ""
        public var text = ""
        public init(kind: String = "", text: String = "") {
            self.kind = kind
            self.text = text
        }
        var isBlank: Bool { TextRules.trimmed(kind).isEmpty && TextRules.trimmed(text).isEmpty }
    }

    /// One row per `ProgrammeStage`, in its order; a row with neither name nor description is left out.
    public struct Stage: Sendable, Hashable {
        public var stage: ProgrammeStage
        public var name = ""
        public var description = ""
        public init(stage: ProgrammeStage, name: String = "", description: String = "") {
            self.stage = stage
            self.name = name
            self.description = description
        }
        var isBlank: Bool { TextRules.trimmed(name).isEmpty && TextRules.trimmed(description).isEmpty }
    }

    public struct Document: Sendable, Hashable {
        public var key = ""
        public var name = ""
        public var side = ""
        public var writtenBy: [String] = []
        public var phase = ""
        public var perChild = false
        public var anchoredWithFamily = false
        public var isPlan = false
        public var description = ""
        public init() {}
        var isBlank: Bool {
            [key, name, side, phase, description].allSatisfy { TextRules.trimmed($0).isEmpty } && writtenBy.isEmpty && !perChild && !anchoredWithFamily && !isPlan
        }
    }

    public struct Meeting: Sendable, Hashable {
        public var meetingTypeKey = ""
        /// Empty: held when needed.
        public var cadenceCount = ""
        /// `weeks` or `months`.
        public var cadenceUnit = ""
        public init(meetingTypeKey: String = "", cadenceCount: String = "", cadenceUnit: String = "") {
            self.meetingTypeKey = meetingTypeKey
            self.cadenceCount = cadenceCount
            self.cadenceUnit = cadenceUnit
        }
        var isBlank: Bool { TextRules.trimmed(meetingTypeKey).isEmpty && TextRules.trimmed(cadenceCount).isEmpty }
    }

    public struct FollowUp: Sendable, Hashable {
        public var key = ""
        public var heldBy = ""
        public var with: [String] = []
        public var description = ""
        public init() {}
        var isBlank: Bool { [key, heldBy, description].allSatisfy { TextRules.trimmed($0).isEmpty } && with.isEmpty }
    }

    public struct Report: Sendable, Hashable {
        public var name = ""
        public var recipient = ""
        public var period = ""
        public var description = ""
        public init() {}
        var isBlank: Bool { [name, recipient, description].allSatisfy { TextRules.trimmed($0).isEmpty } }
    }

    public var key = ""
    public var name = ""
    public var purpose = ""
    public var source = ""
    public var criteria: [Criterion] = []
    public var targetFrom = ""
    public var targetTo = ""
    /// Empty: no older siblings come along.
    public var olderSiblingsTo = ""
    public var concernMinimumMonths = ""
    public var nominators: [String] = []
    public var stages: [Stage] = ProgrammeStage.allCases.map { Stage(stage: $0) }
    public var documents: [Document] = []
    public var meetings: [Meeting] = []
    public var checkInBetween: [String] = []
    public var checkInCadenceCount = ""
    public var checkInCadenceUnit = ""
    public var checkInDescription = ""
    public var followUps: [FollowUp] = []
    public var reports: [Report] = []
    /// Empty: no follow-up after closure.
    public var closureFollowUpCount = ""
    public var closureFollowUpUnit = ""
    public var outcomes: [String] = []
    public var teamRoles: [String] = []
    public var steeringGroupRoles: [String] = []
    public var decisionForumRoles: [String] = []
    /// A `LegalReference` raw value; empty for none.
    public var legalBasis = ""

    public init() {}

    /// The form filled in with a definition, for changing it.
    public init(_ d: ProgrammeDefinition) {
        key = d.key
        name = d.name
        purpose = d.purpose
        source = d.source
        criteria = d.criteria.map { Criterion(kind: $0.kind.rawValue, text: $0.text) }
        targetFrom = d.eligibility.targetFrom.rawValue
        targetTo = d.eligibility.targetTo.rawValue
        olderSiblingsTo = d.eligibility.olderSiblingsTo?.rawValue ?? ""
        concernMinimumMonths = d.eligibility.concernMinimumMonths.map(String.init) ?? ""
        nominators = d.nominators.map(\.rawValue)
        stages = ProgrammeStage.allCases.map { stage in
            let text = d.stageText(stage)
            return Stage(stage: stage, name: text?.name ?? "", description: text?.description ?? "")
        }
        documents = d.documents.map { doc in
            var row = Document()
            row.key = doc.key
            row.name = doc.name
            row.side = doc.side.rawValue
            row.writtenBy = doc.writtenBy.map(\.rawValue)
            row.phase = doc.phase.rawValue
            row.perChild = doc.perChild
            row.anchoredWithFamily = doc.anchoredWithFamily
            row.isPlan = doc.isPlan
            row.description = doc.description
            return row
        }
        meetings = d.meetings.map { Meeting(meetingTypeKey: $0.meetingTypeKey, cadenceCount: $0.cadence.map { String($0.count) } ?? "", cadenceUnit: Self.unit($0.cadence)) }
        checkInBetween = d.checkIn?.between.map(\.rawValue) ?? []
        checkInCadenceCount = d.checkIn.map { String($0.cadence.count) } ?? ""
        checkInCadenceUnit = Self.unit(d.checkIn?.cadence)
        checkInDescription = d.checkIn?.description ?? ""
        followUps = d.preMeetingFollowUps.map { f in
            var row = FollowUp()
            row.key = f.key
            row.heldBy = f.heldBy.rawValue
            row.with = f.with.map(\.rawValue)
            row.description = f.description
            return row
        }
        reports = d.reports.map { r in
            var row = Report()
            row.name = r.name
            row.recipient = r.recipient
            row.period = r.period.rawValue
            row.description = r.description
            return row
        }
        closureFollowUpCount = d.followUpAfterClosure.map { String($0.count) } ?? ""
        closureFollowUpUnit = Self.unit(d.followUpAfterClosure)
        outcomes = d.outcomes.map(\.rawValue)
        teamRoles = d.teamRoles.map(\.rawValue)
        steeringGroupRoles = d.steeringGroupRoles.map(\.rawValue)
        decisionForumRoles = d.decisionForumRoles.map(\.rawValue)
        legalBasis = d.grantLegalBasis ?? ""
    }

    /// `weeks` or `months` (the form's unit choice); `months` when there is no cadence.
    public static func unit(_ cadence: ProgrammeCadence?) -> String {
        if case .weeks = cadence { return ProgrammeCadenceUnit.weeks.rawValue }
        return ProgrammeCadenceUnit.months.rawValue
    }
}

/// The unit of a cadence as a form offers it.
public enum ProgrammeCadenceUnit: String, Sendable, CaseIterable {
    case weeks
    case months

    public var label: String { self == .weeks ? "veckor" : "månader" }

    public func cadence(_ count: Int) -> ProgrammeCadence { self == .weeks ? .weeks(count) : .months(count) }
}

extension ProgrammeCriterionKind {
    /// What the check does, as the editor offers it.
    public var label: String {
        switch self {
        case .childLevel: "Barnets skolnivå (och äldre syskon)"
        case .concernOverTime: "Oro som varat över tid"
        case .measuresNotEnough: "Insatser som inte räckt till"
        case .needsSchoolAndHome: "Behov både i skolan och i hemmet"
        case .familyApplied: "Familjen ansöker"
        }
    }
}

extension ProgrammeDocumentPhase {
    public var label: String { self == .preparation ? "Före beslutet (underlag)" : "Efter beslutet (plan för arbetet)" }
}

extension ProgrammeReportPeriod {
    public var label: String { self == .term ? "Varje termin" : "Varje år" }
}
