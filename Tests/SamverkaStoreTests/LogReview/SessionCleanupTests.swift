import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Sessions: the cleanup job")
struct SessionCleanupTests {
    static func tokens(_ store: Store) async throws -> Set<String> {
        try await store.withConnection { db in Set(try await db.raw("SELECT token_hash FROM sessions").all().map { try $0.string("token_hash") }) }
    }

    @Test("idle sessions older than the timeout and sessions past their lifetime are gone after the cleanup runs; a live session stays")
    func cleanup() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let rules = SessionRules()
            let job = SessionCleanupJob(rules: rules, interval: 600)
            let runner = JobRunner(store: store, clock: f.clock, jobs: [job])
            let start = f.clock.now()
            try await store.transaction { db in
                try await SessionQueries.insert(tokenHash: "idle", staffID: f.teacherA.staffID, csrfToken: "c", clientAddress: nil, now: start, db)
                try await SessionQueries.insert(tokenHash: "live", staffID: f.teacherA.staffID, csrfToken: "c", clientAddress: nil, now: start, db)
                try await SessionQueries.insert(tokenHash: "long", staffID: f.teacherB.staffID, csrfToken: "c", clientAddress: nil, now: start - rules.absoluteLifetime + 600, db)
            }
            // Half an hour and a minute later: "live" was used a minute ago, "long" too but it began over 12 hours ago.
            f.clock.advance(by: rules.idleTimeout + 60)
            try await store.transaction { db in
                try await SessionQueries.touch(tokenHash: "live", now: f.clock.now() - 60, db)
                try await SessionQueries.touch(tokenHash: "long", now: f.clock.now() - 60, db)
            }
            #expect(try await Self.tokens(store) == ["idle", "live", "long"])
            #expect(try await runner.runDue() == 1)
            #expect(try await Self.tokens(store) == ["live"])

            // Not due again until the interval has passed.
            f.clock.advance(by: 300)
            #expect(try await runner.runDue() == 0)
            f.clock.advance(by: 301)
            #expect(try await runner.runDue() == 1)
            // "live" has now been idle for 661 s: still within the timeout.
            #expect(try await Self.tokens(store) == ["live"])
            f.clock.advance(by: rules.idleTimeout)
            f.clock.advance(by: 600)
            #expect(try await runner.runDue() == 1)
            #expect(try await Self.tokens(store).isEmpty)
        }
    }
}
