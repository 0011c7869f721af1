import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

/// Fast hashing for web tests that sign in often; Bcrypt itself has its own test.
struct FastHasher: PasswordHasher {
    func hash(_ password: String) async throws -> String { "t$" + AccountService.hashToken(password) }
    func verify(_ password: String, against hash: String) async throws -> Bool { hash == "t$" + AccountService.hashToken(password) }
    func spendVerificationTime(_ password: String) async {}
}

/// A running Samverka over a fresh demo database, and a client that keeps cookies.
struct WebHarness {
    let store: Store
    let clock: ManualTimeSource

    static func run(configuration: WebConfiguration = WebConfiguration(port: 0, trustForwardedFor: true),
                    _ body: @Sendable @escaping (WebHarness, any TestClientProtocol) async throws -> Void) async throws {
        guard ProcessInfo.processInfo.environment["SAMVERKA_TEST_DATABASE_URL"].map({ !$0.isEmpty }) == true else {
            return try await runOnce(configuration: configuration, body)
        }
        // Every harness holds a few PostgreSQL connections, and the store suites' tests hold
        // theirs in the same process: a parallel run of every web test once went past the
        // server's 100.
        await postgresGate.acquire()
        do {
            try await runOnce(configuration: configuration, body)
        } catch {
            await postgresGate.release()
            throw error
        }
        await postgresGate.release()
    }

    static let postgresGate = HarnessGate(slots: 4)

    private static func runOnce(configuration: WebConfiguration, _ body: @Sendable @escaping (WebHarness, any TestClientProtocol) async throws -> Void) async throws {
        var logger = Logger(label: "test.web")
        logger.logLevel = .warning
        let store: Store
        var schema: String?
        var admin: Store?
        if let url = ProcessInfo.processInfo.environment["SAMVERKA_TEST_DATABASE_URL"], !url.isEmpty {
            let name = "w_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            do {
                admin = try await Store.postgres(url: url, maxConnectionsPerEventLoop: 1, logger: logger)
                try await admin!.withConnection { db in try await db.raw(SQLQueryString("CREATE SCHEMA \(name)")).run() }
                store = try await Store.postgres(url: url, searchPath: [String(name)], maxConnectionsPerEventLoop: 2, logger: logger)
            } catch {
                try? await admin?.shutdown()
                throw error
            }
            schema = String(name)
        } else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samverka-web-\(UUID().uuidString)")
            store = try await Store.sqlite(path: folder.appendingPathComponent("t.sqlite").path, logger: logger)
        }
        let clock = ManualTimeSource(Date(timeIntervalSince1970: 1_795_000_000))
        let harness = WebHarness(store: store, clock: clock)
        do {
            // Setup failures too end here: a pool dropped without shutdown traps, which would
            // hide the error behind a crash.
            try await store.migrate()
            let hasher = FastHasher()
            try await DemoMunicipality.seed(store, passwordHash: try await hasher.hash(DemoMunicipality.password), now: clock.now())
            var configuration = configuration
            configuration.jobPollInterval = nil
            let deps = try AppDependencies(store: store, clock: clock, configuration: configuration, hasher: hasher)
            let app = try await buildApplication(deps, logger: logger)
            try await app.test(.live) { client in try await body(harness, client) }
        } catch {
            try? await store.shutdown()
            try? await admin?.shutdown()
            throw error
        }
        try await store.shutdown()
        if let admin, let schema {
            try await admin.withConnection { db in try await db.raw(SQLQueryString("DROP SCHEMA \(schema) CASCADE")).run() }
            try await admin.shutdown()
        }
    }

    func auditRows(_ filter: AuditFilter = .init()) async throws -> [AuditRecord] {
        try await store.withConnection { db in try await AuditQueries.search(filter, limit: 10_000, offset: 0, db) }
    }

    /// The app's background jobs, run when a test says so (the harness polls none itself).
    var jobs: JobRunner { JobRunner(store: store, clock: clock, jobs: BackgroundJobs.all(store: store, configuration: WebConfiguration())) }

    func count(_ table: String) async throws -> Int {
        try await store.withConnection { db in Int(try await db.raw(SQLQueryString("SELECT COUNT(*) AS n FROM \(table)")).first()!.decode(column: "n", as: Int64.self)) }
    }

    func staffID(_ username: String) async throws -> RecordID {
        try await store.withConnection { db in try await OrganisationQueries.staff(username: username, db)!.id }
    }

    /// A collaboration case opened by Ekbacken's rektor about the school's first unprotected pupil.
    func openEkbackenCase() async throws -> RecordID {
        let rektorID = try await staffID("rektor.ekbacken")
        return try await store.withConnection { db -> RecordID in
            let actor = try #require(try await OrganisationQueries.actor(staffID: rektorID, db))
            let child = try #require(try await db.raw("SELECT c.id FROM children c JOIN units u ON u.id = c.enrolment_unit_id WHERE u.name = 'Ekbackens skola' AND c.protected_identity = 0 ORDER BY c.id LIMIT 1").first())
                .decode(column: "id", as: Int64.self)
            var input = CollaborationCaseInput()
            input.reason = "Hög frånvaro"
            input.knownOn = Stockholm.date(of: clock.now()).iso
            guard case .ok(let id) = try await CollaborationService(store: store, clock: clock).openCase(childID: child, input, by: RequestOrigin(actor: actor, clientAddress: nil)) else { throw StoreError.notFound }
            return id
        }
    }
}

/// A counting semaphore (FIFO) for the harnesses on PostgreSQL.
actor HarnessGate {
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
        if waiters.isEmpty { free += 1 } else { waiters.removeFirst().resume() }
    }
}

/// A browser-like session: cookies and the page's CSRF token.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    let address: String

    init(_ client: any TestClientProtocol, address: String = "203.0.113.\(Int.random(in: 1...250))") {
        self.client = client
        self.address = address
    }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        var location: String? { headers[.location] }
        var csrf: String? {
            guard let range = body.range(of: "name=\"_csrf\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
        /// The first numeric `<option value>` on the page (e.g. a unit to register a child in).
        var firstOptionID: Int? {
            body.components(separatedBy: "<option value=\"").dropFirst().compactMap { Int($0.prefix { $0 != "\"" }) }.first
        }
    }

    private var cookieHeader: HTTPFields {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        headers[HTTPField.Name("X-Forwarded-For")!] = address
        return headers
    }

    private func remember(_ response: TestResponse) {
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || line.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
    }

    @discardableResult
    func get(_ uri: String) async throws -> Page {
        let response = try await client.execute(uri: uri, method: .get, headers: cookieHeader)
        remember(response)
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    @discardableResult
    func post(_ uri: String, _ form: [String: String]) async throws -> Page {
        var headers = cookieHeader
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = form.map { key, value in
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            return key + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// Posts a multipart/form-data body, as a browser does for a form with a file input.
    @discardableResult
    func postMultipart(_ uri: String, _ form: [String: String], files: [(field: String, name: String, type: String, content: [UInt8])]) async throws -> Page {
        let boundary = "----SamverkaTest\(UUID().uuidString.prefix(8))"
        var body: [UInt8] = []
        for (key, value) in form.sorted(by: { $0.key < $1.key }) {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8)
            body += file.content + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        var headers = cookieHeader
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
        remember(response)
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// Signs in through the real form, CSRF token included.
    @discardableResult
    func signIn(_ username: String, _ password: String = DemoMunicipality.password) async throws -> Page {
        let form = try await get("/logga-in")
        return try await post("/logga-in", ["_csrf": form.csrf ?? "", "username": username, "password": password])
    }

    /// The CSRF token of the session, as any signed-in page carries it.
    func csrf() async throws -> String { try await get("/").csrf ?? "" }
}
