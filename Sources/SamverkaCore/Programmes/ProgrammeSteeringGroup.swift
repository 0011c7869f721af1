import Foundation

/// Rektor and socialsekreterare bring the family to the steering group (seed 000
/// "Styrgrupp": "Rektor och socialsekreterare initierar ärende/familj till Styrgrupp").
public struct ProgrammeReferral: Sendable, Hashable, Codable {
    public var principal: StaffRef
    public var caseOfficer: StaffRef
    public var on: SimpleDate

    public init(principal: StaffRef, caseOfficer: StaffRef, on: SimpleDate) {
        self.principal = principal
        self.caseOfficer = caseOfficer
        self.on = on
    }

    public var staffIDs: Set<RecordID> { [principal.id, caseOfficer.id] }
}

/// What the steering group decides about a nominated family. Raw values are stored.
public enum ProgrammeDecisionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Placed in the order the steering group takes families in (1 first).
    case prioritise
    case select
    case decline

    public var label: String {
        switch self {
        case .prioritise: "Prioriterad"
        case .select: "Utsedd"
        case .decline: "Inte utsedd"
        }
    }
}

/// A decision with its decision-maker, date and reasons (the steering group's, and the
/// decision forum's grant).
public struct ProgrammeDecision: Sendable, Hashable, Codable {
    public var kind: ProgrammeDecisionKind
    public var decidedBy: StaffRef
    public var date: SimpleDate
    public var reasons: String
    /// The family's place in the queue (prioritise only).
    public var priority: Int?

    public init(kind: ProgrammeDecisionKind, decidedBy: StaffRef, date: SimpleDate, reasons: String, priority: Int? = nil) {
        self.kind = kind
        self.decidedBy = decidedBy
        self.date = date
        self.reasons = reasons
        self.priority = priority
    }
}

/// A decision form as typed: who decided (chosen among those who may), when, why.
public struct ProgrammeDecisionInput: Sendable, Hashable {
    public var decidedBy: RecordID?
    public var date: String
    public var reasons: String
    public var priority: String

    public init(decidedBy: RecordID? = nil, date: String = "", reasons: String = "", priority: String = "") {
        self.decidedBy = decidedBy
        self.date = date
        self.reasons = reasons
        self.priority = priority
    }
}

/// Field keys: `principal`, `case_officer`, `referred_on`, `decided_by`, `decision_date`,
/// `reasons`, `priority`, `decision`.
public enum ProgrammeSteeringGroupRules {
    /// Bringing the family: the rektor and the socialsekreterare are both named, the family
    /// still meets the criteria that make it a matter for both sides.
    public static func refer(principalID: RecordID?, caseOfficerID: RecordID?, on raw: String, principals: [StaffRef], caseOfficers: [StaffRef],
                             enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition, today: SimpleDate) -> Result<ProgrammeReferral, FieldErrors> {
        var errors = FieldErrors()
        if enrolment.stage != .nominated { errors.add("referred_on", "Familjen är redan förd till styrgruppen.") }
        let principal = principals.first { $0.id == principalID }
        if principal == nil { errors.add("principal", "Välj vilken rektor eller förskolechef som initierar ärendet till styrgruppen.") }
        let officer = caseOfficers.first { $0.id == caseOfficerID }
        if officer == nil { errors.add("case_officer", "Välj vilken socialsekreterare som initierar ärendet till styrgruppen.") }
        let day = ProgrammeNominationRules.pastDay(raw, field: "referred_on", what: "vilken dag ärendet initierades", today: today, into: &errors)
        let n = enrolment.nomination
        if definition.applies(.needsSchoolAndHome), let problem = ProgrammeNominationRules.needsProblem(atSchool: n.needsAtSchool, atHome: n.needsAtHome) {
            errors.add("needs", problem)
        }
        if definition.applies(.familyApplied), n.appliedOn == nil {
            errors.add("applied", "\(definition.name) förutsätter att familjen själv ansöker om stödet. Familjen har inte ansökt.")
        }
        guard errors.isEmpty, let principal, let officer, let day else { return .failure(errors) }
        return .success(ProgrammeReferral(principal: principal, caseOfficer: officer, on: day))
    }

    /// A steering-group decision. `members`: who may decide (the steering group).
    public static func decide(_ kind: ProgrammeDecisionKind, _ input: ProgrammeDecisionInput, members: [StaffRef], enrolment: ProgrammeEnrolment, today: SimpleDate) -> Result<ProgrammeDecision, FieldErrors> {
        var errors = FieldErrors()
        switch enrolment.stage {
        case .atSteeringGroup: break
        case .nominated: errors.add("decision", "Familjen är inte förd till styrgruppen än: rektor och socialsekreterare initierar ärendet först.")
        default: errors.add("decision", "Styrgruppen har redan beslutat om familjen (\(enrolment.stage.label.lowercased())).")
        }
        let (maker, day, reasons) = decisionParts(input, members: members, memberText: "styrgruppen", today: today, into: &errors)
        var priority: Int?
        if kind == .prioritise {
            priority = Int(TextRules.trimmed(input.priority))
            if priority == nil || priority! < 1 { errors.add("priority", "Ange familjens plats i prioriteringen (1 är först).") }
        }
        guard errors.isEmpty, let maker, let day else { return .failure(errors) }
        return .success(ProgrammeDecision(kind: kind, decidedBy: maker, date: day, reasons: reasons, priority: priority))
    }

    /// The parts every decision has: a decision-maker among `members`, a date not in the
    /// future, and reasons.
    static func decisionParts(_ input: ProgrammeDecisionInput, members: [StaffRef], memberText: String, today: SimpleDate,
                              into errors: inout FieldErrors) -> (StaffRef?, SimpleDate?, String) {
        let maker = members.first { $0.id == input.decidedBy }
        if maker == nil { errors.add("decided_by", "Välj vem i \(memberText) som fattade beslutet.") }
        let day = ProgrammeNominationRules.pastDay(input.date, field: "decision_date", what: "beslutsdatum", today: today, into: &errors)
        let reasons = ProgrammeNominationRules.text(input.reasons, field: "reasons", missing: "Skriv skälen för beslutet.", into: &errors)
        return (maker, day, reasons)
    }
}
