extension Migrations {
    /// The short oral reference conversation with the pedagogue, in the investigation
    /// (issue 15, seed 002 §4): an alternative to the written BBIC statement. And what the
    /// genomförandeplan gives the school to do when it takes part in an intervention.
    static let referenceConversations = Migration(version: 10, name: "reference conversations") { engine in
        [
            """
            CREATE TABLE reference_conversations (id \(engine.idColumn), investigation_id BIGINT NOT NULL REFERENCES investigations(id),
              child_id BIGINT NOT NULL REFERENCES children(id), with_name TEXT NOT NULL, with_role TEXT, held_on TEXT NOT NULL, note TEXT NOT NULL,
              recorded_by BIGINT NOT NULL REFERENCES staff(id), recorded_by_name TEXT NOT NULL, recorded_at BIGINT NOT NULL)
            """,
            "CREATE INDEX reference_conversations_investigation ON reference_conversations (investigation_id, held_on)",
            "CREATE INDEX reference_conversations_child ON reference_conversations (child_id)",
            "ALTER TABLE interventions ADD COLUMN school_task TEXT",
            // What a task is for, when something other than its person ends it (the
            // collaboration meeting about a return home is held).
            "ALTER TABLE tasks ADD COLUMN kind TEXT",
        ]
    }
}
