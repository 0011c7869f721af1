import Foundation
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

/// Counts password checks, how many run at once, and makes each take a while, so that
/// parallel attempts really overlap (as with Bcrypt's quarter of a second).
actor CheckCounter {
    private(set) var checks = 0
    private(set) var running = 0
    private(set) var mostAtOnce = 0

    func begin() {
        checks += 1
        running += 1
        mostAtOnce = max(mostAtOnce, running)
    }

    func end() { running -= 1 }
}

struct SlowCountingHasher: PasswordHasher {
    let counter = CheckCounter()
    var delay: Duration = .milliseconds(50)

    func hash(_ password: String) async throws -> String { try await FastTestHasher().hash(password) }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        await counter.begin()
        try await Task.sleep(for: delay)
        await counter.end()
        return try await FastTestHasher().verify(password, against: hash)
    }

    func spendVerificationTime(_ password: String) async {
        _ = try? await verify(password, against: "")
    }
}

@Suite("Accounts: the throttle holds against parallel attempts, and checks are bounded")
struct SignInRaceTests {
    static let right = "rätt-lösenord-123"

    /// The account limit is what is tested: the address limit is out of reach.
    func service(_ f: Fixture, _ hasher: SlowCountingHasher, checks: PasswordCheckGate = PasswordCheckGate(slots: 100, queueLimit: 0)) -> AccountService {
        AccountService(store: f.store, clock: f.clock, hasher: hasher, throttle: SignInThrottle(window: 900, maxFailuresPerAccount: 5, maxFailuresPerAddress: 1000), checks: checks)
    }

    func inParallel(_ accounts: AccountService, passwords: [String]) async throws -> [Result<SignedIn, SignInFailure>] {
        try await withThrowingTaskGroup(of: Result<SignedIn, SignInFailure>.self) { group in
            for (i, password) in passwords.enumerated() {
                group.addTask { try await accounts.signIn(username: "larare.a", password: password, clientAddress: "192.0.2.\(i % 200 + 1)") }
            }
            var results: [Result<SignedIn, SignInFailure>] = []
            for try await result in group { results.append(result) }
            return results
        }
    }

    @Test("forty wrong passwords at once: at most five are checked, the rest are throttled")
    func parallelWrongPasswords() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let hasher = SlowCountingHasher()
            let results = try await inParallel(service(f, hasher), passwords: Array(repeating: "fel-lösenord", count: 40))
            #expect(await hasher.counter.checks <= 5, "every attempt was checked on an old count")
            #expect(results.filter { $0 == .failure(.throttled) }.count >= 35)
            #expect(results.allSatisfy { $0 == .failure(.throttled) || $0 == .failure(.invalidCredentials) })
            // Every attempt is counted and logged, the throttled ones too.
            #expect(try await f.count("sign_in_attempts") == 40)
            #expect(try await f.auditRows(.init(action: .signInFailed)).count == 40)
        }
    }

    @Test("twenty-nine wrong and the right one at once: at most five are checked")
    func parallelGuessesWithTheRightOne() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let hasher = SlowCountingHasher()
            var passwords = Array(repeating: "fel-lösenord", count: 29)
            passwords.insert(Self.right, at: 20)
            let results = try await inParallel(service(f, hasher), passwords: passwords)
            #expect(await hasher.counter.checks <= 5)
            #expect(results.filter { if case .success = $0 { true } else { false } }.count <= 1)
            #expect(results.filter { $0 == .failure(.throttled) }.count >= 25)
        }
    }

    @Test("a right password after the attempts marks its own attempt, so the next sign-in starts afresh")
    func successClearsTheCount() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let accounts = service(f, SlowCountingHasher(delay: .zero))
            for _ in 0..<4 { #expect(try await accounts.signIn(username: "larare.a", password: "fel", clientAddress: "192.0.2.7") == .failure(.invalidCredentials)) }
            guard case .success = try await accounts.signIn(username: "larare.a", password: Self.right, clientAddress: "192.0.2.7") else { Issue.record("right password refused"); return }
            let succeeded = try await store.withConnection { db in try await db.raw("SELECT COUNT(*) AS n FROM sign_in_attempts WHERE succeeded = 1").first()!.decode(column: "n", as: Int64.self) }
            #expect(succeeded == 1)
            // In the same second: the count starts after the successful attempt.
            for _ in 0..<5 { #expect(try await accounts.signIn(username: "larare.a", password: "fel", clientAddress: "192.0.2.7") == .failure(.invalidCredentials)) }
            #expect(try await accounts.signIn(username: "larare.a", password: Self.right, clientAddress: "192.0.2.7") == .failure(.throttled))
        }
    }

    @Test("the password page throttles guesses of the current password like sign-in")
    func passwordChangeThrottled() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let accounts = service(f, SlowCountingHasher(delay: .zero))
            guard case .success(let signedIn) = try await accounts.signIn(username: "larare.a", password: Self.right, clientAddress: "192.0.2.7"),
                  case .active(let session) = try await accounts.session(token: signedIn.token, clientAddress: nil) else { Issue.record("sign-in"); return }
            let new = "ett-helt-nytt-lösenord"
            for _ in 0..<5 {
                guard case .invalid(let errors) = try await accounts.changePassword(session, current: "gissning-1234", new: new, confirmation: new, clientAddress: "192.0.2.7") else { Issue.record("wrong accepted"); return }
                #expect(errors["current_password"] == "Nuvarande lösenord stämmer inte.")
            }
            // The sixth guess is refused before it is checked, even when it is right.
            guard case .invalid(let errors) = try await accounts.changePassword(session, current: Self.right, new: new, confirmation: new, clientAddress: "192.0.2.7") else {
                Issue.record("the password was changed after five wrong guesses")
                return
            }
            #expect(errors["current_password"]?.hasPrefix("För många felaktiga försök") == true)
            #expect(try await accounts.signIn(username: "larare.a", password: Self.right, clientAddress: "192.0.2.8") == .failure(.throttled))
            #expect(try await f.auditRows(.init(action: .signInFailed)).contains { $0.reason.hasPrefix("Byte av lösenord spärrat") })
            // The window passes: the right current password changes it.
            f.clock.advance(by: 901)
            guard case .ok = try await accounts.changePassword(session, current: Self.right, new: new, confirmation: new, clientAddress: "192.0.2.7") else { Issue.record("still locked"); return }
        }
    }

    @Test("parallel password changes with wrong guesses are each counted before the check")
    func parallelPasswordGuesses() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let hasher = SlowCountingHasher()
            let accounts = service(f, hasher)
            guard case .success(let signedIn) = try await accounts.signIn(username: "larare.a", password: Self.right, clientAddress: "192.0.2.7"),
                  case .active(let session) = try await accounts.session(token: signedIn.token, clientAddress: nil) else { Issue.record("sign-in"); return }
            let before = await hasher.counter.checks
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<20 {
                    group.addTask { _ = try await accounts.changePassword(session, current: "gissning-\(i)", new: "ett-helt-nytt-lösenord", confirmation: "ett-helt-nytt-lösenord", clientAddress: "192.0.2.7") }
                }
                try await group.waitForAll()
            }
            #expect(await hasher.counter.checks - before <= 5)
        }
    }

    @Test("password checks in flight are bounded; over the bound the answer is busy at once, with nothing written")
    func checksBounded() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let hasher = SlowCountingHasher(delay: .milliseconds(500))
            let accounts = AccountService(store: store, clock: f.clock, hasher: hasher, throttle: SignInThrottle(window: 900, maxFailuresPerAccount: 1000, maxFailuresPerAddress: 1000),
                                          checks: PasswordCheckGate(slots: 2, queueLimit: 1))
            let started = ContinuousClock.now
            let results = try await withThrowingTaskGroup(of: (Result<SignedIn, SignInFailure>, Duration).self) { group in
                for i in 0..<12 {
                    group.addTask {
                        let result = try await accounts.signIn(username: "gissning\(i)", password: "fel", clientAddress: "198.51.100.\(i + 1)")
                        return (result, ContinuousClock.now - started)
                    }
                }
                var all: [(Result<SignedIn, SignInFailure>, Duration)] = []
                for try await one in group { all.append(one) }
                return all
            }
            #expect(await hasher.counter.mostAtOnce <= 2)
            let busy = results.filter { $0.0 == .failure(.busy) }
            #expect(busy.count == 9, "two in the slots, one in the queue")
            // Refused without waiting for any check to end.
            #expect(busy.allSatisfy { $0.1 < .milliseconds(450) })
            #expect(try await f.count("sign_in_attempts") == 3)
        }
    }
}
