import Foundation
import SQLKit
import SamverkaCore

/// The families in joint programmes during the period (nominated before its end, not closed
/// before its start), by where they stand now (`ProgrammeEnrolment.stage`), and the
/// programmes' clocks due in the period, kept on their day or not (`ProgrammeClocks.all`).
/// Programmes hold few families, so the enrolments are read whole and Core decides.
enum ProgrammeStatistics {
    /// How long before the period a programme may have closed and still have a clock due in
    /// it: the follow-up after closure (Trampolinen: three months) under any definition's cadence.
    static let closedClocksReach = 12

    static let families = StatisticsSource(tables: [.programmeFamilies], clocks: StatisticsSection.programmes.clocks) { q, db in
        let ids = try await db.raw("""
            SELECT e.id FROM programme_enrolments e
            WHERE e.nominated_at < \(bind: q.end) AND (e.closed_on IS NULL OR e.closed_on >= \(bind: q.period.from.adding(months: -closedClocksReach).iso))
              AND EXISTS (SELECT 1 FROM programme_children pc WHERE pc.enrolment_id = e.id AND \(q.childInScope("pc.child_id")))
            """).all().map { try $0.int64("id") }
        var counts: [ProgrammeStage: Int] = [:]
        var part = StatisticsPart()
        for record in try await ProgrammeQueries.records(ids: ids, db) {
            let e = record.enrolment
            if e.closure.map({ $0.closingMeetingOn >= q.period.from }) ?? true { counts[e.stage, default: 0] += 1 }
            part.clocks += ProgrammeClocks.all(e, definition: record.definition).filter { q.period.contains($0.dueDay) }.map { ClockSample($0) }
        }
        part.tallies = counts.map { StatisticsTally(.programmeFamilies, row: $0.key.rawValue, count: $0.value) }
        return part
    }
}
