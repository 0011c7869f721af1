import SamverkaCore

extension Migrations {
    /// Joint programmes (issue 18, seeds 000 and 001): the programme definitions as data
    /// (Trampolinen seeded; an administrator edits or adds), a family's enrolment with its
    /// nomination, the steering group's and the decision forum's decisions, the family's
    /// answer with the consent and the team it names, the documents each side writes with
    /// their plans' actions, the short notes, and closure. The monthly follow-ups are rows of
    /// `meetings` in the context "programme-enrolment".
    static let programmes = Migration(version: 15, name: "programmes") { engine in
        let id = engine.idColumn
        let trampolinen = ProgrammeDefinitionRules.encode(.trampolinen).replacingOccurrences(of: "'", with: "''")
        return [
            """
            CREATE TABLE programme_definitions (programme_key TEXT PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL, active INTEGER NOT NULL,
              updated_at BIGINT NOT NULL, updated_by BIGINT REFERENCES staff(id))
            """,
            "INSERT INTO programme_definitions (programme_key, name, definition, active, updated_at) VALUES ('\(ProgrammeDefinition.trampolinen.key)', '\(ProgrammeDefinition.trampolinen.name)', '\(trampolinen)', 1, 0)",
            // The nomination and the closure parts are stored whole (JSON): they are read and
            // shown together; what lists and clocks search on has columns of its own.
            """
            CREATE TABLE programme_enrolments (id \(id), programme_key TEXT NOT NULL REFERENCES programme_definitions(programme_key),
              child_id BIGINT NOT NULL REFERENCES children(id), nomination TEXT NOT NULL,
              nominated_by BIGINT NOT NULL REFERENCES staff(id), nominated_by_name TEXT NOT NULL, nominated_at BIGINT NOT NULL,
              referral_principal_id BIGINT REFERENCES staff(id), referral_case_officer_id BIGINT REFERENCES staff(id), referral TEXT,
              family_response TEXT, consent_withdrawn_at BIGINT, closure TEXT, closed_on TEXT, internal_closure TEXT, follow_up TEXT, followed_up_on TEXT)
            """,
            "CREATE INDEX programme_enrolments_programme ON programme_enrolments (programme_key, closed_on)",
            "CREATE INDEX programme_enrolments_child ON programme_enrolments (child_id)",
            """
            CREATE TABLE programme_children (enrolment_id BIGINT NOT NULL REFERENCES programme_enrolments(id), child_id BIGINT NOT NULL REFERENCES children(id),
              name TEXT NOT NULL, school_level TEXT NOT NULL, child_role TEXT NOT NULL, PRIMARY KEY (enrolment_id, child_id))
            """,
            "CREATE INDEX programme_children_child ON programme_children (child_id, enrolment_id)",
            // The steering group's decisions and the decision forum's grant (kind "grant").
            """
            CREATE TABLE programme_decisions (id \(id), enrolment_id BIGINT NOT NULL REFERENCES programme_enrolments(id), kind TEXT NOT NULL,
              decided_by BIGINT NOT NULL REFERENCES staff(id), decided_by_name TEXT NOT NULL, decision_date TEXT NOT NULL, reasons TEXT NOT NULL,
              priority INTEGER, recorded_by BIGINT NOT NULL REFERENCES staff(id), recorded_at BIGINT NOT NULL)
            """,
            "CREATE INDEX programme_decisions_enrolment ON programme_decisions (enrolment_id, id)",
            // The team the family's consent names.
            """
            CREATE TABLE programme_team (enrolment_id BIGINT NOT NULL REFERENCES programme_enrolments(id), staff_id BIGINT NOT NULL REFERENCES staff(id),
              name TEXT NOT NULL, team_role TEXT NOT NULL, PRIMARY KEY (enrolment_id, staff_id))
            """,
            "CREATE INDEX programme_team_staff ON programme_team (staff_id, enrolment_id)",
            """
            CREATE TABLE programme_documents (id \(id), enrolment_id BIGINT NOT NULL REFERENCES programme_enrolments(id), document_key TEXT NOT NULL,
              child_id BIGINT REFERENCES children(id), written_by BIGINT NOT NULL REFERENCES staff(id), written_by_name TEXT NOT NULL, written_on TEXT NOT NULL,
              summary TEXT NOT NULL, goals TEXT NOT NULL, anchored_on TEXT, anchored_with TEXT, recorded_at BIGINT NOT NULL)
            """,
            "CREATE INDEX programme_documents_enrolment ON programme_documents (enrolment_id, document_key)",
            """
            CREATE TABLE programme_plan_actions (id \(id), document_id BIGINT NOT NULL REFERENCES programme_documents(id),
              enrolment_id BIGINT NOT NULL REFERENCES programme_enrolments(id), what TEXT NOT NULL, responsible_staff_id BIGINT REFERENCES staff(id),
              responsible_name TEXT NOT NULL, due_on TEXT NOT NULL, done_on TEXT)
            """,
            "CREATE INDEX programme_plan_actions_responsible ON programme_plan_actions (responsible_staff_id, done_on, due_on)",
            """
            CREATE TABLE programme_notes (id \(id), enrolment_id BIGINT NOT NULL REFERENCES programme_enrolments(id), kind TEXT NOT NULL, held_on TEXT NOT NULL,
              participants TEXT NOT NULL, works TEXT NOT NULL, does_not_work TEXT NOT NULL, written_by BIGINT NOT NULL REFERENCES staff(id),
              written_by_name TEXT NOT NULL, recorded_at BIGINT NOT NULL)
            """,
            "CREATE INDEX programme_notes_enrolment ON programme_notes (enrolment_id, held_on)",
        ]
    }
}
