import Foundation

/// A child of the nominated family and why it is in: the programme is for it, or it is an
/// older sibling who comes along. Raw values are stored.
public enum ProgrammeChildRole: String, Sendable, Hashable, Codable {
    case target
    case olderSibling = "older-sibling"

    public var label: String { self == .target ? "Barn som insatsen gäller" : "Äldre syskon" }
}

public struct ProgrammeChild: Sendable, Hashable, Codable {
    public var childID: RecordID
    public var name: String
    public var level: SchoolLevel
    public var role: ProgrammeChildRole

    public init(childID: RecordID, name: String, level: SchoolLevel, role: ProgrammeChildRole) {
        self.childID = childID
        self.name = name
        self.level = level
        self.role = role
    }
}

/// A child of the family as the form lists it (the registry fills name and level; the
/// person corrects the level).
public struct ProgrammeChildInput: Sendable, Hashable {
    public var childID: RecordID
    public var name: String
    public var level: String

    public init(childID: RecordID, name: String, level: String) {
        self.childID = childID
        self.name = name
        self.level = level
    }
}

/// The nomination form as typed.
public struct ProgrammeNominationInput: Sendable, Hashable {
    public var nominatedBy: String = ""
    /// The EHT meeting the school raised the family at.
    public var studentHealthMeetingOn: String = ""
    public var children: [ProgrammeChildInput] = []
    public var concernSince: String = ""
    public var concern: String = ""
    public var earlierMeasures: String = ""
    public var needsAtSchool = false
    public var needsAtHome = false
    public var needsDescription: String = ""
    public var familyApplied = false
    public var appliedOn: String = ""

    public init() {}
}

/// A nomination that meets every criterion of its programme, ready to store.
public struct ProgrammeNomination: Sendable, Hashable, Codable {
    public var nominatedBy: ProgrammeNominator
    public var studentHealthMeetingOn: SimpleDate?
    public var children: [ProgrammeChild]
    public var concernSince: SimpleDate
    public var concern: String
    public var earlierMeasures: String
    public var needsAtSchool: Bool
    public var needsAtHome: Bool
    public var needsDescription: String
    public var appliedOn: SimpleDate?

    public init(nominatedBy: ProgrammeNominator, studentHealthMeetingOn: SimpleDate?, children: [ProgrammeChild], concernSince: SimpleDate, concern: String,
                earlierMeasures: String, needsAtSchool: Bool, needsAtHome: Bool, needsDescription: String, appliedOn: SimpleDate?) {
        self.nominatedBy = nominatedBy
        self.studentHealthMeetingOn = studentHealthMeetingOn
        self.children = children
        self.concernSince = concernSince
        self.concern = concern
        self.earlierMeasures = earlierMeasures
        self.needsAtSchool = needsAtSchool
        self.needsAtHome = needsAtHome
        self.needsDescription = needsDescription
        self.appliedOn = appliedOn
    }

    public var targetChildren: [ProgrammeChild] { children.filter { $0.role == .target } }
}

/// The criteria check (issue 18 item 2). A family that does not meet a criterion is told
/// which and why, next to the field; nothing is stored until every criterion holds.
///
/// Field keys: `nominated_by`, `eht_meeting_on`, `children`, `child_<n>_level` (1-based row),
/// `concern_since`, `concern`, `earlier_measures`, `needs`, `needs_description`, `applied`,
/// `applied_on`.
public enum ProgrammeNominationRules {
    public static let maxTextLength = 4000

    /// `alreadyEnrolled`: children in an enrolment of this programme that is not finished: a
    /// child is in one family's programme at a time.
    public static func validate(_ input: ProgrammeNominationInput, definition: ProgrammeDefinition, today: SimpleDate,
                                alreadyEnrolled: Set<RecordID> = []) -> Result<ProgrammeNomination, FieldErrors> {
        var errors = FieldErrors()
        for (offset, child) in input.children.enumerated() where alreadyEnrolled.contains(child.childID) {
            errors.add("child_\(offset + 1)_level", "\(child.name) är redan med i \(definition.name).")
        }
        let nominator = ProgrammeNominator(rawValue: input.nominatedBy)
        if nominator == nil || !definition.nominators.contains(nominator!) {
            errors.add("nominated_by", "Välj vem som uppmärksammar familjen: \(definition.nominators.map(\.label).joined(separator: ", ")).")
        }
        var ehtDay: SimpleDate?
        if nominator == .schoolStudentHealth {
            ehtDay = pastDay(input.studentHealthMeetingOn, field: "eht_meeting_on", what: "elevhälsoträffen", today: today, into: &errors)
        }
        let children = validateChildren(input.children, definition.eligibility, checkLevels: definition.applies(.childLevel), into: &errors)

        let since = pastDay(input.concernSince, field: "concern_since", what: "när oron började", today: today, into: &errors)
        let concern = text(input.concern, field: "concern", missing: "Beskriv oron, till exempel problematisk frånvaro eller normbrytande beteende.", into: &errors)
        if definition.applies(.concernOverTime), let since {
            if since >= today {
                errors.add("concern_since", "Oron ska ha varat över tid: den kan inte ha börjat i dag.")
            } else if let months = definition.eligibility.concernMinimumMonths, since > today.adding(months: -months) {
                errors.add("concern_since", "Oron ska ha varat i minst \(months) månader för \(definition.name).")
            }
        }
        let measures = text(input.earlierMeasures, field: "earlier_measures",
                            missing: definition.applies(.measuresNotEnough)
                                ? "Beskriv vilka åtgärder förskola/skola och IFO har arbetat med och varför de inte räckt till."
                                : "Beskriv de åtgärder som har prövats.", into: &errors)
        if definition.applies(.needsSchoolAndHome), let problem = needsProblem(atSchool: input.needsAtSchool, atHome: input.needsAtHome) {
            errors.add("needs", problem)
        }
        let needs = text(input.needsDescription, field: "needs_description", missing: "Beskriv behoven av stöd i förskole-/skolsituationen och i hemsituationen.", into: &errors)
        var appliedOn: SimpleDate?
        if definition.applies(.familyApplied) {
            if !input.familyApplied {
                errors.add("applied", "\(definition.name) förutsätter att familjen själv ansöker om stödet. Familjen har inte ansökt.")
            } else {
                appliedOn = pastDay(input.appliedOn, field: "applied_on", what: "när familjen ansökte", today: today, into: &errors)
            }
        }
        guard errors.isEmpty, let nominator, let since else { return .failure(errors) }
        return .success(ProgrammeNomination(nominatedBy: nominator, studentHealthMeetingOn: ehtDay, children: children, concernSince: since, concern: concern,
                                            earlierMeasures: measures, needsAtSchool: input.needsAtSchool, needsAtHome: input.needsAtHome,
                                            needsDescription: needs, appliedOn: appliedOn))
    }

    /// The seed's condition for bringing a family to the steering group: needs both at
    /// school and from IFO (at home). nil when it holds.
    public static func needsProblem(atSchool: Bool, atHome: Bool) -> String? {
        switch (atSchool, atHome) {
        case (true, true): nil
        case (false, false): "Det ska finnas behov av stöd både i förskole-/skolsituationen och i hemsituationen. Inget av behoven är markerat."
        case (false, true): "Det ska finnas behov av stöd både i förskole-/skolsituationen och i hemsituationen. Behov i förskolan/skolan saknas."
        case (true, false): "Det ska finnas behov av stöd både i förskole-/skolsituationen och i hemsituationen. Behov i hemmet (insatser från IFO) saknas."
        }
    }

    /// The children, each given its role: at least one the programme is for; the others
    /// older siblings within the levels that come along.
    static func validateChildren(_ rows: [ProgrammeChildInput], _ eligibility: ProgrammeEligibility, checkLevels: Bool, into errors: inout FieldErrors) -> [ProgrammeChild] {
        guard !rows.isEmpty else {
            errors.add("children", "Välj minst ett barn i familjen.")
            return []
        }
        var children: [ProgrammeChild] = []
        var seen: Set<RecordID> = []
        for (offset, row) in rows.enumerated() {
            let key = "child_\(offset + 1)_level"
            guard seen.insert(row.childID).inserted else {
                errors.add(key, "\(row.name) finns redan med.")
                continue
            }
            guard let level = SchoolLevel(rawValue: row.level) else {
                errors.add(key, "Välj var \(row.name) går: förskola, förskoleklass, årskurs 1–9, gymnasiet eller ingen.")
                continue
            }
            if !checkLevels || eligibility.isTarget(level) {
                children.append(ProgrammeChild(childID: row.childID, name: row.name, level: level, role: .target))
            } else if eligibility.isOlderSibling(level) {
                children.append(ProgrammeChild(childID: row.childID, name: row.name, level: level, role: .olderSibling))
            } else {
                let siblings = eligibility.olderSiblingsTo.map { " Äldre syskon ingår om de går i grundskolan (till och med \($0.label.lowercased()))." } ?? ""
                errors.add(key, "\(row.name) (\(level.label.lowercased())) ingår inte: insatsen gäller barn i \(eligibility.targetText).\(siblings)")
            }
        }
        if checkLevels, !children.isEmpty, !children.contains(where: { $0.role == .target }) {
            errors.add("children", "Minst ett barn ska gå i \(eligibility.targetText); äldre syskon kan bara följa med ett sådant barn.")
        }
        return children
    }

    static func pastDay(_ raw: String, field: String, what: String, today: SimpleDate, into errors: inout FieldErrors) -> SimpleDate? {
        let text = TextRules.trimmed(raw)
        guard let day = SimpleDate(iso: text) else {
            errors.add(field, "Ange \(what) (ÅÅÅÅ-MM-DD).")
            return nil
        }
        if day > today {
            errors.add(field, "Datumet kan inte ligga i framtiden.")
            return nil
        }
        return day
    }

    static func text(_ raw: String, field: String, missing: String, max: Int = ProgrammeNominationRules.maxTextLength, into errors: inout FieldErrors) -> String {
        let text = TextRules.trimmed(raw)
        if text.isEmpty { errors.add(field, missing) }
        else if text.count > max { errors.add(field, "Texten får vara högst \(max) tecken.") }
        return text
    }
}
