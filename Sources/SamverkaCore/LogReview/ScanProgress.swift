import Foundation

/// How far a background scan of the log has come, as the reviewer's page says it.
public struct ScanProgress: Sendable, Hashable {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }

    /// Whole percent, rounded down, so 100 % means finished.
    public var percent: Int { total <= 0 ? 0 : min(100, done * 100 / total) }

    /// "Kontrollen pågår: 40 % (400 000 av 1 000 000 loggrader)."
    public var sentence: String {
        "Kontrollen pågår: \(percent) % (\(Self.grouped(done)) av \(Self.grouped(total)) loggrader)."
    }

    /// Thousands grouped by a space, as Swedish writes numbers.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(" ") }
            out.append(digit)
        }
        return (n < 0 ? "-" : "") + out
    }
}
