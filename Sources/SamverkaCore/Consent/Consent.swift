import Foundation

/// The kinds of information a consent can let cross the secrecy barrier (DOMAIN §5). Each
/// belongs to the side that holds it: a consent lets the other side's named parties see it.
/// Raw values are stored and never renamed.
public enum ConsentCategory: String, Sendable, Hashable, CaseIterable, Codable {
    // Held by social services (OSL 26:1), shown to named school parties.
    case investigationStatus = "investigation-status"
    case outcome
    case schoolInterventions = "school-interventions"
    case meetingMinutes = "meeting-minutes"
    // Held by the school (OSL 23:1–2), shown to named social-services parties.
    case attendance
    case schoolSituation = "school-situation"
    case studentHealth = "student-health"

    /// The side that holds the information.
    public var heldBy: Side {
        switch self {
        case .investigationStatus, .outcome, .schoolInterventions, .meetingMinutes: .social
        case .attendance, .schoolSituation, .studentHealth: .school
        }
    }

    public var label: String {
        switch self {
        case .investigationStatus: "Att utredning inletts eller avslutats"
        case .outcome: "Utredningens utfall"
        case .schoolInterventions: "Insatser som berör förskola/skola"
        case .meetingMinutes: "Minnesanteckningar från samverkansärendet"
        case .attendance: "Närvaro och frånvaro i skolan"
        case .schoolSituation: "Skolsituation och kunskapsutveckling"
        case .studentHealth: "Uppgifter från elevhälsan"
        }
    }
}

/// What the consent is for: a case, a meeting series, a SIP or the investigation.
public enum ConsentPurposeKind: String, Sendable, Hashable, CaseIterable, Codable {
    case investigation
    case collaborationCase = "collaboration-case"
    case meetingSeries = "meeting-series"
    case sip
    /// A joint programme's consent naming its team (kept with the enrolment, not in the
    /// child's consent registry): it clears that programme's meetings only.
    case programme

    public var label: String {
        switch self {
        case .investigation: "Samverkan under utredning"
        case .collaborationCase: "Samverkansärende"
        case .meetingSeries: "Mötesserie"
        case .sip: "SIP (samordnad individuell plan)"
        case .programme: "Gemensamt program (till exempel Ragunda Trampolinen)"
        }
    }

    /// A SIP consent lasts at most one year (seed 004, SoL 10:8–9).
    public var maximumMonths: Int? { self == .sip ? 12 : nil }
}

/// Who gave the consent.
public enum ConsentGiverKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The child's guardian or guardians (both with joint custody, unless one is recorded as
    /// sufficient with a reason).
    case guardians
    /// A young person of 18 or more gives it alone.
    case youth
    /// A child of 15 or more, in their own matter where the law allows.
    case child

    public var label: String {
        switch self {
        case .guardians: "Vårdnadshavare"
        case .youth: "Den unge själv (18 år eller äldre)"
        case .child: "Barnet själv (15 år eller äldre, i egen sak)"
        }
    }
}

/// How the consent was given.
public enum ConsentMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// A signed form, scanned or as a PDF, stored in the database with its checksum.
    case signedForm = "signed-form"
    /// Given orally, recorded by the person who heard it, with a witness.
    case oral

    public var label: String {
        switch self {
        case .signedForm: "Underskriven blankett"
        case .oral: "Muntligt, med vittne"
        }
    }
}

/// A party the consent names: a unit, a named staff member, or an outside party without an
/// account (a region's BUP or BVC).
public enum ConsentParty: Sendable, Hashable {
    case unit(RecordID)
    case staff(RecordID)
    case external(String)
}

/// A consent as the policy sees it: enough to say whether it lets one person see one
/// category at one instant.
public struct ConsentFacts: Sendable, Hashable {
    public var consentID: RecordID
    public var parties: Set<ConsentParty>
    public var categories: Set<ConsentCategory>
    public var validFrom: SimpleDate
    public var validTo: SimpleDate
    public var withdrawnAt: Date?

    public init(consentID: RecordID, parties: Set<ConsentParty>, categories: Set<ConsentCategory>, validFrom: SimpleDate, validTo: SimpleDate, withdrawnAt: Date? = nil) {
        self.consentID = consentID
        self.parties = parties
        self.categories = categories
        self.validFrom = validFrom
        self.validTo = validTo
        self.withdrawnAt = withdrawnAt
    }

    public func status(at instant: Date) -> ConsentStatus {
        ConsentStatus.of(validFrom: validFrom, validTo: validTo, withdrawnAt: withdrawnAt, at: instant)
    }

    /// Whether the consent names this person, directly or through one of their units.
    public func names(_ actor: Actor) -> Bool {
        if parties.contains(.staff(actor.staffID)) { return true }
        return actor.childWorkUnitIDs.contains { parties.contains(.unit($0)) }
    }
}

/// Where a consent stands at an instant. Withdrawal and expiry take effect at once.
public enum ConsentStatus: String, Sendable, Hashable {
    case notYetValid = "not-yet-valid"
    case inForce = "in-force"
    /// In force, but ends within `ConsentStatus.warningDays` days.
    case expiringSoon = "expiring-soon"
    case expired
    case withdrawn

    /// Consents ending within this many days are shown as a warning on the work list.
    public static let warningDays = 30

    public var isInForce: Bool { self == .inForce || self == .expiringSoon }

    public var label: String {
        switch self {
        case .notYetValid: "Gäller ännu inte"
        case .inForce: "Gäller"
        case .expiringSoon: "Gäller, upphör snart"
        case .expired: "Har upphört"
        case .withdrawn: "Återkallat"
        }
    }

    /// The consent is valid from the start of `validFrom` to the end of `validTo`, Stockholm
    /// time, unless withdrawn earlier.
    public static func of(validFrom: SimpleDate, validTo: SimpleDate, withdrawnAt: Date?, at instant: Date) -> ConsentStatus {
        if let withdrawnAt, withdrawnAt <= instant { return .withdrawn }
        let today = Stockholm.date(of: instant)
        if today < validFrom { return .notYetValid }
        if today > validTo { return .expired }
        if today.days(until: validTo) < warningDays { return .expiringSoon }
        return .inForce
    }
}
