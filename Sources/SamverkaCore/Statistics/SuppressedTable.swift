/// A table of counts as it may be published: any cell from 1 to 4 is shown as "<5" (primary
/// suppression), and further cells are hidden until no hidden cell can be worked out from
/// the shown cells and the totals of its row or column (complementary suppression). A 0 is
/// shown as 0: it identifies nobody.
///
/// The table is read as equations: each row's cells add up to its total, each column's to
/// its total, the totals to the grand total. A hidden cell is safe when the equations leave
/// it undetermined; `SuppressedTable` checks that with exact rank arithmetic, not only with
/// the usual rule of thumb (never one hidden cell alone in a line).
public struct SuppressedTable: Sendable, Hashable {
    public enum Cell: Sendable, Hashable {
        case count(Int)
        case suppressed

        public var text: String {
            switch self {
            case .count(let n): String(n)
            case .suppressed: "<5"
            }
        }

        public var value: Int? {
            if case .count(let n) = self { return n }
            return nil
        }
    }

    /// Counts from 1 to this minus one are never shown.
    public static let threshold = 5

    /// `cells[row][column]`, then each row's total, each column's total and the grand total.
    public let cells: [[Cell]]
    public let rowTotals: [Cell]
    public let columnTotals: [Cell]
    public let total: Cell

    public init(_ counts: [[Int]]) {
        let rows = counts.count
        let columns = counts.first?.count ?? 0
        // The whole grid with its totals: rows × columns, the totals as the last row and column.
        var grid = counts.map { $0 + [$0.reduce(0, +)] }
        grid.append((0...columns).map { c in grid.reduce(0) { $0 + $1[c] } })
        var hidden = Set<Position>()
        for r in 0...rows { for c in 0...columns where (1..<Self.threshold).contains(grid[r][c]) { hidden.insert(Position(r, c)) } }
        hidden = Self.complete(hidden, grid: grid, rows: rows, columns: columns)
        func cell(_ r: Int, _ c: Int) -> Cell { hidden.contains(Position(r, c)) ? .suppressed : .count(grid[r][c]) }
        cells = (0..<rows).map { r in (0..<columns).map { cell(r, $0) } }
        rowTotals = (0..<rows).map { cell($0, columns) }
        columnTotals = (0..<columns).map { cell(rows, $0) }
        total = cell(rows, columns)
    }

    /// A table of separate figures (no totals published): each cell from 1 to 4 hidden by
    /// itself, nothing to work out from. The totals are left hidden.
    public init(separate counts: [[Int]]) {
        cells = counts.map { $0.map { (1..<Self.threshold).contains($0) ? .suppressed : .count($0) } }
        rowTotals = counts.map { _ in .suppressed }
        columnTotals = (counts.first ?? []).map { _ in .suppressed }
        total = .suppressed
    }

    /// A table whose rows have totals but whose columns are not added up (the clock table:
    /// each row one clock, its outcomes adding up to the clocks started). Each row stands
    /// alone: a row with one hidden cell hides its smallest other non-zero cell too, or its
    /// total when there is none. Column totals are left hidden.
    public init(rowTotalsOnly counts: [[Int]]) {
        var cells: [[Cell]] = [], totals: [Cell] = []
        for row in counts {
            let total = row.reduce(0, +)
            var hidden = Set(row.indices.filter { (1..<Self.threshold).contains(row[$0]) })
            var totalHidden = (1..<Self.threshold).contains(total)
            if hidden.count == 1, !totalHidden {
                if let other = row.indices.filter({ !hidden.contains($0) && row[$0] > 0 }).min(by: { (row[$0], $0) < (row[$1], $1) }) {
                    hidden.insert(other)
                } else {
                    totalHidden = true
                }
            }
            cells.append(row.indices.map { hidden.contains($0) ? .suppressed : .count(row[$0]) })
            totals.append(totalHidden ? .suppressed : .count(total))
        }
        self.cells = cells
        rowTotals = totals
        columnTotals = (counts.first ?? []).map { _ in .suppressed }
        total = .suppressed
    }

    struct Position: Hashable, Sendable {
        let row: Int
        let column: Int
        init(_ row: Int, _ column: Int) { self.row = row; self.column = column }
    }

    /// Hides more cells until none hidden can be worked out. Each round hides, in a row or
    /// column of a cell that could be worked out, the smallest shown non-zero cell (the least
    /// information lost, totals included).
    static func complete(_ start: Set<Position>, grid: [[Int]], rows: Int, columns: Int) -> Set<Position> {
        var hidden = start
        let lines: [[Position]] = (0...rows).map { r in (0...columns).map { Position(r, $0) } } + (0...columns).map { c in (0...rows).map { Position($0, c) } }
        while case let exposed = determined(hidden, lines: lines), !exposed.isEmpty {
            let shown = { (p: Position) in !hidden.contains(p) && grid[p.row][p.column] > 0 }
            let beside = lines.filter { line in line.contains { exposed.contains($0) } }.flatMap { $0 }.filter(shown)
            // Nothing left to hide beside them: any shown cell, so the loop always ends.
            let candidates = beside.isEmpty ? lines.flatMap { $0 }.filter(shown) : beside
            guard let pick = candidates.min(by: { (grid[$0.row][$0.column], $0.row, $0.column) < (grid[$1.row][$1.column], $1.row, $1.column) }) else {
                return hidden
            }
            hidden.insert(pick)
        }
        return hidden
    }

    /// The hidden cells the shown cells and the totals determine.
    static func determined(_ hidden: Set<Position>, lines: [[Position]]) -> Set<Position> {
        let unknowns = hidden.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        guard !unknowns.isEmpty else { return [] }
        let index = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        // One equation per line: the cells add up to the total (the last position of the line).
        let equations: [[Double]] = lines.compactMap { line in
            var row = [Double](repeating: 0, count: unknowns.count)
            var any = false
            for (i, p) in line.enumerated() {
                guard let k = index[p] else { continue }
                row[k] += i == line.count - 1 ? -1 : 1
                any = true
            }
            return any ? row : nil
        }
        let base = LinearRank.rank(equations)
        return Set(unknowns.enumerated().filter { k, _ in
            var unit = [Double](repeating: 0, count: unknowns.count)
            unit[k] = 1
            return LinearRank.rank(equations + [unit]) == base
        }.map(\.element))
    }
}

/// The rank of a small matrix of small integers, by Gaussian elimination.
enum LinearRank {
    static func rank(_ matrix: [[Double]]) -> Int {
        var m = matrix
        guard let width = m.first?.count else { return 0 }
        var rank = 0
        for column in 0..<width where rank < m.count {
            guard let pivot = (rank..<m.count).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }), abs(m[pivot][column]) > 1e-9 else { continue }
            m.swapAt(rank, pivot)
            for r in 0..<m.count where r != rank && abs(m[r][column]) > 1e-9 {
                let factor = m[r][column] / m[rank][column]
                for c in column..<width { m[r][c] -= factor * m[rank][c] }
            }
            rank += 1
        }
        return rank
    }
}
