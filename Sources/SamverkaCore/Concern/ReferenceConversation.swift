import Foundation

/// The short oral reference conversation with the pedagogue who knows the child best, as an
/// alternative to the school's written BBIC statement (seed 002 §4; DOMAIN §3.1 step 8).
public struct ReferenceConversation: Sendable, Hashable {
    public var withName: String
    /// The pedagogue's role and unit as told ("Mentor, Ekbackens skola").
    public var withRole: String?
    public var heldOn: SimpleDate
    public var note: String

    public init(withName: String, withRole: String?, heldOn: SimpleDate, note: String) {
        self.withName = withName
        self.withRole = withRole
        self.heldOn = heldOn
        self.note = note
    }
}

public struct ReferenceConversationInput: Sendable, Hashable {
    public var withName = ""
    public var withRole = ""
    public var heldOn = ""
    public var note = ""

    public init(withName: String = "", withRole: String = "", heldOn: String = "", note: String = "") {
        self.withName = withName
        self.withRole = withRole
        self.heldOn = heldOn
        self.note = note
    }
}

/// Field keys: `ref_with`, `ref_role`, `ref_held_on`, `ref_note`.
public enum ReferenceConversationRules {
    public static func validate(_ input: ReferenceConversationInput, today: SimpleDate) -> Result<ReferenceConversation, FieldErrors> {
        var errors = FieldErrors()
        let name = TextRules.requiredName(input.withName, field: "ref_with", label: "Pedagogens namn", max: 200, into: &errors)
        let role = TextRules.optional(input.withRole, field: "ref_role", label: "Roll och enhet", max: 200, into: &errors)
        let day = SimpleDate(iso: TextRules.trimmed(input.heldOn))
        if day == nil {
            errors.add("ref_held_on", "Ange datum som ÅÅÅÅ-MM-DD.")
        } else if let day, day > today {
            errors.add("ref_held_on", "Samtalet kan inte registreras före det har hållits.")
        }
        // A short note, several lines allowed.
        let note = TextRules.trimmed(input.note)
        if note.isEmpty { errors.add("ref_note", "Skriv en kort anteckning om vad pedagogen berättade.") }
        else if note.count > 2000 { errors.add("ref_note", "Anteckningen får vara högst 2000 tecken.") }
        guard errors.isEmpty, let day else { return .failure(errors) }
        return .success(ReferenceConversation(withName: name, withRole: role, heldOn: day, note: note))
    }
}
