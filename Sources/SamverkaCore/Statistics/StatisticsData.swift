import Foundation

/// One count the store made: `count` things of `table` in a row and a column. Rows that come
/// from the data (a unit, a forum) carry their label.
public struct StatisticsTally: Sendable, Hashable {
    public let table: StatisticsTableKey
    public let row: String
    public let column: String
    public let count: Int
    public let rowLabel: String?

    public init(_ table: StatisticsTableKey, row: String, column: String = "count", count: Int, rowLabel: String? = nil) {
        self.table = table
        self.row = row
        self.column = column
        self.count = count
        self.rowLabel = rowLabel
    }
}

/// How long confirmations of receipt took: `count` confirmed after `minutes`.
public struct ElapsedSample: Sendable, Hashable {
    public let minutes: Int
    public let count: Int

    public init(minutes: Int, count: Int) {
        self.minutes = minutes
        self.count = count
    }
}

/// What one module counted for a period and scope: counts only, never a child.
public struct StatisticsPart: Sendable, Hashable {
    public var tallies: [StatisticsTally]
    public var clocks: [ClockSample]
    public var receipts: [ElapsedSample]
    /// Reports whose receipt is not yet confirmed.
    public var receiptsWaiting: Int

    public init(tallies: [StatisticsTally] = [], clocks: [ClockSample] = [], receipts: [ElapsedSample] = [], receiptsWaiting: Int = 0) {
        self.tallies = tallies
        self.clocks = clocks
        self.receipts = receipts
        self.receiptsWaiting = receiptsWaiting
    }

    public static func + (a: StatisticsPart, b: StatisticsPart) -> StatisticsPart {
        StatisticsPart(tallies: a.tallies + b.tallies, clocks: a.clocks + b.clocks, receipts: a.receipts + b.receipts,
                       receiptsWaiting: a.receiptsWaiting + b.receiptsWaiting)
    }

    /// The counts of one table as a grid, rows and columns in the table's order.
    func grid(_ table: StatisticsTableKey, rows: [StatisticsHeading]) -> [[Int]] {
        let columns = table.columns
        var grid = Array(repeating: Array(repeating: 0, count: columns.count), count: rows.count)
        let rowIndex = Dictionary(rows.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        let columnIndex = Dictionary(columns.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        for tally in tallies where tally.table == table {
            guard let r = rowIndex[tally.row], let c = columnIndex[tally.column] else { continue }
            grid[r][c] += tally.count
        }
        return grid
    }

    /// The rows of a table whose rows come from the data, in the order of their labels.
    func dataRows(_ table: StatisticsTableKey) -> [StatisticsHeading] {
        var labels: [String: String] = [:]
        for tally in tallies where tally.table == table { labels[tally.row] = tally.rowLabel ?? tally.row }
        return labels.map { StatisticsHeading($0.key, $0.value) }
            .sorted { $0.label == $1.label ? $0.key < $1.key : $0.label.localizedStandardCompare($1.label) == .orderedAscending }
    }
}
