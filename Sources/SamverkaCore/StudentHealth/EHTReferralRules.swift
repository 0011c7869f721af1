import Foundation

/// What the mentor writes in the Steg 1 form.
public struct EHTReferralInput: Sendable, Hashable {
    public var situation = ""
    public var adaptations = ""

    public init(situation: String = "", adaptations: String = "") {
        self.situation = situation
        self.adaptations = adaptations
    }
}

/// The rektor's decision as typed.
public struct EHTDecisionInput: Sendable, Hashable {
    public var outcome = ""
    public var date = ""
    public var reasons = ""

    public init(outcome: String = "", date: String = "", reasons: String = "") {
        self.outcome = outcome
        self.date = date
        self.reasons = reasons
    }
}

/// The rules of the Steg 1 referral (seed 004 3.1). Field keys: `situation`, `adaptations`;
/// `reflection`; `outcome`, `decision_date`, `reasons`.
public enum EHTReferralRules {
    public static let maxText = 8000

    private static func text(_ value: String, field: String, missing: String, label: String, into errors: inout FieldErrors) -> String {
        let text = TextRules.trimmed(value)
        if text.isEmpty {
            errors.add(field, missing)
        } else if text.count > maxText {
            errors.add(field, StudentHealthMessages.tooLong(label, max: maxText))
        }
        return text
    }

    /// The referral: the current situation and, required, the adaptations already made in
    /// the classroom ("Innan mentorer skickar in en blankett … har de gjort egna anpassningar").
    public static func validate(_ input: EHTReferralInput) -> Result<EHTReferralInput, FieldErrors> {
        var errors = FieldErrors()
        let situation = text(input.situation, field: "situation", missing: StudentHealthMessages.situationMissing, label: StudentHealthMessages.situationLabel, into: &errors)
        let adaptations = text(input.adaptations, field: "adaptations", missing: StudentHealthMessages.adaptationsMissing, label: StudentHealthMessages.adaptationsLabel, into: &errors)
        guard errors.isEmpty else { return .failure(errors) }
        return .success(EHTReferralInput(situation: situation, adaptations: adaptations))
    }

    /// A reflection of the team, before the decision.
    public static func reflection(_ value: String, referral: EHTReferral) -> Result<String, FieldErrors> {
        var errors = FieldErrors()
        if referral.decision != nil {
            errors.add("reflection", StudentHealthMessages.alreadyDecided)
            return .failure(errors)
        }
        let text = text(value, field: "reflection", missing: StudentHealthMessages.reflectionMissing, label: StudentHealthMessages.reflectionLabel, into: &errors)
        return errors.isEmpty ? .success(text) : .failure(errors)
    }

    /// The rektor's decision: an outcome, the day (not in the future) and the reasons; once.
    public static func decision(_ input: EHTDecisionInput, referral: EHTReferral, by actor: Actor, today: SimpleDate) -> Result<EHTDecision, FieldErrors> {
        var errors = FieldErrors()
        if referral.decision != nil {
            errors.add("outcome", StudentHealthMessages.alreadyDecided)
            return .failure(errors)
        }
        let outcome = EHTDecisionOutcome(rawValue: TextRules.trimmed(input.outcome))
        if outcome == nil { errors.add("outcome", StudentHealthMessages.outcomeMissing) }
        let date = SimpleDate(iso: TextRules.trimmed(input.date))
        if let date {
            if date > today { errors.add("decision_date", StudentHealthMessages.dateInFuture) }
            if date < Stockholm.date(of: referral.sentAt) { errors.add("decision_date", StudentHealthMessages.dateBeforeReferral) }
        } else {
            errors.add("decision_date", StudentHealthMessages.dateMissing)
        }
        let reasons = text(input.reasons, field: "reasons", missing: StudentHealthMessages.reasonsMissing, label: StudentHealthMessages.reasonsLabel, into: &errors)
        guard errors.isEmpty, let outcome, let date else { return .failure(errors) }
        return .success(EHTDecision(outcome: outcome, record: DecisionRecord(decidedBy: actor.staffID, decidedByName: actor.displayName, date: date, reasons: reasons)))
    }
}
