extension StoreModule {
    static let logReview = StoreModule(
        name: "Loggkontroll",
        migrations: [Migrations.logReview, Migrations.logReviewPairs],
        recordTypes: [.reviewFlag, .reviewSample, .reviewSummary, .reviewScan],
        extract: [LogReviewExtract.flags],
        counts: [.rows(.reviewFlagsRaised, in: "review_flags", at: "at")])
}
