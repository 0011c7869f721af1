import Foundation
import SQLKit
import SamverkaCore

/// Collaboration meetings held in the period (minutes closed), those whose minutes record the
/// child's voice, and the actions decided at them with their days kept or not.
enum MeetingsStatistics {
    static let meetings = StatisticsSource(tables: [], clocks: [.meetingAction]) { q, db in
        var part = StatisticsPart()
        var held = 0, voiced = 0
        for row in try await db.raw("""
            SELECT minutes FROM meetings WHERE context_kind = \(bind: MeetingContextKind.collaborationCase.rawValue) AND \(q.within("closed_at"))
              AND \(q.childInScope("child_id"))
            """).all() {
            held += 1
            if let text = try row.optionalString("minutes"), (try? CollaborationQueries.decode(MeetingMinutes.self, text))?.childVoice != nil { voiced += 1 }
        }
        part.tallies.append(StatisticsTally(.collaboration, row: "meetings-held", count: held))
        part.tallies.append(StatisticsTally(.collaboration, row: "child-voice", count: voiced))
        // An action is kept when a later meeting followed it up as done on or before its day.
        for row in try await db.raw("""
            SELECT a.created_at, a.due_on, a.status, f.meeting_date AS followed_on FROM meeting_actions a
            JOIN meetings m ON m.id = a.meeting_id LEFT JOIN meetings f ON f.id = a.followed_up_in
            WHERE m.context_kind = \(bind: MeetingContextKind.collaborationCase.rawValue) AND \(q.withinDays("a.due_on")) AND \(q.childInScope("m.child_id"))
            """).all() {
            guard let due = SimpleDate(iso: try row.string("due_on")) else { continue }
            let status = try row.optionalString("status").flatMap(ActionFollowUpStatus.init(rawValue:))
            if status == .dropped { continue }
            let met = status == .done ? try row.optionalString("followed_on").flatMap(SimpleDate.init(iso:)) : nil
            part.clocks.append(ClockSample(Deadline(kind: .meetingAction, startedOn: Stockholm.date(of: try row.date("created_at")), dueOn: due, metOn: met)))
        }
        let decided = try await db.raw("""
            SELECT COUNT(*) AS n FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id
            WHERE m.context_kind = \(bind: MeetingContextKind.collaborationCase.rawValue) AND \(q.within("a.created_at")) AND \(q.childInScope("m.child_id"))
            """).first()?.count() ?? 0
        part.tallies.append(StatisticsTally(.collaboration, row: "actions-decided", count: decided))
        return part
    }
}
