/// How many decision or action rows the minutes form shows and reads: at least the form's
/// starting rows, every row the person has posted (`action_7_what` means seven rows), and one
/// more when they asked for it with "Lägg till en rad". So a form can grow without JavaScript
/// and nothing typed is dropped on the way back.
enum MinutesFormRows {
    /// More rows than any meeting needs; a posted form cannot make the page unbounded.
    static let most = 100

    /// `prefix`: "action" (fields `action_<n>_…`, counter `action_rows`) or "decision"
    /// (fields `decision_<n>`, counter `decision_rows`).
    static func count(_ values: [String: String], prefix: String, least: Int, adding: Bool = false) -> Int {
        var rows = max(least, Int(values["\(prefix)_rows"] ?? "") ?? 0)
        let start = "\(prefix)_"
        for key in values.keys where key.hasPrefix(start) {
            let digits = key.dropFirst(start.count).prefix { $0.isNumber }
            if let n = Int(digits), n <= most { rows = max(rows, n) }
        }
        if adding { rows += 1 }
        return min(rows, most)
    }
}
