import Foundation
import SQLKit
import SamverkaCore

/// Where the incremental scan stands (`log_review_scan`): the watermark, the run under way
/// and the last finished run.
public struct LogReviewScanState: Sendable, Hashable {
    /// Every audit row up to this id has been scanned.
    public var lastAuditID: Int64
    /// The run under way scans up to this id (nil: none under way).
    public var targetAuditID: Int64?
    public var flagMark: Int64?
    public var progress: ScanProgress
    public var raised: Int
    public var requestedBy: RecordID?
    public var requestedByName: String?
    public var finishedAt: Date?
    public var lastRows: Int?
    public var lastRaised: Int?

    public var running: Bool { targetAuditID != nil }
}

public enum LogReviewScanStateQueries {
    public static func state(_ db: any SQLDatabase) async throws -> LogReviewScanState {
        guard let row = try await db.raw("SELECT * FROM log_review_scan WHERE id = 1").first() else { throw StoreError.notFound }
        return LogReviewScanState(
            lastAuditID: try row.int64("last_audit_id"), targetAuditID: try row.optionalInt64("target_audit_id"), flagMark: try row.optionalInt64("flag_mark"),
            progress: ScanProgress(done: Int(try row.int64("done_rows")), total: Int(try row.int64("total_rows"))), raised: Int(try row.int64("raised")),
            requestedBy: try row.optionalInt64("requested_by"), requestedByName: try row.optionalString("requested_by_name"),
            finishedAt: try row.optionalDate("finished_at"), lastRows: try row.optionalInt64("last_rows").map(Int.init),
            lastRaised: try row.optionalInt64("last_raised").map(Int.init))
    }

    /// The person the next run's flags are attributed to in the audit log.
    public static func setRequester(staffID: RecordID, name: String, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE log_review_scan SET requested_by = \(bind: staffID), requested_by_name = \(bind: name) WHERE id = 1").run()
    }
}

/// The log review's automatic check as a background job: every audit row since the last
/// scan, in chunks of audit ids, each chunk one transaction that raises its flags (one
/// statement per kind), moves the watermark and writes its audit row, attributed to the
/// reviewer who asked for the scan. Flags are deduplicated by key, so a chunk scanned twice
/// (a lease lost mid-chunk) raises nothing twice.
public struct LogReviewScanJob: BackgroundJob {
    public static let key = "log-review-scan"
    public var key: String { Self.key }

    let engine: Engine
    public var chunkSize: Int64
    public var hours: LogReviewRules.WorkingHours
    public var burst: LogReviewRules.Burst
    public var clauses: [ConnectedClause]

    public init(engine: Engine, chunkSize: Int64 = 100_000, hours: LogReviewRules.WorkingHours = .init(), burst: LogReviewRules.Burst = .init(),
                clauses: [ConnectedClause] = ConnectedClause.all) {
        self.engine = engine
        self.chunkSize = chunkSize
        self.hours = hours
        self.burst = burst
        self.clauses = clauses
    }

    public func firstRun(now: Date) -> Date? { nil }
    public func nextRun(after now: Date) -> Date? { nil }

    public func step(now: Date, _ db: any SQLDatabase) async throws -> JobStep {
        var state = try await LogReviewScanStateQueries.state(db)
        if state.targetAuditID == nil {
            // A new run: everything logged up to now, counted once for the progress.
            let row = try await db.raw("""
                SELECT (SELECT MAX(id) FROM audit_log) AS high, (SELECT MAX(id) FROM review_flags) AS mark
                """).first()
            let target = max(state.lastAuditID, try row?.optionalInt64("high") ?? 0)
            let total = try await count(after: state.lastAuditID, through: target, db)
            try await LogReviewScanQueries.forgetPairs(db)
            try await db.raw("""
                UPDATE log_review_scan SET target_audit_id = \(bind: target), flag_mark = \(bind: try row?.optionalInt64("mark") ?? 0),
                  total_rows = \(bind: Int64(total)), done_rows = 0, raised = 0, started_at = \(bind: now.epochSeconds) WHERE id = 1
                """).run()
            state = try await LogReviewScanStateQueries.state(db)
        }
        guard let target = state.targetAuditID else { return .finished }
        let range = LogReviewScanQueries.Range(after: state.lastAuditID, through: min(target, state.lastAuditID + chunkSize))
        let mark = try await db.raw("SELECT MAX(id) AS mark FROM review_flags").first()?.optionalInt64("mark") ?? 0
        if range.through > range.after {
            if engine == .sqlite {
                // A chunk adds tens of thousands of flags to four indexes: with SQLite's default
                // 2 MB page cache most of that is re-reading index pages. Per connection, kept.
                try await db.raw("PRAGMA cache_size = -65536").run()
            } else {
                // A chunk hashes about a hundred thousand accesses and pairs: with the default
                // 4 MB those hashes spill to disk in batches. For this transaction only.
                try await db.raw("SET LOCAL work_mem = '64MB'").run()
                // The chunk's statements are many small ones whose cost estimates reach the
                // JIT threshold; compiling them took longer than running them.
                try await db.raw("SET LOCAL jit = off").run()
            }
            let chunk = try await LogReviewScanQueries.collectChunk(range, db)
            try await LogReviewScanQueries.raiseOutOfHours(chunk, hours: hours, engine: engine, db)
            try await LogReviewScanQueries.raiseManyChildren(chunk, burst: burst, engine: engine, now: now, db)
            try await LogReviewScanQueries.raiseNoCase(chunk, clauses: clauses, engine: engine, db)
            try await LogReviewScanQueries.dropChunk(db)
        }
        let rows = try await count(after: range.after, through: range.through, db)
        let raised = try await flagCount(after: mark, db)
        let finished = range.through >= target
        // The watermark moves only from where this step read it: a competing step (whose
        // lease had run out) that got here first makes this one roll back.
        let moved = try await db.raw("""
            UPDATE log_review_scan SET last_audit_id = \(bind: range.through), done_rows = done_rows + \(bind: Int64(rows)), raised = raised + \(bind: Int64(raised))
            WHERE id = 1 AND last_audit_id = \(bind: range.after) RETURNING id
            """).first()
        guard moved != nil else { throw JobRunner.LeaseLost() }
        let who = state.requestedByName ?? LogReviewMessages.systemName
        var reason = LogReviewAuditReasons.scanChunk(by: who, after: range.after, through: range.through, rows: rows, raised: raised)
        if finished {
            let total = state.raised + raised
            reason += LogReviewAuditReasons.scanFinished(rows: state.progress.total, raised: total)
            try await LogReviewScanQueries.forgetPairs(db)
            try await db.raw("""
                UPDATE log_review_scan SET target_audit_id = NULL, finished_at = \(bind: now.epochSeconds),
                  last_rows = total_rows, last_raised = raised WHERE id = 1
                """).run()
        }
        if range.through > range.after || finished {
            try await AuditQueries.append(AuditEvent(staffID: state.requestedBy, staffName: who, action: .create, recordType: .reviewScan, reason: reason), at: now, db)
        }
        return finished ? .finished : .more
    }

    private func count(after: Int64, through: Int64, _ db: any SQLDatabase) async throws -> Int {
        guard through > after else { return 0 }
        let row = try await db.raw("SELECT COUNT(*) AS n FROM audit_log WHERE id > \(bind: after) AND id <= \(bind: through)").first()
        return Int(try row?.int64("n") ?? 0)
    }

    /// The scan's kinds of flag raised since `mark` (flags of other kinds are raised as
    /// things happen, by requests running meanwhile).
    private func flagCount(after mark: Int64, _ db: any SQLDatabase) async throws -> Int {
        let row = try await db.raw("""
            SELECT COUNT(*) AS n FROM review_flags WHERE id > \(bind: mark) AND kind IN (\(binds: LogReviewScanQueries.kinds))
            """).first()
        return Int(try row?.int64("n") ?? 0)
    }
}
