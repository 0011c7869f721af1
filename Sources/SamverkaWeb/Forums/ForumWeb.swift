import SamverkaCore

/// The forums' entries in the main menu, each asking the policy.
enum ForumWeb {
    static let navigation = [
        NavigationEntry(rank: 36, label: "Forum", url: .forums) { AccessPolicy.allows($0, .viewGovernance(isForumMember: false)) },
        NavigationEntry(rank: 37, label: "Årshjul", url: .yearlyWheel) { AccessPolicy.allows($0, .viewGovernance(isForumMember: false)) },
        NavigationEntry(rank: 92, label: "Forumens ledamöter", url: .adminForums) { AccessPolicy.allows($0, .manageForums) },
    ]
}
