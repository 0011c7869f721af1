import Foundation

/// Who gave the SIP consent (seed 004 §6: "barnet och/eller vårdnadshavaren").
public enum SIPConsentGiver: String, Sendable, Hashable, Codable, CaseIterable {
    case guardians
    case child
    case childAndGuardians = "child-and-guardians"

    public var label: String {
        switch self {
        case .guardians: "Vårdnadshavarna"
        case .child: "Barnet själv"
        case .childAndGuardians: "Barnet och vårdnadshavarna"
        }
    }
}

/// A consent to the SIP: it names every party and, per party, what the family lets that party
/// share with the others. Never edited: a new party means a new consent naming all of them
/// (the old one is then replaced and stays in the history); withdrawal closes the SIP.
public struct SIPConsent: Sendable, Hashable, Codable {
    public var id: RecordID
    public var giver: SIPConsentGiver
    /// The names of those who gave it ("Sara Nilsson och Omar Nilsson").
    public var givenBy: String
    public var validFrom: SimpleDate
    public var validTo: SimpleDate
    /// Party id → what the party may share with the other parties.
    public var shares: [RecordID: String]
    public var recordedBy: StaffRef
    public var recordedAt: Date
    public var withdrawnAt: Date?
    /// The later consent that replaced this one (a new party joined).
    public var replacedBy: RecordID?

    public init(id: RecordID, giver: SIPConsentGiver, givenBy: String, validFrom: SimpleDate, validTo: SimpleDate, shares: [RecordID: String], recordedBy: StaffRef, recordedAt: Date, withdrawnAt: Date? = nil, replacedBy: RecordID? = nil) {
        self.id = id
        self.giver = giver
        self.givenBy = givenBy
        self.validFrom = validFrom
        self.validTo = validTo
        self.shares = shares
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.withdrawnAt = withdrawnAt
        self.replacedBy = replacedBy
    }

    /// In force: not withdrawn (that instant on), not replaced, and `on` within its days.
    public func isInForce(at instant: Date) -> Bool {
        if let withdrawnAt, withdrawnAt <= instant { return false }
        guard replacedBy == nil else { return false }
        let day = Stockholm.date(of: instant)
        return validFrom <= day && day <= validTo
    }

    public func names(_ partyID: RecordID) -> Bool { shares[partyID] != nil }

    public func statusLabel(at instant: Date) -> String {
        if let withdrawnAt, withdrawnAt <= instant { return "Återkallat \(Stockholm.format(withdrawnAt))" }
        if replacedBy != nil { return "Ersatt av ett nytt samtycke" }
        let day = Stockholm.date(of: instant)
        if day < validFrom { return "Gäller från \(validFrom.iso)" }
        if day > validTo { return "Upphörde \(validTo.iso)" }
        return "Gäller till och med \(validTo.iso)"
    }
}

/// The consent form as typed: per party (by id) what it may share; new parties the
/// family agreed to add.
public struct SIPConsentInput: Sendable, Hashable {
    public var giver: String = ""
    public var givenBy: String = ""
    public var validFrom: String = ""
    public var validTo: String = ""
    public var shares: [RecordID: String] = [:]
    public var newParties: [SIPPartyInput] = []
    /// Per new party row (same order), what it may share.
    public var newPartyShares: [String] = []

    public init() {}
}

/// A validated consent, ready to store with its new parties.
public struct SIPConsentRecord: Sendable, Hashable {
    public var giver: SIPConsentGiver
    public var givenBy: String
    public var validFrom: SimpleDate
    public var validTo: SimpleDate
    public var shares: [RecordID: String]
    public var newParties: [(party: SIPNewParty, share: String)]

    public static func == (a: Self, b: Self) -> Bool {
        a.giver == b.giver && a.givenBy == b.givenBy && a.validFrom == b.validFrom && a.validTo == b.validTo && a.shares == b.shares
            && a.newParties.map(\.party) == b.newParties.map(\.party) && a.newParties.map(\.share) == b.newParties.map(\.share)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(shares); hasher.combine(validTo) }
}

public enum SIPConsentRules {
    /// Seed 004 §6: "Samtycket gäller max 1 år".
    public static let maximumMonths = 12

    /// The consent a withdrawal takes back: the latest neither withdrawn nor replaced.
    public static func withdrawable(_ consents: [SIPConsent]) -> Result<SIPConsent, FieldErrors> {
        guard let consent = consents.last(where: { $0.withdrawnAt == nil && $0.replacedBy == nil }) else {
            var errors = FieldErrors()
            errors.add("withdrawal_note", "Det finns inget samtycke att återkalla.")
            return .failure(errors)
        }
        return .success(consent)
    }

    /// The last day a consent starting on `from` may run to.
    public static func lastDay(from: SimpleDate) -> SimpleDate { from.adding(months: maximumMonths).adding(days: -1) }

    /// `parties` are the SIP's parties today: the consent must name every one of them.
    public static func validate(_ input: SIPConsentInput, parties: [SIPParty], today: SimpleDate, accounts: Set<RecordID> = []) -> Result<SIPConsentRecord, FieldErrors> {
        var errors = FieldErrors()
        let giver = SIPConsentGiver(rawValue: input.giver)
        if giver == nil { errors.add("giver", "Välj vem som ger samtycket.") }
        let givenBy = TextRules.required(input.givenBy, field: "given_by", label: "Namnen på dem som ger samtycket", max: 300, into: &errors)
        let from = SimpleDate(iso: TextRules.trimmed(input.validFrom))
        let to = SimpleDate(iso: TextRules.trimmed(input.validTo))
        if from == nil { errors.add("valid_from", "Ange från och med vilket datum samtycket gäller (ÅÅÅÅ-MM-DD).") }
        if to == nil { errors.add("valid_to", "Ange till och med vilket datum samtycket gäller (ÅÅÅÅ-MM-DD).") }
        if let from, let to {
            if to < from { errors.add("valid_to", "Slutdatumet kan inte ligga före startdatumet.") }
            else if to > lastDay(from: from) {
                errors.add("valid_to", "Ett samtycke till SIP gäller högst ett år. Välj ett slutdatum senast \(lastDay(from: from).iso).")
            }
            if to < today { errors.add("valid_to", "Samtycket har redan upphört: välj ett slutdatum från i dag.") }
        }
        var shares: [RecordID: String] = [:]
        for party in parties {
            let text = TextRules.trimmed(input.shares[party.id])
            if text.isEmpty {
                errors.add("share_\(party.id)", "Ett nytt samtycke ska namnge alla parter: skriv vad \(party.organisation) får dela med de andra.")
            } else if text.count > 1000 {
                errors.add("share_\(party.id)", "Texten får vara högst 1000 tecken.")
            }
            shares[party.id] = text
        }
        let newParties = SIPPartyRules.validate(input.newParties, firstRow: 1, accounts: accounts, into: &errors)
        var added: [(SIPNewParty, String)] = []
        var row = 0
        for (offset, typed) in input.newParties.enumerated() where !typed.isBlank {
            let share = TextRules.trimmed(offset < input.newPartyShares.count ? input.newPartyShares[offset] : "")
            if share.isEmpty { errors.add("party_\(offset + 1)_share", "Skriv vad den nya parten får dela med de andra.") }
            if row < newParties.count { added.append((newParties[row], share)) }
            row += 1
        }
        if errors.isEmpty, let problem = SIPStartRules.principalsProblem(parties.map(\.kind) + newParties.map(\.kind)) {
            errors.add("parties", problem)
        }
        guard errors.isEmpty, let giver, let from, let to else { return .failure(errors) }
        return .success(SIPConsentRecord(giver: giver, givenBy: givenBy, validFrom: from, validTo: to, shares: shares, newParties: added))
    }
}
