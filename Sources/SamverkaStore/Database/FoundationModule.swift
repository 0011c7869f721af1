extension StoreModule {
    /// The schema every subject stands on: municipality, units, staff, children, the log.
    static let foundation = StoreModule(name: "Grund", migrations: [Migrations.foundation])
}
