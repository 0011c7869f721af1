/// The log's own reasons in the audit log: reading the log, making a register extract.
public enum AuditReasons {
    public static func logRead(rows: Int) -> String { "Loggranskning, \(rows) rader" }
    public static func registerExtract(_ purpose: String) -> String { "Registerutdrag: \(purpose)" }
}

/// Every access to the child's data in a register extract: the title and field labels.
public enum AuditExtractLabels {
    public static let title = "Åtkomster till barnets uppgifter (loggen)"
    public static let time = "Tid"
    public static let staff = "Medarbetare"
    public static let event = "Händelse"
    public static let otherEvent = "Annan händelse"
    public static let record = "Post"
    public static let reason = "Anledning"
    /// The record's type and number: "Samtycke nr 12".
    public static func record(_ type: String, number: String?) -> String { type + (number.map { " nr \($0)" } ?? "") }
}

/// What the operator is told when a database task cannot be done (on the command line, never
/// on a web page).
public enum OperatorMessages {
    public static let postgresBackup = "Säkerhetskopiering av PostgreSQL görs med pg_dump."
    public static func fileExists(_ path: String) -> String { "Filen \(path) finns redan." }
    public static let migrationBrokeReference = "Migreringen bröt en referens mellan tabeller."
    /// PostgreSQL's own message, SQLSTATE, detail and hint, joined.
    public static func postgresError(message: String?, sqlState: String?, detail: String?, hint: String?) -> String {
        var parts = ["PostgreSQL: \(message ?? "okänt fel")"]
        if let sqlState { parts.append("SQLSTATE \(sqlState)") }
        if let detail { parts.append("detalj: \(detail)") }
        if let hint { parts.append("tips: \(hint)") }
        return parts.joined(separator: "; ")
    }
}
