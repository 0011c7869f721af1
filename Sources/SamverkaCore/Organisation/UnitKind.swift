/// What kind of unit a staff member acts in. The kind fixes the side.
public enum UnitKind: String, Sendable, Codable, CaseIterable {
    case preschool
    case school
    case studentHealth
    case ifoIntake
    case ifoInvestigation
    case ifoTreatment
    case ifoManagement
    case jointBody

    public var side: Side {
        switch self {
        case .preschool, .school, .studentHealth: .school
        case .ifoIntake, .ifoInvestigation, .ifoTreatment, .ifoManagement: .social
        case .jointBody: .joint
        }
    }

    public var label: String {
        switch self {
        case .preschool: "Förskola"
        case .school: "Skola"
        case .studentHealth: "Central elevhälsa"
        case .ifoIntake: "IFO – mottagning"
        case .ifoInvestigation: "IFO – utredning"
        case .ifoTreatment: "IFO – behandling/öppenvård"
        case .ifoManagement: "IFO – ledning"
        case .jointBody: "Gemensamt organ"
        }
    }

    /// A child's enrolment (skola/förskola) can only point at these.
    public var isEnrolmentUnit: Bool { self == .preschool || self == .school }
}
