import Foundation
import SQLKit
import SamverkaCore

/// Each forum's meetings in the period against the number its routine plans
/// (`ForumCadence.planned`). A forum is in a scope of units when one of its members works in
/// one of them.
enum ForumStatistics {
    static let meetings = StatisticsSource(tables: [.forumMeetings], clocks: []) { q, db in
        var part = StatisticsPart()
        let forums = try await ForumQueries.forums(db).filter { forum in
            guard let units = q.unitIDs else { return true }
            return forum.members.contains { $0.unitID.map(units.contains) == true }
        }
        let days = try await ForumQueries.meetingDays(forumIDs: forums.map(\.id), db)
        let today = Stockholm.date(of: q.now)
        for forum in forums where forum.meetingsPerPeriod != nil {
            let held = (days[forum.id] ?? []).filter { q.period.contains($0) && $0 <= today }.count
            let row = String(forum.id)
            part.tallies.append(StatisticsTally(.forumMeetings, row: row, column: "planned", count: ForumCadence.planned(forum, from: q.period.from, to: q.period.to), rowLabel: forum.name))
            part.tallies.append(StatisticsTally(.forumMeetings, row: row, column: "held", count: held, rowLabel: forum.name))
        }
        return part
    }
}
