extension Migrations {
    /// Referrals to the student health team, "Steg 1" (issue 19 point 5, seed 004 3.1): the
    /// mentor's description of the pupil's situation and the adaptations already made, the
    /// team it went to, the team's reflections and the rektor's decision with reasons.
    static let studentHealth = Migration(version: 17, name: "student-health-referrals") { engine in
        let id = engine.idColumn
        return [
            """
            CREATE TABLE eht_referrals (id \(id), child_id BIGINT NOT NULL REFERENCES children(id), unit_id BIGINT NOT NULL REFERENCES units(id),
              forum_id BIGINT NOT NULL REFERENCES forums(id), sent_by BIGINT NOT NULL REFERENCES staff(id), sent_by_name TEXT NOT NULL, sent_at BIGINT NOT NULL,
              situation TEXT NOT NULL, adaptations TEXT NOT NULL,
              decision_outcome TEXT, decided_by BIGINT REFERENCES staff(id), decided_by_name TEXT, decision_date TEXT, decision_reasons TEXT, decided_at BIGINT)
            """,
            "CREATE INDEX eht_referrals_child ON eht_referrals (child_id, id)",
            "CREATE INDEX eht_referrals_forum ON eht_referrals (forum_id, decided_at)",
            """
            CREATE TABLE eht_reflections (id \(id), referral_id BIGINT NOT NULL REFERENCES eht_referrals(id), staff_id BIGINT NOT NULL REFERENCES staff(id),
              staff_name TEXT NOT NULL, reflection TEXT NOT NULL, added_at BIGINT NOT NULL)
            """,
            "CREATE INDEX eht_reflections_referral ON eht_reflections (referral_id, id)",
        ]
    }
}
