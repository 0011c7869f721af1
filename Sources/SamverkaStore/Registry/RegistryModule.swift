extension StoreModule {
    static let registry = StoreModule(
        name: "Barnregister",
        migrations: [Migrations.search, Migrations.registrySides],
        recordTypes: [.child, .childList, .childSearch, .enrolment, .guardian],
        extract: [RegistryExtract.identity, RegistryExtract.units, RegistryExtract.guardians],
        counts: [.rows(.childrenRegistered, in: "children", at: "created_at")],
        connected: [.childUnits])
}
