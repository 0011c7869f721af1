import Foundation

/// What a staff member types into the report form (strings as typed, so nothing is lost on
/// a validation error).
public struct ReportInput: Sendable, Hashable {
    public var observations = ""
    public var since = ""
    public var actionsTaken = ""
    public var reporterContact = ""
    public var acuteGrounds: Set<AcuteGround> = []
    /// "informed" / "not-informed"; ignored for acute concern.
    public var guardiansInformed = ""
    public var requestJointMeeting = false
    public var channel: ReportChannel = .written
    public var kind: ReportKind = .concern
    /// For reports registered by intake on someone else's behalf.
    public var reporterKind: ReporterKind = .staff
    public var reporterName = ""

    public init() {}
}

/// A validated report, ready to store.
public struct ReportDraft: Sendable, Hashable {
    public var kind: ReportKind
    public var channel: ReportChannel
    public var reporterKind: ReporterKind
    public var reporterName: String?
    public var reporterContact: String?
    public var observations: String
    public var since: String?
    public var actionsTaken: String?
    public var acuteGrounds: [AcuteGround]
    public var guardianNotice: GuardianNotice
    public var jointMeetingRequested: Bool

    public var isAcute: Bool { !acuteGrounds.isEmpty }
}

public enum ReportValidation {
    public static let maxText = 8000

    /// Acute concern always records guardians as not told and never asks for a joint
    /// meeting, whatever the form said.
    public static func validate(_ input: ReportInput) -> Result<ReportDraft, FieldErrors> {
        var errors = FieldErrors()
        let observations = TextRules.trimmed(input.observations)
        if observations.isEmpty {
            errors.add("observations", "Beskriv vad du har sett eller hört.")
        } else if observations.count > maxText {
            errors.add("observations", "Beskrivningen får vara högst \(maxText) tecken.")
        }
        let since = TextRules.optional(input.since, field: "since", label: "Sedan när", max: 200, into: &errors)
        let actions = TextRules.trimmed(input.actionsTaken)
        if actions.count > maxText { errors.add("actions_taken", "Texten får vara högst \(maxText) tecken.") }
        var contact: String?
        var name: String?
        switch input.reporterKind {
        case .staff:
            contact = TextRules.required(input.reporterContact, field: "reporter_contact", label: "Hur du nås de närmaste dagarna", max: 300, into: &errors)
        case .anonymous:
            break
        case .agency, .privatePerson, .guardian, .youth:
            name = TextRules.requiredName(input.reporterName, field: "reporter_name", label: "Anmälarens namn", max: 200, into: &errors)
            contact = TextRules.optional(input.reporterContact, field: "reporter_contact", label: "Kontaktuppgifter", max: 300, into: &errors)
        }
        if input.kind == .application, ![.guardian, .youth].contains(input.reporterKind) {
            errors.add("reporter_kind", "En ansökan görs av vårdnadshavare eller av den unge själv.")
        }
        let acute = AcuteGround.allCases.filter { input.acuteGrounds.contains($0) }
        var notice = GuardianNotice.withheldAcute
        if acute.isEmpty {
            switch input.guardiansInformed {
            case GuardianNotice.informed.rawValue: notice = .informed
            case GuardianNotice.notInformed.rawValue: notice = .notInformed
            default:
                if input.reporterKind == .staff {
                    errors.add("guardians_informed", "Ange om vårdnadshavare har informerats om anmälan.")
                }
                notice = .notInformed
            }
        }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(ReportDraft(
            kind: input.kind, channel: input.channel, reporterKind: input.reporterKind, reporterName: name,
            reporterContact: contact?.isEmpty == true ? nil : contact, observations: observations, since: since,
            actionsTaken: actions.isEmpty ? nil : actions, acuteGrounds: acute, guardianNotice: notice,
            jointMeetingRequested: acute.isEmpty && input.requestJointMeeting && input.reporterKind == .staff
        ))
    }
}

/// A decision as typed: the decision-maker is the signed-in person; date and reasons come
/// from the form.
public enum DecisionValidation {
    public static func validate(date: String, reasons: String, by actor: Actor, today: SimpleDate) -> Result<DecisionRecord, FieldErrors> {
        var errors = FieldErrors()
        let text = TextRules.trimmed(reasons)
        if text.isEmpty { errors.add("reasons", "Skriv skälen för beslutet.") }
        else if text.count > ReportValidation.maxText { errors.add("reasons", "Skälen får vara högst \(ReportValidation.maxText) tecken.") }
        let day = SimpleDate(iso: TextRules.trimmed(date))
        if day == nil { errors.add("decision_date", "Ange beslutsdatum som ÅÅÅÅ-MM-DD.") }
        else if let day, day > today { errors.add("decision_date", "Beslutsdatum kan inte vara i framtiden.") }
        guard errors.isEmpty, let day else { return .failure(errors) }
        return .success(DecisionRecord(decidedBy: actor.staffID, decidedByName: actor.displayName, date: day, reasons: text))
    }
}
