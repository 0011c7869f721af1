import Foundation

/// A flag as the summary counts it.
public struct FlagTally: Sendable, Hashable {
    public var kind: ReviewFlagKind
    /// nil: not yet reviewed.
    public var justified: Bool?

    public init(kind: ReviewFlagKind, justified: Bool?) {
        self.kind = kind
        self.justified = justified
    }
}

/// The summary per period for the data-protection officer: counts only, no names or
/// numbers, so the file can travel by e-mail.
public enum LogReviewSummary {
    public static let header = ["Period", "Typ av flagga", "Flaggor", "Granskade", "Befogade", "Ej befogade", "Ej granskade"]

    public static func rows(_ flags: [FlagTally], period: String, reads: Int) -> [[String]] {
        var rows: [[String]] = []
        func row(_ label: String, _ some: [FlagTally]) -> [String] {
            let reviewed = some.filter { $0.justified != nil }
            return [period, label, "\(some.count)", "\(reviewed.count)", "\(reviewed.filter { $0.justified == true }.count)",
                    "\(reviewed.filter { $0.justified == false }.count)", "\(some.count - reviewed.count)"]
        }
        for kind in ReviewFlagKind.allCases {
            rows.append(row(kind.label, flags.filter { $0.kind == kind }))
        }
        rows.append(row("Totalt", flags))
        rows.append([period, "Åtkomster till barn i perioden", "\(reads)", "", "", "", ""])
        return rows
    }

    /// Semicolon-separated (as Swedish spreadsheets expect), with a byte-order mark so
    /// å, ä and ö open correctly, CRLF line ends, and cells that a spreadsheet would run
    /// as formulas neutralised.
    public static func csv(_ rows: [[String]]) -> String {
        "\u{FEFF}" + ([header] + rows).map { $0.map(cell).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { ";\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
