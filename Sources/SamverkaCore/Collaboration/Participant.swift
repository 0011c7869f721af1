import Foundation

/// Someone taking part in a case or a meeting: a staff member (with an account), a guardian,
/// the child, or an outside party. Never an address: letters take the recipient's address
/// separately, and drop it for protected persons.
public struct Participant: Sendable, Hashable, Codable {
    public var name: String
    /// The first role is the main one; a rektor who owns the case is both `.principal` and
    /// `.processOwner`.
    public var roles: [MeetingRole]
    public var staffID: RecordID?
    /// The unit the person represents, which a consent may name instead of the person.
    public var unitID: RecordID?
    /// An outside organisation ("BUP Region Jämtland"), as named in a consent.
    public var organisation: String?
    /// Protected personal data: nothing about where they live may appear anywhere.
    public var protectedIdentity: Bool

    public init(name: String, roles: [MeetingRole], staffID: RecordID? = nil, unitID: RecordID? = nil, organisation: String? = nil, protectedIdentity: Bool = false) {
        self.name = name
        self.roles = roles
        self.staffID = staffID
        self.unitID = unitID
        self.organisation = organisation
        self.protectedIdentity = protectedIdentity
    }

    public var roleLabel: String { roles.map(\.label).joined(separator: ", ") }
    public var isFamily: Bool { roles.contains { $0.isFamily } }

    /// Whether a consent party names this person: themselves, their unit, or their
    /// organisation (outside parties are matched on the name, ignoring case and spacing).
    func isNamed(by party: ConsentParty) -> Bool {
        switch party {
        case .staff(let id): return staffID == id
        case .unit(let id): return unitID == id
        case .external(let name): return organisation.map { Self.same($0, name) } ?? Self.same(self.name, name)
        }
    }

    /// How the person is shown in a refusal: "Anna Berg, BUP Region Jämtland".
    var consentLabel: String {
        if let organisation, !Self.same(organisation, name) { return "\(name), \(organisation)" }
        return name
    }

    private static func same(_ a: String, _ b: String) -> Bool {
        func norm(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased() }
        return norm(a) == norm(b)
    }
}

/// Field keys: `participant_<n>` (1-based position).
enum ParticipantRules {
    static func validate(_ participants: [Participant], into errors: inout FieldErrors) -> [Participant] {
        participants.enumerated().map { index, p in
            var copy = p
            copy.name = TextRules.requiredName(p.name, field: "participant_\(index + 1)", label: "Namnet", max: 200, into: &errors)
            if p.roles.isEmpty { errors.add("participant_\(index + 1)", "Välj vilken roll \(copy.name.isEmpty ? "deltagaren" : copy.name) har.") }
            if let org = p.organisation {
                let trimmed = TextRules.trimmed(org)
                copy.organisation = trimmed.isEmpty ? nil : trimmed
            }
            return copy
        }
    }
}
