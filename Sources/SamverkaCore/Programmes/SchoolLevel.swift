/// Where a child is in the school system, as a programme's criteria read it: preschool,
/// förskoleklass (grade 0) to grade 9 of compulsory school, upper-secondary, or not in
/// school. Raw values ("forskola", "0"–"9", "gymnasiet", "ingen") are stored and typed.
public enum SchoolLevel: Sendable, Hashable, Codable, Comparable {
    case preschool
    /// 0 is förskoleklass; 1–9 the grades of compulsory school (grundskolan).
    case grade(Int)
    case upperSecondary
    case notInSchool

    public init?(rawValue: String) {
        let text = TextRules.trimmed(rawValue).lowercased()
        switch text {
        case "forskola", "förskola": self = .preschool
        case "gymnasiet", "gymnasium": self = .upperSecondary
        case "ingen": self = .notInSchool
        // Förskoleklass is grade 0 (the stored value); the registry's words are read below.
        case "0": self = .grade(0)
        default:
            guard let grade = GradeAge.schoolGrade(text), (0...9).contains(grade) else { return nil }
            self = .grade(grade)
        }
    }

    public var rawValue: String {
        switch self {
        case .preschool: "forskola"
        case .grade(let n): String(n)
        case .upperSecondary: "gymnasiet"
        case .notInSchool: "ingen"
        }
    }

    /// The level the registry says: a child enrolled at a preschool is in preschool whatever
    /// its group is called; otherwise the grade ("F", "åk 3"). nil when the registry cannot
    /// tell (the person chooses).
    public static func registered(unitKind: UnitKind?, grade: String?) -> SchoolLevel? {
        if unitKind == .preschool { return .preschool }
        return grade.flatMap { SchoolLevel(rawValue: $0) }
    }

    /// The order of the school years: preschool before förskoleklass, grade 9 before
    /// upper-secondary. A child not in school has no place in it.
    public var rank: Int? {
        switch self {
        case .preschool: -1
        case .grade(let n): n
        case .upperSecondary: 10
        case .notInSchool: nil
        }
    }

    /// In grundskolan (förskoleklass to grade 9).
    public var isCompulsorySchool: Bool {
        if case .grade = self { return true }
        return false
    }

    public var label: String {
        switch self {
        case .preschool: "Förskola"
        case .grade(0): "Förskoleklass"
        case .grade(let n): "Årskurs \(n)"
        case .upperSecondary: "Gymnasiet"
        case .notInSchool: "Går inte i förskola eller skola"
        }
    }

    /// Every level a form offers, in order.
    public static let all: [SchoolLevel] = [.preschool] + (0...9).map { .grade($0) } + [.upperSecondary, .notInSchool]

    public static func < (a: SchoolLevel, b: SchoolLevel) -> Bool { (a.rank ?? 100) < (b.rank ?? 100) }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let level = SchoolLevel(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Okänd skolnivå: \(raw)"))
        }
        self = level
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
