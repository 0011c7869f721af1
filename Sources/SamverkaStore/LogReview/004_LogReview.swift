extension Migrations {
    /// The log review workflow and consent expiry warnings: which access a flag points at, and the monthly samples
    /// drawn (one per period and unit, so two reviewers cannot draw the same month twice).
    static let logReview = Migration(version: 4, name: "log-review") { _ in
        [
            "ALTER TABLE review_flags ADD COLUMN audit_id BIGINT",
            "CREATE INDEX review_flags_at ON review_flags (at, kind)",
            // Expiry warnings on the work list of the person who recorded the consent.
            "CREATE INDEX consents_recorder ON consents (recorded_by, valid_to)",
            """
            CREATE TABLE review_samples (period TEXT NOT NULL, unit_key BIGINT NOT NULL, per_unit INTEGER NOT NULL, drawn INTEGER NOT NULL,
              drawn_by BIGINT NOT NULL REFERENCES staff(id), drawn_at BIGINT NOT NULL, PRIMARY KEY (period, unit_key))
            """,
        ]
    }
}
