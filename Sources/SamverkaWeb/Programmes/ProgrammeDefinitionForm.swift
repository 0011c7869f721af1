import SamverkaCore

/// The editor's posted fields and Core's `ProgrammeDefinitionInput`, both ways. A row's
/// fields are `{section}_{n}_{field}`; a ticked box is `{group}_{value}`; how many rows a
/// repeatable section shows travels in `{section}_rows`, one more after "Lägg till rad".
enum ProgrammeDefinitionForm {
    /// The sections with rows an administrator can add to.
    static let repeatable = ["criteria", "documents", "meetings", "follow_ups", "reports"]
    static let maxRows = 30

    /// The roles that work with children (documents, the team, check-ins, follow-ups).
    static let staffRoles = Role.allCases.filter(\.worksWithChildren)
    /// The roles that can sit in a steering group or a decision forum.
    static let boardRoles = Role.allCases.filter { ![.systemAdministrator, .logReviewer, .externalParty].contains($0) }

    // MARK: Input to values

    /// The form filled in from an input, with one blank row after each repeatable section's rows.
    static func values(_ input: ProgrammeDefinitionInput) -> [String: String] {
        var v: [String: String] = ["key": input.key, "name": input.name, "purpose": input.purpose, "source": input.source,
                                   "target_from": input.targetFrom, "target_to": input.targetTo, "siblings_to": input.olderSiblingsTo,
                                   "concern_months": input.concernMinimumMonths, "check_in_count": input.checkInCadenceCount,
                                   "check_in_unit": input.checkInCadenceUnit, "check_in_description": input.checkInDescription,
                                   "closure_follow_up_count": input.closureFollowUpCount, "closure_follow_up_unit": input.closureFollowUpUnit,
                                   "legal_basis": input.legalBasis]
        func tick(_ group: String, _ values: [String]) { for value in values { v["\(group)_\(value)"] = "1" } }
        func flag(_ name: String, _ on: Bool) { if on { v[name] = "1" } }
        tick("nominators", input.nominators)
        tick("check_in_between", input.checkInBetween)
        tick("outcomes", input.outcomes)
        tick("team_roles", input.teamRoles)
        tick("steering_group", input.steeringGroupRoles)
        tick("decision_forum", input.decisionForumRoles)
        for (i, c) in input.criteria.enumerated() {
            v["criteria_\(i + 1)_kind"] = c.kind
            v["criteria_\(i + 1)_text"] = c.text
        }
        for (i, s) in input.stages.enumerated() {
            v["stages_\(i + 1)_name"] = s.name
            v["stages_\(i + 1)_description"] = s.description
        }
        for (i, d) in input.documents.enumerated() {
            let p = "documents_\(i + 1)"
            v["\(p)_key"] = d.key
            v["\(p)_name"] = d.name
            v["\(p)_side"] = d.side
            v["\(p)_phase"] = d.phase
            v["\(p)_description"] = d.description
            tick("\(p)_written_by", d.writtenBy)
            flag("\(p)_per_child", d.perChild)
            flag("\(p)_anchored", d.anchoredWithFamily)
            flag("\(p)_plan", d.isPlan)
        }
        for (i, m) in input.meetings.enumerated() {
            v["meetings_\(i + 1)_type"] = m.meetingTypeKey
            v["meetings_\(i + 1)_count"] = m.cadenceCount
            v["meetings_\(i + 1)_unit"] = m.cadenceUnit
        }
        for (i, f) in input.followUps.enumerated() {
            let p = "follow_ups_\(i + 1)"
            v["\(p)_key"] = f.key
            v["\(p)_held_by"] = f.heldBy
            v["\(p)_description"] = f.description
            tick("\(p)_with", f.with)
        }
        for (i, r) in input.reports.enumerated() {
            let p = "reports_\(i + 1)"
            v["\(p)_name"] = r.name
            v["\(p)_recipient"] = r.recipient
            v["\(p)_period"] = r.period
            v["\(p)_description"] = r.description
        }
        let counts = ["criteria": input.criteria.count, "documents": input.documents.count, "meetings": input.meetings.count,
                      "follow_ups": input.followUps.count, "reports": input.reports.count]
        for (section, count) in counts { v["\(section)_rows"] = String(min(count + 1, maxRows)) }
        return v
    }

    /// How many rows a section shows: what the form said (at least one).
    static func rows(_ section: String, _ v: [String: String]) -> Int {
        min(max(Int(v["\(section)_rows"] ?? "") ?? 1, 1), maxRows)
    }

    /// The posted form with one more row in `section` ("Lägg till rad"); nil for an unknown section.
    static func addingRow(to section: String, _ v: [String: String]) -> [String: String]? {
        guard repeatable.contains(section) else { return nil }
        var v = v
        v["\(section)_rows"] = String(min(rows(section, v) + 1, maxRows))
        v["add_row"] = nil
        return v
    }

    // MARK: Values to input

    static func input(_ v: [String: String]) -> ProgrammeDefinitionInput {
        func s(_ name: String) -> String { v[name] ?? "" }
        func ticked(_ group: String, _ values: [String]) -> [String] { values.filter { v["\(group)_\($0)"] != nil } }
        func ticked(_ group: String, roles: [Role]) -> [String] { ticked(group, roles.map(\.rawValue)) }
        var input = ProgrammeDefinitionInput()
        input.key = s("key")
        input.name = s("name")
        input.purpose = s("purpose")
        input.source = s("source")
        input.criteria = (1...rows("criteria", v)).map { .init(kind: s("criteria_\($0)_kind"), text: s("criteria_\($0)_text")) }
        input.targetFrom = s("target_from")
        input.targetTo = s("target_to")
        input.olderSiblingsTo = s("siblings_to")
        input.concernMinimumMonths = s("concern_months")
        input.nominators = ticked("nominators", ProgrammeNominator.allCases.map(\.rawValue))
        input.stages = ProgrammeStage.allCases.enumerated().map { i, stage in
            .init(stage: stage, name: s("stages_\(i + 1)_name"), description: s("stages_\(i + 1)_description"))
        }
        input.documents = (1...rows("documents", v)).map { n in
            let p = "documents_\(n)"
            var d = ProgrammeDefinitionInput.Document()
            d.key = s("\(p)_key")
            d.name = s("\(p)_name")
            d.side = s("\(p)_side")
            d.phase = s("\(p)_phase")
            d.description = s("\(p)_description")
            d.writtenBy = ticked("\(p)_written_by", roles: staffRoles)
            d.perChild = v["\(p)_per_child"] != nil
            d.anchoredWithFamily = v["\(p)_anchored"] != nil
            d.isPlan = v["\(p)_plan"] != nil
            return d
        }
        input.meetings = (1...rows("meetings", v)).map {
            .init(meetingTypeKey: s("meetings_\($0)_type"), cadenceCount: s("meetings_\($0)_count"), cadenceUnit: s("meetings_\($0)_unit"))
        }
        input.checkInBetween = ticked("check_in_between", roles: staffRoles)
        input.checkInCadenceCount = s("check_in_count")
        input.checkInCadenceUnit = s("check_in_unit")
        input.checkInDescription = s("check_in_description")
        input.followUps = (1...rows("follow_ups", v)).map { n in
            let p = "follow_ups_\(n)"
            var f = ProgrammeDefinitionInput.FollowUp()
            f.key = s("\(p)_key")
            f.heldBy = s("\(p)_held_by")
            f.with = ticked("\(p)_with", roles: staffRoles)
            f.description = s("\(p)_description")
            return f
        }
        input.reports = (1...rows("reports", v)).map { n in
            let p = "reports_\(n)"
            var r = ProgrammeDefinitionInput.Report()
            r.name = s("\(p)_name")
            r.recipient = s("\(p)_recipient")
            r.period = s("\(p)_period")
            r.description = s("\(p)_description")
            return r
        }
        input.closureFollowUpCount = s("closure_follow_up_count")
        input.closureFollowUpUnit = s("closure_follow_up_unit")
        input.outcomes = ticked("outcomes", ProgrammeOutcomeKind.allCases.map(\.rawValue))
        input.teamRoles = ticked("team_roles", roles: staffRoles)
        input.steeringGroupRoles = ticked("steering_group", roles: boardRoles)
        input.decisionForumRoles = ticked("decision_forum", roles: boardRoles)
        input.legalBasis = s("legal_basis")
        return input
    }
}
