import SamverkaCore

/// The forums' entries in the main menu, each asking the policy.
enum ForumWeb {
    /// Whoever might sit in a forum: staff working with children, the governance roles.
    static func mightSitInAForum(_ actor: Actor) -> Bool {
        !actor.childWorkUnitIDs.isEmpty || actor.holds(.managementGroupMember) || actor.holds(.localCollaborationGroupMember)
    }

    static let navigation = [
        NavigationEntry(rank: 36, label: "Forum", url: .forums) { AccessPolicy.allows($0, .viewGovernance(isForumMember: mightSitInAForum($0))) },
        NavigationEntry(rank: 37, label: "Årshjul", url: .yearlyWheel) { AccessPolicy.allows($0, .viewGovernance(isForumMember: mightSitInAForum($0))) },
    ]
}
