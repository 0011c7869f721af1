import Foundation
import SQLKit
import SamverkaCore

/// A job the runner drives: bounded steps, each in its own transaction, until the run is
/// finished. All of a job's state lives in the database, so any instance can take over.
public protocol BackgroundJob: Sendable {
    var key: String { get }
    /// When the first run is due once the job is known (nil: only on request).
    func firstRun(now: Date) -> Date?
    /// When the next run is due after one finished (nil: only on request).
    func nextRun(after now: Date) -> Date?
    /// One bounded piece of work, inside a transaction that holds the job's lease.
    func step(now: Date, _ db: any SQLDatabase) async throws -> JobStep
}

public enum JobStep: Sendable, Hashable {
    case more
    case finished
}

/// Runs the due background jobs of this instance. Claims go through the `jobs` table
/// (`JobQueries`), never through memory, so two instances over one database never run a
/// job at once, and a step whose lease was lost rolls back.
public struct JobRunner: Sendable {
    let store: Store
    let clock: any TimeSource
    /// This instance, as written in `jobs.owner`.
    public let owner: String
    public let jobs: [any BackgroundJob]
    /// How long a claim holds without renewal; each step renews it.
    public var lease: TimeInterval

    public init(store: Store, clock: any TimeSource, owner: String = UUID().uuidString, jobs: [any BackgroundJob], lease: TimeInterval = 120) {
        self.store = store
        self.clock = clock
        self.owner = owner
        self.jobs = jobs
        self.lease = lease
    }

    /// The lease was taken over by another instance (ours had run out).
    public struct LeaseLost: Error {}

    /// Runs every job that is due to the end of its run; returns the steps taken. Tests call
    /// this directly instead of waiting for the schedule.
    @discardableResult
    public func runDue(maxSteps: Int = .max) async throws -> Int {
        var steps = 0
        for job in jobs {
            let now = clock.now()
            let claimed = try await store.transaction { db in
                try await JobQueries.ensure(key: job.key, dueAt: job.firstRun(now: now), db)
                return try await JobQueries.claim(key: job.key, owner: owner, leaseUntil: now + lease, now: now, db)
            }
            guard claimed else { continue }
            while steps < maxSteps {
                steps += 1
                if try await step(job) == .finished { break }
            }
        }
        return steps
    }

    /// One step of a job this instance holds: renews the lease first (refused: lost), then
    /// does the work, then, when the run is finished, releases the job in the same transaction.
    public func step(_ job: any BackgroundJob) async throws -> JobStep {
        let now = clock.now()
        return try await store.transaction { [owner, lease] db in
            guard try await JobQueries.renew(key: job.key, owner: owner, leaseUntil: now + lease, db) else { throw LeaseLost() }
            let result = try await job.step(now: now, db)
            if result == .finished {
                try await JobQueries.finish(key: job.key, owner: owner, next: job.nextRun(after: now), now: now, db)
            }
            return result
        }
    }

    /// Claims one job without running it (tests of two instances).
    public func claim(_ job: any BackgroundJob) async throws -> Bool {
        let now = clock.now()
        return try await store.transaction { [owner, lease] db in
            try await JobQueries.ensure(key: job.key, dueAt: job.firstRun(now: now), db)
            return try await JobQueries.claim(key: job.key, owner: owner, leaseUntil: now + lease, now: now, db)
        }
    }
}
