import Foundation
import SQLKit
import SamverkaCore

/// The `jobs` table: one row per background job, claimed by a lease. Every instance polls
/// it; the conditional UPDATE lets exactly one of them hold a job at a time, and a lease
/// that is not renewed (a crashed instance) lets another take over.
public enum JobQueries {
    /// Creates the job's row if missing; `dueAt` nil for jobs that run only on request.
    public static func ensure(key: String, dueAt: Date?, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO jobs (job_key, due_at) VALUES (\(bind: key), \(bind: dueAt?.epochSeconds)) ON CONFLICT (job_key) DO NOTHING
            """).run()
    }

    /// Asks for a run as soon as possible (an earlier due time is kept).
    public static func request(key: String, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO jobs (job_key, due_at, requested_at) VALUES (\(bind: key), \(bind: now.epochSeconds), \(bind: now.epochSeconds))
            ON CONFLICT (job_key) DO UPDATE SET requested_at = excluded.requested_at,
              due_at = CASE WHEN jobs.due_at IS NULL OR jobs.due_at > excluded.due_at THEN excluded.due_at ELSE jobs.due_at END
            """).run()
    }

    /// Takes the job when it is due and nobody holds a live lease on it.
    public static func claim(key: String, owner: String, leaseUntil: Date, now: Date, _ db: any SQLDatabase) async throws -> Bool {
        let row = try await db.raw("""
            UPDATE jobs SET owner = \(bind: owner), lease_until = \(bind: leaseUntil.epochSeconds), started_at = \(bind: now.epochSeconds)
            WHERE job_key = \(bind: key) AND due_at IS NOT NULL AND due_at <= \(bind: now.epochSeconds)
              AND (owner IS NULL OR lease_until < \(bind: now.epochSeconds)) RETURNING job_key
            """).first()
        return row != nil
    }

    /// Extends the lease; false when another instance has taken the job over. Run first in
    /// each step's transaction: on PostgreSQL the row lock then orders competing steps.
    public static func renew(key: String, owner: String, leaseUntil: Date, _ db: any SQLDatabase) async throws -> Bool {
        let row = try await db.raw("""
            UPDATE jobs SET lease_until = \(bind: leaseUntil.epochSeconds) WHERE job_key = \(bind: key) AND owner = \(bind: owner) RETURNING job_key
            """).first()
        return row != nil
    }

    /// Releases the job after a finished run. A request that came in during the run keeps
    /// it due; otherwise it is due at `next` (nil: when requested again).
    public static func finish(key: String, owner: String, next: Date?, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE jobs SET owner = NULL, lease_until = NULL, finished_at = \(bind: now.epochSeconds),
              due_at = CASE WHEN requested_at IS NOT NULL AND requested_at > started_at THEN requested_at ELSE \(bind: next?.epochSeconds) END
            WHERE job_key = \(bind: key) AND owner = \(bind: owner)
            """).run()
    }

    public struct State: Sendable, Hashable {
        public var dueAt: Date?
        public var owner: String?
        public var leaseUntil: Date?
        public var finishedAt: Date?
    }

    public static func state(key: String, _ db: any SQLDatabase) async throws -> State? {
        try await db.raw("SELECT due_at, owner, lease_until, finished_at FROM jobs WHERE job_key = \(bind: key)").first().map { row in
            State(dueAt: try row.optionalDate("due_at"), owner: try row.optionalString("owner"), leaseUntil: try row.optionalDate("lease_until"),
                  finishedAt: try row.optionalDate("finished_at"))
        }
    }
}
