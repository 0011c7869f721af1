extension StoreModule {
    static let concern = StoreModule(
        name: "Orosanmälan och utredning",
        migrations: [Migrations.concern, Migrations.guardianNoticeLift, Migrations.referenceConversations],
        recordTypes: [.report, .reportForm, .intakeQueue, .myReports, .investigation, .statement, .statementRequests, .referenceConversation,
                      .consultation, .supportCount, .schoolNotices],
        extract: [ConcernExtract.reports, ConcernExtract.investigations, ConcernExtract.referenceConversations, ConcernExtract.decisions,
                  ConcernExtract.interventions, ConcernExtract.schoolNotices, ConcernExtract.tasks],
        workList: [ConcernWorkList.reports, ConcernWorkList.investigations],
        counts: [.rows(.reportsReceived, in: "reports", at: "received_at"), .rows(.investigationsOpened, in: "investigations", at: "opened_at"),
                 .days(.consultationsHeld, in: "consultations", on: "consulted_on")],
        statistics: [ConcernStatistics.reportTallies, ConcernStatistics.protection, ConcernStatistics.preAssessment, ConcernStatistics.investigations,
                     ConcernStatistics.receipts, ConcernStatistics.reportsBySchoolUnit, ConcernStatistics.feedback, ConcernStatistics.consultations],
        connected: [.investigations, .reports, .tasks])
}
