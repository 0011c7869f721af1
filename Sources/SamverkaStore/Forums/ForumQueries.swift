import Foundation
import SQLKit
import SamverkaCore

/// An item of a forum meeting's agenda as stored.
public struct ForumAgendaItemRecord: Sendable, Hashable {
    public var id: RecordID
    public var meetingID: RecordID
    public var title: String
    public var text: String
    public var childID: RecordID?
    public var childName: String?
    public var consentIDs: [RecordID]
    public var identifyingConfirmed: Bool
    public var addedByName: String
    public var addedAt: Date
}

/// A task of the yearly cycle marked done.
public struct CycleTaskDone: Sendable, Hashable {
    public var key: CycleTaskKey
    public var doneOn: SimpleDate
    public var doneByName: String
    public var note: String?
}

public enum ForumQueries {
    // MARK: Forums

    public static func insertForum(_ forum: Forum, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        let id = try await db.insertReturningID("""
            INSERT INTO forums (kind, name, covers, meetings_per_period, period, child_items, routine, meeting_type_key, active, created_at)
            VALUES (\(bind: forum.kind.rawValue), \(bind: forum.name), \(bind: forum.covers), \(bind: forum.meetingsPerPeriod), \(bind: forum.period.rawValue),
              \(bind: forum.childItems.rawValue), \(bind: forum.routine), \(bind: forum.meetingTypeKey), 1, \(bind: now.epochSeconds))
            """)
        for member in forum.members { try await insertMember(forumID: id, member, db) }
        return id
    }

    public static func insertMember(forumID: RecordID, _ member: ForumMember, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO forum_members (forum_id, member_staff_id, member_role, unit_id)
            VALUES (\(bind: forumID), \(bind: member.staffID), \(bind: member.role.rawValue), \(bind: member.unitID))
            """).run()
    }

    /// The unit a member sits for: their first assignment in a unit.
    public static func memberUnit(staffID: RecordID, _ db: any SQLDatabase) async throws -> RecordID? {
        try await db.raw("SELECT unit_id FROM staff_assignments WHERE staff_id = \(bind: staffID) AND unit_id IS NOT NULL ORDER BY id").first()?.optionalInt64("unit_id")
    }

    public static func deleteMember(forumID: RecordID, staffID: RecordID, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM forum_members WHERE forum_id = \(bind: forumID) AND member_staff_id = \(bind: staffID)").run()
    }

    public static func forums(ids: [RecordID]? = nil, _ db: any SQLDatabase) async throws -> [Forum] {
        let rows: [any SQLRow]
        if let ids {
            guard !ids.isEmpty else { return [] }
            rows = try await db.raw("SELECT * FROM forums WHERE active = 1 AND id IN (\(binds: ids)) ORDER BY name, id").all()
        } else {
            rows = try await db.raw("SELECT * FROM forums WHERE active = 1 ORDER BY name, id").all()
        }
        let forumIDs = try rows.map { try $0.int64("id") }
        var members: [RecordID: [ForumMember]] = [:]
        if !forumIDs.isEmpty {
            for row in try await db.raw("""
                SELECT m.forum_id, m.member_staff_id, m.member_role, m.unit_id, s.display_name FROM forum_members m JOIN staff s ON s.id = m.member_staff_id
                WHERE m.forum_id IN (\(binds: forumIDs)) ORDER BY m.forum_id, CASE m.member_role WHEN 'chair' THEN 0 ELSE 1 END, s.display_name
                """).all() {
                members[try row.int64("forum_id"), default: []].append(ForumMember(
                    staffID: try row.int64("member_staff_id"), name: try row.string("display_name"),
                    role: ForumMemberRole(rawValue: try row.string("member_role")) ?? .member, unitID: try row.optionalInt64("unit_id")))
            }
        }
        return try rows.compactMap { row in
            guard let kind = ForumKind(rawValue: try row.string("kind")) else { return nil }
            let id = try row.int64("id")
            return Forum(id: id, kind: kind, name: try row.string("name"), covers: try row.string("covers"), members: members[id] ?? [],
                         meetingsPerPeriod: try row.optionalInt64("meetings_per_period").map(Int.init),
                         period: ForumPeriod(rawValue: try row.string("period")) ?? .calendarYear,
                         childItems: ForumChildItems(rawValue: try row.string("child_items")) ?? .never,
                         routine: try row.string("routine"), meetingTypeKey: try row.string("meeting_type_key"))
        }
    }

    public static func forum(id: RecordID, _ db: any SQLDatabase) async throws -> Forum? {
        try await forums(ids: [id], db).first
    }

    /// The forums a person sits in.
    public static func forumIDs(memberStaffID: RecordID, _ db: any SQLDatabase) async throws -> [RecordID] {
        try await db.raw("SELECT forum_id FROM forum_members WHERE member_staff_id = \(bind: memberStaffID) ORDER BY forum_id").all().map { try $0.int64("forum_id") }
    }

    /// The days of a forum's meetings (booked or held).
    public static func meetingDays(forumIDs: [RecordID], _ db: any SQLDatabase) async throws -> [RecordID: [SimpleDate]] {
        guard !forumIDs.isEmpty else { return [:] }
        var result: [RecordID: [SimpleDate]] = [:]
        for row in try await db.raw("""
            SELECT context_id, meeting_date FROM meetings WHERE context_kind = \(bind: MeetingContextKind.forum.rawValue) AND context_id IN (\(binds: forumIDs))
            """).all() {
            if let day = SimpleDate(iso: try row.string("meeting_date")) { result[try row.int64("context_id"), default: []].append(day) }
        }
        return result
    }

    // MARK: Agenda items

    public static func insertAgendaItem(meetingID: RecordID, forumID: RecordID, _ draft: ForumAgendaItemDraft, identifyingConfirmed: Bool, by actor: Actor, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        let id = try await db.insertReturningID("""
            INSERT INTO forum_agenda_items (meeting_id, forum_id, title, body, child_id, consent_ids, identifying_confirmed, added_by, added_by_name, added_at)
            VALUES (\(bind: meetingID), \(bind: forumID), \(bind: draft.title), \(bind: draft.text), \(bind: draft.childID), \(bind: draft.consentIDs.map(String.init).joined(separator: ",")),
              \(bind: identifyingConfirmed.flag), \(bind: actor.staffID), \(bind: actor.displayName), \(bind: now.epochSeconds))
            """)
        if let child = draft.childID {
            // The meeting now concerns the child: in its extract and its log review with the meeting.
            let known = try await db.raw("SELECT 1 AS x FROM meeting_children WHERE meeting_id = \(bind: meetingID) AND child_id = \(bind: child)").first()
            if known == nil { try await db.raw("INSERT INTO meeting_children (meeting_id, child_id) VALUES (\(bind: meetingID), \(bind: child))").run() }
        }
        return id
    }

    private static let itemColumns = "i.*, c.given_name, c.family_name"

    public static func agendaItems(meetingID: RecordID, _ db: any SQLDatabase) async throws -> [ForumAgendaItemRecord] {
        try await db.raw("SELECT \(unsafeRaw: itemColumns) FROM forum_agenda_items i LEFT JOIN children c ON c.id = i.child_id WHERE i.meeting_id = \(bind: meetingID) ORDER BY i.id")
            .all().map(item)
    }

    public static func agendaItems(childID: RecordID, _ db: any SQLDatabase) async throws -> [ForumAgendaItemRecord] {
        try await db.raw("SELECT \(unsafeRaw: itemColumns) FROM forum_agenda_items i LEFT JOIN children c ON c.id = i.child_id WHERE i.child_id = \(bind: childID) ORDER BY i.id")
            .all().map(item)
    }

    private static func item(_ row: any SQLRow) throws -> ForumAgendaItemRecord {
        let given = try row.optionalString("given_name")
        let family = try row.optionalString("family_name")
        return ForumAgendaItemRecord(
            id: try row.int64("id"), meetingID: try row.int64("meeting_id"), title: try row.string("title"), text: try row.string("body"),
            childID: try row.optionalInt64("child_id"), childName: given.map { "\($0) \(family ?? "")" },
            consentIDs: try row.string("consent_ids").split(separator: ",").compactMap { RecordID(String($0)) },
            identifyingConfirmed: try row.int64("identifying_confirmed") == 1, addedByName: try row.string("added_by_name"),
            addedAt: Date(timeIntervalSince1970: TimeInterval(try row.int64("added_at"))))
    }

    // MARK: The yearly cycle

    public static func cycleDone(years: ClosedRange<Int>, _ db: any SQLDatabase) async throws -> [CycleTaskDone] {
        try await db.raw("""
            SELECT * FROM yearly_cycle_done WHERE task_year >= \(bind: years.lowerBound) AND task_year <= \(bind: years.upperBound)
            """).all().compactMap { row in
            guard let kind = CycleTaskKind(rawValue: try row.string("task_kind")), let day = SimpleDate(iso: try row.string("done_on")) else { return nil }
            return CycleTaskDone(key: CycleTaskKey(kind: kind, year: Int(try row.int64("task_year"))), doneOn: day, doneByName: try row.string("done_by_name"), note: try row.optionalString("note"))
        }
    }

    /// False when it was already marked done.
    public static func markDone(_ key: CycleTaskKey, on day: SimpleDate, note: String?, by actor: Actor, now: Date, _ db: any SQLDatabase) async throws -> Bool {
        if try await db.raw("SELECT 1 AS x FROM yearly_cycle_done WHERE task_kind = \(bind: key.kind.rawValue) AND task_year = \(bind: key.year)").first() != nil { return false }
        try await db.raw("""
            INSERT INTO yearly_cycle_done (task_kind, task_year, done_on, note, done_by, done_by_name, done_at)
            VALUES (\(bind: key.kind.rawValue), \(bind: key.year), \(bind: day.iso), \(bind: note), \(bind: actor.staffID), \(bind: actor.displayName), \(bind: now.epochSeconds))
            """).run()
        return true
    }

    // MARK: The action plan

    public static func actionPlan(year: Int, _ db: any SQLDatabase) async throws -> ActionPlan {
        var plan = ActionPlan(year: year)
        if let row = try await db.raw("SELECT * FROM action_plans WHERE plan_year = \(bind: year)").first() {
            plan.followUp = try row.optionalString("follow_up")
            plan.summary = try row.optionalString("summary")
        }
        plan.goals = try await db.raw("SELECT id, goal FROM action_plan_goals WHERE plan_year = \(bind: year) ORDER BY id").all().map {
            ActionPlanGoal(id: try $0.int64("id"), text: try $0.string("goal"))
        }
        plan.activities = try await db.raw("SELECT * FROM action_plan_activities WHERE plan_year = \(bind: year) ORDER BY goal_id, id").all().map {
            ActionPlanActivity(id: try $0.int64("id"), goalID: try $0.int64("goal_id"), forumID: try $0.int64("forum_id"), what: try $0.string("what"),
                               responsibleStaffID: try $0.int64("responsible_staff_id"), responsibleName: try $0.string("responsible_name"),
                               status: ActivityStatus(rawValue: try $0.string("status")) ?? .planned, note: try $0.optionalString("note"))
        }
        return plan
    }

    public static func insertGoal(year: Int, _ text: String, by actor: Actor, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("INSERT INTO action_plan_goals (plan_year, goal, added_by, added_at) VALUES (\(bind: year), \(bind: text), \(bind: actor.staffID), \(bind: now.epochSeconds))")
    }

    public static func insertActivity(year: Int, _ a: ActionPlanActivityDraft, by actor: Actor, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO action_plan_activities (plan_year, goal_id, forum_id, what, responsible_staff_id, responsible_name, status, note, updated_by, updated_at)
            VALUES (\(bind: year), \(bind: a.goalID), \(bind: a.forumID), \(bind: a.what), \(bind: a.responsible.staffID), \(bind: a.responsible.name),
              \(bind: a.status.rawValue), \(bind: a.note), \(bind: actor.staffID), \(bind: now.epochSeconds))
            """)
    }

    public static func updateActivity(id: RecordID, status: ActivityStatus, note: String?, by actor: Actor, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE action_plan_activities SET status = \(bind: status.rawValue), note = \(bind: note), updated_by = \(bind: actor.staffID), updated_at = \(bind: now.epochSeconds)
            WHERE id = \(bind: id)
            """).run()
    }

    /// The May follow-up (`followUp`) or the November summary of the year's plan.
    public static func savePlanText(year: Int, followUp: String?? = nil, summary: String?? = nil, now: Date, _ db: any SQLDatabase) async throws {
        if try await db.raw("SELECT 1 AS x FROM action_plans WHERE plan_year = \(bind: year)").first() == nil {
            try await db.raw("INSERT INTO action_plans (plan_year, updated_at) VALUES (\(bind: year), \(bind: now.epochSeconds))").run()
        }
        if let followUp { try await db.raw("UPDATE action_plans SET follow_up = \(bind: followUp), updated_at = \(bind: now.epochSeconds) WHERE plan_year = \(bind: year)").run() }
        if let summary { try await db.raw("UPDATE action_plans SET summary = \(bind: summary), updated_at = \(bind: now.epochSeconds) WHERE plan_year = \(bind: year)").run() }
    }
}
