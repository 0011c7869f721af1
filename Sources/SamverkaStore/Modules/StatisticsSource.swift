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
    func stockholmDay(_ column: String) -> SQLQueryString {
        let stretches = Stockholm.offsetStretches((start - 366 * 86_400)..<(end + 2 * 366 * 86_400))
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
    /// Every module's statistics for a period and scope, in one value.
    public static func statistics(_ query: StatisticsQuery, _ db: any SQLDatabase) async throws -> StatisticsPart {
        var part = StatisticsPart()
        for source in all.flatMap(\.statistics) {
            part = part + (try await source.read(query, db))
        }
        return part
    }
}

extension SQLRow {
    func count(_ column: String = "n") throws -> Int { Int(try decode(column: column, as: Int64.self)) }
    func optionalDay(_ column: String) throws -> Int64? { try decodeNil(column: column) ? nil : try decode(column: column, as: Int64.self) }
}
