extension Migrations {
    /// A case officer's open investigations in due order, and their running follow-ups, each
    /// read from an index that already holds them in that order: the work list's first page
    /// then reads its 100 investigations instead of all of the officer's (1,000 in the bench)
    /// and sorting them (PostgreSQL: 8 ms to 1.5 ms; follow-ups 4 ms to under 0.1 ms).
    static let workListIndexes = Migration(version: 7, name: "work list indexes") { _ in
        [
            "CREATE INDEX investigations_officer_open ON investigations (case_officer_id, due_at, id) WHERE closed_at IS NULL",
            """
            CREATE INDEX investigations_officer_follow_up ON investigations (case_officer_id, follow_up_until)
              WHERE closed_at IS NOT NULL AND follow_up_until IS NOT NULL
            """,
        ]
    }
}
