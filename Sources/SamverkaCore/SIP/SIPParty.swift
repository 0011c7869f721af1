/// The two principals a SIP joins (SoL 2025:400 10:8–9, HSL 16:4), and the family's own
/// network, which takes part but is neither.
public enum SIPPrincipal: String, Sendable, Hashable, Codable {
    case municipality
    case region
    case network

    public var label: String {
        switch self {
        case .municipality: "Kommunen"
        case .region: "Regionen"
        case .network: "Familjens nätverk"
        }
    }
}

/// What kind of party takes part in a SIP (seed 004 §6: school, social services, LSS from the
/// municipality; primary care, BVC, BUP, habilitation from the region; grandparents and
/// others who matter to the child). Raw values are stored and never renamed.
public enum SIPPartyKind: String, Sendable, Hashable, Codable, CaseIterable {
    case school
    case socialServices = "social-services"
    case lss
    case primaryCare = "primary-care"
    case childHealthCentre = "child-health-centre"
    case childPsychiatry = "child-psychiatry"
    case habilitation
    case otherRegion = "other-region"
    case network

    public var principal: SIPPrincipal {
        switch self {
        case .school, .socialServices, .lss: .municipality
        case .primaryCare, .childHealthCentre, .childPsychiatry, .habilitation, .otherRegion: .region
        case .network: .network
        }
    }

    public var label: String {
        switch self {
        case .school: "Förskola/skola"
        case .socialServices: "Socialtjänsten"
        case .lss: "LSS"
        case .primaryCare: "Primärvården/vårdcentralen"
        case .childHealthCentre: "Barnavårdscentralen (BVC)"
        case .childPsychiatry: "Barn- och ungdomspsykiatrin (BUP)"
        case .habilitation: "Habiliteringen"
        case .otherRegion: "Annan verksamhet i regionen"
        case .network: "Närstående eller nätverk"
        }
    }
}

/// One party of a SIP: an organisation (or a person of the family's network) with its contact
/// person. A party with a municipal or "extern part" account is linked to it, so the plan's
/// actions reach that person's work list and the account sees the SIP while the consent
/// names the party.
public struct SIPParty: Sendable, Hashable, Codable {
    public var id: RecordID
    public var kind: SIPPartyKind
    /// "BUP Region Jämtland Härjedalen", "Hammarstrands skola", "Mormor".
    public var organisation: String
    public var contactName: String?
    public var contactEmail: String?
    /// The account that represents the party, if it has one.
    public var staffID: RecordID?

    public init(id: RecordID, kind: SIPPartyKind, organisation: String, contactName: String? = nil, contactEmail: String? = nil, staffID: RecordID? = nil) {
        self.id = id
        self.kind = kind
        self.organisation = organisation
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.staffID = staffID
    }

    /// "BUP Region Jämtland Härjedalen (Anna Berg)".
    public var displayName: String {
        contactName.map { "\(organisation) (\($0))" } ?? organisation
    }
}

/// A party as typed into a form, before validation.
public struct SIPPartyInput: Sendable, Hashable {
    public var kind: String
    public var organisation: String
    public var contactName: String
    public var contactEmail: String
    public var staffID: RecordID?

    public init(kind: String = "", organisation: String = "", contactName: String = "", contactEmail: String = "", staffID: RecordID? = nil) {
        self.kind = kind
        self.organisation = organisation
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.staffID = staffID
    }

    /// A row the person left empty (the form offers more rows than most SIPs need).
    public var isBlank: Bool {
        [kind, organisation, contactName, contactEmail].allSatisfy { TextRules.trimmed($0).isEmpty } && staffID == nil
    }
}

/// A validated new party, not yet stored.
public struct SIPNewParty: Sendable, Hashable {
    public var kind: SIPPartyKind
    public var organisation: String
    public var contactName: String?
    public var contactEmail: String?
    public var staffID: RecordID?
}

enum SIPPartyRules {
    /// Field keys: `party_<n>_kind`, `party_<n>_organisation`, ... (1-based row). A party's
    /// account must be one of `accounts`: linking one lets it see the SIP under the consent.
    static func validate(_ rows: [SIPPartyInput], firstRow: Int = 1, accounts: Set<RecordID>, into errors: inout FieldErrors) -> [SIPNewParty] {
        var parties: [SIPNewParty] = []
        for (offset, row) in rows.enumerated() where !row.isBlank {
            let key = "party_\(firstRow + offset)"
            let kind = SIPPartyKind(rawValue: row.kind)
            if kind == nil { errors.add("\(key)_kind", "Välj vilken sorts part det är.") }
            let organisation = TextRules.required(row.organisation, field: "\(key)_organisation", label: "Verksamhet eller person", max: 200, into: &errors)
            let contact = TextRules.optional(row.contactName, field: "\(key)_contact", label: "Kontaktperson", max: 200, into: &errors)
            let email = TextRules.optional(row.contactEmail, field: "\(key)_email", label: "E-post", max: 200, into: &errors)
            if let email, !email.contains("@") { errors.add("\(key)_email", "Skriv e-postadressen som namn@exempel.se.") }
            if let account = row.staffID, !accounts.contains(account) { errors.add("\(key)_account", "Välj ett konto i listan, eller inget konto.") }
            if let kind { parties.append(SIPNewParty(kind: kind, organisation: organisation, contactName: contact, contactEmail: email, staffID: row.staffID)) }
        }
        return parties
    }
}
