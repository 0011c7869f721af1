/// The kinds of forum of the seeds (DOMAIN §3.5). Raw values are stored.
public enum ForumKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Botkyrka's ledningsgrupp for Kraftsamling (seed 002).
    case managementGroup = "management-group"
    /// A lokal samverkansgrupp per area (seed 002).
    case localCollaborationGroup = "local-collaboration-group"
    /// Social services' contact persons of one school, visiting its EHT (seed 002).
    case contactPersons = "contact-persons"
    /// Barnsamverkan, ages 1–5 (seed 004 2.1).
    case childCollaboration = "child-collaboration"
    /// Elevsamverkan, ages 6–9 (seed 004 3.2).
    case pupilCollaboration = "pupil-collaboration"
    /// Barnhälsoteam of a preschool (seed 004 2.2).
    case childHealthTeam = "child-health-team"
    /// Elevhälsoteam of a school (seed 004 3.1).
    case studentHealthTeam = "student-health-team"
    /// Trygghetsteam (seed 004 3.1.1).
    case safetyTeam = "safety-team"
    /// Samverkan skola, socialtjänst, polis och fritid (seed 004 §7).
    case sspf
    /// The collaboration meeting in April and October (seed 003).
    case twiceYearlyMeeting = "twice-yearly-meeting"
    /// The yearly half-day of preschool/school and social services (seed 004 §4).
    case yearlyHalfDay = "yearly-half-day"
    /// Kraftsamlingsdagen in October, organised by each LSG in turn (seed 002).
    case collaborationDay = "collaboration-day"

    public var label: String {
        switch self {
        case .managementGroup: "Ledningsgrupp"
        case .localCollaborationGroup: "Lokal samverkansgrupp"
        case .contactPersons: "Socialtjänstens kontaktpersoner"
        case .childCollaboration: "Barnsamverkan"
        case .pupilCollaboration: "Elevsamverkan"
        case .childHealthTeam: "Barnhälsoteam"
        case .studentHealthTeam: "Elevhälsoteam"
        case .safetyTeam: "Trygghetsteam"
        case .sspf: "SSPF"
        case .twiceYearlyMeeting: "Samverkansmöte i april och oktober"
        case .yearlyHalfDay: "Gemensam halvdag"
        case .collaborationDay: "Kraftsamlingsdagen"
        }
    }
}

/// Whether an agenda item may be about a named child.
public enum ForumChildItems: String, Sendable, Hashable, Codable, CaseIterable {
    /// Only with a consent in force that names the forum's members (Barnsamverkan, Elevsamverkan, the health teams).
    case withConsent = "with-consent"
    /// De-identified consultations only (ledningsgrupp, LSG, contact persons' samråd).
    case deidentified
    /// Never an individual case, not even de-identified (SSPF: "Inga individärenden lyfts").
    case never

    public var label: String {
        switch self {
        case .withConsent: "Enskilda barn med vårdnadshavarnas samtycke"
        case .deidentified: "Bara avidentifierade frågor"
        case .never: "Inga individärenden"
        }
    }
}

/// The period a forum's number of meetings is counted over.
public enum ForumPeriod: String, Sendable, Hashable, Codable, CaseIterable {
    case calendarYear = "calendar-year"
    /// 1 August to 31 July (Barnsamverkan: "tre sammankomster per läsår").
    case schoolYear = "school-year"

    public var label: String {
        switch self {
        case .calendarYear: "per år"
        case .schoolYear: "per läsår"
        }
    }

    /// The period containing `day`: its first and last day.
    public func period(containing day: SimpleDate) -> (first: SimpleDate, last: SimpleDate) {
        switch self {
        case .calendarYear:
            return (SimpleDate(year: day.year, month: 1, day: 1)!, SimpleDate(year: day.year, month: 12, day: 31)!)
        case .schoolYear:
            let start = day.month >= 8 ? day.year : day.year - 1
            return (SimpleDate(year: start, month: 8, day: 1)!, SimpleDate(year: start + 1, month: 7, day: 31)!)
        }
    }

    /// "2026" or "läsåret 2026/27".
    public func name(containing day: SimpleDate) -> String {
        let (first, _) = period(containing: day)
        switch self {
        case .calendarYear: return String(first.year)
        case .schoolYear:
            let next = (first.year + 1) % 100
            return "läsåret \(first.year)/\(next < 10 ? "0" : "")\(next)"
        }
    }
}

/// A member's part in the forum.
public enum ForumMemberRole: String, Sendable, Hashable, Codable, CaseIterable {
    case chair
    case member
    /// Social services' contact person of a school.
    case contactPerson = "contact-person"

    public var label: String {
        switch self {
        case .chair: "Ordförande"
        case .member: "Ledamot"
        case .contactPerson: "Kontaktperson"
        }
    }
}

public struct ForumMember: Sendable, Hashable, Codable {
    public var staffID: RecordID
    public var name: String
    public var role: ForumMemberRole
    /// The unit the member sits for (their school or IFO unit), when known.
    public var unitID: RecordID?

    public init(staffID: RecordID, name: String, role: ForumMemberRole, unitID: RecordID? = nil) {
        self.staffID = staffID
        self.name = name
        self.role = role
        self.unitID = unitID
    }

    /// The member as the consent check sees a participant: staff and unit (no roles known).
    public var participant: Participant { participant(assignments: []) }

    /// The member as a meeting participant, in the meeting roles their account roles fill
    /// (those at the unit they sit for, when they hold any there): a rektor is invited as
    /// Rektor, not as "Övrig". Only when none fills one, "Övrig".
    public func participant(assignments: [Assignment]) -> Participant {
        let atUnit = assignments.filter { unitID != nil && $0.unitID == unitID }
        var roles: [MeetingRole] = []
        for assignment in atUnit.isEmpty ? assignments : atUnit {
            if let role = MeetingRole(staffRole: assignment.role), !roles.contains(role) { roles.append(role) }
        }
        return Participant(name: name, roles: roles.isEmpty ? [.other] : roles, staffID: staffID, unitID: unitID)
    }
}

/// A forum: its kind, members, what it covers, how often it meets, whether individual
/// children may be raised, and the routine text it works by.
public struct Forum: Sendable, Hashable {
    public var id: RecordID
    public var kind: ForumKind
    public var name: String
    /// The area or units it covers, in words ("Alby/Fittja", "Ekbackens skola").
    public var covers: String
    public var members: [ForumMember]
    /// The least number of meetings per period (nil: no number is set).
    public var meetingsPerPeriod: Int?
    public var period: ForumPeriod
    public var childItems: ForumChildItems
    public var routine: String
    /// The meeting type its meetings are booked with.
    public var meetingTypeKey: String

    public init(id: RecordID, kind: ForumKind, name: String, covers: String, members: [ForumMember], meetingsPerPeriod: Int?, period: ForumPeriod,
                childItems: ForumChildItems, routine: String, meetingTypeKey: String) {
        self.id = id
        self.kind = kind
        self.name = name
        self.covers = covers
        self.members = members
        self.meetingsPerPeriod = meetingsPerPeriod
        self.period = period
        self.childItems = childItems
        self.routine = routine
        self.meetingTypeKey = meetingTypeKey
    }

    public var chairs: [ForumMember] { members.filter { $0.role == .chair } }
    public func isMember(_ staffID: RecordID) -> Bool { members.contains { $0.staffID == staffID } }
    public func isChair(_ staffID: RecordID) -> Bool { chairs.contains { $0.staffID == staffID } }

    /// "minst 5 möten per år".
    public var frequencyText: String? {
        meetingsPerPeriod.map { "minst \($0) \($0 == 1 ? "möte" : "möten") \(period.label)" }
    }
}

/// What the policy knows about a forum.
public struct ForumAccessFacts: Sendable, Hashable {
    public var forumID: RecordID
    public var memberIDs: Set<RecordID>
    public var chairIDs: Set<RecordID>

    public init(forumID: RecordID, memberIDs: Set<RecordID>, chairIDs: Set<RecordID>) {
        self.forumID = forumID
        self.memberIDs = memberIDs
        self.chairIDs = chairIDs
    }

    public init(_ forum: Forum) {
        self.init(forumID: forum.id, memberIDs: Set(forum.members.map(\.staffID)), chairIDs: Set(forum.chairs.map(\.staffID)))
    }
}
