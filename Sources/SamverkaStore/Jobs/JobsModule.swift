extension StoreModule {
    /// Background jobs (the log review's scan, session cleanup): leased rows, so two
    /// instances never run the same step.
    static let jobs = StoreModule(name: "Bakgrundsjobb", migrations: [Migrations.backgroundJobs])
}
