extension Migrations {
    /// Organisation, staff, registry, sessions, sign-in attempts and the audit log.
    static let foundation = Migration(version: 1, name: "foundation") { engine in
        let id = engine.idColumn
        var statements = [
            "CREATE TABLE municipality (id BIGINT PRIMARY KEY, name TEXT NOT NULL)",
            "CREATE TABLE areas (id \(id), name TEXT NOT NULL UNIQUE)",
            """
            CREATE TABLE units (id \(id), name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, side TEXT NOT NULL,
              area_id BIGINT REFERENCES areas(id), active INTEGER NOT NULL DEFAULT 1, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE staff (id \(id), username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, email TEXT,
              password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, must_change_password INTEGER NOT NULL DEFAULT 0,
              created_at BIGINT NOT NULL, deactivated_at BIGINT)
            """,
            """
            CREATE TABLE staff_assignments (id \(id), staff_id BIGINT NOT NULL REFERENCES staff(id), role TEXT NOT NULL,
              unit_id BIGINT REFERENCES units(id), created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX staff_assignments_staff ON staff_assignments (staff_id)",
            """
            CREATE TABLE children (id \(id), identity_number TEXT NOT NULL UNIQUE, identity_kind TEXT NOT NULL,
              birth_date TEXT NOT NULL, given_name TEXT NOT NULL, family_name TEXT NOT NULL,
              enrolment_unit_id BIGINT REFERENCES units(id), grade TEXT, protected_identity INTEGER NOT NULL DEFAULT 0,
              street_address TEXT, postal_code TEXT, city TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX children_family_name ON children (family_name, given_name)",
            // The units a child is connected to: enrolment, registration (later: cases).
            """
            CREATE TABLE child_units (child_id BIGINT NOT NULL REFERENCES children(id), unit_id BIGINT NOT NULL REFERENCES units(id),
              reason TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (child_id, unit_id, reason))
            """,
            "CREATE INDEX child_units_unit ON child_units (unit_id, child_id)",
            "CREATE TABLE child_name_tokens (token \(engine.binaryText) NOT NULL, child_id BIGINT NOT NULL REFERENCES children(id), PRIMARY KEY (token, child_id))",
            "CREATE INDEX child_name_tokens_child ON child_name_tokens (child_id)",
            """
            CREATE TABLE guardians (id \(id), identity_number TEXT UNIQUE, given_name TEXT NOT NULL, family_name TEXT NOT NULL,
              phone TEXT, email TEXT, street_address TEXT, postal_code TEXT, city TEXT,
              protected_identity INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE child_guardians (child_id BIGINT NOT NULL REFERENCES children(id), guardian_id BIGINT NOT NULL REFERENCES guardians(id),
              created_at BIGINT NOT NULL, PRIMARY KEY (child_id, guardian_id))
            """,
            "CREATE INDEX child_guardians_guardian ON child_guardians (guardian_id, child_id)",
            // Sessions are keyed by a hash of the cookie, so a copy of the database opens none.
            """
            CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, staff_id BIGINT NOT NULL REFERENCES staff(id), csrf_token TEXT NOT NULL,
              created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL, client_address TEXT)
            """,
            "CREATE INDEX sessions_staff ON sessions (staff_id)",
            """
            CREATE TABLE sign_in_attempts (id \(id), at BIGINT NOT NULL, username TEXT NOT NULL, client_address TEXT NOT NULL,
              succeeded INTEGER NOT NULL)
            """,
            "CREATE INDEX sign_in_attempts_username ON sign_in_attempts (username, at)",
            "CREATE INDEX sign_in_attempts_address ON sign_in_attempts (client_address, at)",
            // The audit log: append-only (triggers below refuse UPDATE and DELETE).
            """
            CREATE TABLE audit_log (id \(id), at BIGINT NOT NULL, staff_id BIGINT, staff_name TEXT NOT NULL, action TEXT NOT NULL,
              child_id BIGINT, record_type TEXT NOT NULL, record_id TEXT, reason TEXT NOT NULL, client_address TEXT)
            """,
            "CREATE INDEX audit_log_at ON audit_log (at)",
            "CREATE INDEX audit_log_staff ON audit_log (staff_id, at)",
            "CREATE INDEX audit_log_child ON audit_log (child_id, at)",
            "CREATE INDEX audit_log_action ON audit_log (action, at)",
        ]
        switch engine {
        case .sqlite:
            statements += [
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
                "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
            ]
        case .postgres:
            statements += [
                """
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$
                """,
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
                "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
            ]
        }
        return statements
    }
}
