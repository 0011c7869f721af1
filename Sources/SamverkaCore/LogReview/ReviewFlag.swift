import Foundation

/// Why an access was put before the log reviewer (SoLPuL 10 §). Raw values are stored.
public enum ReviewFlagKind: String, Sendable, Hashable, CaseIterable, Codable {
    case emergencyAccess = "emergency-access"
    case protectedIdentity = "protected-identity"
    case manyChildren = "many-children"
    case outOfHours = "out-of-hours"
    case noCase = "no-case"
    case sample
    /// An existing child or guardian was linked to a unit (enrolment included): the one way a
    /// record reaches people who did not see it before, so each is looked at.
    case existingLinked = "existing-linked"

    public var label: String {
        switch self {
        case .emergencyAccess: "Nödåtkomst"
        case .protectedIdentity: "Skyddade personuppgifter"
        case .manyChildren: "Många barn på kort tid"
        case .outOfHours: "Åtkomst utanför arbetstid"
        case .noCase: "Barn utan ärende hos medarbetaren"
        case .sample: "Stickprov"
        case .existingLinked: "Befintligt barn eller vårdnadshavare kopplat till enhet"
        }
    }
}

/// One access to a child, as the log review sees it.
public struct ChildAccessEntry: Sendable, Hashable {
    public var auditID: RecordID
    public var staffID: RecordID
    public var staffName: String
    public var childID: RecordID
    public var at: Date
    /// The child's school or preschool, which groups the monthly sample (nil: none).
    public var unitID: RecordID?

    public init(auditID: RecordID, staffID: RecordID, staffName: String, childID: RecordID, at: Date, unitID: RecordID? = nil) {
        self.auditID = auditID
        self.staffID = staffID
        self.staffName = staffName
        self.childID = childID
        self.at = at
        self.unitID = unitID
    }
}

/// A flag to raise. The key makes raising idempotent: scanning a period twice, or two
/// app instances scanning at once, raise each flag once.
public struct FlagCandidate: Sendable, Hashable {
    public var kind: ReviewFlagKind
    public var staffID: RecordID
    public var staffName: String
    public var childID: RecordID?
    public var at: Date
    public var detail: String
    public var key: String
    public var auditID: RecordID?
}

/// The reviewer's verdict on one flag.
public struct FlagResolution: Sendable, Hashable {
    public var justified: Bool
    public var note: String

    /// Both are required: a verdict without a note cannot be followed up by the
    /// data-protection officer.
    public static func validate(justified: String?, note: String?) -> Result<FlagResolution, FieldErrors> {
        var errors = FieldErrors()
        let verdict: Bool?
        switch TextRules.trimmed(justified) {
        case "yes": verdict = true
        case "no": verdict = false
        default:
            verdict = nil
            errors.add("justified", "Ange om åtkomsten var befogad.")
        }
        let text = TextRules.required(note, field: "note", label: "Anteckning", max: 2000, into: &errors)
        guard let verdict, errors.isEmpty else { return .failure(errors) }
        return .success(FlagResolution(justified: verdict, note: text))
    }
}
