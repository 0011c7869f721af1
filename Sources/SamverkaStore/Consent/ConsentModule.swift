extension StoreModule {
    static let consent = StoreModule(
        name: "Samtycke",
        migrations: [Migrations.consent],
        recordTypes: [.consent, .consentDocument, .emergencyAccess, .sharedInformation],
        extract: [ConsentExtract.consents, ConsentExtract.emergencyAccess],
        workList: [ConsentWorkList.ending],
        counts: [.rows(.consentsRecorded, in: "consents", at: "recorded_at"), .rows(.emergencyAccesses, in: "emergency_access", at: "granted_at")],
        connected: [.consents])
}
