import SamverkaCore

/// One entry of the main menu: where it goes, and the policy's question whether the person
/// may open it (the menu only hides what the page would refuse anyway; the page still asks).
struct NavigationEntry: Sendable {
    /// Where in the menu it stands (lower first), so a subject's entries can sit apart:
    /// the intake queue early, the reporter's own reports later.
    let rank: Int
    let label: String
    let url: SiteURL
    let shown: @Sendable (NavigationFacts) -> Bool

    init(rank: Int, label: String, url: SiteURL, shown: @escaping @Sendable (Actor) -> Bool) {
        self.rank = rank
        self.label = label
        self.url = url
        self.shown = { shown($0.actor) }
    }

    private init(rank: Int, label: String, url: SiteURL, asking: @escaping @Sendable (NavigationFacts) -> Bool) {
        self.rank = rank
        self.label = label
        self.url = url
        self.shown = asking
    }

    /// An entry whose question needs more than the person's roles (read with the session).
    static func withFacts(rank: Int, label: String, url: SiteURL, _ shown: @escaping @Sendable (NavigationFacts) -> Bool) -> NavigationEntry {
        NavigationEntry(rank: rank, label: label, url: url, asking: shown)
    }
}

/// What the menu's questions are asked about: the person, and what the session read besides
/// (which of their roles some programme counts, whether they chair a local collaboration
/// group with an area), so no page needs a query for its menu.
struct NavigationFacts: Sendable {
    let actor: Actor
    var programmeRoles = ProgrammeRoleFacts()
    var chairsLocalGroupWithArea = false
}

/// The main menu: every web module's entries, by rank.
enum Navigation {
    static let entries: [NavigationEntry] = WebModules.all.flatMap(\.navigation).sorted { $0.rank < $1.rank }

    static func entries(for facts: NavigationFacts) -> [[String: String]] {
        entries.filter { $0.shown(facts) }.map { ["label": $0.label, "link": $0.url.path] }
    }
}

enum RegistryWeb {
    static let navigation = [
        NavigationEntry(rank: 10, label: "Barn", url: .children) { AccessPolicy.allows($0, .searchChildren) },
        NavigationEntry(rank: 11, label: "Sök", url: .search) { AccessPolicy.allows($0, .searchChildren) },
        NavigationEntry(rank: 12, label: "Nödåtkomst", url: .emergencyAccess) { AccessPolicy.allows($0, .searchChildren) && AccessPolicy.allows($0, .requestEmergencyAccess) },
    ]
}

enum WorkListWeb {
    static let navigation = [
        NavigationEntry(rank: 30, label: "Arbetslista", url: .workList) { !$0.childWorkUnitIDs.isEmpty || $0.holds(.externalParty) },
    ]
}

enum CollaborationWeb {
    static let navigation = [
        NavigationEntry(rank: 31, label: "Samverkan", url: .collaborationCases) { !$0.childWorkUnitIDs.isEmpty },
    ]
}

enum SIPWeb {
    static let navigation = [
        // Also for an outside party's account, which has no children of its own to work with.
        NavigationEntry(rank: 32, label: "SIP", url: .sips) { !$0.childWorkUnitIDs.isEmpty || $0.holds(.externalParty) },
    ]
}

enum ConcernWeb {
    static let intake = [
        NavigationEntry(rank: 20, label: "Mottagning", url: .intake) { actor in actor.reportHandlingUnitIDs.contains { AccessPolicy.allows(actor, .handleReports(unitID: $0)) } },
    ]

    static let navigation = [
        NavigationEntry(rank: 40, label: "Mina anmälningar", url: .myReports) { AccessPolicy.allows($0, .fileReportByNumber) },
        NavigationEntry(rank: 41, label: "Utlåtanden", url: .statements) { actor in actor.assignments.contains { AccessPolicy.allows(actor, .returnSchoolStatement(schoolUnitID: $0.unitID ?? -1)) } },
        NavigationEntry(rank: 42, label: "Konsultation", url: .consultations) { AccessPolicy.allows($0, .logConsultation) },
        NavigationEntry(rank: 43, label: "Råd och stöd", url: .support) { AccessPolicy.allows($0, .recordSupportConversations(unitID: nil)) },
    ]
}

enum OrganisationWeb {
    static let navigation = [
        NavigationEntry(rank: 50, label: "Administration", url: .admin) { AccessPolicy.allows($0, .manageOrganisation) },
    ]
}

enum LogReviewWeb {
    static let navigation = [
        NavigationEntry(rank: 60, label: "Loggkontroll", url: .logReview) { AccessPolicy.allows($0, .reviewAuditLog) },
        NavigationEntry(rank: 61, label: "Loggranskning", url: .auditLog) { AccessPolicy.allows($0, .reviewAuditLog) },
    ]
}
