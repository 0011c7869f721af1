import Foundation
import Testing
@testable import SamverkaCore
@testable import SamverkaWeb

@Suite("Web: /metrics counts the clocks at most once a minute")
struct ClockGaugeCacheTests {
    /// Counts the computations and answers with their number as the overdue figure.
    actor Counter {
        var calls = 0
        func next() async throws -> ClockGaugeCache.Gauges {
            calls += 1
            let n = calls
            try await Task.sleep(for: .milliseconds(50))
            return [(kind: ClockKind.allCases[0], overdue: n, running: 0)]
        }
    }

    @Test("scrapes together share one computation; within the minute the answer is kept; after it, or with the clock set back, it is counted anew")
    func cache() async throws {
        let cache = ClockGaugeCache()
        let counter = Counter()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let together = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<5 { group.addTask { try await cache.gauges(now: start) { try await counter.next() }[0].overdue } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(together == [1, 1, 1, 1, 1])
        #expect(try await cache.gauges(now: start.addingTimeInterval(59)) { try await counter.next() }[0].overdue == 1)
        #expect(try await cache.gauges(now: start.addingTimeInterval(60)) { try await counter.next() }[0].overdue == 2)
        #expect(try await cache.gauges(now: start.addingTimeInterval(30)) { try await counter.next() }[0].overdue == 3)
        #expect(await counter.calls == 3)
    }
}
