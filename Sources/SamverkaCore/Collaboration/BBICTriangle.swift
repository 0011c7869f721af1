/// The three sides of the BBIC triangle (Barns behov i centrum). A needs analysis can be
/// structured on them: the child's development in relation to the parents' capacity, in the
/// family and environment they live in (seed 003, DOMAIN §6).
public enum BBICSide: String, Sendable, Hashable, Codable, CaseIterable {
    case childDevelopment = "child-development"
    case parentingCapacity = "parenting-capacity"
    case familyAndEnvironment = "family-and-environment"

    public var label: String {
        switch self {
        case .childDevelopment: "Barnets utveckling"
        case .parentingCapacity: "Föräldrarnas förmåga"
        case .familyAndEnvironment: "Familj och miljö"
        }
    }
}

/// One area on a side. `name` is as the handbook writes it (lower case in running text);
/// `title` starts with a capital for headings.
public struct BBICArea: Sendable, Hashable, Codable {
    public var key: String
    public var side: BBICSide
    public var name: String

    public init(key: String, side: BBICSide, name: String) {
        self.key = key
        self.side = side
        self.name = name
    }

    public var title: String { name.prefix(1).uppercased() + name.dropFirst() }
}

/// The areas are data because handbook editions differ (seed 003 lists a shorter version
/// than DOMAIN §6). A stored needs analysis names its edition.
public struct BBICEdition: Sendable, Hashable, Codable {
    public var key: String
    public var name: String
    public var areas: [BBICArea]

    public init(key: String, name: String, areas: [BBICArea]) {
        self.key = key
        self.name = name
        self.areas = areas
    }

    public func areas(on side: BBICSide) -> [BBICArea] { areas.filter { $0.side == side } }
    public func area(key: String) -> BBICArea? { areas.first { $0.key == key } }

    /// DOMAIN §6, word for word.
    public static let standard = BBICEdition(key: "bbic", name: "BBIC-triangeln", areas: [
        BBICArea(key: "health", side: .childDevelopment, name: "hälsa"),
        BBICArea(key: "education", side: .childDevelopment, name: "utbildning"),
        BBICArea(key: "emotional-behavioural-development", side: .childDevelopment, name: "känslo- och beteendemässig utveckling"),
        BBICArea(key: "identity", side: .childDevelopment, name: "identitet"),
        BBICArea(key: "family-social-relationships", side: .childDevelopment, name: "familj och sociala relationer"),
        BBICArea(key: "social-presentation", side: .childDevelopment, name: "socialt uppträdande"),
        BBICArea(key: "self-care-skills", side: .childDevelopment, name: "förmåga att klara sig själv"),

        BBICArea(key: "basic-care", side: .parentingCapacity, name: "grundläggande omsorg"),
        BBICArea(key: "ensuring-safety", side: .parentingCapacity, name: "säkerhet"),
        BBICArea(key: "emotional-warmth", side: .parentingCapacity, name: "känslomässig tillgänglighet"),
        BBICArea(key: "stimulation", side: .parentingCapacity, name: "stimulans"),
        BBICArea(key: "guidance-boundaries", side: .parentingCapacity, name: "vägledning och gränssättning"),
        BBICArea(key: "stability", side: .parentingCapacity, name: "stabilitet"),

        BBICArea(key: "family-history-functioning", side: .familyAndEnvironment, name: "familjens bakgrund och funktion"),
        BBICArea(key: "wider-family-network", side: .familyAndEnvironment, name: "släkt och nätverk"),
        BBICArea(key: "housing", side: .familyAndEnvironment, name: "boende"),
        BBICArea(key: "employment", side: .familyAndEnvironment, name: "arbete"),
        BBICArea(key: "income", side: .familyAndEnvironment, name: "ekonomi"),
        BBICArea(key: "social-integration", side: .familyAndEnvironment, name: "social integration"),
        BBICArea(key: "community-resources", side: .familyAndEnvironment, name: "lokalsamhällets resurser"),
    ])
}

/// A needs analysis in the minutes: free text per area (only the areas discussed), and an
/// overall summary of the child's needs.
public struct NeedsAnalysis: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var areaKey: String
        public var text: String

        public init(areaKey: String, text: String) {
            self.areaKey = areaKey
            self.text = text
        }
    }

    public var editionKey: String
    /// In the edition's order.
    public var entries: [Entry]
    public var summary: String?

    public init(editionKey: String, entries: [Entry], summary: String? = nil) {
        self.editionKey = editionKey
        self.entries = entries
        self.summary = summary
    }

    public var isEmpty: Bool { entries.isEmpty && summary == nil }

    /// The analysis side by side, for showing: each side with its filled areas.
    public func sections(in edition: BBICEdition) -> [(side: BBICSide, areas: [(area: BBICArea, text: String)])] {
        BBICSide.allCases.compactMap { side in
            let filled = edition.areas(on: side).compactMap { area in
                entries.first { $0.areaKey == area.key }.map { (area: area, text: $0.text) }
            }
            return filled.isEmpty ? nil : (side: side, areas: filled)
        }
    }

    /// From the form: text per area key (blank areas left out), validated against the edition.
    /// Field keys: `needs_<area key>`, `needs_summary`, `needs_analysis` (an unknown area).
    public static func validate(texts: [String: String], summary: String, edition: BBICEdition, into errors: inout FieldErrors) -> NeedsAnalysis? {
        if texts.keys.contains(where: { edition.area(key: $0) == nil }) {
            errors.add("needs_analysis", "Behovsanalysen innehåller ett område som inte finns i \(edition.name).")
        }
        var entries: [Entry] = []
        for area in edition.areas {
            let text = TextRules.trimmed(texts[area.key])
            if text.isEmpty { continue }
            if text.count > 4000 { errors.add("needs_\(area.key)", "\(area.title): högst 4000 tecken.") }
            entries.append(Entry(areaKey: area.key, text: text))
        }
        let overall = TextRules.trimmed(summary)
        if overall.count > 4000 { errors.add("needs_summary", "Sammanfattningen får vara högst 4000 tecken.") }
        let analysis = NeedsAnalysis(editionKey: edition.key, entries: entries, summary: overall.isEmpty ? nil : overall)
        return analysis.isEmpty ? nil : analysis
    }
}
