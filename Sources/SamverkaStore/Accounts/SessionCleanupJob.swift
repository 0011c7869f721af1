import Foundation
import SQLKit
import SamverkaCore

/// Deletes ended sessions now and then: idle past the timeout, or past their absolute
/// lifetime. Sign-in refuses them anyway; without this the table only grows. Runs on the
/// job runner, so with several instances one of them does it per period.
public struct SessionCleanupJob: BackgroundJob {
    public static let key = "session-cleanup"
    public var key: String { Self.key }

    public var rules: SessionRules
    public var interval: TimeInterval

    public init(rules: SessionRules, interval: TimeInterval = 600) {
        self.rules = rules
        self.interval = interval
    }

    public func firstRun(now: Date) -> Date? { now }
    public func nextRun(after now: Date) -> Date? { now + interval }

    public func step(now: Date, _ db: any SQLDatabase) async throws -> JobStep {
        try await SessionQueries.deleteIdle(before: now - rules.idleTimeout, db)
        try await SessionQueries.deleteStarted(before: now - rules.absoluteLifetime, db)
        return .finished
    }
}
