import Foundation
import SQLKit
import SamverkaCore

/// What the reviewer's page shows.
public struct LogReviewOverview: Sendable {
    public var open: [ReviewFlagRecord]
    public var openCount: Int
    public var recentlyResolved: [ReviewFlagRecord]
    public var samples: [(period: String, units: Int, drawn: Int)]
    public var scan: LogReviewScanState
    /// A scan is asked for and not yet started.
    public var scanQueued: Bool
}

/// The recurring log review (SoLPuL 10 §, issue 4 point 5): automatic flags over a
/// period, the monthly random sample per unit, the reviewer's verdicts, and the summary
/// for the data-protection officer. Only the log reviewer gets here (the policy), and
/// every step is itself logged.
public struct LogReviewService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public var today: SimpleDate { Stockholm.date(of: clock.now()) }

    private func allowed(_ origin: RequestOrigin, type: AuditRecordType, now: Date, _ db: any SQLDatabase) async throws -> AccessDecision {
        try await origin.decide(.reviewAuditLog, type: type, at: now, db)
    }

    /// Parses the period, then runs `body` in one transaction once the policy allows it.
    private func inPeriod<T: Sendable>(from: String?, to: String?, type: AuditRecordType, by origin: RequestOrigin,
                                       _ body: @Sendable @escaping (ReviewPeriod, Date, any SQLDatabase) async throws -> Outcome<T>) async throws -> Outcome<T> {
        let now = clock.now()
        let period: ReviewPeriod
        switch ReviewPeriod.parse(from: from, to: to, today: Stockholm.date(of: now)) {
        case .failure(let errors): return .invalid(errors)
        case .success(let parsed): period = parsed
        }
        return try await store.transaction { db in
            let decision = try await allowed(origin, type: type, now: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            return try await body(period, now, db)
        }
    }

    /// For the start page: how many flags wait for a verdict (nil: not a reviewer).
    public func openCount(for actor: Actor) async throws -> Int? {
        guard AccessPolicy.allows(actor, .reviewAuditLog) else { return nil }
        return try await store.withConnection { db in try await ConsentQueries.openFlagCount(db) }
    }

    public func overview(by origin: RequestOrigin) async throws -> Outcome<LogReviewOverview> {
        let now = clock.now()
        return try await store.transaction { db in
            let decision = try await allowed(origin, type: .reviewFlag, now: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            let open = try await LogReviewQueries.open(limit: 200, db)
            let count = try await ConsentQueries.openFlagCount(db)
            let resolved = try await LogReviewQueries.resolved(limit: 20, db)
            let samples = try await LogReviewQueries.sampledPeriods(db)
            let scan = try await LogReviewScanStateQueries.state(db)
            let queued = try await JobQueries.state(key: LogReviewScanJob.key, db).map { $0.dueAt != nil && $0.owner == nil } ?? false
            try await AuditQueries.append(origin.event(.read, type: .reviewFlag, reason: LogReviewAuditReasons.flagsRead(count)), at: now, db)
            return .ok(LogReviewOverview(open: open, openCount: count, recentlyResolved: resolved, samples: samples, scan: scan, scanQueued: queued && !scan.running))
        }
    }

    /// Asks for the automatic check (out of hours, many children, no case) of everything
    /// logged since the last one. It runs as a background job (`LogReviewScanJob`); its
    /// flags are attributed to this reviewer in the audit log.
    public func requestScan(by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            let decision = try await allowed(origin, type: .reviewScan, now: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            try await LogReviewScanStateQueries.setRequester(staffID: origin.actor.staffID, name: origin.actor.displayName, db)
            try await JobQueries.request(key: LogReviewScanJob.key, now: now, db)
            try await AuditQueries.append(origin.event(.create, type: .reviewScan, reason: LogReviewAuditReasons.scanRequested), at: now, db)
            return .ok(())
        }
    }

    /// Draws the month's sample: up to `perUnit` random accesses per unit, once per month
    /// and unit. `seed` picks the draw (the web passes a random one).
    public func drawSample(month: String?, perUnit: String?, seed: UInt64, by origin: RequestOrigin) async throws -> Outcome<Int> {
        let now = clock.now()
        var errors = FieldErrors()
        let parsedMonth = ReviewPeriod.month(month, today: Stockholm.date(of: now))
        if case .failure(let e) = parsedMonth { errors.merge(e) }
        let count = Int(TextRules.trimmed(perUnit))
        if count == nil || !(1...100).contains(count!) { errors.add("per_unit", LogReviewMessages.perUnitOutOfRange) }
        guard errors.isEmpty, case .success(let target) = parsedMonth, let count else { return .invalid(errors) }
        return try await store.transaction { db in
            let decision = try await allowed(origin, type: .reviewSample, now: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            let entries = try await LogReviewQueries.childAccesses(from: target.period.start, until: target.period.end, db)
            var generator = SeededGenerator(seed: seed)
            let picked = LogReviewRules.sample(entries, perUnit: count, period: target.key, using: &generator)
            let unitOf = Dictionary(entries.map { ($0.auditID, $0.unitID ?? 0) }, uniquingKeysWith: { a, _ in a })
            let drawn = Dictionary(grouping: picked, by: { unitOf[$0.auditID ?? 0] ?? 0 }).mapValues(\.count)
            let units = Array(Set(entries.map { $0.unitID ?? 0 })).sorted()
            let claimed = try await LogReviewQueries.claimSample(period: target.key, units: units, perUnit: count, drawn: drawn,
                                                                 by: origin.actor.staffID, now: now, db)
            if !units.isEmpty && claimed.isEmpty {
                var already = FieldErrors()
                already.add("month", LogReviewMessages.sampleAlreadyDrawn(target.key))
                return .invalid(already)
            }
            let raised = try await LogReviewQueries.raise(picked.filter { claimed.contains(unitOf[$0.auditID ?? 0] ?? 0) }, now: now, db)
            try await AuditQueries.append(origin.event(.create, type: .reviewSample,
                reason: LogReviewAuditReasons.sampleDrawn(target.key, accesses: raised, units: claimed.count)), at: now, db)
            return .ok(raised)
        }
    }

    public func resolve(flagID: RecordID, justified: String?, note: String?, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            let decision = try await allowed(origin, type: .reviewFlag, now: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            guard let flag = try await LogReviewQueries.flag(id: flagID, db) else { return .denied(AccessReason(code: "not-found", text: LogReviewMessages.flagNotFound)) }
            let own = try await origin.decide(.resolveReviewFlag(raisedOn: flag.staffID), type: .reviewFlag, record: String(flagID), at: now, db)
            guard own.isAllowed else {
                var errors = FieldErrors()
                errors.add("justified", own.reason.text)
                return .invalid(errors)
            }
            let resolution: FlagResolution
            switch FlagResolution.validate(justified: justified, note: note) {
            case .failure(let errors): return .invalid(errors)
            case .success(let ok): resolution = ok
            }
            guard try await LogReviewQueries.resolve(id: flagID, resolution, by: origin.actor.staffID, now: now, db) else {
                var errors = FieldErrors()
                errors.add("justified", LogReviewMessages.flagAlreadyReviewed)
                return .invalid(errors)
            }
            try await AuditQueries.append(origin.event(.update, child: flag.childID, type: .reviewFlag, record: String(flagID),
                reason: LogReviewAuditReasons.flagReviewed(justified: resolution.justified)), at: now, db)
            return .ok(())
        }
    }

    /// The summary CSV of a period for the data-protection officer (counts only).
    public func summary(from: String?, to: String?, by origin: RequestOrigin) async throws -> Outcome<(fileName: String, csv: String)> {
        try await inPeriod(from: from, to: to, type: .reviewSummary, by: origin) { period, now, db in
            let tallies = try await LogReviewQueries.tallies(from: period.start, until: period.end, db)
            let reads = try await LogReviewQueries.childAccessCount(from: period.start, until: period.end, db)
            let csv = LogReviewSummary.csv(LogReviewSummary.rows(tallies, period: period.label, reads: reads))
            try await AuditQueries.append(origin.event(.export, type: .reviewSummary, reason: LogReviewAuditReasons.summary(period.label)), at: now, db)
            return .ok((LogReviewMessages.summaryFileName(period), csv))
        }
    }
}
