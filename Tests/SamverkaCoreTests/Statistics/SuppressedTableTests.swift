import Testing
@testable import SamverkaCore

@Suite("Statistics: small numbers never identify a child")
struct SuppressedTableTests {
    /// Every value a hidden data cell can take, given what is shown: by brute force over
    /// small counts (the hidden totals follow from the cells).
    static func possibleValues(_ table: SuppressedTable, rows: Int, columns: Int, upTo limit: Int = 40) -> [[Set<Int>]] {
        var hidden: [(Int, Int)] = []
        for r in 0..<rows { for c in 0..<columns where table.cells[r][c] == .suppressed { hidden.append((r, c)) } }
        var possible = Array(repeating: Array(repeating: Set<Int>(), count: columns), count: rows)
        var values = Array(repeating: 0, count: hidden.count)
        func consistent() -> Bool {
            var grid = table.cells.map { $0.map { $0.value ?? 0 } }
            for (i, (r, c)) in hidden.enumerated() { grid[r][c] = values[i] }
            for r in 0..<rows {
                let sum = grid[r].reduce(0, +)
                if let shown = table.rowTotals[r].value, shown != sum { return false }
                if table.rowTotals[r] == .suppressed, (1..<5).contains(sum) == false, table.cells[r].allSatisfy({ $0 != .suppressed }) { return false }
            }
            for c in 0..<columns {
                let sum = (0..<rows).reduce(0) { $0 + grid[$1][c] }
                if let shown = table.columnTotals[c].value, shown != sum { return false }
            }
            let all = grid.flatMap { $0 }.reduce(0, +)
            if let shown = table.total.value, shown != all { return false }
            return true
        }
        // Each hidden cell is at most its shown row or column total (or the limit); a row is
        // checked as soon as its hidden cells are all chosen, which keeps the search small.
        let bounds = hidden.map { r, c in [table.rowTotals[r].value, table.columnTotals[c].value, limit].compactMap { $0 }.min()! }
        let lastOfRow = Dictionary(hidden.enumerated().map { ($1.0, $0) }, uniquingKeysWith: max)
        func rowHolds(_ r: Int) -> Bool {
            guard let shown = table.rowTotals[r].value else { return true }
            var sum = 0
            for c in 0..<columns { sum += table.cells[r][c].value ?? values[hidden.firstIndex { $0 == (r, c) }!] }
            return sum == shown
        }
        func search(_ k: Int) {
            if k == hidden.count {
                if consistent() { for (i, (r, c)) in hidden.enumerated() { possible[r][c].insert(values[i]) } }
                return
            }
            for v in 0...bounds[k] {
                values[k] = v
                if lastOfRow[hidden[k].0] == k, !rowHolds(hidden[k].0) { continue }
                search(k + 1)
            }
        }
        search(0)
        return possible
    }

    @Test("cells 3, 7 and 12 with their totals: the 3 is hidden and cannot be worked out by subtraction")
    func threeSevenTwelve() {
        let table = SuppressedTable([[3, 7, 12]])
        #expect(table.cells[0][0] == .suppressed)
        #expect(table.cells[0][0].text == "<5")
        #expect(table.columnTotals[0] == .suppressed, "the column total of one row is the cell itself")
        #expect(table.total == .count(22))
        let possible = Self.possibleValues(table, rows: 1, columns: 3)
        #expect(possible[0][0].count > 1, "the 3 could be any of \(possible[0][0].sorted())")
        #expect(table.cells[0][2] == .count(12), "no more is hidden than needed")
    }

    @Test("a unit table: every hidden cell has more than one possible value, shown cells add up, zeros stay zeros", arguments: [
        [[3, 7, 12], [10, 0, 8]],
        [[1, 20, 6], [25, 2, 9]],
        [[0, 7, 12], [6, 9, 14]],
        [[4, 0, 0], [0, 5, 6]],
    ])
    func complementary(_ counts: [[Int]]) {
        let table = SuppressedTable(counts)
        let rows = counts.count, columns = counts[0].count
        let possible = Self.possibleValues(table, rows: rows, columns: columns, upTo: 20)
        for r in 0..<rows {
            for c in 0..<columns {
                let n = counts[r][c]
                if (1...4).contains(n) { #expect(table.cells[r][c] == .suppressed, "\(n) at \(r),\(c) is hidden") }
                if n == 0 { #expect(table.cells[r][c] == .count(0), "a zero stays a zero") }
                if table.cells[r][c] == .suppressed { #expect(possible[r][c].count > 1, "cell \(r),\(c) (\(n)) can be worked out: \(possible[r][c].sorted())") }
                if let shown = table.cells[r][c].value { #expect(shown == n) }
            }
            if let total = table.rowTotals[r].value { #expect(total == counts[r].reduce(0, +)) }
        }
        for c in 0..<columns { if let n = table.columnTotals[c].value, (1...4).contains(n) { Issue.record("column total \(n) shown") } }
    }

    @Test("a table with nothing small hides nothing")
    func nothingSmall() {
        let table = SuppressedTable([[5, 9], [12, 0]])
        #expect(table.cells == [[.count(5), .count(9)], [.count(12), .count(0)]])
        #expect(table.total == .count(26))
    }
}
