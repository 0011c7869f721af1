extension Migrations {
    /// Consents (who gave them, the parties and categories they name, the signed form),
    /// emergency access, and the log reviewer's flags.
    static let consent = Migration(version: 3, name: "consent") { engine in
        let id = engine.idColumn
        return [
            // A consent is never edited: a new party means a new consent; withdrawal is the
            // only change, and it keeps the row (history).
            """
            CREATE TABLE consents (id \(id), child_id BIGINT NOT NULL REFERENCES children(id), giver_kind TEXT NOT NULL,
              single_guardian_reason TEXT, child_view TEXT, categories TEXT NOT NULL, purpose_kind TEXT NOT NULL, purpose TEXT NOT NULL,
              valid_from TEXT NOT NULL, valid_to TEXT NOT NULL, method TEXT NOT NULL, witness TEXT,
              recorded_by BIGINT NOT NULL REFERENCES staff(id), recorded_by_name TEXT NOT NULL, recorded_at BIGINT NOT NULL,
              withdrawn_at BIGINT, withdrawn_by TEXT, withdrawal_recorded_by BIGINT REFERENCES staff(id))
            """,
            "CREATE INDEX consents_child ON consents (child_id, valid_to)",
            "CREATE INDEX consents_valid_to ON consents (valid_to) WHERE withdrawn_at IS NULL",
            """
            CREATE TABLE consent_guardians (consent_id BIGINT NOT NULL REFERENCES consents(id), guardian_id BIGINT NOT NULL REFERENCES guardians(id),
              PRIMARY KEY (consent_id, guardian_id))
            """,
            // A party is a unit, a staff member or an outside party named in text.
            """
            CREATE TABLE consent_parties (id \(id), consent_id BIGINT NOT NULL REFERENCES consents(id), unit_id BIGINT REFERENCES units(id),
              staff_id BIGINT REFERENCES staff(id), external_name TEXT)
            """,
            "CREATE INDEX consent_parties_consent ON consent_parties (consent_id)",
            "CREATE INDEX consent_parties_unit ON consent_parties (unit_id, consent_id)",
            "CREATE INDEX consent_parties_staff ON consent_parties (staff_id, consent_id)",
            // The signed form in the database, so every app instance has it.
            """
            CREATE TABLE consent_documents (consent_id BIGINT PRIMARY KEY REFERENCES consents(id), file_name TEXT NOT NULL,
              content_type TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL, content \(engine.blob) NOT NULL)
            """,
            """
            CREATE TABLE emergency_access (id \(id), staff_id BIGINT NOT NULL REFERENCES staff(id), child_id BIGINT NOT NULL REFERENCES children(id),
              reason TEXT NOT NULL, granted_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
            """,
            "CREATE INDEX emergency_access_staff ON emergency_access (staff_id, child_id, expires_at)",
            // Flags for the log reviewer (SoLPuL 10 §): raised automatically, resolved by a person.
            """
            CREATE TABLE review_flags (id \(id), kind TEXT NOT NULL, staff_id BIGINT REFERENCES staff(id), staff_name TEXT NOT NULL,
              child_id BIGINT REFERENCES children(id), at BIGINT NOT NULL, detail TEXT NOT NULL, dedupe_key TEXT NOT NULL UNIQUE,
              resolved_at BIGINT, resolved_by BIGINT REFERENCES staff(id), justified INTEGER, note TEXT)
            """,
            "CREATE INDEX review_flags_open ON review_flags (resolved_at, at)",
        ]
    }
}
