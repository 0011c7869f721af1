import Foundation
import SQLKit
import SamverkaCore

/// The concern path's statistics: reports by reporter, channel and month, the law's clocks,
/// decisions, outcomes, consultations and råd och stöd. Reports and investigations are the
/// big tables (hundreds of thousands of rows), so the database groups them: clocks by the
/// Stockholm days they started and were met on (or, for the 24-hour clock, by month and
/// minute), which gives each group one state and one time, and Core computes the figures
/// from the groups (`ClockFigures(samples:)`). Each grouping is a source of its own, so the
/// page runs them side by side (`Modules.statistics`).
enum ConcernStatistics {
    /// A report is in scope when its handling unit or the reporting unit is.
    static func reportScope(_ q: StatisticsQuery) -> SQLQueryString { q.inScope("handling_unit_id", "reporter_unit_id") }

    /// Reports by reporter, channel, month and pre-assessment outcome, in one grouping. Grouped
    /// by the Stockholm day received (integer arithmetic) rather than by month (a comparison
    /// per month for every row); the days are put in their months here.
    static let reportTallies = StatisticsSource(tables: [.reportsByReporter, .reportsByChannel, .reportsByMonth, .preAssessmentOutcomes], clocks: []) { q, db in
        var part = StatisticsPart()
        for row in try await db.raw("""
            SELECT reporter_kind, channel, kind, CASE WHEN acute_grounds <> '' THEN 1 ELSE 0 END AS acute, \(q.stockholmDay("received_at", inPeriod: true)) AS day,
              pre_assessment, COUNT(*) AS n
            FROM reports WHERE \(q.within("received_at")) AND \(reportScope(q))
            GROUP BY 1, 2, 3, 4, 5, 6
            """).all() {
            let n = try row.count(), acute = try row.count("acute") == 1 ? "acute" : "not-acute", kind = try row.string("kind")
            part.tallies.append(StatisticsTally(.reportsByReporter, row: try row.string("reporter_kind"), column: acute, count: n))
            part.tallies.append(StatisticsTally(.reportsByChannel, row: try row.string("channel"), column: kind, count: n))
            if let day = SimpleDate(dayNumber: try row.count("day")) {
                part.tallies.append(StatisticsTally(.reportsByMonth, row: String(day.iso.prefix(7)), column: kind, count: n))
            }
            part.tallies.append(StatisticsTally(.preAssessmentOutcomes, row: try row.optionalString("pre_assessment") ?? "pending", count: n))
        }
        return part
    }

    /// Reports from each school unit, acute or not.
    static let reportsBySchoolUnit = StatisticsSource(tables: [.reportsBySchoolUnit], clocks: []) { q, db in
        var part = StatisticsPart()
        for row in try await db.raw("""
            SELECT r.reporter_unit_id, u.name, u.side, CASE WHEN r.acute_grounds <> '' THEN 1 ELSE 0 END AS acute, COUNT(*) AS n
            FROM reports r JOIN units u ON u.id = r.reporter_unit_id
            WHERE \(q.within("r.received_at")) AND \(q.inScope("r.handling_unit_id", "r.reporter_unit_id")) AND u.side = \(bind: Side.school.rawValue)
            GROUP BY 1, 2, 3, 4
            """).all() {
            part.tallies.append(StatisticsTally(.reportsBySchoolUnit, row: String(try row.int64("reporter_unit_id")), column: try row.count("acute") == 1 ? "acute" : "not-acute",
                                                count: try row.count(), rowLabel: try row.string("name")))
        }
        return part
    }

    static let protection = StatisticsSource(tables: [], clocks: [.protectionAssessment]) { q, db in
        StatisticsPart(clocks: try await protectionClocks(q, reportScope(q), db))
    }

    static let preAssessment = StatisticsSource(tables: [], clocks: [.preAssessment]) { q, db in
        StatisticsPart(clocks: try await dayClocks(.preAssessment, start: "received_at", met: "decided_at",
                                                   where: "kind = 'concern' AND (pre_assessment IS NULL OR pre_assessment <> 'already-running')", q, reportScope(q), db))
    }

    static let feedback = StatisticsSource(tables: [], clocks: [.feedback]) { q, db in
        StatisticsPart(clocks: try await dayClocks(.feedback, start: "CASE WHEN decided_at IS NOT NULL AND decided_at > feedback_requested_at THEN decided_at ELSE feedback_requested_at END",
                                                   met: "feedback_given_at", where: "feedback_requested_at IS NOT NULL", q, reportScope(q), db))
    }

    /// How long confirmations of receipt took, in whole minutes (rounded up).
    static let receipts = StatisticsSource(tables: [], clocks: []) { q, db in
        var part = StatisticsPart()
        for row in try await db.raw("""
            SELECT CASE WHEN receipt_confirmed_at IS NULL THEN -1 ELSE (receipt_confirmed_at - received_at + 59) / 60 END AS minutes, COUNT(*) AS n
            FROM reports WHERE \(q.within("received_at")) AND \(reportScope(q))
            GROUP BY 1
            """).all() {
            let minutes = try row.count("minutes")
            if minutes < 0 { part.receiptsWaiting += try row.count() } else { part.receipts.append(ElapsedSample(minutes: minutes, count: try row.count())) }
        }
        return part
    }

    /// The 24-hour clock in real hours: grouped by month and by the minute it was met in
    /// (rounded up, so a group met on time is on time to the second), the unmet ones by
    /// whether the 24 hours have passed.
    static func protectionClocks(_ q: StatisticsQuery, _ scope: SQLQueryString, _ db: any SQLDatabase) async throws -> [ClockSample] {
        let minutes: SQLQueryString = "CASE WHEN protection_at IS NULL THEN -1 ELSE (protection_at - received_at + 59) / 60 END"
        let lapsed: SQLQueryString = "CASE WHEN protection_at IS NULL AND received_at < \(bind: q.now64 - 86_400) THEN 1 ELSE 0 END"
        return try await db.raw("""
            SELECT \(q.monthIndex("received_at")) AS m, \(minutes) AS minutes, \(lapsed) AS lapsed, MIN(received_at) AS started, COUNT(*) AS n
            FROM reports WHERE \(q.within("received_at")) AND \(scope)
            GROUP BY 1, 2, 3
            """).all().map { row in
            let started = try row.date("started"), minutes = try row.count("minutes")
            let met = minutes < 0 ? nil : started.addingTimeInterval(Double(minutes) * 60)
            return ClockSample(Deadline(kind: .protectionAssessment, startedAt: started, metAt: met), count: try row.count())
        }
    }

    /// A calendar clock of the reports received in the period, grouped by the Stockholm days
    /// it started and was met on.
    static func dayClocks(_ kind: ClockKind, start: String, met: String, where condition: String, _ q: StatisticsQuery, _ scope: SQLQueryString,
                          _ db: any SQLDatabase) async throws -> [ClockSample] {
        try await db.raw("""
            SELECT \(q.stockholmDay(start, inPeriod: start == "received_at")) AS start_day, \(q.stockholmDay(met)) AS met_day, MIN(\(unsafeRaw: start)) AS started, MIN(\(unsafeRaw: met)) AS met, COUNT(*) AS n
            FROM reports WHERE \(q.within("received_at")) AND \(scope) AND \(unsafeRaw: condition)
            GROUP BY 1, 2
            """).all().map { row in
            let metAt = try row.optionalDate("met")
            return ClockSample(Deadline(kind: kind, startedAt: try row.date("started"), metAt: metAt), count: try row.count())
        }
    }

    /// Investigations opened in the period: their four-month clock (grouped by the days opened
    /// and closed and the due time, which an extension moves), outcomes, interventions,
    /// placements, follow-ups and decisions.
    static let investigations = StatisticsSource(tables: [.investigations, .interventions, .decisions], clocks: [.investigation]) { q, db in
        var part = StatisticsPart()
        let scope = q.inScope("i.unit_id")
        // The due time matters only where an extension moved it: grouping by it for every
        // investigation would make each one a group of its own.
        let extendedDue: SQLQueryString = "CASE WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.investigation_id = i.id AND d.kind = 'extension') THEN i.due_at ELSE 0 END"
        for row in try await db.raw("""
            SELECT \(q.stockholmDay("i.opened_at", inPeriod: true)) AS start_day, \(q.stockholmDay("i.closed_at")) AS met_day, \(extendedDue) AS due_at,
              MIN(i.opened_at) AS started, MIN(i.closed_at) AS met, COUNT(*) AS n
            FROM investigations i WHERE \(q.within("i.opened_at")) AND \(scope)
            GROUP BY 1, 2, 3
            """).all() {
            let started = try row.date("started"), n = try row.count()
            var clock = Deadline(kind: .investigation, startedAt: started, metAt: try row.optionalDate("met"))
            if try row.count("due_at") != 0 {
                let due = try row.date("due_at")
                clock.extensions = [ClockExtension(previousDue: clock.dueAt, newDue: due, reason: "", decidedAt: started)]
            }
            part.clocks.append(ClockSample(clock, count: n))
            part.tallies.append(StatisticsTally(.investigations, row: "opened", count: n))
            if clock.extensions.isEmpty == false { part.tallies.append(StatisticsTally(.investigations, row: "extended", count: n)) }
        }
        for row in try await db.raw("""
            SELECT i.outcome, COUNT(*) AS n FROM investigations i WHERE \(q.within("i.closed_at")) AND \(scope) AND i.outcome IS NOT NULL GROUP BY i.outcome
            """).all() {
            part.tallies.append(StatisticsTally(.investigations, row: "closed-" + (try row.string("outcome")), count: try row.count()))
        }
        for row in try await db.raw("""
            SELECT v.kind, COUNT(*) AS n FROM interventions v JOIN investigations i ON i.id = v.investigation_id
            WHERE \(q.withinDays("v.start_date")) AND \(scope) GROUP BY v.kind
            """).all() {
            let kind = try row.string("kind"), n = try row.count()
            part.tallies.append(StatisticsTally(.interventions, row: kind, count: n))
            if kind == InterventionKind.fosterHome.rawValue || kind == InterventionKind.residentialCare.rawValue {
                part.tallies.append(StatisticsTally(.investigations, row: "placements", count: n))
            }
        }
        for row in try await db.raw("""
            SELECT d.kind, CASE WHEN TRIM(d.decided_by_name) <> '' AND TRIM(d.reasons) <> '' AND d.decision_date <> '' THEN 1 ELSE 0 END AS complete, COUNT(*) AS n
            FROM decisions d LEFT JOIN reports r ON r.id = d.report_id LEFT JOIN investigations i ON i.id = d.investigation_id
            WHERE \(q.within("d.recorded_at")) AND (\(q.inScope("r.handling_unit_id", "r.reporter_unit_id")) OR \(scope))
            GROUP BY 1, 2
            """).all() {
            let kind = try row.string("kind"), n = try row.count()
            part.tallies.append(StatisticsTally(.decisions, row: kind, column: try row.count("complete") == 1 ? "complete" : "lacking", count: n))
            if kind == "follow-up" { part.tallies.append(StatisticsTally(.investigations, row: "follow-ups", count: n)) }
        }
        return part
    }

    /// Anonymous consultations (by either unit) and råd och stöd conversations.
    static let consultations = StatisticsSource(tables: [.consultations], clocks: []) { q, db in
        var part = StatisticsPart()
        if let row = try await db.raw("""
            SELECT COUNT(*) AS n, COALESCE(SUM(led_to_report), 0) AS led FROM consultations
            WHERE \(q.withinDays("consulted_on")) AND \(q.inScope("school_unit_id", "social_unit_id"))
            """).first() {
            part.tallies.append(StatisticsTally(.consultations, row: "consultations", count: try row.count()))
            part.tallies.append(StatisticsTally(.consultations, row: "led-to-report", count: try row.count("led")))
        }
        if let row = try await db.raw("""
            SELECT COALESCE(SUM(conversations), 0) AS n FROM support_counts WHERE \(q.withinDays("held_on")) AND \(q.inScope("unit_id"))
            """).first() {
            part.tallies.append(StatisticsTally(.consultations, row: "support-conversations", count: try row.count()))
        }
        return part
    }
}
