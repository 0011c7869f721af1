extension Migrations {
    /// Background jobs claimed through a lease row (so several app instances over one
    /// PostgreSQL run each job once), and the log review's incremental scan: the last audit
    /// row scanned (the watermark) and the progress of the run under way.
    static let backgroundJobs = Migration(version: 12, name: "background-jobs") { _ in
        [
            // due_at NULL: runs only when requested. owner/lease_until: who runs it, and until
            // when the claim holds without being renewed.
            """
            CREATE TABLE jobs (job_key TEXT PRIMARY KEY, due_at BIGINT, requested_at BIGINT, owner TEXT, lease_until BIGINT,
              started_at BIGINT, finished_at BIGINT)
            """,
            """
            CREATE TABLE log_review_scan (id BIGINT PRIMARY KEY, last_audit_id BIGINT NOT NULL, target_audit_id BIGINT, flag_mark BIGINT,
              total_rows BIGINT NOT NULL DEFAULT 0, done_rows BIGINT NOT NULL DEFAULT 0, raised BIGINT NOT NULL DEFAULT 0,
              requested_by BIGINT REFERENCES staff(id), requested_by_name TEXT, started_at BIGINT, finished_at BIGINT,
              last_rows BIGINT, last_raised BIGINT)
            """,
            "INSERT INTO log_review_scan (id, last_audit_id) VALUES (1, 0)",
            // The session cleanup deletes by last activity.
            "CREATE INDEX sessions_last_seen ON sessions (last_seen_at)",
        ]
    }
}
