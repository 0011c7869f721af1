/// Why access was allowed or denied. The code is stable (stored in the audit log); the
/// text is what a person reads, in the audit log and on a refusal page.
public struct AccessReason: Sendable, Hashable, Codable {
    public var code: String
    public var text: String

    public init(code: String, text: String) {
        self.code = code
        self.text = text
    }
}

public enum AccessDecision: Sendable, Hashable {
    case allow(AccessReason)
    case deny(AccessReason)

    public var isAllowed: Bool {
        if case .allow = self { return true }
        return false
    }

    public var reason: AccessReason {
        switch self {
        case .allow(let reason), .deny(let reason): reason
        }
    }
}
