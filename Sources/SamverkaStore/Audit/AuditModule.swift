extension StoreModule {
    static let audit = StoreModule(
        name: "Logg och registerutdrag",
        recordTypes: [.auditLog, .registerExtract],
        extract: [AuditExtract.accesses])
}
