import Foundation

/// An anonymous consultation (seed 002 "Konsultation"): the school asks social services
/// whether to report. No child is linked and nothing identifying is stored.
public struct ConsultationInput: Sendable, Hashable {
    public var date = ""
    public var socialUnitID = ""
    public var topic = ""
    public var advice = ""
    public var ledToReport = false
    /// The person saw the warning about identifying details and chose to save anyway.
    public var identifyingConfirmed = false

    public init() {}
}

public struct ConsultationDraft: Sendable, Hashable {
    public var date: SimpleDate
    public var socialUnitID: RecordID
    public var topic: String
    public var advice: String
    public var ledToReport: Bool
}

public enum ConsultationValidation {
    public static func validate(_ input: ConsultationInput, socialUnits: [OrgUnit], today: SimpleDate) -> Result<ConsultationDraft, FieldErrors> {
        var errors = FieldErrors()
        let date = SimpleDate(iso: TextRules.trimmed(input.date))
        if date == nil { errors.add("date", "Ange datum som ÅÅÅÅ-MM-DD.") }
        else if let date, date > today { errors.add("date", "Datumet kan inte vara i framtiden.") }
        let unit = socialUnits.first { String($0.id) == input.socialUnitID }
        if unit == nil { errors.add("social_unit_id", "Välj vilken del av socialtjänsten som konsulterades.") }
        let topic = TextRules.trimmed(input.topic)
        if topic.isEmpty { errors.add("topic", "Beskriv frågan kort, utan namn eller andra uppgifter som kan identifiera barnet.") }
        else if topic.count > 2000 { errors.add("topic", "Frågan får vara högst 2000 tecken.") }
        let advice = TextRules.trimmed(input.advice)
        if advice.count > 2000 { errors.add("advice", "Rådet får vara högst 2000 tecken.") }
        guard errors.isEmpty, let date, let unit else { return .failure(errors) }
        return .success(ConsultationDraft(date: date, socialUnitID: unit.id, topic: topic, advice: advice, ledToReport: input.ledToReport))
    }
}

/// Finds what in a free text may identify a person: something shaped like an identity
/// number, and capitalised words the caller checks against the registry's names.
public enum IdentifyingText {
    /// Runs of 6–12 digits, allowing one "-" or "+" before the last four ("150312-1234").
    public static func numberLikeSpans(in text: String) -> [String] {
        var spans: [String] = []
        var current = ""
        func flush() {
            let digits = current.filter(\.isASCIIDigit)
            // A separator only before the last four digits: "2026-10-01" is a date.
            let afterSeparator = current.split(whereSeparator: { $0 == "-" || $0 == "+" }).dropFirst().first?.count
            if digits.count >= 6, afterSeparator == nil || afterSeparator == 4 { spans.append(current) }
            current = ""
        }
        for ch in text {
            if ch.isASCIIDigit || ((ch == "-" || ch == "+") && !current.isEmpty && !current.contains("-") && !current.contains("+")) {
                current.append(ch)
            } else if ch == " " && current.count >= 6 && !current.contains(" ") && !current.contains("-") && !current.contains("+") {
                // "150312 1234"
                current.append(ch)
            } else {
                flush()
            }
        }
        flush()
        return spans.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " -+")) }
    }

    /// Capitalised words of two letters or more, normalised as the name index stores them.
    public static func nameCandidates(in text: String) -> Set<String> {
        var result = Set<String>()
        for word in text.split(whereSeparator: { !$0.isLetter && $0 != "-" }) {
            guard let first = word.first, first.isUppercase, word.count >= 2 else { continue }
            for token in NameSearch.tokens(String(word)) where token.count >= 2 { result.insert(token) }
        }
        return result
    }
}

/// Råd och stöd: a family therapist counts support conversations without any personal data
/// (seed 004 "Råd och stöd": up to five conversations without documentation).
public struct SupportCountInput: Sendable, Hashable {
    public var date = ""
    public var unitID = ""
    public var conversations = ""
    public init() {}
}

public struct SupportCountDraft: Sendable, Hashable {
    public var date: SimpleDate
    public var unitID: RecordID
    public var conversations: Int
}

public enum SupportCountValidation {
    public static let maxPerEpisode = 5

    public static func validate(_ input: SupportCountInput, units: [OrgUnit], today: SimpleDate) -> Result<SupportCountDraft, FieldErrors> {
        var errors = FieldErrors()
        let date = SimpleDate(iso: TextRules.trimmed(input.date))
        if date == nil { errors.add("date", "Ange datum som ÅÅÅÅ-MM-DD.") }
        else if let date, date > today { errors.add("date", "Datumet kan inte vara i framtiden.") }
        let unit = units.first { String($0.id) == input.unitID }
        if unit == nil { errors.add("unit_id", "Välj enhet.") }
        let count = Int(TextRules.trimmed(input.conversations))
        if count == nil || count! < 1 || count! > maxPerEpisode {
            errors.add("conversations", "Ange antal samtal, 1–\(maxPerEpisode) per familj och tillfälle.")
        }
        guard errors.isEmpty, let date, let unit, let count else { return .failure(errors) }
        return .success(SupportCountDraft(date: date, unitID: unit.id, conversations: count))
    }
}
