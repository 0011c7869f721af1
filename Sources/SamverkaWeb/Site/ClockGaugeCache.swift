import Foundation
import SamverkaCore

/// The clock gauges of `/metrics`, computed at most once a minute per instance, and once for
/// scrapes that arrive together. Counting them reads two years of statistics (one year's
/// statistics page takes 0.7 s on the full bench fill), and `/metrics` answers without signing in, so
/// each request computing them anew let anyone who reaches the server keep both cores busy.
/// Every instance still counts from the database; its answer is at most a minute old, which
/// clocks measured in days do not notice. Each instance keeps its own answer: nothing here
/// has to agree between instances.
actor ClockGaugeCache {
    typealias Gauges = [(kind: ClockKind, overdue: Int, running: Int)]

    static let maximumAge: TimeInterval = 60

    private var latest: (at: Date, gauges: Gauges)?
    private var running: Task<Gauges, any Error>?

    /// The last answer if it was computed within the minute before `now`; else `compute`'s,
    /// shared by the scrapes waiting for it. A clock set back makes the answer stale too.
    func gauges(now: Date, compute: @escaping @Sendable () async throws -> Gauges) async throws -> Gauges {
        if let latest, now >= latest.at, now.timeIntervalSince(latest.at) < Self.maximumAge { return latest.gauges }
        if let running { return try await running.value }
        let task = Task { try await compute() }
        running = task
        defer { running = nil }
        let gauges = try await task.value
        latest = (now, gauges)
        return gauges
    }
}
