import SamverkaCore

/// The directory's entry in the main menu.
enum DirectoryWeb {
    static let navigation = [
        NavigationEntry(rank: 38, label: "Stödkatalog", url: .helpDirectory) { AccessPolicy.allows($0, .viewHelpDirectory) },
    ]
}
