/// A kind of meeting, as data: what it is for, whom to invite, who chairs and who writes the
/// minutes, and its agenda. The shipped types (`MeetingType.shipped`) carry the seeds'
/// agendas word for word; a municipality adds or changes types as JSON or rows, without code,
/// and `MeetingTypeRules.validate` checks them.
public struct MeetingType: Sendable, Hashable, Codable, Identifiable {
    /// Stable identifier, lower-case ASCII with hyphens ("samverkansmote").
    public var key: String
    public var name: String
    /// What kind of meeting it is: decides the clocks it meets and where it can be booked.
    public var category: MeetingCategory
    public var purpose: String
    /// Where the agenda comes from, shown beside it ("Samverkansrutin …, bilaga 1").
    public var source: String?
    /// Roles that must be invited. Guardians are offered, not required, when the young person
    /// is 18 or older (seed 003, process map step 2).
    public var invitedRoles: [MeetingRole]
    /// nil: the routine names no chair; one is chosen for the meeting.
    public var chairRole: MeetingRole?
    /// nil: the secretary is appointed at the meeting (the samverkansmöte's first item).
    public var secretaryRole: MeetingRole?
    /// Who calls the meeting and is the contact on the invitation.
    public var convenerRoles: [MeetingRole]
    /// The assignments (chair, secretary, SIP-ansvarig, convener) that must be given to
    /// someone among the invited when the meeting is booked.
    public var requiredAssignments: [MeetingAssignment]
    /// Steps before the meeting (booking, consent, calling), not discussed at it.
    public var preparation: [String]
    /// The agenda, in order: the minutes are written against these items.
    public var agenda: [String]
    public var childAttendance: ChildAttendanceRule
    /// Staff talk with the child before the meeting and report back after it (Trampolinen).
    public var staffTalkWithChild: Bool
    /// A consent in force must cover the parties before a meeting can be booked.
    public var requiresConsent: Bool
    /// The consent purposes that count; empty means any purpose.
    public var consentPurposes: [ConsentPurposeKind]
    /// Who receives the minutes.
    public var minutesRecipients: [MeetingRole]

    public var id: String { key }
    public var childAttendsByDefault: Bool { childAttendance.childAttendsByDefault }

    public init(
        key: String, name: String, category: MeetingCategory? = nil, purpose: String, source: String? = nil, invitedRoles: [MeetingRole],
        chairRole: MeetingRole? = nil, secretaryRole: MeetingRole? = nil, convenerRoles: [MeetingRole] = [],
        requiredAssignments: [MeetingAssignment]? = nil, preparation: [String] = [], agenda: [String], childAttendance: ChildAttendanceRule,
        staffTalkWithChild: Bool = false, requiresConsent: Bool, consentPurposes: [ConsentPurposeKind] = [],
        minutesRecipients: [MeetingRole] = []
    ) {
        self.key = key
        self.name = name
        self.category = category ?? .inferred(key: key)
        self.purpose = purpose
        self.source = source
        self.invitedRoles = invitedRoles
        self.chairRole = chairRole
        self.secretaryRole = secretaryRole
        self.convenerRoles = convenerRoles
        self.requiredAssignments = requiredAssignments ?? MeetingAssignment.defaults(invitedRoles: invitedRoles)
        self.preparation = preparation
        self.agenda = agenda
        self.childAttendance = childAttendance
        self.staffTalkWithChild = staffTalkWithChild
        self.requiresConsent = requiresConsent
        self.consentPurposes = consentPurposes
        self.minutesRecipients = minutesRecipients
    }

    private enum CodingKeys: String, CodingKey {
        case key, name, category, purpose, source, invitedRoles, chairRole, secretaryRole, convenerRoles, requiredAssignments, preparation
        case agenda, childAttendance, staffTalkWithChild, requiresConsent, consentPurposes, minutesRecipients
    }

    /// A municipality's JSON needs only key, name, purpose, agenda and the invited roles; the
    /// rest has safe defaults (consent required, the child invited).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        name = try c.decode(String.self, forKey: .name)
        // Types and meetings stored before categories existed take the shipped type's.
        category = try c.decodeIfPresent(MeetingCategory.self, forKey: .category) ?? .inferred(key: key)
        purpose = try c.decodeIfPresent(String.self, forKey: .purpose) ?? ""
        source = try c.decodeIfPresent(String.self, forKey: .source)
        invitedRoles = try c.decodeIfPresent([MeetingRole].self, forKey: .invitedRoles) ?? []
        chairRole = try c.decodeIfPresent(MeetingRole.self, forKey: .chairRole)
        secretaryRole = try c.decodeIfPresent(MeetingRole.self, forKey: .secretaryRole)
        convenerRoles = try c.decodeIfPresent([MeetingRole].self, forKey: .convenerRoles) ?? []
        // Types stored before assignments existed: a SIP-ansvarig where one is invited.
        requiredAssignments = try c.decodeIfPresent([MeetingAssignment].self, forKey: .requiredAssignments) ?? MeetingAssignment.defaults(invitedRoles: invitedRoles)
        preparation = try c.decodeIfPresent([String].self, forKey: .preparation) ?? []
        agenda = try c.decode([String].self, forKey: .agenda)
        childAttendance = try c.decodeIfPresent(ChildAttendanceRule.self, forKey: .childAttendance) ?? .invited
        staffTalkWithChild = try c.decodeIfPresent(Bool.self, forKey: .staffTalkWithChild) ?? false
        requiresConsent = try c.decodeIfPresent(Bool.self, forKey: .requiresConsent) ?? true
        consentPurposes = try c.decodeIfPresent([ConsentPurposeKind].self, forKey: .consentPurposes) ?? []
        minutesRecipients = try c.decodeIfPresent([MeetingRole].self, forKey: .minutesRecipients) ?? []
    }

    /// The roles still missing among the invited, given the roles of those invited so far.
    public func missingInvitees(among roles: [MeetingRole], youthIsAdult: Bool) -> [MeetingRole] {
        invitedRoles.filter { required in
            if required == .guardian, youthIsAdult { return false }
            return !roles.contains { $0.covers(required) }
        }
    }
}

extension ConsentPurposeKind {
    /// A SIP consent names every party: a new party needs a new consent (seed 004), so the
    /// parties are not pieced together from several consents.
    var needsOneConsentNamingAll: Bool { self == .sip }
}
