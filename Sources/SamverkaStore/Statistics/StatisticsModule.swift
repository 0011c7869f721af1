import SamverkaCore

extension StoreModule {
    /// The statistics page and its downloads (issue 20): the figures come from every other
    /// module's `statistics`; this module only logs each view and download as an export.
    static let statistics = StoreModule(name: "Statistik", migrations: [Migrations.statisticsIndexes, Migrations.statisticsPeriodIndexes], recordTypes: [.statistics])
}
