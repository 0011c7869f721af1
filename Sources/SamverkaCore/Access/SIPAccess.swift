/// Who may open, see and work in a SIP. The SIP-ansvarig keeps it (and its record after
/// closure); a party sees it only while a consent in force names it and the SIP is open, an
/// outside party's account ("Extern part") included; nothing else of the child opens through
/// it. A refusal reads the same whether or not the SIP exists.
enum SIPAccess {
    static let notAParty = AccessReason(code: "not-sip-party", text: "Du är inte part i någon SIP som samtycket gäller för.")

    static func decide(_ actor: Actor, _ request: AccessRequest) -> AccessDecision? {
        switch request {
        case .openSIP(let child):
            // The unit the family turned to opens it: someone who sees the child in their work.
            let decision = AccessPolicy.decide(actor, .viewChild(child))
            guard decision.isAllowed else { return decision }
            return .allow(.init(code: "sip-opener", text: "Öppnar SIP för ett barn i egen verksamhet"))
        case .viewSIP(let facts):
            if facts.responsibleID == actor.staffID {
                return .allow(.init(code: "sip-responsible", text: "SIP-ansvarig"))
            }
            if facts.open, facts.consentedPartyStaffIDs.contains(actor.staffID) {
                return .allow(.init(code: "sip-party", text: "Part i SIP nr \(facts.sipID) enligt samtycke i kraft"))
            }
            return .deny(notAParty)
        case .workInSIP(let facts):
            guard facts.responsibleID == actor.staffID else { return .deny(notAParty) }
            guard facts.open else { return .deny(.init(code: "sip-closed", text: "SIP:en är avslutad.")) }
            return .allow(.init(code: "sip-responsible", text: "SIP-ansvarig"))
        case .completeSIPAction(let facts, let partyStaffID):
            guard facts.open else { return .deny(.init(code: "sip-closed", text: "SIP:en är avslutad.")) }
            if facts.responsibleID == actor.staffID {
                return .allow(.init(code: "sip-responsible", text: "SIP-ansvarig"))
            }
            if partyStaffID == actor.staffID, facts.consentedPartyStaffIDs.contains(actor.staffID) {
                return .allow(.init(code: "sip-action-owner", text: "Ansvarig för åtgärden i SIP:en"))
            }
            return .deny(notAParty)
        default:
            return nil
        }
    }
}
