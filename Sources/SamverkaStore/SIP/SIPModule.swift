extension StoreModule {
    static let sip = StoreModule(
        name: "SIP",
        migrations: [Migrations.sip],
        recordTypes: [.sip, .sipProtocol, .sipInvitation],
        extract: [SIPExtract.sips],
        workList: [SIPWorkList.clocks],
        counts: [.rows(.sipsStarted, in: "sips", at: "opened_at")],
        statistics: [SIPStatistics.sips],
        connected: [.sips])
}
