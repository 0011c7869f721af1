/// An administrator keeps a forum's members (issue 19 item 1: forums as data). A forum has
/// at most two chairs (seed 002: a shared chair, one from each side) and always keeps one,
/// since the chairs book its meetings; a person sits once in a forum.
public enum ForumMembership {
    public static let mostChairs = 2

    /// Field keys: `staff_id`, `member_role`.
    public static func validateAdd(staffID: RecordID?, role: String, to forum: Forum) -> Result<(RecordID, ForumMemberRole), FieldErrors> {
        var errors = FieldErrors()
        let chosenRole = ForumMemberRole(rawValue: role)
        if staffID == nil { errors.add("staff_id", "Välj vem som ska ingå i forumet.") }
        if chosenRole == nil { errors.add("member_role", "Välj personens roll i forumet.") }
        if let staffID, let member = forum.members.first(where: { $0.staffID == staffID }) {
            errors.add("staff_id", "\(member.name) ingår redan i forumet (\(member.role.label.lowercased())).")
        }
        if chosenRole == .chair, forum.members.filter({ $0.role == .chair }).count >= mostChairs {
            errors.add("member_role", "Forumet har redan två ordförande. Ta bort en först.")
        }
        guard errors.isEmpty, let staffID, let chosenRole else { return .failure(errors) }
        return .success((staffID, chosenRole))
    }

    /// A member may leave unless they are the forum's last chair. Field key: `member`.
    public static func validateRemove(staffID: RecordID, from forum: Forum) -> FieldErrors {
        var errors = FieldErrors()
        guard let member = forum.members.first(where: { $0.staffID == staffID }) else {
            errors.add("member", "Personen ingår inte i forumet.")
            return errors
        }
        if member.role == .chair, forum.members.filter({ $0.role == .chair }).count == 1 {
            errors.add("member", "\(member.name) är forumets enda ordförande. Lägg till en ny ordförande innan du tar bort \(member.name).")
        }
        return errors
    }
}

extension ForumTemplate {
    /// A new forum from a shipped template: the template by its kind, a name (the template's
    /// when blank) and what it covers (required: "Norr", "Ekbackens skola"). Field keys:
    /// `template`, `name`, `covers`.
    public static func setUp(kind: String, name: String, covers: String) -> Result<(template: ForumTemplate, name: String?, covers: String), FieldErrors> {
        var errors = FieldErrors()
        let template = shipped.first { $0.kind.rawValue == kind }
        if template == nil { errors.add("template", "Välj vilket slags forum det är.") }
        let coversText = TextRules.required(covers, field: "covers", label: "Vad forumet omfattar", max: 200, into: &errors)
        let nameText = TextRules.trimmed(name)
        if nameText.count > 200 { errors.add("name", "Namnet får vara högst 200 tecken.") }
        guard errors.isEmpty, let template else { return .failure(errors) }
        return .success((template, nameText.isEmpty ? nil : nameText, coversText))
    }
}
