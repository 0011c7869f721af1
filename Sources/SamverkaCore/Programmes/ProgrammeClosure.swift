import Foundation

/// How an outcome stands for a child (seed 001's questions), at closure or at the follow-up.
public enum ProgrammeOutcomeAnswer: String, Sendable, Hashable, Codable, CaseIterable {
    case yes = "ja"
    case no = "nej"
    case unknown = "vet-ej"

    public var label: String {
        switch self {
        case .yes: "Ja"
        case .no: "Nej"
        case .unknown: "Går inte att bedöma"
        }
    }
}

/// One child's outcome on one of the programme's questions.
public struct ProgrammeOutcome: Sendable, Hashable, Codable {
    public var childID: RecordID
    public var kind: ProgrammeOutcomeKind
    public var answer: ProgrammeOutcomeAnswer

    public init(childID: RecordID, kind: ProgrammeOutcomeKind, answer: ProgrammeOutcomeAnswer) {
        self.childID = childID
        self.kind = kind
        self.answer = answer
    }
}

/// The closing meeting with the family (seed 000 "Avslut med familj"): the situation at the
/// start (from the vårdplan and the Trampolinutredning) against now and the original goal,
/// and the experiences collected from every participant.
public struct ProgrammeClosure: Sendable, Hashable, Codable {
    public var closingMeetingOn: SimpleDate
    public var participants: String
    public var situationAtStart: String
    public var situationNow: String
    public var againstGoal: String
    public var experiences: [String]
    public var outcomes: [ProgrammeOutcome]
    public var by: StaffRef

    public init(closingMeetingOn: SimpleDate, participants: String, situationAtStart: String, situationNow: String, againstGoal: String,
                experiences: [String], outcomes: [ProgrammeOutcome], by: StaffRef) {
        self.closingMeetingOn = closingMeetingOn
        self.participants = participants
        self.situationAtStart = situationAtStart
        self.situationNow = situationNow
        self.againstGoal = againstGoal
        self.experiences = experiences
        self.outcomes = outcomes
        self.by = by
    }
}

/// The internal closure for learning (steering group and staff): what to keep, what to improve.
public struct ProgrammeInternalClosure: Sendable, Hashable, Codable {
    public var heldOn: SimpleDate
    public var participants: String
    public var keep: String
    public var improve: String
    public var by: StaffRef

    public init(heldOn: SimpleDate, participants: String, keep: String, improve: String, by: StaffRef) {
        self.heldOn = heldOn
        self.participants = participants
        self.keep = keep
        self.improve = improve
        self.by = by
    }
}

/// The follow-up meeting after closure, called by the socialsekreterare: the situation now,
/// whether more support is needed, and the outcomes again.
public struct ProgrammeFollowUpAfterClosure: Sendable, Hashable, Codable {
    public var heldOn: SimpleDate
    public var participants: String
    public var situation: String
    public var furtherSupportNeeded: Bool
    public var outcomes: [ProgrammeOutcome]
    public var by: StaffRef

    public init(heldOn: SimpleDate, participants: String, situation: String, furtherSupportNeeded: Bool, outcomes: [ProgrammeOutcome], by: StaffRef) {
        self.heldOn = heldOn
        self.participants = participants
        self.situation = situation
        self.furtherSupportNeeded = furtherSupportNeeded
        self.outcomes = outcomes
        self.by = by
    }
}

/// The closure forms as typed. `outcomes`: per child id, per outcome kind, the answer's raw value.
public struct ProgrammeClosureInput: Sendable, Hashable {
    public var heldOn: String = ""
    public var participants: String = ""
    public var situationAtStart: String = ""
    public var situationNow: String = ""
    public var againstGoal: String = ""
    public var experiences: [String] = []
    public var keep: String = ""
    public var improve: String = ""
    public var furtherSupport: String = ""
    public var outcomes: [RecordID: [ProgrammeOutcomeKind: String]] = [:]

    public init() {}
}

/// Field keys: `held_on`, `participants`, `situation_at_start`, `situation_now`,
/// `against_goal`, `experiences`, `keep`, `improve`, `further_support`, `situation`,
/// `outcome_<child id>_<kind>`, `closure`.
public enum ProgrammeClosureRules {
    /// The words the closing meeting starts from: the situation that led to the programme, as
    /// the preparation documents put it.
    public static func situationAtStart(_ enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition) -> String {
        definition.documents(in: .preparation).flatMap { document in
            enrolment.documents(document.key).map { written in
                let child = written.childID.flatMap { id in enrolment.children.first { $0.childID == id }?.name }
                return "\(document.name)\(child.map { " (\($0))" } ?? ""): \(written.summary)"
            }
        }.joined(separator: "\n")
    }

    public static func close(_ input: ProgrammeClosureInput, enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition, by: StaffRef, today: SimpleDate) -> Result<ProgrammeClosure, FieldErrors> {
        var errors = FieldErrors()
        if enrolment.stage != .running { errors.add("closure", "Bara en pågående insats avslutas med familjen.") }
        let day = heldOn(input, after: enrolment.startedOn, today: today, into: &errors)
        let participants = TextRules.required(input.participants, field: "participants", label: "Vilka som deltog", max: 500, into: &errors)
        let atStart = ProgrammeNominationRules.text(input.situationAtStart, field: "situation_at_start", missing: "Beskriv situationen som ledde till insatsen, enligt vårdplanen och Trampolinutredningen.", into: &errors)
        let now = ProgrammeNominationRules.text(input.situationNow, field: "situation_now", missing: "Beskriv nuläget.", into: &errors)
        let goal = ProgrammeNominationRules.text(input.againstGoal, field: "against_goal", missing: "Beskriv nuläget i förhållande till det ursprungliga målet.", into: &errors)
        let experiences = input.experiences.map { TextRules.trimmed($0) }.filter { !$0.isEmpty }
        if experiences.isEmpty { errors.add("experiences", "Samla in erfarenheter från deltagarna: skriv minst en.") }
        if experiences.contains(where: { $0.count > 2000 }) { errors.add("experiences", "Varje erfarenhet får vara högst 2000 tecken.") }
        let outcomes = validateOutcomes(input.outcomes, enrolment: enrolment, definition: definition, into: &errors)
        guard errors.isEmpty, let day else { return .failure(errors) }
        return .success(ProgrammeClosure(closingMeetingOn: day, participants: participants, situationAtStart: atStart, situationNow: now, againstGoal: goal,
                                         experiences: experiences, outcomes: outcomes, by: by))
    }

    public static func internalClosure(_ input: ProgrammeClosureInput, enrolment: ProgrammeEnrolment, by: StaffRef, today: SimpleDate) -> Result<ProgrammeInternalClosure, FieldErrors> {
        var errors = FieldErrors()
        if enrolment.closure == nil { errors.add("closure", "Det interna avslutet hålls när insatsen är avslutad med familjen.") }
        if enrolment.internalClosure != nil { errors.add("closure", "Det interna avslutet är redan antecknat.") }
        let day = heldOn(input, after: enrolment.closure?.closingMeetingOn, today: today, into: &errors)
        let participants = TextRules.required(input.participants, field: "participants", label: "Vilka som deltog", max: 500, into: &errors)
        let keep = ProgrammeNominationRules.text(input.keep, field: "keep", missing: "Skriv vad som fungerat bra och ska befästas.", into: &errors)
        let improve = ProgrammeNominationRules.text(input.improve, field: "improve", missing: "Skriv vad som behöver förbättras.", into: &errors)
        guard errors.isEmpty, let day else { return .failure(errors) }
        return .success(ProgrammeInternalClosure(heldOn: day, participants: participants, keep: keep, improve: improve, by: by))
    }

    public static func followUp(_ input: ProgrammeClosureInput, enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition, by: StaffRef, today: SimpleDate) -> Result<ProgrammeFollowUpAfterClosure, FieldErrors> {
        var errors = FieldErrors()
        if enrolment.stage != .closed {
            errors.add("closure", enrolment.stage == .followedUp ? "Uppföljningen är redan antecknad." : "Uppföljningen hålls efter att insatsen avslutats med familjen.")
        }
        let day = heldOn(input, after: enrolment.closure?.closingMeetingOn, today: today, into: &errors)
        let participants = TextRules.required(input.participants, field: "participants", label: "Vilka som deltog", max: 500, into: &errors)
        let situation = ProgrammeNominationRules.text(input.situationNow, field: "situation", missing: "Beskriv familjens aktuella nuläge.", into: &errors)
        let further = TextRules.trimmed(input.furtherSupport)
        if further != "ja" && further != "nej" { errors.add("further_support", "Ange om familjen behöver ytterligare stöd från IFO och förskola/skola.") }
        let outcomes = validateOutcomes(input.outcomes, enrolment: enrolment, definition: definition, into: &errors)
        guard errors.isEmpty, let day else { return .failure(errors) }
        return .success(ProgrammeFollowUpAfterClosure(heldOn: day, participants: participants, situation: situation, furtherSupportNeeded: further == "ja", outcomes: outcomes, by: by))
    }

    /// Every child, every outcome the programme asks about, answered.
    static func validateOutcomes(_ typed: [RecordID: [ProgrammeOutcomeKind: String]], enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition,
                                 into errors: inout FieldErrors) -> [ProgrammeOutcome] {
        var outcomes: [ProgrammeOutcome] = []
        for child in enrolment.children {
            for kind in definition.outcomes {
                guard let answer = typed[child.childID]?[kind].flatMap(ProgrammeOutcomeAnswer.init(rawValue:)) else {
                    errors.add("outcome_\(child.childID)_\(kind.rawValue)", "\(child.name): svara på \"\(kind.label)\" (ja, nej eller går inte att bedöma).")
                    continue
                }
                outcomes.append(ProgrammeOutcome(childID: child.childID, kind: kind, answer: answer))
            }
        }
        return outcomes
    }

    static func heldOn(_ input: ProgrammeClosureInput, after earliest: SimpleDate?, today: SimpleDate, into errors: inout FieldErrors) -> SimpleDate? {
        let day = ProgrammeNominationRules.pastDay(input.heldOn, field: "held_on", what: "vilken dag mötet hölls", today: today, into: &errors)
        if let day, let earliest, day < earliest {
            errors.add("held_on", "Mötet kan inte ha hållits före \(earliest.iso).")
            return nil
        }
        return day
    }
}
