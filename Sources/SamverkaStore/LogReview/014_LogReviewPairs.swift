extension Migrations {
    /// The log review scan's working set: each person–child pair of the running scan with
    /// whether the person is connected to the child. A month of audit rows holds the same
    /// pairs chunk after chunk, so each is checked once per run instead of once per chunk.
    /// Emptied when a run starts and when it ends; no foreign keys, so filling it is cheap.
    static let logReviewPairs = Migration(version: 14, name: "log-review-pairs") { _ in
        [
            """
            CREATE TABLE log_review_pairs (staff_id BIGINT NOT NULL, child_id BIGINT NOT NULL, connected INTEGER NOT NULL,
              PRIMARY KEY (staff_id, child_id))
            """,
        ]
    }
}
