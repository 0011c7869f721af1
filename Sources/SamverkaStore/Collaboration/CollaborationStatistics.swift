import Foundation
import SQLKit
import SamverkaCore

/// Collaboration cases: opened and closed in the period, and the routine's two-week clocks
/// of the cases that became known in it (the same clocks as the process owner's work list).
enum CollaborationStatistics {
    static let cases = StatisticsSource(tables: [.collaboration], clocks: [.firstCollaborationMeeting, .secondCollaborationMeeting]) { q, db in
        var part = StatisticsPart()
        for (row, column) in [("cases-opened", "opened_at"), ("cases-closed", "closed_at")] {
            let n = try await db.raw("""
                SELECT COUNT(*) AS n FROM collaboration_cases WHERE \(q.within(column)) AND \(q.childInScope("child_id"))
                """).first()?.count() ?? 0
            part.tallies.append(StatisticsTally(.collaboration, row: row, count: n))
        }
        let known = try await CollaborationQueries.casesKnown(in: q, db)
        let held = try await CollaborationQueries.heldMeetings(caseIDs: known.map(\.id), db)
        for record in known {
            part.clocks += record.value.clocks(heldMeetings: held[record.id] ?? []).map { ClockSample($0.deadline) }
        }
        return part
    }
}
