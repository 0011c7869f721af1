import Foundation
import SQLKit
import SamverkaCore

/// What the statistics count over: a period of Stockholm days and the units in scope (nil for
/// the whole municipality). `now` decides which running clocks are overdue.
public struct StatisticsQuery: Sendable {
    public let period: StatisticsPeriod
    public let unitIDs: Set<RecordID>?
    public let now: Date

    public init(period: StatisticsPeriod, unitIDs: Set<RecordID>?, now: Date) {
        self.period = period
        self.unitIDs = unitIDs
        self.now = now
    }

    var start: Int64 { Stockholm.startOfDay(period.from).epochSeconds }
    var end: Int64 { Stockholm.endOfDay(period.to).epochSeconds }
    var now64: Int64 { now.epochSeconds }

    /// `column` within the period (epoch seconds).
    func within(_ column: String) -> SQLQueryString {
        "\(unsafeRaw: column) >= \(bind: start) AND \(unsafeRaw: column) < \(bind: end)"
    }

    /// `column` within the period (ISO days).
    func withinDays(_ column: String) -> SQLQueryString {
        "\(unsafeRaw: column) >= \(bind: period.from.iso) AND \(unsafeRaw: column) <= \(bind: period.to.iso)"
    }

    /// Any of the unit columns in scope (always true for the whole municipality).
    func inScope(_ columns: String...) -> SQLQueryString {
        guard let unitIDs else { return "1 = 1" }
        guard !unitIDs.isEmpty else { return "1 = 0" }
        let ids = unitIDs.sorted()
        var sql: SQLQueryString = "("
        for (i, column) in columns.enumerated() {
            if i > 0 { sql.appendLiteral(" OR ") }
            sql.appendInterpolation(unsafeRaw: column)
            sql.appendLiteral(" IN (")
            sql.appendInterpolation(binds: ids)
            sql.appendLiteral(")")
        }
        sql.appendLiteral(")")
        return sql
    }

    /// The child in `column` belongs to a unit in scope.
    func childInScope(_ column: String) -> SQLQueryString {
        guard let unitIDs else { return "1 = 1" }
        guard !unitIDs.isEmpty else { return "1 = 0" }
        return "\(unsafeRaw: column) IN (SELECT child_id FROM child_units WHERE unit_id IN (\(binds: unitIDs.sorted())))"
    }

    /// The Stockholm day number (days since 1970-01-01) of epoch seconds in `column`, computed
    /// by the database: the offset of the stretch the instant falls in, added before dividing
    /// (Stockholm's offsets are whole hours, so its midnights fall on UTC hours). Covers from a
    /// year before the period to two after it (a clock met long after it started).
    /// A column known to lie within the period (the one the query filters on) needs only the
    /// period's own stretches: fewer comparisons for every row.
    func stockholmDay(_ column: String, inPeriod: Bool = false) -> SQLQueryString {
        let stretches = Stockholm.offsetStretches(inPeriod ? start..<end : (start - 366 * 86_400)..<(end + 2 * 366 * 86_400))
        var sql: SQLQueryString = "((\(unsafeRaw: column) + CASE"
        for stretch in stretches {
            sql.appendLiteral(" WHEN \(column) < \(stretch.to) THEN \(stretch.offset)")
        }
        sql.appendLiteral(" ELSE \(stretches.last?.offset ?? 3600) END) / 86400)")
        return sql
    }

    /// The index of the period's month that epoch seconds in `column` fall in.
    func monthIndex(_ column: String) -> SQLQueryString {
        let months = period.months
        guard months.count > 1 else { return "0" }
        var sql: SQLQueryString = "(CASE"
        for (i, month) in months.enumerated().dropLast() {
            sql.appendLiteral(" WHEN \(column) < \(Stockholm.endOfDay(month.to).epochSeconds) THEN \(i)")
        }
        sql.appendLiteral(" ELSE \(max(0, months.count - 1)) END)")
        return sql
    }
}

/// One module's statistics: the tables it counts and the clocks it measures (each declared by
/// exactly one module; the coverage test holds that), and how it reads them.
public struct StatisticsSource: Sendable {
    public let tables: [StatisticsTableKey]
    public let clocks: [ClockKind]
    let read: @Sendable (StatisticsQuery, any SQLDatabase) async throws -> StatisticsPart
}

extension Modules {
    /// How many sources read at once. A year's page scans the big tables several times; side
    /// by side on their own connections they use every core (the figures in bench/README.md),
    /// and a few at a time leave the pool's other connections to everyone else.
    static let statisticsWidth = 3

    /// Every module's statistics for a period and scope, in one value. The sources are
    /// independent, so each runs on a connection of its own, a few at a time; the parts are
    /// put together in the modules' order. (Each source reads one snapshot; sources read at
    /// nearly the same moment, not in one transaction: a report saved meanwhile can be in
    /// one table and not yet in another, as in any figures taken while work goes on.)
    public static func statistics(_ query: StatisticsQuery, _ store: Store) async throws -> StatisticsPart {
        let sources = all.flatMap(\.statistics)
        var parts = [StatisticsPart](repeating: StatisticsPart(), count: sources.count)
        try await withThrowingTaskGroup(of: (Int, StatisticsPart).self) { group in
            var next = 0
            for _ in 0..<min(statisticsWidth, sources.count) {
                let source = sources[next], index = next
                group.addTask { (index, try await store.withLongRead { db in try await source.read(query, db) }) }
                next += 1
            }
            for try await (index, part) in group {
                parts[index] = part
                guard next < sources.count else { continue }
                let source = sources[next], following = next
                group.addTask { (following, try await store.withLongRead { db in try await source.read(query, db) }) }
                next += 1
            }
        }
        return parts.reduce(StatisticsPart(), +)
    }
}

extension SQLRow {
    func count(_ column: String = "n") throws -> Int { Int(try decode(column: column, as: Int64.self)) }
    func optionalDay(_ column: String) throws -> Int64? { try decodeNil(column: column) ? nil : try decode(column: column, as: Int64.self) }
}
