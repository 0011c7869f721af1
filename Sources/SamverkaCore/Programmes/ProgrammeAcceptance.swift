import Foundation

/// A member of the programme's team as the family's consent names them.
public struct ProgrammeTeamMember: Sendable, Hashable, Codable {
    public var id: RecordID
    public var name: String
    public var role: Role

    public init(id: RecordID, name: String, role: Role) {
        self.id = id
        self.name = name
        self.role = role
    }
}

/// The family's consent to the programme (OSL 12:2): it names the team that may share
/// between school and social services what the programme needs, and for how long. Never
/// edited; withdrawal ends the team's access at once.
public struct ProgrammeConsent: Sendable, Hashable, Codable {
    public var givenBy: String
    public var team: [ProgrammeTeamMember]
    /// What the team may share.
    public var mayShare: String
    public var validFrom: SimpleDate
    public var validTo: SimpleDate
    public var withdrawnAt: Date?

    public init(givenBy: String, team: [ProgrammeTeamMember], mayShare: String, validFrom: SimpleDate, validTo: SimpleDate, withdrawnAt: Date? = nil) {
        self.givenBy = givenBy
        self.team = team
        self.mayShare = mayShare
        self.validFrom = validFrom
        self.validTo = validTo
        self.withdrawnAt = withdrawnAt
    }

    public func isInForce(at instant: Date) -> Bool {
        ConsentStatus.of(validFrom: validFrom, validTo: validTo, withdrawnAt: withdrawnAt, at: instant).isInForce
    }

    public func names(_ staffID: RecordID) -> Bool { team.contains { $0.id == staffID } }
}

/// The family's answer after rektor and socialsekreterare told it what taking part means.
public struct ProgrammeFamilyResponse: Sendable, Hashable, Codable {
    public var accepted: Bool
    public var respondedOn: SimpleDate
    /// Who informed the family (seed: rektor and socialsekreterare).
    public var informedBy: String
    public var note: String?
    /// Given with an acceptance, never with a no.
    public var consent: ProgrammeConsent?
    public var recordedBy: StaffRef

    public init(accepted: Bool, respondedOn: SimpleDate, informedBy: String, note: String?, consent: ProgrammeConsent?, recordedBy: StaffRef) {
        self.accepted = accepted
        self.respondedOn = respondedOn
        self.informedBy = informedBy
        self.note = note
        self.consent = consent
        self.recordedBy = recordedBy
    }
}

/// The answer form as typed. `team`: the staff chosen, by id.
public struct ProgrammeFamilyResponseInput: Sendable, Hashable {
    /// "ja" or "nej".
    public var answer: String = ""
    public var respondedOn: String = ""
    public var informedBy: String = ""
    public var note: String = ""
    public var consentGivenBy: String = ""
    public var team: [RecordID] = []
    public var mayShare: String = ""
    public var validTo: String = ""

    public init() {}
}

/// Field keys: `answer`, `responded_on`, `informed_by`, `note`, `consent_given_by`, `team`,
/// `may_share`, `valid_to`.
public enum ProgrammeAcceptanceRules {
    /// A programme runs for a while: the consent may last this long at most, then is renewed.
    public static let maximumConsentMonths = 24

    /// `candidates`: the staff who may be named in the team, with their roles.
    public static func validate(_ input: ProgrammeFamilyResponseInput, enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition,
                                candidates: [ProgrammeTeamMember], by: StaffRef, today: SimpleDate) -> Result<ProgrammeFamilyResponse, FieldErrors> {
        var errors = FieldErrors()
        if enrolment.stage != .selected {
            errors.add("answer", enrolment.stage == .atSteeringGroup || enrolment.stage == .nominated
                ? "Styrgruppen har inte utsett familjen än: familjen tillfrågas när den är utsedd."
                : "Familjens svar är redan registrerat.")
        }
        let answer = TextRules.trimmed(input.answer)
        if answer != "ja" && answer != "nej" { errors.add("answer", "Ange om familjen tackar ja eller nej till insatsen.") }
        let day = ProgrammeNominationRules.pastDay(input.respondedOn, field: "responded_on", what: "när familjen svarade", today: today, into: &errors)
        let informedBy = TextRules.required(input.informedBy, field: "informed_by", label: "Vilka som informerade familjen", max: 300, into: &errors)
        let note = TextRules.trimmed(input.note)
        if note.count > 2000 { errors.add("note", "Anteckningen får vara högst 2000 tecken.") }
        var consent: ProgrammeConsent?
        if answer == "ja", let day {
            consent = validateConsent(input, definition: definition, candidates: candidates, from: day, today: today, into: &errors)
        }
        guard errors.isEmpty, let day else { return .failure(errors) }
        return .success(ProgrammeFamilyResponse(accepted: answer == "ja", respondedOn: day, informedBy: informedBy, note: note.isEmpty ? nil : note,
                                                consent: consent, recordedBy: by))
    }

    /// The consent names someone in each of the team's roles, says what may be shared, and ends.
    static func validateConsent(_ input: ProgrammeFamilyResponseInput, definition: ProgrammeDefinition, candidates: [ProgrammeTeamMember], from: SimpleDate,
                                today: SimpleDate, into errors: inout FieldErrors) -> ProgrammeConsent? {
        let givenBy = TextRules.required(input.consentGivenBy, field: "consent_given_by", label: "Namnen på dem som ger samtycket", max: 300, into: &errors)
        var team: [ProgrammeTeamMember] = []
        for id in input.team where !team.contains(where: { $0.id == id }) {
            guard let member = candidates.first(where: { $0.id == id }) else {
                errors.add("team", "Välj teamets medlemmar i listan.")
                continue
            }
            team.append(member)
        }
        let missing = definition.teamRoles.filter { role in !team.contains { $0.role == role } }
        if !missing.isEmpty {
            errors.add("team", "Samtycket ska namnge programmets team: \(missing.map(\.label).joined(separator: ", ")) saknas.")
        }
        let share = ProgrammeNominationRules.text(input.mayShare, field: "may_share", missing: "Skriv vad teamet får dela mellan förskola/skola och IFO.", max: 2000, into: &errors)
        let to = SimpleDate(iso: TextRules.trimmed(input.validTo))
        let last = from.adding(months: maximumConsentMonths).adding(days: -1)
        if to == nil { errors.add("valid_to", "Ange till och med vilket datum samtycket gäller (ÅÅÅÅ-MM-DD).") }
        else if let to, to < today { errors.add("valid_to", "Samtycket har redan upphört: välj ett slutdatum från i dag.") }
        else if let to, to > last { errors.add("valid_to", "Samtycket gäller högst \(maximumConsentMonths) månader, till och med \(last.iso); förnya det sedan.") }
        guard let to else { return nil }
        return ProgrammeConsent(givenBy: givenBy, team: team, mayShare: share, validFrom: from, validTo: to)
    }
}
