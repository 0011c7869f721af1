extension Migrations {
    /// Reports of concern, investigations, decisions, interventions, school notices, tasks,
    /// anonymous consultations and råd och stöd counts.
    static let concern = Migration(version: 2, name: "concern") { engine in
        let id = engine.idColumn
        return [
            // No child and no identifying data: only date, units, topic, advice.
            """
            CREATE TABLE consultations (id \(id), consulted_on TEXT NOT NULL, school_unit_id BIGINT REFERENCES units(id),
              social_unit_id BIGINT NOT NULL REFERENCES units(id), topic TEXT NOT NULL, advice TEXT NOT NULL,
              led_to_report INTEGER NOT NULL, logged_by BIGINT NOT NULL REFERENCES staff(id), created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX consultations_unit ON consultations (school_unit_id, consulted_on)",
            """
            CREATE TABLE investigations (id \(id), child_id BIGINT NOT NULL REFERENCES children(id),
              unit_id BIGINT NOT NULL REFERENCES units(id), case_officer_id BIGINT NOT NULL REFERENCES staff(id),
              opened_at BIGINT NOT NULL, due_at BIGINT NOT NULL, consent TEXT NOT NULL,
              statement_unit_id BIGINT REFERENCES units(id), statement_requested_at BIGINT, statement_returned_at BIGINT,
              statement_returned_by TEXT, joint_bbic_meeting INTEGER NOT NULL DEFAULT 0,
              closed_at BIGINT, outcome TEXT, follow_up_until TEXT, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX investigations_officer ON investigations (case_officer_id, closed_at, due_at)",
            "CREATE INDEX investigations_unit ON investigations (unit_id, closed_at, due_at)",
            "CREATE INDEX investigations_child ON investigations (child_id, closed_at)",
            "CREATE INDEX investigations_statement ON investigations (statement_unit_id, statement_returned_at)",
            """
            CREATE TABLE reports (id \(id), receipt_number TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, channel TEXT NOT NULL,
              child_id BIGINT REFERENCES children(id), child_description TEXT, handling_unit_id BIGINT NOT NULL REFERENCES units(id),
              reporter_kind TEXT NOT NULL, reporter_staff_id BIGINT REFERENCES staff(id), reporter_unit_id BIGINT REFERENCES units(id),
              reporter_name TEXT, reporter_contact TEXT, registered_by BIGINT REFERENCES staff(id),
              observations TEXT NOT NULL, since_when TEXT, actions_taken TEXT, acute_grounds TEXT NOT NULL,
              guardian_notice TEXT NOT NULL, joint_meeting_requested INTEGER NOT NULL,
              received_at BIGINT NOT NULL, receipt_confirmed_at BIGINT, receipt_confirmed_by_name TEXT,
              protection_at BIGINT, protection_needed INTEGER, pre_assessment TEXT, decided_at BIGINT,
              investigation_id BIGINT REFERENCES investigations(id), written_confirmed_at BIGINT,
              feedback_requested_at BIGINT, feedback_given_at BIGINT, feedback_withheld_reason TEXT, created_at BIGINT NOT NULL)
            """,
            // The intake queue reads only undecided reports, oldest first.
            "CREATE INDEX reports_open ON reports (handling_unit_id, received_at) WHERE decided_at IS NULL",
            "CREATE INDEX reports_feedback ON reports (handling_unit_id, feedback_requested_at) WHERE feedback_requested_at IS NOT NULL AND feedback_given_at IS NULL",
            "CREATE INDEX reports_child ON reports (child_id, received_at)",
            "CREATE INDEX reports_reporter ON reports (reporter_staff_id, received_at)",
            "CREATE INDEX reports_investigation ON reports (investigation_id)",
            // Every decision: who, when, why (issue 3 point 9).
            """
            CREATE TABLE decisions (id \(id), report_id BIGINT REFERENCES reports(id), investigation_id BIGINT REFERENCES investigations(id),
              kind TEXT NOT NULL, outcome TEXT, decided_by BIGINT NOT NULL REFERENCES staff(id), decided_by_name TEXT NOT NULL,
              decision_date TEXT NOT NULL, reasons TEXT NOT NULL, new_due_at BIGINT, previous_due_at BIGINT, recorded_at BIGINT NOT NULL)
            """,
            "CREATE INDEX decisions_report ON decisions (report_id)",
            "CREATE INDEX decisions_investigation ON decisions (investigation_id)",
            """
            CREATE TABLE interventions (id \(id), investigation_id BIGINT NOT NULL REFERENCES investigations(id),
              kind TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT, responsible TEXT NOT NULL,
              decision_id BIGINT NOT NULL REFERENCES decisions(id), created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX interventions_investigation ON interventions (investigation_id)",
            // What the school is told (placement, closure): only what the law or consent allows.
            """
            CREATE TABLE school_notices (id \(id), child_id BIGINT NOT NULL REFERENCES children(id), unit_id BIGINT NOT NULL REFERENCES units(id),
              message TEXT NOT NULL, created_at BIGINT NOT NULL, read_at BIGINT)
            """,
            "CREATE INDEX school_notices_unit ON school_notices (unit_id, created_at)",
            """
            CREATE TABLE tasks (id \(id), staff_id BIGINT NOT NULL REFERENCES staff(id), child_id BIGINT REFERENCES children(id),
              investigation_id BIGINT REFERENCES investigations(id), title TEXT NOT NULL, due_on TEXT, done_at BIGINT, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX tasks_staff ON tasks (staff_id, done_at)",
            // Råd och stöd: only unit, date and number (no personal data at all).
            """
            CREATE TABLE support_counts (id \(id), unit_id BIGINT NOT NULL REFERENCES units(id), held_on TEXT NOT NULL,
              conversations INTEGER NOT NULL, recorded_by BIGINT NOT NULL REFERENCES staff(id), created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX support_counts_unit ON support_counts (unit_id, held_on)",
            // Throttling of the public e-service, by a hash of the address.
            "CREATE TABLE public_submissions (id \(id), at BIGINT NOT NULL, address_hash TEXT NOT NULL)",
            "CREATE INDEX public_submissions_address ON public_submissions (address_hash, at)",
            "CREATE INDEX public_submissions_at ON public_submissions (at)",
        ]
    }
}
