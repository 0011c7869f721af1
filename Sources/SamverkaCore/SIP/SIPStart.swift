/// Who first saw the need for a SIP (seed 004 §6: "vårdnadshavare/barnet eller någon
/// professionell runt barnet").
public enum SIPRaisedBy: String, Sendable, Hashable, Codable, CaseIterable {
    case guardian
    case child
    case professional

    public var label: String {
        switch self {
        case .guardian: "Vårdnadshavare"
        case .child: "Barnet"
        case .professional: "En professionell runt barnet"
        }
    }
}

/// The start form as typed.
public struct SIPStartInput: Sendable, Hashable {
    public var raisedBy: String = ""
    /// Why a SIP: the needs from both principals, in the family's words where possible.
    public var need: String = ""
    public var responsibleStaffID: RecordID?
    public var parties: [SIPPartyInput] = []

    public init() {}
}

/// A validated start, ready to store.
public struct SIPStart: Sendable, Hashable {
    public var raisedBy: SIPRaisedBy
    public var need: String
    public var responsibleStaffID: RecordID
    public var parties: [SIPNewParty]
}

public enum SIPStartRules {
    /// The message when the municipality or the region is missing: then it is no SIP, and
    /// the seed names the right tool.
    public static let bothPrincipalsMessage =
        "En SIP förutsätter behov av insatser från både kommunen (skola, socialtjänst, LSS) och regionen (till exempel vårdcentral, BVC, BUP eller habilitering). Finns inte behov från båda är ett samverkansmöte rätt väg."

    /// `staff` are the accounts that may be SIP-ansvarig (municipal staff working with
    /// children); `accounts` those a party may be linked to.
    public static func validate(_ input: SIPStartInput, staff: Set<RecordID>, accounts: Set<RecordID> = []) -> Result<SIPStart, FieldErrors> {
        var errors = FieldErrors()
        let raisedBy = SIPRaisedBy(rawValue: input.raisedBy)
        if raisedBy == nil { errors.add("raised_by", "Välj vem som såg behovet av en SIP.") }
        let need = TextRules.trimmed(input.need)
        if need.isEmpty { errors.add("need", "Beskriv behoven av insatser från kommunen och regionen.") }
        else if need.count > 4000 { errors.add("need", "Beskrivningen får vara högst 4000 tecken.") }
        if input.responsibleStaffID.map({ !staff.contains($0) }) ?? true {
            errors.add("responsible", "Välj vem som är SIP-ansvarig.")
        }
        let parties = SIPPartyRules.validate(input.parties, accounts: accounts, into: &errors)
        if errors.isEmpty, let problem = principalsProblem(parties.map(\.kind)) { errors.add("parties", problem) }
        guard errors.isEmpty, let raisedBy, let responsible = input.responsibleStaffID else { return .failure(errors) }
        return .success(SIPStart(raisedBy: raisedBy, need: need, responsibleStaffID: responsible, parties: parties))
    }

    /// nil when the parties include both principals; otherwise the refusal.
    public static func principalsProblem(_ kinds: [SIPPartyKind]) -> String? {
        let principals = Set(kinds.map(\.principal))
        return principals.contains(.municipality) && principals.contains(.region) ? nil : bothPrincipalsMessage
    }
}
