/// The role someone has in a meeting. Broader than `Role` (staff accounts): guardians, the
/// child, a foster family and region staff take part without an account, and a meeting type
/// may ask for "the school" without saying who represents it. Raw values are stored in
/// meeting types and rows, so they are never renamed.
public enum MeetingRole: String, Sendable, Hashable, Codable, CaseIterable {
    // The family and people close to the child.
    case guardian
    case child
    case fosterFamily = "foster-family"
    // Whoever represents one side, when the routine does not say who.
    case school
    case socialServices = "social-services"
    case studentHealth = "student-health"
    case familyTeam = "family-team"
    // Named functions.
    case processOwner = "process-owner"
    case principal
    case teacher
    case schoolSocialWorker = "school-social-worker"
    case studentHealthHead = "student-health-head"
    case caseOfficer = "case-officer"
    case familyTherapist = "family-therapist"
    case treatmentAssistant = "treatment-assistant"
    case ifoUnitManager = "ifo-unit-manager"
    case sipResponsible = "sip-responsible"
    /// Region staff (BVC, BUP, vårdcentral, habilitering) in a SIP.
    case region
    case other

    public var label: String {
        switch self {
        case .guardian: "Vårdnadshavare"
        case .child: "Barnet/eleven"
        case .fosterFamily: "Familjehem"
        case .school: "Förskola/skola"
        case .socialServices: "Socialtjänsten"
        case .studentHealth: "Elevhälsan"
        case .familyTeam: "Familjeteam"
        case .processOwner: "Processbärare"
        case .principal: "Rektor"
        case .teacher: "Mentor/pedagog"
        case .schoolSocialWorker: "Skolsocionom"
        case .studentHealthHead: "Elevhälsochef"
        case .caseOfficer: "Socialsekreterare"
        case .familyTherapist: "Familjebehandlare"
        case .treatmentAssistant: "Behandlingsassistent"
        case .ifoUnitManager: "Enhetschef IFO/bistånd"
        case .sipResponsible: "SIP-ansvarig"
        case .region: "Regionen (t.ex. BVC, BUP, vårdcentral)"
        case .other: "Övrig"
        }
    }

    /// The family takes part as the people the meeting is about: a consent is theirs to give,
    /// not something that has to name them.
    public var isFamily: Bool { self == .guardian || self == .child || self == .fosterFamily }

    /// Whether someone in this role fills a place the meeting type asks for: a rektor
    /// represents the school, a family therapist social services and the family team.
    public func covers(_ required: MeetingRole) -> Bool {
        if self == required { return true }
        switch required {
        case .school:
            return [.principal, .teacher, .schoolSocialWorker, .studentHealth, .studentHealthHead].contains(self)
        case .studentHealth:
            return [.studentHealthHead, .schoolSocialWorker].contains(self)
        case .socialServices:
            return [.caseOfficer, .familyTherapist, .treatmentAssistant, .ifoUnitManager, .familyTeam].contains(self)
        case .familyTeam:
            return self == .familyTherapist
        default:
            return false
        }
    }
}

/// Whether the child takes part, as the meeting type's routine says.
public enum ChildAttendanceRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The child is always invited (samverkansmöte, SIP).
    case invited
    /// Decided meeting by meeting, from the situation and the family's needs.
    case optional
    /// Not unless the chair and the secretary decide together that it is in the child's best
    /// interest (Trampolinen's monthly follow-ups, seed 000).
    case onDecision = "on-decision"
    /// The meeting is not about one child (the twice-yearly collaboration meeting).
    case notAboutAChild = "not-about-a-child"

    public var label: String {
        switch self {
        case .invited: "Barnet kallas alltid"
        case .optional: "Barnet kallas om det passar situationen"
        case .onDecision: "Barnet deltar bara efter gemensamt beslut av ordförande och sekreterare"
        case .notAboutAChild: "Mötet gäller inte ett enskilt barn"
        }
    }

    public var childAttendsByDefault: Bool { self == .invited }
    /// Every meeting about a child records the child's voice (DOMAIN §4).
    public var isAboutAChild: Bool { self != .notAboutAChild }
}
