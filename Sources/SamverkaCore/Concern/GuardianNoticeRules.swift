import Foundation

/// While a report of acute concern is open, nothing may call or inform the guardians about
/// it (DOMAIN §3.1 step 3; seed 002): no joint report meeting, no letter that names it,
/// unless social services lifts that, recorded with who, when and why.
public enum GuardianNoticeRules {
    /// What the rule needs of one report about the child.
    public struct ReportFacts: Sendable, Hashable {
        public var isAcute: Bool
        public var preAssessment: PreAssessmentOutcome?
        /// When social services lifted the ban (nil: in force).
        public var liftedAt: Date?

        public init(isAcute: Bool, preAssessment: PreAssessmentOutcome?, liftedAt: Date?) {
            self.isAcute = isAcute
            self.preAssessment = preAssessment
            self.liftedAt = liftedAt
        }

        /// An acute report forbids telling the guardians until social services lifts the ban
        /// or decides not to investigate. A closed investigation does not lift it by itself:
        /// only social services knows whether the guardians may now be told.
        public var forbidsTellingGuardians: Bool {
            isAcute && liftedAt == nil && preAssessment != .notOpened
        }
    }

    /// Whether any of the child's reports forbids telling the guardians now.
    public static func guardiansMustNotBeTold(_ reports: [ReportFacts]) -> Bool {
        reports.contains(where: \.forbidsTellingGuardians)
    }

    public static let refusal = "Det finns en anmälan om akut oro för barnet. Vårdnadshavarna får inte kallas till eller informeras om anmälan förrän socialtjänsten har hävt det, så inget gemensamt anmälningsmöte kan bokas."

    /// Lifting the ban: social services says why (recorded with who and when).
    public static func validateLift(reason: String, into errors: inout FieldErrors) -> String {
        let text = TextRules.required(reason, field: "lift_reason", label: "Skälet", max: 1000, into: &errors)
        if errors["lift_reason"] == nil, text.count < 10 {
            errors.add("lift_reason", "Beskriv varför vårdnadshavarna nu får informeras (minst 10 tecken).")
        }
        return text
    }
}

extension MeetingType {
    /// A meeting whose invitation tells the guardians of the report (seed 002's joint report
    /// meeting). Types are data, so this goes by the shipped key, which never changes.
    public var tellsGuardiansOfReport: Bool { key == MeetingType.jointReportMeeting.key || category == .report }
}
