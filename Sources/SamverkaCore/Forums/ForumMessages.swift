/// The forums' words the store writes: the messages by a form's fields, the reasons in the
/// audit log and the register extract's labels. Kept in Core so the store writes no text of
/// its own.
public enum ForumMessages {
    public static let notFound = "Uppgiften finns inte eller så saknar du behörighet."
    public static let minutesClosedAgendaFixed = "Minnesanteckningarna är avslutade: dagordningen kan inte ändras."
    public static let taskAlreadyDone = "Uppgiften är redan markerad som klar."
    public static let statusMissing = "Välj status."
    public static let noteLabel = "Kommentaren"
    public static let followUpLabel = "Uppföljningen"
    public static let summaryLabel = "Summeringen"
}

/// The forums' reasons in the audit log.
public enum ForumAuditReasons {
    public static func forumMissing(_ id: RecordID) -> String { "Forum nr \(id) finns inte" }
    public static func created(_ name: String) -> String { "Forum upplagt: \(name)" }
    public static func memberAdded(_ forum: String, name: String, role: ForumMemberRole) -> String { "\(forum): \(name) tillagd som \(role.label.lowercased())" }
    public static func memberRemoved(_ forum: String, name: String) -> String { "\(forum): \(name) borttagen" }
    public static let administration = "Forumens administration"
    public static func agenda(_ forum: String) -> String { "\(forum): dagordning" }
    public static func meetingBooked(_ forum: String, when: String) -> String { "\(forum): möte bokat \(when)" }
    public static let meetingMissing = "Forumets möte finns inte"
    /// An item added to the agenda: de-identified, or about a child under the named consents.
    public static func agendaItem(_ forum: String, consentIDs: [RecordID]?) -> String {
        guard let consentIDs else { return "\(forum): avidentifierad punkt på dagordningen" }
        return "\(forum): punkt om barnet; samtycke nr \(consentIDs.map(String.init).joined(separator: ", "))"
    }
    public static func yearlyCycle(_ year: Int) -> String { "Årshjulet \(year)" }
    public static func cycleTaskDone(_ title: String, year: Int) -> String { "\(title) \(year) klar" }
    public static func actionPlan(_ year: Int) -> String { "Handlingsplan \(year)" }
    public static func planGoals(_ year: Int) -> String { "Mål i handlingsplanen \(year)" }
    public static func planText(_ year: Int, followUp: Bool) -> String { followUp ? "Uppföljning av handlingsplanen \(year)" : "Summering av handlingsplanen \(year)" }
    public static func planActivity(_ year: Int) -> String { "Aktivitet i handlingsplanen \(year)" }
    public static func activityStatus(_ id: RecordID, _ status: String) -> String { "Aktivitet nr \(id): \(status)" }
}

/// A child's items on forums' agendas in a register extract: the title and field labels.
public enum ForumExtractLabels {
    public static let title = "Punkter på forums dagordningar"
    public static let forum = "Forum"
    public static let meetingNumber = "Möte nr"
    public static let item = "Punkt"
    public static let description = "Beskrivning"
    public static let consentNumbers = "Samtycke nr"
    public static let added = "Tillagd"
    /// When and by whom: "2026-03-01 10:00 av Anna Berg".
    public static func at(_ time: String, by name: String) -> String { "\(time) av \(name)" }
}
