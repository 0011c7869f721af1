import Foundation

/// An action of a plan: what, who answers for it, by when; done on a day. On the
/// responsible staff member's work list while open.
public struct ProgrammePlanAction: Sendable, Hashable, Codable {
    /// Set by the store once saved.
    public var id: RecordID?
    public var what: String
    public var responsible: ActionResponsible
    public var dueOn: SimpleDate
    public var doneOn: SimpleDate?

    public init(id: RecordID? = nil, what: String, responsible: ActionResponsible, dueOn: SimpleDate, doneOn: SimpleDate? = nil) {
        self.id = id
        self.what = what
        self.responsible = responsible
        self.dueOn = dueOn
        self.doneOn = doneOn
    }

    public func deadline(decidedOn: SimpleDate) -> Deadline { Deadline(kind: .programmePlanAction, startedOn: decidedOn, dueOn: dueOn, metOn: doneOn) }
}

/// A document one side wrote with the family (`ProgrammeDocumentDefinition`): its summary,
/// for a plan its goals and actions, and when it was anchored with the child and the parents.
public struct ProgrammeDocument: Sendable, Hashable, Codable {
    public var id: RecordID
    public var key: String
    /// For a document per child (the vårdplan).
    public var childID: RecordID?
    public var writtenBy: StaffRef
    public var writtenOn: SimpleDate
    /// The situation and the goal at the start, as the document states them.
    public var summary: String
    public var goals: [String]
    public var actions: [ProgrammePlanAction]
    /// Anchored with the child and the parents on this day (nil: not yet).
    public var anchoredOn: SimpleDate?
    public var anchoredWith: String?

    public init(id: RecordID, key: String, childID: RecordID?, writtenBy: StaffRef, writtenOn: SimpleDate, summary: String, goals: [String] = [],
                actions: [ProgrammePlanAction] = [], anchoredOn: SimpleDate? = nil, anchoredWith: String? = nil) {
        self.id = id
        self.key = key
        self.childID = childID
        self.writtenBy = writtenBy
        self.writtenOn = writtenOn
        self.summary = summary
        self.goals = goals
        self.actions = actions
        self.anchoredOn = anchoredOn
        self.anchoredWith = anchoredWith
    }

    public var isAnchored: Bool { anchoredOn != nil }
}

/// A document as typed. Plans have goal rows and action rows (a blank row is a spare).
public struct ProgrammeDocumentInput: Sendable, Hashable {
    public var key: String = ""
    public var childID: RecordID?
    public var writtenOn: String = ""
    public var summary: String = ""
    public var goals: [String] = []
    public var actions: [ActionInput] = []
    /// When it was anchored with the child and parents, and with whom (may come later).
    public var anchoredOn: String = ""
    public var anchoredWith: String = ""

    public init() {}
}

/// A validated document, ready to store.
public struct ProgrammeDocumentRecord: Sendable, Hashable {
    public var definition: ProgrammeDocumentDefinition
    public var childID: RecordID?
    public var writtenOn: SimpleDate
    public var summary: String
    public var goals: [String]
    public var actions: [ProgrammePlanAction]
    public var anchoredOn: SimpleDate?
    public var anchoredWith: String?
}

/// Field keys: `document`, `child`, `written_on`, `summary`, `goals`, `goal_<n>`,
/// `action_<n>_what`, `action_<n>_responsible`, `action_<n>_due_on`, `actions`,
/// `anchored_on`, `anchored_with`.
public enum ProgrammeDocumentRules {
    /// `writerRoles`: the roles of the person writing. Preparation documents are written
    /// while the family prepares (after it accepted, before the grant), plans after the grant.
    public static func validate(_ input: ProgrammeDocumentInput, definition: ProgrammeDefinition, enrolment: ProgrammeEnrolment,
                                writerRoles: Set<Role>, today: SimpleDate) -> Result<ProgrammeDocumentRecord, FieldErrors> {
        var errors = FieldErrors()
        guard let document = definition.document(input.key) else {
            errors.add("document", "Välj vilket dokument som upprättas.")
            return .failure(errors)
        }
        switch (document.phase, enrolment.stage) {
        case (.preparation, .preparation), (.afterDecision, .running): break
        case (.preparation, _): errors.add("document", "\(document.name) upprättas under förberedelsearbetet, efter att familjen tackat ja och före beslutet.")
        case (.afterDecision, _): errors.add("document", "\(document.name) upprättas efter beslutet om insatsen, medan den pågår.")
        }
        if writerRoles.isDisjoint(with: document.writtenBy) {
            errors.add("document", "\(document.name) upprättas av \(document.writtenBy.map { $0.label.lowercased() }.joined(separator: " eller ")).")
        }
        var childID: RecordID?
        if document.perChild {
            childID = input.childID.flatMap { id in enrolment.childIDs.contains(id) ? id : nil }
            if childID == nil { errors.add("child", "Välj vilket barn \(document.name.lowercased()) gäller: en för varje barn, även äldre syskon.") }
            else if enrolment.documents(document.key).contains(where: { $0.childID == childID }) {
                errors.add("child", "Det finns redan en \(document.name.lowercased()) för barnet.")
            }
        } else if !enrolment.documents(document.key).isEmpty {
            errors.add("document", "\(document.name) är redan upprättad för familjen.")
        }
        let written = ProgrammeNominationRules.pastDay(input.writtenOn, field: "written_on", what: "när dokumentet upprättades", today: today, into: &errors)
        let summary = ProgrammeNominationRules.text(input.summary, field: "summary", missing: "Beskriv situationen och målet, som dokumentet anger dem.", into: &errors)
        var goals: [String] = []
        var actions: [ProgrammePlanAction] = []
        if document.isPlan {
            for (offset, raw) in input.goals.enumerated() {
                let goal = TextRules.trimmed(raw)
                if goal.isEmpty { continue }
                if goal.count > 1000 { errors.add("goal_\(offset + 1)", "Målet får vara högst 1000 tecken.") }
                goals.append(goal)
            }
            if goals.isEmpty { errors.add("goals", "En plan har minst ett mål.") }
            for (offset, row) in input.actions.enumerated() where !row.isBlank {
                if let action = MinutesRules.validateAction(row, key: "action_\(offset + 1)", meetingDay: written ?? today, into: &errors) {
                    actions.append(ProgrammePlanAction(what: action.what, responsible: action.responsible, dueOn: action.dueOn))
                }
            }
            if actions.isEmpty, errors["actions"] == nil { errors.add("actions", "En plan har minst en åtgärd med ansvarig och datum.") }
        }
        let anchoring = validateAnchoring(on: input.anchoredOn, with: input.anchoredWith, writtenOn: written, today: today, required: false, into: &errors)
        guard errors.isEmpty, let written else { return .failure(errors) }
        return .success(ProgrammeDocumentRecord(definition: document, childID: childID, writtenOn: written, summary: summary, goals: goals, actions: actions,
                                                anchoredOn: anchoring?.on, anchoredWith: anchoring?.with))
    }

    /// Anchoring recorded later on a document written before.
    public static func anchor(_ document: ProgrammeDocument, on: String, with: String, today: SimpleDate) -> Result<(on: SimpleDate, with: String), FieldErrors> {
        var errors = FieldErrors()
        if document.isAnchored { errors.add("anchored_on", "Dokumentet är redan förankrat med barn och föräldrar.") }
        let anchoring = validateAnchoring(on: on, with: with, writtenOn: document.writtenOn, today: today, required: true, into: &errors)
        guard errors.isEmpty, let anchoring else { return .failure(errors) }
        return .success(anchoring)
    }

    static func validateAnchoring(on rawDay: String, with rawWith: String, writtenOn: SimpleDate?, today: SimpleDate, required: Bool,
                                  into errors: inout FieldErrors) -> (on: SimpleDate, with: String)? {
        let dayText = TextRules.trimmed(rawDay)
        let with = TextRules.trimmed(rawWith)
        if !required, dayText.isEmpty, with.isEmpty { return nil }
        let day = ProgrammeNominationRules.pastDay(dayText, field: "anchored_on", what: "när planeringen förankrades med barn och föräldrar", today: today, into: &errors)
        if let day, let writtenOn, day < writtenOn { errors.add("anchored_on", "Förankringen kan inte vara före att dokumentet upprättades (\(writtenOn.iso)).") }
        if with.isEmpty { errors.add("anchored_with", "Skriv med vilka barn och föräldrar planeringen förankrades.") }
        else if with.count > 300 { errors.add("anchored_with", "Texten får vara högst 300 tecken.") }
        guard let day, !with.isEmpty else { return nil }
        return (day, with)
    }
}

/// What the case needs before the decision forum (seed 000: "Vid mötet ska upprättad
/// Trampolinutredning för skola/förskola samt vårdplan för IFO finnas", anchored first).
public enum ProgrammePreparationRules {
    /// What is missing, in words; empty when the case may go to the decision forum.
    public static func missing(_ enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition) -> [String] {
        var missing: [String] = []
        for document in definition.documents(in: .preparation) {
            let written = enrolment.documents(document.key)
            if document.perChild {
                for child in enrolment.children {
                    guard let found = written.first(where: { $0.childID == child.childID }) else {
                        missing.append("\(document.name) för \(child.name) saknas.")
                        continue
                    }
                    if document.anchoredWithFamily, !found.isAnchored { missing.append("\(document.name) för \(child.name) är inte förankrad med barn och föräldrar.") }
                }
            } else if let found = written.first {
                if document.anchoredWithFamily, !found.isAnchored { missing.append("\(document.name) är inte förankrad med barn och föräldrar.") }
            } else {
                missing.append("\(document.name) saknas.")
            }
        }
        return missing
    }
}
