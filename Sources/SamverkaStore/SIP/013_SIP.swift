extension Migrations {
    /// SIP, the coordinated individual plan (issue 17, seed 004 §6): the SIP and its parties
    /// from both principals, the family's consents naming every party with what each may
    /// share (never edited: a new party means a new consent, the old one is marked replaced),
    /// the pre-meeting's steps, the meetings with their protocols, the plan's actions (a table
    /// of their own, for the work lists), and the guardians' reply slips.
    static let sip = Migration(version: 13, name: "sip") { engine in
        let id = engine.idColumn
        return [
            """
            CREATE TABLE sips (id \(id), child_id BIGINT NOT NULL REFERENCES children(id), raised_by TEXT NOT NULL, need TEXT NOT NULL,
              responsible_id BIGINT NOT NULL REFERENCES staff(id), responsible_name TEXT NOT NULL,
              opened_by BIGINT NOT NULL REFERENCES staff(id), opened_by_name TEXT NOT NULL, opened_at BIGINT NOT NULL,
              closed_at BIGINT, closed_reason TEXT, closed_note TEXT, closed_by BIGINT REFERENCES staff(id), closed_by_name TEXT)
            """,
            "CREATE INDEX sips_child ON sips (child_id)",
            "CREATE INDEX sips_responsible ON sips (responsible_id, closed_at)",
            """
            CREATE TABLE sip_parties (id \(id), sip_id BIGINT NOT NULL REFERENCES sips(id), kind TEXT NOT NULL, organisation TEXT NOT NULL,
              contact_name TEXT, contact_email TEXT, staff_id BIGINT REFERENCES staff(id), added_at BIGINT NOT NULL)
            """,
            "CREATE INDEX sip_parties_sip ON sip_parties (sip_id)",
            "CREATE INDEX sip_parties_staff ON sip_parties (staff_id, sip_id)",
            """
            CREATE TABLE sip_consents (id \(id), sip_id BIGINT NOT NULL REFERENCES sips(id), giver TEXT NOT NULL, given_by TEXT NOT NULL,
              valid_from TEXT NOT NULL, valid_to TEXT NOT NULL, recorded_by BIGINT NOT NULL REFERENCES staff(id), recorded_by_name TEXT NOT NULL,
              recorded_at BIGINT NOT NULL, withdrawn_at BIGINT, withdrawn_note TEXT, replaced_by BIGINT)
            """,
            "CREATE INDEX sip_consents_sip ON sip_consents (sip_id)",
            """
            CREATE TABLE sip_consent_parties (consent_id BIGINT NOT NULL REFERENCES sip_consents(id), party_id BIGINT NOT NULL REFERENCES sip_parties(id),
              may_share TEXT NOT NULL, PRIMARY KEY (consent_id, party_id))
            """,
            """
            CREATE TABLE sip_steps (sip_id BIGINT NOT NULL REFERENCES sips(id), step TEXT NOT NULL, note TEXT,
              done_by BIGINT NOT NULL REFERENCES staff(id), done_by_name TEXT NOT NULL, done_at BIGINT NOT NULL, PRIMARY KEY (sip_id, step))
            """,
            """
            CREATE TABLE sip_meetings (id \(id), sip_id BIGINT NOT NULL REFERENCES sips(id), kind TEXT NOT NULL, meeting_date TEXT NOT NULL,
              start_time TEXT NOT NULL, end_time TEXT NOT NULL, place TEXT, booked_by BIGINT NOT NULL REFERENCES staff(id), booked_at BIGINT NOT NULL,
              protocol TEXT, held_at BIGINT, protocol_sent_on TEXT)
            """,
            "CREATE INDEX sip_meetings_sip ON sip_meetings (sip_id, meeting_date)",
            """
            CREATE TABLE sip_actions (id \(id), sip_id BIGINT NOT NULL REFERENCES sips(id), meeting_id BIGINT NOT NULL REFERENCES sip_meetings(id),
              position INTEGER NOT NULL, what TEXT NOT NULL, party_id BIGINT NOT NULL REFERENCES sip_parties(id), due_on TEXT NOT NULL,
              done_at BIGINT, done_by_name TEXT)
            """,
            "CREATE INDEX sip_actions_party ON sip_actions (party_id, done_at)",
            "CREATE INDEX sip_actions_meeting ON sip_actions (meeting_id, position)",
            """
            CREATE TABLE sip_reply_slips (meeting_id BIGINT PRIMARY KEY REFERENCES sip_meetings(id), sip_id BIGINT NOT NULL REFERENCES sips(id),
              received_on TEXT NOT NULL, signed INTEGER NOT NULL, agreement TEXT NOT NULL, reply_comment TEXT,
              recorded_by BIGINT NOT NULL REFERENCES staff(id), recorded_by_name TEXT NOT NULL, recorded_at BIGINT NOT NULL)
            """,
        ]
    }
}
