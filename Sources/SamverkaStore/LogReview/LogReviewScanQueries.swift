import Foundation
import SQLKit
import SamverkaCore

/// The log review's automatic flags, set-based: a range of audit ids is read once into a
/// temporary table (`Chunk`) and each flag kind is one statement over it, so a scan costs a
/// few statements per chunk instead of one query per person and child. The SQL repeats `LogReviewRules` in Stockholm wall-clock arithmetic
/// (`ScanArithmetic`); store tests hold it to the rules on both engines.
public enum LogReviewScanQueries {
    /// The range of audit rows one statement covers: after `after`, up to and including `through`.
    public struct Range: Sendable, Hashable {
        public var after: Int64
        public var through: Int64
        public init(after: Int64, through: Int64) {
            self.after = after
            self.through = through
        }
    }

    static let kinds: [String] = [ReviewFlagKind.outOfHours, .manyChildren, .noCase].map(\.rawValue)

    /// Stockholm's offset from UTC at `a.at`, in seconds, over `segments`.
    static func offset(_ segments: [(start: Int64, offset: Int)]) -> SQLQueryString {
        guard segments.count > 1 else { return "CAST(\(bind: Int64(segments.last?.offset ?? 3600)) AS BIGINT)" }
        var offset: SQLQueryString = "CASE"
        for index in 1..<segments.count {
            offset += " WHEN a.at < CAST(\(bind: segments[index].start) AS BIGINT) THEN CAST(\(bind: Int64(segments[index - 1].offset)) AS BIGINT)"
        }
        return offset + " ELSE CAST(\(bind: Int64(segments[segments.count - 1].offset)) AS BIGINT) END"
    }

    /// The child of alias `a`'s row is still in the registry (flags name registered children).
    static func registeredChild(_ a: String) -> SQLQueryString {
        "EXISTS (SELECT 1 FROM children c WHERE c.id = \(unsafeRaw: a).child_id)"
    }

    /// The rows of alias `a` in `range` where a person accessed a child.
    static func personAccesses(_ range: Range) -> SQLQueryString {
        """
        a.id > \(bind: range.after) AND a.id <= \(bind: range.through) AND a.staff_id IS NOT NULL AND a.child_id IS NOT NULL
          AND \(childAccess("a"))
        """
    }

    /// The audit row of alias `a` is an access to a child. `|| ''` keeps SQLite, which has
    /// no statistics, from reading every access of the whole log through the index on
    /// `action` instead of the chunk's range of ids.
    static func childAccess(_ a: String) -> SQLQueryString {
        "(\(unsafeRaw: a).action || '') IN (\(binds: LogReviewQueries.childAccessActions))"
    }

    /// `YYYY-MM-DD` of a local day number.
    static func isoDay(_ day: String, _ engine: Engine) -> SQLQueryString {
        switch engine {
        case .sqlite: "date(\(unsafeRaw: day) * 86400, 'unixepoch')"
        case .postgres: "to_char(to_timestamp(\(unsafeRaw: day) * 86400) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
        }
    }

    /// `YYYY-MM-DD HH:MM` of local wall-clock seconds, as `Stockholm.format` writes it.
    static func localTime(_ local: String, _ engine: Engine) -> SQLQueryString {
        switch engine {
        case .sqlite: "strftime('%Y-%m-%d %H:%M', \(unsafeRaw: local), 'unixepoch')"
        case .postgres: "to_char(to_timestamp(\(unsafeRaw: local)) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')"
        }
    }

    /// `WorkingHours.contains(localSeconds:)` on the column `local` of alias `x`.
    static func inHours(_ hours: LogReviewRules.WorkingHours) -> SQLQueryString {
        """
        ((x.local / 86400 + 4) % 7 BETWEEN 1 AND 5 AND x.local % 86400 >= CAST(\(bind: Int64(hours.startHour) * 3600) AS BIGINT)
          AND x.local % 86400 < CAST(\(bind: Int64(hours.endHour) * 3600) AS BIGINT))
        """
    }

    /// A range's child accesses, read once from the log into the temporary table
    /// `log_review_chunk` of the job's connection (and transaction): each flag kind's
    /// statement reads them from there instead of reading the range of the log again. Only
    /// the columns the rules group and order by; the few rows that become flags take the
    /// rest from the log. `segments` are Stockholm's offsets over the chunk's instants.
    public struct Chunk: Sendable {
        public var range: Range
        public var segments: [(start: Int64, offset: Int)]
        /// No child access in the range: nothing to flag.
        public var isEmpty: Bool { segments.isEmpty }
    }

    /// Reads `range` into `log_review_chunk`; `dropChunk` forgets it (the job does both in
    /// one transaction, so a failed step leaves nothing behind either).
    public static func collectChunk(_ range: Range, _ db: any SQLDatabase) async throws -> Chunk {
        try await db.raw("DROP TABLE IF EXISTS log_review_chunk").run()
        try await db.raw("""
            CREATE TEMPORARY TABLE log_review_chunk AS
            SELECT a.id, a.staff_id, a.child_id, a.at FROM audit_log a WHERE \(personAccesses(range))
            """).run()
        let row = try await db.raw("SELECT MIN(at) AS low, MAX(at) AS high FROM log_review_chunk").first()
        guard let low = try row?.optionalInt64("low"), let high = try row?.optionalInt64("high") else { return Chunk(range: range, segments: []) }
        return Chunk(range: range, segments: ScanArithmetic.offsetSegments(from: low, through: high))
    }

    public static func dropChunk(_ db: any SQLDatabase) async throws {
        try await db.raw("DROP TABLE IF EXISTS log_review_chunk").run()
    }

    /// The chunk's accesses with their Stockholm wall-clock seconds (`local`), as the body of
    /// a CTE named `acc`.
    static func chunkAccesses(_ chunk: Chunk) -> SQLQueryString {
        "SELECT a.id, a.staff_id, a.child_id, a.at, a.at + \(offset(chunk.segments)) AS local FROM log_review_chunk a"
    }

    /// Out-of-hours flags of the chunk: one per person and day (the day's first access
    /// outside working hours), like `LogReviewRules.outOfHours`. The flag is about the person
    /// and the day; it names the child of that access while the child is in the registry.
    public static func raiseOutOfHours(_ chunk: Chunk, hours: LogReviewRules.WorkingHours = .init(), engine: Engine, _ db: any SQLDatabase) async throws {
        guard !chunk.isEmpty else { return }
        try await db.raw("""
            WITH acc AS (\(chunkAccesses(chunk))),
            firsts AS (
              SELECT x.id, x.staff_id, x.child_id, x.at, x.local, x.local / 86400 AS day,
                ROW_NUMBER() OVER (PARTITION BY x.staff_id, x.local / 86400 ORDER BY x.at, x.id) AS n
              FROM acc x WHERE NOT \(inHours(hours)))
            INSERT INTO review_flags (kind, staff_id, staff_name, child_id, at, detail, dedupe_key, audit_id)
            SELECT CAST(\(bind: ReviewFlagKind.outOfHours.rawValue) AS TEXT), f.staff_id, l.staff_name,
              (SELECT c.id FROM children c WHERE c.id = f.child_id), f.at,
              CAST(\(bind: LogReviewRules.outOfHoursDetailStart) AS TEXT) || \(localTime("f.local", engine)) || CAST(\(bind: LogReviewRules.outOfHoursDetailEnd(hours)) AS TEXT),
              CAST(\(bind: "hours:") AS TEXT) || CAST(f.staff_id AS TEXT) || ':' || \(isoDay("f.day", engine)),
              f.id
            FROM firsts f JOIN audit_log l ON l.id = f.id WHERE f.n = 1
            ON CONFLICT (dedupe_key) DO NOTHING
            """).run()
    }

    /// Checks the chunk's person–child pairs that this run has not checked yet against
    /// `clauses` and keeps the answers in `log_review_pairs`: a month of accesses repeats the
    /// same pairs chunk after chunk, and each costs an index probe per clause.
    public static func checkPairs(_ chunk: Chunk, clauses: [ConnectedClause] = ConnectedClause.all, engine: Engine, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO log_review_pairs (staff_id, child_id, connected)
            SELECT pair.staff_id, pair.child_id, CASE WHEN \(ConnectedClause.anyOf(clauses)) THEN 1 ELSE 0 END
            FROM (SELECT DISTINCT a.staff_id, a.child_id FROM log_review_chunk a
                  WHERE NOT EXISTS (SELECT 1 FROM log_review_pairs p WHERE p.staff_id = a.staff_id AND p.child_id = a.child_id)) pair
            """).run()
        if engine == .postgres {
            // The table fills from empty during a run; without fresh statistics PostgreSQL
            // takes it for a few rows and probes it once per access instead of hashing it.
            try await db.raw("ANALYZE log_review_pairs").run()
        }
    }

    /// Forgets the pairs checked (a run starts or ends: connections change between runs).
    public static func forgetPairs(_ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM log_review_pairs").run()
    }

    /// No-case flags of the chunk: one per person, child and day when none of the
    /// `clauses` connects the pair, like `LogReviewRules.noCase`. Checks the chunk's pairs
    /// first (`checkPairs`), then flags the accesses of the unconnected ones.
    public static func raiseNoCase(_ chunk: Chunk, clauses: [ConnectedClause] = ConnectedClause.all, engine: Engine, _ db: any SQLDatabase) async throws {
        guard !chunk.isEmpty else { return }
        try await checkPairs(chunk, clauses: clauses, engine: engine, db)
        try await db.raw("""
            WITH acc AS (\(chunkAccesses(chunk))),
            firsts AS (
              SELECT x.id, x.staff_id, x.child_id, x.at, x.local / 86400 AS day,
                ROW_NUMBER() OVER (PARTITION BY x.staff_id, x.child_id, x.local / 86400 ORDER BY x.at, x.id) AS n
              FROM acc x JOIN log_review_pairs u ON u.staff_id = x.staff_id AND u.child_id = x.child_id AND u.connected = 0)
            INSERT INTO review_flags (kind, staff_id, staff_name, child_id, at, detail, dedupe_key, audit_id)
            SELECT CAST(\(bind: ReviewFlagKind.noCase.rawValue) AS TEXT), f.staff_id, l.staff_name, f.child_id, f.at,
              CAST(\(bind: LogReviewMessages.noCaseDetail) AS TEXT),
              CAST(\(bind: "nocase:") AS TEXT) || CAST(f.staff_id AS TEXT) || ':' || CAST(f.child_id AS TEXT) || ':' || \(isoDay("f.day", engine)),
              f.id
            FROM firsts f JOIN audit_log l ON l.id = f.id WHERE f.n = 1 AND \(registeredChild("f"))
            ON CONFLICT (dedupe_key) DO NOTHING
            """).run()
    }

    /// The people and Stockholm days (day numbers) the chunk may have completed a
    /// many-children window for: days its rows fall on, or whose window reaches into them,
    /// not yet flagged, with at least `burst.children` accesses that day and the window after
    /// (a bound on the different children, found by reading no further than that many rows;
    /// the day's ends are taken generously, so no candidate is missed).
    public static func manyChildrenCandidates(_ chunk: Chunk, burst: LogReviewRules.Burst = .init(), engine: Engine, _ db: any SQLDatabase) async throws -> [(staffID: RecordID, day: Int64)] {
        guard !chunk.isEmpty else { return [] }
        let window = Int64(burst.window.rounded(.up))
        return try await db.raw("""
            WITH touched AS (
              SELECT a.staff_id, (a.at + \(offset(chunk.segments))) / 86400 AS day FROM log_review_chunk a
              UNION SELECT a.staff_id, (a.at + \(offset(chunk.segments)) - CAST(\(bind: window) AS BIGINT)) / 86400 AS day FROM log_review_chunk a)
            SELECT t.staff_id, t.day FROM touched t
            WHERE NOT EXISTS (SELECT 1 FROM review_flags f
                WHERE f.dedupe_key = CAST(\(bind: "many:") AS TEXT) || CAST(t.staff_id AS TEXT) || ':' || \(isoDay("t.day", engine)))
              AND (SELECT COUNT(*) FROM (SELECT 1 AS one FROM audit_log a
                WHERE a.staff_id = t.staff_id AND a.at >= t.day * 86400 - 7200 AND a.at < (t.day + 1) * 86400 + CAST(\(bind: window) AS BIGINT)
                  AND a.id <= \(bind: chunk.range.through) AND a.child_id IS NOT NULL AND \(childAccess("a"))
                LIMIT \(bind: burst.children)) enough) >= CAST(\(bind: Int64(burst.children)) AS BIGINT)
            ORDER BY t.staff_id, t.day
            """).all().map { (try $0.int64("staff_id"), try $0.int64("day")) }
    }

    /// The person's accesses from `from` (inclusive) to `until`, up to audit id `through`,
    /// oldest first, at most `limit`, after the access `following` when given.
    static func accesses(staffID: RecordID, from: Date, until: Date, through: Int64, following: ChildAccessEntry? = nil, limit: Int,
                         _ db: any SQLDatabase) async throws -> [ChildAccessEntry] {
        var after: SQLQueryString = ""
        if let following {
            after = " AND (a.at > \(bind: following.at.epochSeconds) OR (a.at = \(bind: following.at.epochSeconds) AND a.id > \(bind: following.auditID)))"
        }
        return try await db.raw("""
            SELECT a.id, a.staff_id, a.staff_name, a.child_id, a.at FROM audit_log a
            WHERE \(personChildAccesses(staffID: staffID, through: through)) AND a.at >= \(bind: from.epochSeconds) AND a.at < \(bind: until.epochSeconds)\(after)
            ORDER BY a.at, a.id LIMIT \(bind: limit)
            """).all().map(accessEntry)
    }

    /// The person's last access before `before` and not before `from`, up to audit id `through`.
    static func lastAccess(staffID: RecordID, from: Date, before: Date, through: Int64, _ db: any SQLDatabase) async throws -> ChildAccessEntry? {
        try await db.raw("""
            SELECT a.id, a.staff_id, a.staff_name, a.child_id, a.at FROM audit_log a
            WHERE \(personChildAccesses(staffID: staffID, through: through)) AND a.at >= \(bind: from.epochSeconds) AND a.at < \(bind: before.epochSeconds)
            ORDER BY a.at DESC, a.id DESC LIMIT 1
            """).first().map(accessEntry)
    }

    /// Rows of alias `a` where the person accessed a registered child, up to audit id `through`.
    private static func personChildAccesses(staffID: RecordID, through: Int64) -> SQLQueryString {
        "a.staff_id = \(bind: staffID) AND a.id <= \(bind: through) AND a.child_id IS NOT NULL AND \(childAccess("a")) AND \(registeredChild("a"))"
    }

    private static func accessEntry(_ row: any SQLRow) throws -> ChildAccessEntry {
        ChildAccessEntry(auditID: try row.int64("id"), staffID: try row.int64("staff_id"), staffName: try row.string("staff_name"),
                         childID: try row.int64("child_id"), at: try row.date("at"))
    }

    /// Many-children flags of the chunk. The SQL picks the few candidate days; the rule
    /// itself (`LogReviewRules.manyChildren`) decides each over the person's accesses of the
    /// day, read in batches, each continuing where the last ended, behind the last access in
    /// the window before the day. That one access is all the rule needs of the time before:
    /// a window reaching back to it starts the day before (another day's flag), and a window
    /// reaching past it holds only the day's accesses. So the first flag found for the day is
    /// the one a scan of the whole log would raise.
    public static func raiseManyChildren(_ chunk: Chunk, burst: LogReviewRules.Burst = .init(), engine: Engine, now: Date, _ db: any SQLDatabase) async throws {
        for (staffID, day) in try await manyChildrenCandidates(chunk, burst: burst, engine: engine, db) {
            guard let date = SimpleDate(dayNumber: Int(day)) else { continue }
            let dayStart = Stockholm.startOfDay(date)
            let until = Stockholm.startOfDay(date.adding(days: 1)) + burst.window
            let key = "many:\(staffID):\(date.iso)"
            let before = try await lastAccess(staffID: staffID, from: dayStart - burst.window, before: dayStart, through: chunk.range.through, db)
            var entries = before.map { [$0] } ?? []
            var lastRead: ChildAccessEntry?
            var limit = 500
            while true {
                let batch = try await accesses(staffID: staffID, from: dayStart, until: until, through: chunk.range.through, following: lastRead, limit: limit, db)
                lastRead = batch.last ?? lastRead
                entries += batch
                if let flag = LogReviewRules.manyChildren(entries, burst: burst).first(where: { $0.key == key }) {
                    _ = try await LogReviewQueries.raise([flag], now: now, db)
                    break
                }
                guard batch.count == limit else { break }
                limit = 2000
            }
        }
    }
}
