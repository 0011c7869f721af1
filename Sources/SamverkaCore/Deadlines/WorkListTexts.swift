/// The work list's words the store writes: the message when a task is gone and the reasons
/// in the audit log. Kept in Core so the store writes no text of its own.
public enum WorkListMessages {
    public static let taskNotFound = "Uppgiften finns inte."
}

/// The work list's reasons in the audit log.
public enum WorkListAuditReasons {
    public static func read(rows: Int) -> String { "Arbetslista, \(rows) rader" }
    public static func taskDone(_ title: String) -> String { "Uppgift klar: \(title)" }
}
