/// The decision forum grants the support as bistånd (issue 18 item 5; SoL 2025:400 11:1, the
/// seed cites the old 4:1): only when every preparation document exists and is anchored, and
/// only as a decision with decision-maker, date and reasons.
///
/// Field keys: `documents` and those of `ProgrammeSteeringGroupRules.decisionParts`.
public enum ProgrammeGrantRules {
    /// `members`: the decision forum (its roles, and the rektor and socialsekreterare who
    /// brought the family).
    public static func grant(_ input: ProgrammeDecisionInput, enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition, members: [StaffRef],
                             today: SimpleDate) -> Result<ProgrammeDecision, FieldErrors> {
        var errors = FieldErrors()
        switch enrolment.stage {
        case .preparation: break
        case .running, .closed, .followedUp: errors.add("decision", "Insatsen är redan beviljad.")
        default: errors.add("decision", "Beslutsforum beviljar insatsen först när familjen tackat ja och förberedelsearbetet är gjort.")
        }
        let missing = ProgrammePreparationRules.missing(enrolment, definition: definition)
        if !missing.isEmpty { errors.add("documents", "Insatsen kan inte beviljas än. \(missing.joined(separator: " "))") }
        let (maker, day, reasons) = ProgrammeSteeringGroupRules.decisionParts(input, members: members, memberText: "beslutsforum", today: today, into: &errors)
        if let day, let accepted = enrolment.familyResponse?.respondedOn, day < accepted {
            errors.add("decision_date", "Beslutet kan inte vara före att familjen tackade ja (\(accepted.iso)).")
        }
        guard errors.isEmpty, let maker, let day else { return .failure(errors) }
        return .success(ProgrammeDecision(kind: .select, decidedBy: maker, date: day, reasons: reasons))
    }

    /// The legal ground shown with the decision: the paragraph in force and the one the seed cites.
    public static func legalBasisText(_ definition: ProgrammeDefinition) -> String? {
        guard let reference = definition.grantLegalReference else { return nil }
        return reference.previous.map { "Bistånd enligt \(reference.current) (tidigare \($0))" } ?? "Bistånd enligt \(reference.current)"
    }
}
