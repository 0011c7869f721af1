import Foundation
import SQLKit
import SamverkaCore

/// SIPs started in the period (and those with the region as a party), closed by reason, and
/// the plan's actions due in it, kept on their day or not.
enum SIPStatistics {
    static let sips = StatisticsSource(tables: [.sips], clocks: [.sipAction]) { q, db in
        var part = StatisticsPart()
        if let row = try await db.raw("""
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM sip_parties p WHERE p.sip_id = s.id AND p.kind IN (\(binds: SIPPartyKind.allCases.filter { $0.principal == .region }.map(\.rawValue)))) THEN 1 ELSE 0 END), 0) AS region
            FROM sips s WHERE \(q.within("s.opened_at")) AND \(q.childInScope("s.child_id"))
            """).first() {
            part.tallies.append(StatisticsTally(.sips, row: "started", count: try row.count()))
            part.tallies.append(StatisticsTally(.sips, row: "with-region", count: try row.count("region")))
        }
        for row in try await db.raw("""
            SELECT closed_reason, COUNT(*) AS n FROM sips WHERE \(q.within("closed_at")) AND closed_reason IS NOT NULL AND \(q.childInScope("child_id")) GROUP BY closed_reason
            """).all() {
            part.tallies.append(StatisticsTally(.sips, row: "closed-" + (try row.string("closed_reason")), count: try row.count()))
        }
        for row in try await db.raw("""
            SELECT m.meeting_date, a.due_on, a.done_at FROM sip_actions a JOIN sip_meetings m ON m.id = a.meeting_id JOIN sips s ON s.id = a.sip_id
            WHERE \(q.withinDays("a.due_on")) AND \(q.childInScope("s.child_id"))
            """).all() {
            guard let start = SimpleDate(iso: try row.string("meeting_date")), let due = SimpleDate(iso: try row.string("due_on")) else { continue }
            let met = try row.optionalDate("done_at").map { Stockholm.date(of: $0) }
            part.clocks.append(ClockSample(Deadline(kind: .sipAction, startedOn: start, dueOn: due, metOn: met)))
        }
        return part
    }
}
