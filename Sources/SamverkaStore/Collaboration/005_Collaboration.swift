extension Migrations {
    /// Collaboration cases, meeting types as data, meetings with their minutes, actions and
    /// the record of sent minutes (issue 5). Structured parts that are always read whole
    /// (participants, minutes, a meeting type's definition) are JSON text; what lists and
    /// work lists query (owners, actions, dates) has columns and indexes.
    static let collaboration = Migration(version: 5, name: "collaboration") { engine in
        let id = engine.idColumn
        return [
            // A municipality's own or changed meeting types; the shipped ones apply until changed.
            """
            CREATE TABLE meeting_types (type_key TEXT PRIMARY KEY, definition TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,
              updated_by BIGINT REFERENCES staff(id), updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE collaboration_cases (id \(id), child_id BIGINT NOT NULL REFERENCES children(id), reason TEXT NOT NULL,
              known_on TEXT NOT NULL, opened_by BIGINT NOT NULL REFERENCES staff(id), opened_by_name TEXT NOT NULL, opened_at BIGINT NOT NULL,
              owner_id BIGINT NOT NULL REFERENCES staff(id), owner_name TEXT NOT NULL, participants TEXT NOT NULL,
              closed_on TEXT, closing_note TEXT, closing_meeting_id BIGINT, closed_by BIGINT REFERENCES staff(id), closed_at BIGINT)
            """,
            "CREATE INDEX collaboration_cases_owner ON collaboration_cases (owner_id, closed_at)",
            "CREATE INDEX collaboration_cases_child ON collaboration_cases (child_id)",
            """
            CREATE TABLE case_siblings (case_id BIGINT NOT NULL REFERENCES collaboration_cases(id), child_id BIGINT NOT NULL REFERENCES children(id),
              PRIMARY KEY (case_id, child_id))
            """,
            """
            CREATE TABLE case_handovers (id \(id), case_id BIGINT NOT NULL REFERENCES collaboration_cases(id),
              from_id BIGINT NOT NULL REFERENCES staff(id), from_name TEXT NOT NULL, to_id BIGINT NOT NULL REFERENCES staff(id), to_name TEXT NOT NULL,
              at BIGINT NOT NULL, reason TEXT NOT NULL)
            """,
            "CREATE INDEX case_handovers_case ON case_handovers (case_id, at)",
            // Staff taking part in a case (named at opening or invited to a meeting): need-to-know.
            """
            CREATE TABLE case_staff (case_id BIGINT NOT NULL REFERENCES collaboration_cases(id), staff_id BIGINT NOT NULL REFERENCES staff(id),
              PRIMARY KEY (case_id, staff_id))
            """,
            "CREATE INDEX case_staff_staff ON case_staff (staff_id, case_id)",
            """
            CREATE TABLE meetings (id \(id), case_id BIGINT NOT NULL REFERENCES collaboration_cases(id), child_id BIGINT NOT NULL REFERENCES children(id),
              type_key TEXT NOT NULL, type_definition TEXT NOT NULL, meeting_date TEXT NOT NULL, start_time TEXT NOT NULL, end_time TEXT NOT NULL,
              place TEXT, video_link TEXT, participants TEXT NOT NULL, consent_ids TEXT NOT NULL, child_attendance_decided INTEGER NOT NULL, booking_notes TEXT,
              booked_by BIGINT NOT NULL REFERENCES staff(id), booked_by_name TEXT NOT NULL, booked_at BIGINT NOT NULL,
              minutes TEXT, closed_at BIGINT, closed_by BIGINT REFERENCES staff(id), next_meeting_id BIGINT)
            """,
            "CREATE INDEX meetings_case ON meetings (case_id, meeting_date)",
            """
            CREATE TABLE meeting_actions (id \(id), meeting_id BIGINT NOT NULL REFERENCES meetings(id), case_id BIGINT NOT NULL REFERENCES collaboration_cases(id),
              what TEXT NOT NULL, responsible_staff_id BIGINT REFERENCES staff(id), responsible_name TEXT NOT NULL, due_on TEXT NOT NULL,
              status TEXT, followed_up_in BIGINT REFERENCES meetings(id), follow_up_note TEXT, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX meeting_actions_responsible ON meeting_actions (responsible_staff_id, status, due_on)",
            "CREATE INDEX meeting_actions_case ON meeting_actions (case_id, status)",
            """
            CREATE TABLE minutes_dispatches (id \(id), meeting_id BIGINT NOT NULL REFERENCES meetings(id), recipient TEXT NOT NULL, channel TEXT NOT NULL,
              recipient_role TEXT, sent_at BIGINT NOT NULL, recorded_by BIGINT NOT NULL REFERENCES staff(id), recorded_by_name TEXT NOT NULL, recorded_at BIGINT NOT NULL)
            """,
            "CREATE INDEX minutes_dispatches_meeting ON minutes_dispatches (meeting_id)",
        ]
    }
}
