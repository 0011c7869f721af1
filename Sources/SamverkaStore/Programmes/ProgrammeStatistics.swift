import Foundation
import SQLKit
import SamverkaCore

/// The families in joint programmes during the period (nominated before its end, not closed
/// before its start), by where they stand now (`ProgrammeEnrolment.stage`). Programmes hold
/// few families, so the enrolments are read whole and Core decides the stage.
enum ProgrammeStatistics {
    static let families = StatisticsSource(tables: [.programmeFamilies], clocks: []) { q, db in
        let ids = try await db.raw("""
            SELECT e.id FROM programme_enrolments e
            WHERE e.nominated_at < \(bind: q.end) AND (e.closed_on IS NULL OR e.closed_on >= \(bind: q.period.from.iso))
              AND EXISTS (SELECT 1 FROM programme_children pc WHERE pc.enrolment_id = e.id AND \(q.childInScope("pc.child_id")))
            """).all().map { try $0.int64("id") }
        var counts: [ProgrammeStage: Int] = [:]
        for record in try await ProgrammeQueries.records(ids: ids, db) { counts[record.enrolment.stage, default: 0] += 1 }
        return StatisticsPart(tallies: counts.map { StatisticsTally(.programmeFamilies, row: $0.key.rawValue, count: $0.value) })
    }
}
