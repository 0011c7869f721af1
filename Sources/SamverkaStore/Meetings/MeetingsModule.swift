extension StoreModule {
    /// Meetings in any context (a case, a report, an investigation), the children each
    /// concerns, its preparation steps and the talks with the child.
    static let meetings = StoreModule(
        name: "Möten",
        migrations: [Migrations.meetingContexts],
        recordTypes: [.meeting, .meetingInvitation, .meetingMinutes, .meetingType],
        extract: [MeetingsExtract.meetings, MeetingsExtract.actions, MeetingsExtract.dispatches, MeetingsExtract.preparation, MeetingsExtract.childTalks],
        workList: [MeetingsWorkList.actions],
        counts: [.rows(.meetingsHeld, in: "meetings", at: "closed_at")],
        statistics: [MeetingsStatistics.meetings],
        connected: [.meetings])
}
