extension Migrations {
    /// Meetings for any context (issue 16 item 6): a meeting belongs to a context (a
    /// collaboration case, a report, an investigation; later a SIP, a programme, a forum) and
    /// concerns zero, one or several children (`meeting_children`). `case_id` and `child_id`
    /// become nullable: kept for the meetings of a case and as the first child, so old rows
    /// read as before. Actions of a meeting outside a case have no case. Also the preparation
    /// steps done and the talks with the child before and after a meeting.
    ///
    /// SQLite cannot drop NOT NULL, so the two tables are rebuilt (create, copy, drop,
    /// rename) with foreign keys off for this migration (`rebuildsTables`); PostgreSQL alters
    /// the columns in place. Every row keeps its id, so references stay valid.
    static let meetingContexts = Migration(version: 11, name: "meeting-contexts", rebuildsTables: true) { engine in
        let id = engine.idColumn
        var statements: [String]
        switch engine {
        case .sqlite:
            statements = [
                """
                CREATE TABLE meetings_rebuilt (id \(id), context_kind TEXT NOT NULL, context_id BIGINT NOT NULL,
                  case_id BIGINT REFERENCES collaboration_cases(id), child_id BIGINT REFERENCES children(id),
                  type_key TEXT NOT NULL, type_definition TEXT NOT NULL, meeting_date TEXT NOT NULL, start_time TEXT NOT NULL, end_time TEXT NOT NULL,
                  place TEXT, video_link TEXT, participants TEXT NOT NULL, consent_ids TEXT NOT NULL, child_attendance_decided INTEGER NOT NULL, booking_notes TEXT,
                  booked_by BIGINT NOT NULL REFERENCES staff(id), booked_by_name TEXT NOT NULL, booked_at BIGINT NOT NULL,
                  minutes TEXT, closed_at BIGINT, closed_by BIGINT REFERENCES staff(id), next_meeting_id BIGINT)
                """,
                """
                INSERT INTO meetings_rebuilt (id, context_kind, context_id, case_id, child_id, type_key, type_definition, meeting_date, start_time, end_time,
                  place, video_link, participants, consent_ids, child_attendance_decided, booking_notes, booked_by, booked_by_name, booked_at,
                  minutes, closed_at, closed_by, next_meeting_id)
                SELECT id, 'collaboration-case', case_id, case_id, child_id, type_key, type_definition, meeting_date, start_time, end_time,
                  place, video_link, participants, consent_ids, child_attendance_decided, booking_notes, booked_by, booked_by_name, booked_at,
                  minutes, closed_at, closed_by, next_meeting_id FROM meetings
                """,
                "DROP TABLE meetings",
                "ALTER TABLE meetings_rebuilt RENAME TO meetings",
                "CREATE INDEX meetings_case ON meetings (case_id, meeting_date)",
                """
                CREATE TABLE meeting_actions_rebuilt (id \(id), meeting_id BIGINT NOT NULL REFERENCES meetings(id), case_id BIGINT REFERENCES collaboration_cases(id),
                  what TEXT NOT NULL, responsible_staff_id BIGINT REFERENCES staff(id), responsible_name TEXT NOT NULL, due_on TEXT NOT NULL,
                  status TEXT, followed_up_in BIGINT REFERENCES meetings(id), follow_up_note TEXT, created_at BIGINT NOT NULL)
                """,
                """
                INSERT INTO meeting_actions_rebuilt (id, meeting_id, case_id, what, responsible_staff_id, responsible_name, due_on, status, followed_up_in, follow_up_note, created_at)
                SELECT id, meeting_id, case_id, what, responsible_staff_id, responsible_name, due_on, status, followed_up_in, follow_up_note, created_at FROM meeting_actions
                """,
                "DROP TABLE meeting_actions",
                "ALTER TABLE meeting_actions_rebuilt RENAME TO meeting_actions",
                "CREATE INDEX meeting_actions_responsible ON meeting_actions (responsible_staff_id, status, due_on)",
                "CREATE INDEX meeting_actions_case ON meeting_actions (case_id, status)",
            ]
        case .postgres:
            statements = [
                "ALTER TABLE meetings ALTER COLUMN case_id DROP NOT NULL, ALTER COLUMN child_id DROP NOT NULL, ADD COLUMN context_kind TEXT, ADD COLUMN context_id BIGINT",
                "UPDATE meetings SET context_kind = 'collaboration-case', context_id = case_id",
                "ALTER TABLE meetings ALTER COLUMN context_kind SET NOT NULL, ALTER COLUMN context_id SET NOT NULL",
                "ALTER TABLE meeting_actions ALTER COLUMN case_id DROP NOT NULL",
            ]
        }
        statements += [
            "CREATE INDEX meetings_context ON meetings (context_kind, context_id, meeting_date)",
            """
            CREATE TABLE meeting_children (meeting_id BIGINT NOT NULL REFERENCES meetings(id), child_id BIGINT NOT NULL REFERENCES children(id),
              PRIMARY KEY (meeting_id, child_id))
            """,
            "CREATE INDEX meeting_children_child ON meeting_children (child_id, meeting_id)",
            "INSERT INTO meeting_children (meeting_id, child_id) SELECT id, child_id FROM meetings WHERE child_id IS NOT NULL",
            // A preparation step of the meeting's type (by its position in the type as booked) done.
            """
            CREATE TABLE meeting_preparation_steps (meeting_id BIGINT NOT NULL REFERENCES meetings(id), step INTEGER NOT NULL, step_text TEXT NOT NULL,
              done_by BIGINT NOT NULL REFERENCES staff(id), done_by_name TEXT NOT NULL, done_at BIGINT NOT NULL, PRIMARY KEY (meeting_id, step))
            """,
            // Talks with the child before and after the meeting: who talked, when, the child's view.
            """
            CREATE TABLE meeting_child_talks (id \(id), meeting_id BIGINT NOT NULL REFERENCES meetings(id), child_id BIGINT NOT NULL REFERENCES children(id),
              timing TEXT NOT NULL, talked_by TEXT NOT NULL, talked_on TEXT NOT NULL, child_view TEXT NOT NULL,
              recorded_by BIGINT NOT NULL REFERENCES staff(id), recorded_by_name TEXT NOT NULL, recorded_at BIGINT NOT NULL)
            """,
            "CREATE INDEX meeting_child_talks_meeting ON meeting_child_talks (meeting_id, talked_on)",
        ]
        return statements
    }
}
