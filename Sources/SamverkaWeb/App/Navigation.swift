import SamverkaCore

/// One entry of the main menu: where it goes, and the policy's question whether the person
/// may open it (the menu only hides what the page would refuse anyway; the page still asks).
struct NavigationEntry {
    let label: String
    let url: SiteURL
    let shown: @Sendable (Actor) -> Bool
}

/// The main menu, each subject's entries in the modules' order.
enum Navigation {
    static let modules: [[NavigationEntry]] = [
        RegistryWeb.navigation, ConcernWeb.intake, WorkListWeb.navigation, ConcernWeb.navigation, OrganisationWeb.navigation, LogReviewWeb.navigation,
    ]

    static func entries(for actor: Actor) -> [[String: String]] {
        modules.joined().filter { $0.shown(actor) }.map { ["label": $0.label, "link": $0.url.path] }
    }
}

enum RegistryWeb {
    static let navigation = [
        NavigationEntry(label: "Barn", url: .children) { AccessPolicy.allows($0, .searchChildren) },
        NavigationEntry(label: "Sök", url: .search) { AccessPolicy.allows($0, .searchChildren) },
        NavigationEntry(label: "Nödåtkomst", url: .emergencyAccess) { AccessPolicy.allows($0, .searchChildren) && AccessPolicy.allows($0, .requestEmergencyAccess) },
    ]
}

enum WorkListWeb {
    static let navigation = [
        NavigationEntry(label: "Arbetslista", url: .workList) { !$0.childWorkUnitIDs.isEmpty || $0.holds(.externalParty) },
        NavigationEntry(label: "Samverkan", url: .collaborationCases) { !$0.childWorkUnitIDs.isEmpty },
        // Also for an outside party's account, which has no children of its own to work with.
        NavigationEntry(label: "SIP", url: .sips) { !$0.childWorkUnitIDs.isEmpty || $0.holds(.externalParty) },
    ]
}

enum ConcernWeb {
    static let intake = [
        NavigationEntry(label: "Mottagning", url: .intake) { actor in actor.reportHandlingUnitIDs.contains { AccessPolicy.allows(actor, .handleReports(unitID: $0)) } },
    ]

    static let navigation = [
        NavigationEntry(label: "Mina anmälningar", url: .myReports) { AccessPolicy.allows($0, .fileReportByNumber) },
        NavigationEntry(label: "Utlåtanden", url: .statements) { actor in actor.assignments.contains { AccessPolicy.allows(actor, .returnSchoolStatement(schoolUnitID: $0.unitID ?? -1)) } },
        NavigationEntry(label: "Konsultation", url: .consultations) { AccessPolicy.allows($0, .logConsultation) },
        NavigationEntry(label: "Råd och stöd", url: .support) { actor in actor.assignments.contains { AccessPolicy.allows(actor, .recordSupportConversations(unitID: $0.unitID ?? -1)) } },
    ]
}

enum OrganisationWeb {
    static let navigation = [
        NavigationEntry(label: "Administration", url: .admin) { AccessPolicy.allows($0, .manageOrganisation) },
    ]
}

enum LogReviewWeb {
    static let navigation = [
        NavigationEntry(label: "Loggkontroll", url: .logReview) { AccessPolicy.allows($0, .reviewAuditLog) },
        NavigationEntry(label: "Loggranskning", url: .auditLog) { AccessPolicy.allows($0, .reviewAuditLog) },
    ]
}
