import Foundation
import HTTPTypes
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

@Suite("Web: the app's background jobs")
struct BackgroundJobsWebTests {
    @Test("the app's session cleanup removes a session idle past the timeout and keeps one in use")
    func sessionCleanup() async throws {
        try await WebHarness.run { h, client in
            let idle = Browser(client)
            try await idle.signIn("mentor.ekbacken")
            h.clock.advance(by: 20 * 60)
            let busy = Browser(client)
            try await busy.signIn("loggranskare")
            #expect(try await h.count("sessions") == 2)
            h.clock.advance(by: 11 * 60)
            #expect(try await h.jobs.runDue() >= 1)
            #expect(try await h.count("sessions") == 1)
            #expect(try await busy.get("/").status == .ok)
            #expect(try await idle.get("/arbetslista").status != .ok)
        }
    }
}
