extension Migrations {
    /// Each statistics read picks the period's rows by a day or a time: received, opened,
    /// closed, decided, due. Without an index on that column every read went through the
    /// whole table (`StatisticsQueryPlanTests` found them), which the small bench tables hid
    /// and which grows with every year a municipality keeps its records.
    static let statisticsPeriodIndexes = Migration(version: 21, name: "statistics period indexes") { _ in
        [
            "CREATE INDEX investigations_opened ON investigations (opened_at)",
            "CREATE INDEX investigations_closed ON investigations (closed_at)",
            "CREATE INDEX decisions_recorded ON decisions (recorded_at)",
            "CREATE INDEX interventions_start ON interventions (start_date)",
            "CREATE INDEX meeting_actions_due ON meeting_actions (due_on)",
            "CREATE INDEX meeting_actions_created ON meeting_actions (created_at)",
            "CREATE INDEX collaboration_cases_opened ON collaboration_cases (opened_at)",
            "CREATE INDEX collaboration_cases_closed ON collaboration_cases (closed_at)",
            "CREATE INDEX collaboration_cases_known ON collaboration_cases (known_on)",
            "CREATE INDEX sips_opened ON sips (opened_at)",
            "CREATE INDEX sips_closed ON sips (closed_at)",
            "CREATE INDEX sip_actions_due ON sip_actions (due_on)",
            "CREATE INDEX consultations_day ON consultations (consulted_on)",
            "CREATE INDEX support_counts_day ON support_counts (held_on)",
        ]
    }
}
