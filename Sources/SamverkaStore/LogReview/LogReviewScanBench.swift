import Foundation
import SQLKit
import SamverkaCore

/// For `bench/`: runs the log review's background scan over a filled database and says how
/// long it took. Only for bench databases: `fresh` forgets earlier scans (the watermark
/// and their flags) so each run measures the same work.
public enum LogReviewScanBench {
    public struct Figures: Sendable {
        public var seconds: Double
        public var rows: Int
        public var raised: Int
        public var steps: Int
    }

    public static func run(_ store: Store, requestedBy username: String, chunkSize: Int64, fresh: Bool,
                           progress: @Sendable (String) -> Void = { _ in }) async throws -> Figures {
        let clock = SystemTimeSource()
        try await store.transaction { db in
            if fresh {
                try await db.raw("DELETE FROM review_flags WHERE kind IN (\(binds: LogReviewScanQueries.kinds))").run()
                try await db.raw("UPDATE log_review_scan SET last_audit_id = 0, target_audit_id = NULL WHERE id = 1").run()
                try await db.raw("UPDATE jobs SET owner = NULL, lease_until = NULL WHERE job_key = \(bind: LogReviewScanJob.key)").run()
            }
            guard let staff = try await OrganisationQueries.staff(username: username, db) else { throw StoreError.notFound }
            try await LogReviewScanStateQueries.setRequester(staffID: staff.id, name: staff.displayName, db)
            try await JobQueries.request(key: LogReviewScanJob.key, now: clock.now(), db)
        }
        let job = LogReviewScanJob(engine: store.engine, chunkSize: chunkSize)
        let runner = JobRunner(store: store, clock: clock, jobs: [job])
        let started = ContinuousClock.now
        guard try await runner.claim(job) else { throw StoreError.notFound }
        var steps = 0
        while true {
            steps += 1
            let step = try await runner.step(job)
            let state = try await store.withConnection { db in try await LogReviewScanStateQueries.state(db) }
            if step == .finished {
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                return Figures(seconds: seconds, rows: state.lastRows ?? 0, raised: state.lastRaised ?? 0, steps: steps)
            }
            progress(state.progress.sentence)
        }
    }
}
