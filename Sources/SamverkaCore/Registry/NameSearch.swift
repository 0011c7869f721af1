import Foundation

/// Name search works on normalised word prefixes: "ande" finds "Andersson" and
/// "Anna-Karin Lund" is found by "karin". Normalising folds case and treats å/ä/ö as
/// letters of their own (Swedish users expect "ö" not to match "o").
public enum NameSearch {
    public static func normalise(_ text: String) -> String {
        text.lowercased(with: Locale(identifier: "sv_SE"))
            .precomposedStringWithCanonicalMapping
    }

    /// The searchable words of a name.
    public static func tokens(_ names: String...) -> Set<String> {
        var result = Set<String>()
        for name in names {
            for word in normalise(name).split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where !word.isEmpty {
                result.insert(String(word))
            }
        }
        return result
    }

    /// What a search query asks for.
    public enum Query: Sendable, Hashable {
        /// A complete identity number.
        case identityNumber(IdentityNumber)
        /// Leading digits of a number, e.g. "20150312" (at least 6 digits, 12-digit form).
        case numberPrefix(String)
        /// Every word must prefix-match a name word.
        case words([String])
        case empty
        case tooShort
    }

    public static func parse(_ raw: String, today: SimpleDate) -> Query {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .empty }
        let digitsOnly = text.filter { $0 != "-" && $0 != "+" && $0 != " " }
        if !digitsOnly.isEmpty, digitsOnly.allSatisfy(\.isASCIIDigit) {
            if case .success(let number) = IdentityNumber.parse(text, today: today) {
                return .identityNumber(number)
            }
            guard digitsOnly.count >= 6 else { return .tooShort }
            // Ten digits or fewer start with a two-digit year; widen to the likely century.
            if digitsOnly.count < 12, digitsOnly.count != 8 || !(digitsOnly.hasPrefix("19") || digitsOnly.hasPrefix("20")) {
                let yy = Int(digitsOnly.prefix(2))!
                let century = yy <= today.year % 100 ? today.year / 100 : today.year / 100 - 1
                return .numberPrefix(String(century) + digitsOnly)
            }
            return .numberPrefix(String(digitsOnly.prefix(12)))
        }
        let words = Array(tokens(text)).sorted { $0.count > $1.count }
        if words.isEmpty { return .empty }
        if words.allSatisfy({ $0.count < 2 }) { return .tooShort }
        return .words(words)
    }
}
