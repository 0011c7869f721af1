extension StoreModule {
    static let collaboration = StoreModule(
        name: "Samverkan och möten",
        migrations: [Migrations.collaboration],
        recordTypes: [.collaborationCase],
        extract: [CollaborationExtract.cases],
        workList: [CollaborationWorkList.clocks],
        counts: [.rows(.collaborationCasesOpened, in: "collaboration_cases", at: "opened_at")],
        statistics: [CollaborationStatistics.cases],
        connected: [.collaborationCases, .caseStaff])
}
