extension StoreModule {
    static let collaboration = StoreModule(
        name: "Samverkan och möten",
        migrations: [Migrations.collaboration],
        recordTypes: [.collaborationCase, .meeting, .meetingInvitation, .meetingMinutes, .meetingType],
        extract: [CollaborationExtract.cases, CollaborationExtract.meetings, CollaborationExtract.actions, CollaborationExtract.dispatches],
        workList: [CollaborationWorkList.clocks, CollaborationWorkList.actions],
        counts: [.rows(.collaborationCasesOpened, in: "collaboration_cases", at: "opened_at"), .rows(.meetingsHeld, in: "meetings", at: "closed_at")])
}
