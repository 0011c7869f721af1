/// What in a text that must not identify a child looks as if it does (an anonymous
/// consultation, a forum's de-identified agenda item), and the one warning shown for it.
public enum IdentifyingFinding: Sendable, Hashable {
    /// Something shaped like a personnummer (`IdentifyingText.numberLikeSpans`).
    case number
    /// A name that is in the registry.
    case registryName

    /// `what`: "En anonym konsultation", "En avidentifierad punkt på dagordningen".
    public func warning(_ what: String) -> String {
        switch self {
        case .number: "Texten verkar innehålla ett personnummer. \(what) får inte innehålla uppgifter som identifierar barnet. Ta bort numret, eller bekräfta att det inte gäller ett barn."
        case .registryName: "Texten innehåller ett namn som finns i registret. \(what) får inte innehålla namn. Ta bort namnet, eller bekräfta att det inte identifierar barnet."
        }
    }

    public static let confirmPrompt = "Kryssa i rutan om texten ändå ska sparas som den är."

    /// The finding in a text: a number first; otherwise a registry name, when `knownNames`
    /// (the registry's matches of `IdentifyingText.nameCandidates`) is not empty.
    public static func find(in text: String, knownNames: [String]) -> IdentifyingFinding? {
        if !IdentifyingText.numberLikeSpans(in: text).isEmpty { return .number }
        return knownNames.isEmpty ? nil : .registryName
    }
}
