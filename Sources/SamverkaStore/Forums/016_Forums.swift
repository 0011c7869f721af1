extension Migrations {
    /// Forums, the yearly cycle and the action plan (issue 19, seeds 002, 003, 004): forums
    /// as data with their members, the agenda items of their meetings (the meetings
    /// themselves are rows of `meetings` in the context "forum"), the yearly cycle's tasks
    /// marked done, and the yearly action plan's goals and activities.
    static let forums = Migration(version: 16, name: "forums") { engine in
        let id = engine.idColumn
        return [
            """
            CREATE TABLE forums (id \(id), kind TEXT NOT NULL, name TEXT NOT NULL, covers TEXT NOT NULL, meetings_per_period INTEGER, period TEXT NOT NULL,
              child_items TEXT NOT NULL, routine TEXT NOT NULL, meeting_type_key TEXT NOT NULL, active INTEGER NOT NULL, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE forum_members (forum_id BIGINT NOT NULL REFERENCES forums(id), member_staff_id BIGINT NOT NULL REFERENCES staff(id),
              member_role TEXT NOT NULL, unit_id BIGINT REFERENCES units(id), PRIMARY KEY (forum_id, member_staff_id))
            """,
            "CREATE INDEX forum_members_staff ON forum_members (member_staff_id, forum_id)",
            // An item of a forum meeting's agenda: de-identified, or about a named child under
            // the consents that cleared it (their ids).
            """
            CREATE TABLE forum_agenda_items (id \(id), meeting_id BIGINT NOT NULL REFERENCES meetings(id), forum_id BIGINT NOT NULL REFERENCES forums(id),
              title TEXT NOT NULL, body TEXT NOT NULL, child_id BIGINT REFERENCES children(id), consent_ids TEXT NOT NULL, identifying_confirmed INTEGER NOT NULL,
              added_by BIGINT NOT NULL REFERENCES staff(id), added_by_name TEXT NOT NULL, added_at BIGINT NOT NULL)
            """,
            "CREATE INDEX forum_agenda_items_meeting ON forum_agenda_items (meeting_id, id)",
            "CREATE INDEX forum_agenda_items_child ON forum_agenda_items (child_id)",
            """
            CREATE TABLE yearly_cycle_done (task_kind TEXT NOT NULL, task_year INTEGER NOT NULL, done_on TEXT NOT NULL, note TEXT,
              done_by BIGINT NOT NULL REFERENCES staff(id), done_by_name TEXT NOT NULL, done_at BIGINT NOT NULL, PRIMARY KEY (task_kind, task_year))
            """,
            "CREATE TABLE action_plans (plan_year INTEGER PRIMARY KEY, follow_up TEXT, summary TEXT, updated_at BIGINT NOT NULL)",
            """
            CREATE TABLE action_plan_goals (id \(id), plan_year INTEGER NOT NULL, goal TEXT NOT NULL,
              added_by BIGINT NOT NULL REFERENCES staff(id), added_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE action_plan_activities (id \(id), plan_year INTEGER NOT NULL, goal_id BIGINT NOT NULL REFERENCES action_plan_goals(id),
              forum_id BIGINT NOT NULL REFERENCES forums(id), what TEXT NOT NULL, responsible_staff_id BIGINT NOT NULL REFERENCES staff(id), responsible_name TEXT NOT NULL,
              status TEXT NOT NULL, note TEXT, updated_by BIGINT NOT NULL REFERENCES staff(id), updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX action_plan_activities_year ON action_plan_activities (plan_year, goal_id)",
        ]
    }
}
