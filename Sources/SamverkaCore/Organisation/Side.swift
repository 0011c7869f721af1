/// The two sides of the secrecy barrier, plus the joint bodies that span them.
public enum Side: String, Sendable, Codable, CaseIterable {
    case school
    case social
    case joint

    public var label: String {
        switch self {
        case .school: "Förskola/skola"
        case .social: "Socialtjänst (IFO)"
        case .joint: "Gemensamt"
        }
    }
}
