import SamverkaCore

extension StoreModule {
    /// The directory of external help and the responsibilities of seed 003 (issue 19 points
    /// 6 and 7): the municipality's own texts, about no child.
    static let directory = StoreModule(
        name: "Stödkatalog och ansvar",
        migrations: [Migrations.directory],
        recordTypes: [.helpEntry, .responsibility])
}
