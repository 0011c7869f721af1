import Foundation
import Logging
import SQLKit
@testable import SamverkaCore
@testable import SamverkaStore

/// A fresh, migrated store for one test: a temporary SQLite file, or, when
/// SAMVERKA_TEST_DATABASE_URL is set, a schema of its own in that PostgreSQL database.
enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["SAMVERKA_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func withStore<T>(migrate: Bool = true, _ body: (Store) async throws -> T) async throws -> T {
        var logger = Logger(label: "test.store")
        logger.logLevel = .warning
        let store: Store
        var cleanup: () async throws -> Void
        if let url = postgresURL {
            await postgresGate.acquire()
            do {
                let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
                let admin = try await Store.postgres(url: url, maxConnectionsPerEventLoop: 1, logger: logger)
                try await admin.withConnection { db in try await db.raw(SQLQueryString("CREATE SCHEMA \(schema)")).run() }
                let schemaStore = try await Store.postgres(url: url, searchPath: [String(schema)], maxConnectionsPerEventLoop: 2, logger: logger)
                store = schemaStore
                cleanup = {
                    do {
                        try await schemaStore.shutdown()
                        try await admin.withConnection { db in try await db.raw(SQLQueryString("DROP SCHEMA \(schema) CASCADE")).run() }
                        try await admin.shutdown()
                    } catch {
                        await postgresGate.release()
                        throw error
                    }
                    await postgresGate.release()
                }
            } catch {
                await postgresGate.release()
                throw error
            }
        } else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samverka-test-\(UUID().uuidString)")
            store = try await Store.sqlite(path: folder.appendingPathComponent("test.sqlite").path, maxConnectionsPerEventLoop: 2, logger: logger)
            cleanup = {
                try await store.shutdown()
                try? FileManager.default.removeItem(at: folder)
            }
        }
        let result: T
        do {
            if migrate { try await store.migrate() }
            result = try await body(store)
        } catch {
            try? await cleanup()
            throw error
        }
        try await cleanup()
        return result
    }

    /// PostgreSQL serves 100 connections by default and every test holds a few (its schema's
    /// pool and the admin pool), so at most this many tests hold a schema at once: a
    /// parallel run of every suite then stays well below the server's limit.
    static let postgresGate = TestGate(slots: 8)
}

/// A counting semaphore for tests (FIFO), like the store's `WriteGate` but with several slots.
actor TestGate {
    private var free: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(slots: Int) { free = slots }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            free += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}

/// Hashing for service tests: a real salted SHA-256 construction, fast, so tests that sign
/// in many times do not spend seconds in Bcrypt. Bcrypt itself is tested in the web suite.
struct FastTestHasher: PasswordHasher {
    func hash(_ password: String) async throws -> String { "test$" + AccountService.hashToken("salt" + password) }
    func verify(_ password: String, against hash: String) async throws -> Bool { hash == "test$" + AccountService.hashToken("salt" + password) }
    func spendVerificationTime(_ password: String) async {}
}

/// A small organisation for tests: two schools, a preschool, an IFO intake unit, and people.
struct Fixture {
    let store: Store
    let clock: ManualTimeSource
    var schoolA: RecordID = 0
    var schoolB: RecordID = 0
    var preschool: RecordID = 0
    var intake: RecordID = 0
    var teacherA: Actor!
    var teacherB: Actor!
    var intakeOfficer: Actor!
    var admin: Actor!
    var logReviewer: Actor!

    static let start = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    init(_ store: Store) async throws {
        self.store = store
        clock = ManualTimeSource(Self.start)
        let now = Self.start
        let hash = try await FastTestHasher().hash("rätt-lösenord-123")
        let ids = try await store.transaction { db -> [RecordID] in
            let a = try await OrganisationQueries.insertUnit(name: "Skola A", kind: .school, areaID: nil, now: now, db)
            let b = try await OrganisationQueries.insertUnit(name: "Skola B", kind: .school, areaID: nil, now: now, db)
            let p = try await OrganisationQueries.insertUnit(name: "Förskola P", kind: .preschool, areaID: nil, now: now, db)
            let i = try await OrganisationQueries.insertUnit(name: "IFO Mottagning", kind: .ifoIntake, areaID: nil, now: now, db)
            var people: [RecordID] = [a, b, p, i]
            for (username, role, unit) in [("larare.a", Role.teacher, Optional(a)), ("larare.b", .teacher, b), ("mottagning", .intakeOfficer, i),
                                           ("admin", .systemAdministrator, nil), ("logg", .logReviewer, nil)] {
                let id = try await OrganisationQueries.insertStaff(username: username, displayName: username.capitalized, email: nil, passwordHash: hash, mustChangePassword: false, now: now, db)
                _ = try await OrganisationQueries.insertAssignment(staffID: id, role: role, unitID: unit, now: now, db)
                people.append(id)
            }
            return people
        }
        (schoolA, schoolB, preschool, intake) = (ids[0], ids[1], ids[2], ids[3])
        let actors = try await store.withConnection { db in
            try await Array(ids[4...]).asyncMap { try await OrganisationQueries.actor(staffID: $0, db)! }
        }
        (teacherA, teacherB, intakeOfficer, admin, logReviewer) = (actors[0], actors[1], actors[2], actors[3], actors[4])
    }

    var registry: RegistryService { RegistryService(store: store, clock: clock) }
    func origin(_ actor: Actor) -> RequestOrigin { RequestOrigin(actor: actor, clientAddress: "192.0.2.1") }

    func auditRows(_ filter: AuditFilter = .init()) async throws -> [AuditRecord] {
        try await store.withConnection { db in try await AuditQueries.search(filter, limit: 10_000, offset: 0, db) }
    }

    func count(_ table: String) async throws -> Int {
        try await store.withConnection { db in
            Int(try await db.raw(SQLQueryString("SELECT COUNT(*) AS n FROM \(table)")).first()!.decode(column: "n", as: Int64.self))
        }
    }

    /// Registers a child at school A (by teacher A) and returns its id.
    func registerChild(_ number: String, _ given: String = "Test", _ family: String = "Barnsson", unit: RecordID? = nil, by actor: Actor? = nil, protected: Bool = false) async throws -> RecordID {
        let input = ChildInput(identityNumber: number, givenName: given, familyName: family, unitID: String(unit ?? schoolA), protectedIdentity: protected)
        guard case .ok(let result) = try await registry.register(input, by: origin(actor ?? teacherA)) else { throw StoreError.notFound }
        switch result {
        case .created(let id), .existing(let id): return id
        }
    }
}

/// Valid synthetic numbers for tests.
enum Numbers {
    static func make(_ year: Int, _ month: Int, _ day: Int, serial: Int = 981) -> String {
        IdentityNumber.make(birthDate: SimpleDate(year: year, month: month, day: day)!, serial: serial).formatted
    }
}
