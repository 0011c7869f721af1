import Foundation

/// One piece of information about a child, held by one side, that a person of the other
/// side asks to see, with the consents about the child and the instant of asking.
public struct SharedInformationFacts: Sendable, Hashable {
    public var childID: RecordID
    public var category: ConsentCategory
    public var consents: [ConsentFacts]
    public var asOf: Date

    public init(childID: RecordID, category: ConsentCategory, consents: [ConsentFacts], asOf: Date) {
        self.childID = childID
        self.category = category
        self.consents = consents
        self.asOf = asOf
    }
}

extension ConsentAccess {
    /// Whether a consent in force at `instant` lets social services tell a unit (not a
    /// person) this category: the school learns an investigation's outcome at closure only
    /// when a consent names the school unit and the category "outcome" (seed 002).
    public static func unitMayReceive(_ category: ConsentCategory, unitID: RecordID, consents: [ConsentFacts], at instant: Date) -> Bool {
        consents.contains { $0.status(at: instant).isInForce && $0.parties.contains(.unit(unitID)) && $0.categories.contains(category) }
    }
}

/// Emergency access (nödåtkomst): a stated reason, a short time, always flagged for review.
public enum EmergencyAccess {
    public static let duration: TimeInterval = 2 * 3600

    public static func validate(reason: String, into errors: inout FieldErrors) -> String {
        let text = TextRules.required(reason, field: "reason", label: "Skälet", max: 500, into: &errors)
        if errors["reason"] == nil, text.count < 10 {
            errors.add("reason", "Beskriv skälet till nödåtkomsten (minst 10 tecken).")
        }
        return text
    }
}

/// The secrecy barrier (DOMAIN §5; OSL 26:1, 23:1–2, 12:2). Only a consent in force that
/// names the person (or their unit) and the category lets information cross; withdrawal and
/// expiry end it at once. The reason says which consent, so the audit log can show it.
public enum ConsentAccess {
    static func decide(_ actor: Actor, _ request: AccessRequest) -> AccessDecision? {
        switch request {
        case .registerConsent(let child, let releasing):
            let decision = ownUnitRegistry(actor, child)
            guard decision.isAllowed else { return decision }
            // Only the holder of a secret records the consent that releases it (OSL 12:2,
            // 26:1): a school cannot open social services' record to itself, nor the reverse.
            let sides = RegistryAccess.ownSides(actor, child)
            if let foreign = releasing.first(where: { !sides.contains($0.heldBy) }) {
                let law = foreign.heldBy == .social ? LegalReference.socialServicesSecrecy.current : LegalReference.schoolHealthSecrecy.current
                return .deny(.init(code: "not-holder", text: "Bara \(foreign.heldBy == .social ? "socialtjänsten" : "förskolan/skolan") registrerar samtycke som lämnar ut deras uppgifter (\(law), \(LegalReference.consentLiftsSecrecy.current))."))
            }
            return decision
        case .viewConsents(let child):
            return ownUnitRegistry(actor, child)

        case .viewSharedInformation(let facts):
            return decideShared(actor, facts)

        case .requestEmergencyAccess:
            guard !actor.childWorkUnitIDs.isEmpty else {
                return .deny(.init(code: "no-child-role", text: "Nödåtkomst kan bara begäras av personal som arbetar med barn."))
            }
            return .allow(.init(code: "emergency-access", text: "Nödåtkomst (\(LegalReference.accessControlAndLogReview.current)), granskas i efterhand"))

        default:
            return nil
        }
    }

    /// The consent registry is part of the child's record in the unit: staff who see the
    /// child through their own unit keep it (not through emergency access or a consent).
    private static func ownUnitRegistry(_ actor: Actor, _ child: ChildAccessFacts) -> AccessDecision {
        let plain = ChildAccessFacts(childID: child.childID, unitIDs: child.unitIDs, protectedIdentity: child.protectedIdentity)
        let decision = AccessPolicy.decide(actor, .viewChild(plain))
        guard decision.isAllowed else { return decision }
        return .allow(.init(code: "own-unit", text: "Samtycken för barn i din enhet"))
    }

    /// Whether a consent appears in this person's view of the child's consent registry: one
    /// recorded on their own side, or one that names them or their unit. A consent another
    /// side recorded for other parties would tell them what that side holds (that social
    /// services investigates, say).
    public static func listsConsent(_ actor: Actor, _ child: ChildAccessFacts, holder: Side, consent: ConsentFacts) -> Bool {
        RegistryAccess.ownSides(actor, child).contains(holder) || consent.names(actor)
    }

    private static func decideShared(_ actor: Actor, _ facts: SharedInformationFacts) -> AccessDecision {
        let holder = facts.category.heldBy
        guard actor.sides.contains(holder.opposite) else {
            return .deny(.init(code: "wrong-side", text: "Uppgiften lämnas bara över sekretessgränsen till den andra sidan."))
        }
        let naming = facts.consents.filter { $0.names(actor) }
        let covering = naming.filter { $0.categories.contains(facts.category) }
        if let consent = covering.first(where: { $0.status(at: facts.asOf).isInForce }) {
            return .allow(.init(code: "consent", text: "Samtycke nr \(consent.consentID): \(facts.category.label.lowercased()) (\(LegalReference.consentLiftsSecrecy.current))"))
        }
        let secrecy = holder == .social ? LegalReference.socialServicesSecrecy.current : LegalReference.schoolHealthSecrecy.current
        if covering.contains(where: { $0.status(at: facts.asOf) == .withdrawn }) {
            return .deny(.init(code: "consent-withdrawn", text: "Samtycket är återkallat (\(secrecy))."))
        }
        if covering.contains(where: { $0.status(at: facts.asOf) == .expired }) {
            return .deny(.init(code: "consent-expired", text: "Samtycket har upphört (\(secrecy))."))
        }
        if covering.contains(where: { $0.status(at: facts.asOf) == .notYetValid }) {
            return .deny(.init(code: "consent-not-yet-valid", text: "Samtycket gäller ännu inte (\(secrecy))."))
        }
        if !naming.isEmpty {
            return .deny(.init(code: "category-not-covered", text: "Samtycket omfattar inte den här uppgiften (\(secrecy))."))
        }
        if !facts.consents.isEmpty {
            return .deny(.init(code: "not-a-party", text: "Du är inte part i något samtycke för barnet (\(secrecy))."))
        }
        return .deny(.init(code: "no-consent", text: "Inget samtycke (\(secrecy))."))
    }
}

extension Side {
    /// The other side of the secrecy barrier (the joint side has none).
    public var opposite: Side {
        switch self {
        case .school: .social
        case .social: .school
        case .joint: .joint
        }
    }
}
