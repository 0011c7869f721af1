/// The figures each subject area counts for a period (counts only, never a list of
/// children). The statistics page reads them; each is counted by exactly one module.
public enum CountKey: String, Sendable, Hashable, CaseIterable {
    case childrenRegistered = "children-registered"
    case reportsReceived = "reports-received"
    case investigationsOpened = "investigations-opened"
    case consultationsHeld = "consultations-held"
    case consentsRecorded = "consents-recorded"
    case emergencyAccesses = "emergency-accesses"
    case collaborationCasesOpened = "collaboration-cases-opened"
    case meetingsHeld = "meetings-held"
    case reviewFlagsRaised = "review-flags-raised"
    case sipsStarted = "sips-started"
    case programmeFamiliesNominated = "programme-families-nominated"
    case programmesClosed = "programmes-closed"

    public var label: String {
        switch self {
        case .childrenRegistered: "Barn registrerade"
        case .reportsReceived: "Orosanmälningar och ansökningar som kommit in"
        case .investigationsOpened: "Utredningar som inletts"
        case .consultationsHeld: "Anonyma konsultationer"
        case .consentsRecorded: "Samtycken som registrerats"
        case .emergencyAccesses: "Nödåtkomster"
        case .collaborationCasesOpened: "Samverkansärenden som öppnats"
        case .meetingsHeld: "Möten som hållits (protokoll fastställt)"
        case .reviewFlagsRaised: "Flaggor i loggkontrollen"
        case .sipsStarted: "SIP:ar som öppnats"
        case .programmeFamiliesNominated: "Familjer nominerade till gemensamma program"
        case .programmesClosed: "Insatser i gemensamma program som avslutats"
        }
    }
}
