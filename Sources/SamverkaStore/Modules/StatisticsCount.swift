import Foundation
import SQLKit
import SamverkaCore

/// The period a figure covers: from the start of the first day to the end of the last, in
/// Stockholm.
public struct CountPeriod: Sendable, Hashable {
    public let from: SimpleDate
    public let to: SimpleDate

    public init(from: SimpleDate, to: SimpleDate) {
        self.from = from
        self.to = to
    }

    var start: Int64 { Stockholm.startOfDay(from).epochSeconds }
    var end: Int64 { Stockholm.endOfDay(to).epochSeconds }
}

/// One figure a module counts.
public struct StatisticsCount: Sendable {
    public let key: CountKey
    let count: @Sendable (CountPeriod, any SQLDatabase) async throws -> Int

    /// A count of the rows of `table` whose epoch-seconds `column` falls in the period.
    static func rows(_ key: CountKey, in table: String, at column: String) -> StatisticsCount {
        StatisticsCount(key: key) { period, db in
            try await db.raw("""
                SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(unsafeRaw: column) >= \(bind: period.start) AND \(unsafeRaw: column) < \(bind: period.end)
                """).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
        }
    }

    /// A count of the rows of `table` whose ISO-date `column` falls in the period.
    static func days(_ key: CountKey, in table: String, on column: String) -> StatisticsCount {
        StatisticsCount(key: key) { period, db in
            try await db.raw("""
                SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(unsafeRaw: column) >= \(bind: period.from.iso) AND \(unsafeRaw: column) <= \(bind: period.to.iso)
                """).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
        }
    }
}

extension Modules {
    /// Every module's figures for a period.
    public static func counts(_ period: CountPeriod, _ db: any SQLDatabase) async throws -> [CountKey: Int] {
        var result: [CountKey: Int] = [:]
        for count in all.flatMap(\.counts) {
            result[count.key] = try await count.count(period, db)
        }
        return result
    }
}
