import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

/// Samverka outgrows one machine as several stateless instances over one PostgreSQL. Each
/// instance keeps its own prepared statements per connection; nothing else may differ
/// between them: a session, a write and the audit log are the database's.
@Suite("Two app instances over one PostgreSQL")
struct TwoInstancesTests {
    @Test("a session, a registration and the audit log are shared; reads under load on both are each audited once",
          .enabled(if: ProcessInfo.processInfo.environment["SAMVERKA_TEST_DATABASE_URL"].map { !$0.isEmpty } == true))
    func twoInstances() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["SAMVERKA_TEST_DATABASE_URL"])
        var logger = Logger(label: "test.two-instances")
        logger.logLevel = .warning
        await WebHarness.postgresGate.acquire()
        let schema = "w_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let admin = try await Store.postgres(url: url, maxConnectionsPerEventLoop: 1, logger: logger)
        try await admin.withConnection { db in try await db.raw(SQLQueryString("CREATE SCHEMA \(schema)")).run() }
        let first = try await Store.postgres(url: url, searchPath: [String(schema)], maxConnectionsPerEventLoop: 2, logger: logger)
        let second = try await Store.postgres(url: url, searchPath: [String(schema)], maxConnectionsPerEventLoop: 2, logger: logger)
        let clock = ManualTimeSource(Date(timeIntervalSince1970: 1_795_000_000))
        do {
            try await first.migrate()
            #expect(try await second.migrate().isEmpty, "the second instance finds the schema migrated")
            let hasher = FastHasher()
            try await DemoMunicipality.seed(first, passwordHash: try await hasher.hash(DemoMunicipality.password), now: clock.now())
            var configuration = WebConfiguration(port: 0, trustForwardedFor: true)
            configuration.jobPollInterval = nil
            let appA = try await buildApplication(try AppDependencies(store: first, clock: clock, configuration: configuration, hasher: hasher), logger: logger)
            let appB = try await buildApplication(try AppDependencies(store: second, clock: clock, configuration: configuration, hasher: hasher), logger: logger)
            try await appA.test(.live) { a in
                try await appB.test(.live) { b in
                    try await Self.exercise(a, b, store: first)
                }
            }
        } catch {
            try? await first.shutdown()
            try? await second.shutdown()
            try? await admin.shutdown()
            await WebHarness.postgresGate.release()
            throw error
        }
        try await first.shutdown()
        try await second.shutdown()
        try await admin.withConnection { db in try await db.raw(SQLQueryString("DROP SCHEMA \(schema) CASCADE")).run() }
        try await admin.shutdown()
        await WebHarness.postgresGate.release()
    }

    private static func exercise(_ a: any TestClientProtocol, _ b: any TestClientProtocol, store: Store) async throws {
        // Signed in on one instance, known on the other.
        let onA = Browser(a)
        try await onA.signIn("mentor.ekbacken")
        let onB = Browser(b, address: onA.address)
        onB.cookies = onA.cookies
        #expect(try await onB.get("/").body.contains("Maja Mentorsson"))

        // Registered through the second instance (with its form's token), read on the first.
        let form = try await onB.get("/barn/ny")
        let created = try await onB.post("/barn/ny", ["_csrf": try #require(form.csrf), "identity_number": "150312-9825", "given_name": "Ida",
                                                      "family_name": "Tvåinstans", "unit_id": String(try #require(form.firstOptionID))])
        #expect(created.status == .seeOther)
        let childPath = String(try #require(created.location).split(separator: "?")[0])
        #expect(try await onA.get(childPath).body.contains("Ida Tvåinstans"))

        // Both instances under concurrent reads of the child page: every answer whole, every
        // read audited exactly once, in the one audit log.
        let readsBefore = try await Self.reads(of: childPath, store)
        let statuses = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for i in 0..<40 {
                let browser = i % 2 == 0 ? onA : onB
                group.addTask {
                    let page = try await browser.get(childPath)
                    return (Int(page.status.code), page.body.contains("Ida Tvåinstans"))
                }
            }
            var all: [(Int, Bool)] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(statuses.allSatisfy { $0 == (200, true) }, "\(statuses.filter { $0 != (200, true) })")
        #expect(try await Self.reads(of: childPath, store) == readsBefore + 40)

        // Signed out on one instance: the other, still sent the same cookie, refuses it.
        let signedOut = try await onB.post("/logga-ut", ["_csrf": try await onB.csrf()])
        #expect(signedOut.status == .seeOther)
        #expect(onA.cookies["samverka_session"] != nil)
        let after = try await onA.get(childPath)
        #expect(after.status == .seeOther && after.location?.hasPrefix("/logga-in") == true)
    }

    private static func reads(of childPath: String, _ store: Store) async throws -> Int {
        let childID = try #require(RecordID(childPath.split(separator: "/").last.map(String.init) ?? ""))
        return try await store.withConnection { db in
            try await AuditQueries.search(AuditFilter(action: .read), limit: 10_000, offset: 0, db).filter { $0.childID == childID }.count
        }
    }
}
