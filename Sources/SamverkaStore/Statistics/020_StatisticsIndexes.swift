extension Migrations {
    /// A year's statistics read the year's reports several times (by reporter, by clock, by
    /// receipt). With the columns they read in one index ordered by the day received, each of
    /// those reads is a range of narrow entries instead of every report row in full
    /// (bench/README.md, 2026-12-02). The tally by reporter also needs `acute_grounds`, free
    /// text that does not belong in an index, so that one read still goes to the rows.
    static let statisticsIndexes = Migration(version: 20, name: "statistics indexes") { _ in
        [
            """
            CREATE INDEX reports_statistics ON reports (received_at, handling_unit_id, reporter_unit_id, kind, channel, reporter_kind, pre_assessment,
              decided_at, protection_at, receipt_confirmed_at, feedback_requested_at, feedback_given_at)
            """,
        ]
    }
}
