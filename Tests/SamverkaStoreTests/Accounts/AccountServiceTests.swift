import Foundation
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Accounts: sign-in, throttling, sessions")
struct AccountServiceTests {
    func service(_ f: Fixture) -> AccountService {
        AccountService(store: f.store, clock: f.clock, hasher: FastTestHasher(), throttle: SignInThrottle(window: 900, maxFailuresPerAccount: 3, maxFailuresPerAddress: 5))
    }

    @Test("wrong password and unknown user are refused and logged")
    func refusedAndLogged() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let accounts = service(f)
            #expect(try await accounts.signIn(username: "larare.a", password: "fel", clientAddress: "192.0.2.9") == .failure(.invalidCredentials))
            #expect(try await accounts.signIn(username: "ingen.alls", password: "fel", clientAddress: "192.0.2.9") == .failure(.invalidCredentials))
            let failed = try await f.auditRows(.init(action: .signInFailed))
            #expect(Set(failed.map(\.reason)) == ["Fel lösenord", "Okänt användarnamn"])
            #expect(failed.first { $0.reason == "Fel lösenord" }?.staffID == f.teacherA.staffID)
        }
    }

    @Test("after too many failures the account is throttled, even with the right password")
    func throttled() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let accounts = service(f)
            for _ in 0..<3 { _ = try await accounts.signIn(username: "larare.a", password: "fel", clientAddress: "192.0.2.\(Int.random(in: 10...200))") }
            #expect(try await accounts.signIn(username: "larare.a", password: "rätt-lösenord-123", clientAddress: "192.0.2.50") == .failure(.throttled))
            #expect(try await f.auditRows(.init(action: .signInFailed)).contains { $0.reason.hasPrefix("Spärrad") })
            // The window passes: the right password works again.
            f.clock.advance(by: 901)
            guard case .success = try await accounts.signIn(username: "larare.a", password: "rätt-lösenord-123", clientAddress: "192.0.2.50") else { Issue.record("still locked"); return }
        }
    }

    @Test("one address failing across many accounts is throttled")
    func addressThrottled() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let accounts = service(f)
            for i in 0..<5 { _ = try await accounts.signIn(username: "gissning\(i)", password: "fel", clientAddress: "198.51.100.7") }
            #expect(try await accounts.signIn(username: "larare.b", password: "rätt-lösenord-123", clientAddress: "198.51.100.7") == .failure(.throttled))
            guard case .success = try await accounts.signIn(username: "larare.b", password: "rätt-lösenord-123", clientAddress: "198.51.100.8") else { Issue.record("other address locked"); return }
        }
    }

    @Test("a session expires after the idle timeout, and the expiry is logged")
    func sessionExpiry() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let accounts = service(f)
            guard case .success(let signedIn) = try await accounts.signIn(username: "larare.a", password: "rätt-lösenord-123", clientAddress: "192.0.2.1") else { Issue.record("sign-in"); return }
            guard case .active = try await accounts.session(token: signedIn.token, clientAddress: nil) else { Issue.record("not active"); return }
            f.clock.advance(by: SessionRules().idleTimeout + 1)
            guard case .expired = try await accounts.session(token: signedIn.token, clientAddress: nil) else { Issue.record("not expired"); return }
            guard case .none = try await accounts.session(token: signedIn.token, clientAddress: nil) else { Issue.record("session survived"); return }
            #expect(try await f.auditRows(.init(action: .accessDenied)).contains { $0.reason == "Sessionen har gått ut" })
            #expect(try await f.auditRows(.init(action: .signIn)).count == 1)
        }
    }

    @Test("the cookie token is not stored; only its hash is")
    func tokenHashed() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            guard case .success(let signedIn) = try await service(f).signIn(username: "larare.a", password: "rätt-lösenord-123", clientAddress: "192.0.2.1") else { return }
            let stored = try await store.withConnection { db in try await db.raw("SELECT token_hash FROM sessions").all().map { try $0.decode(column: "token_hash", as: String.self) } }
            #expect(stored == [AccountService.hashToken(signedIn.token)])
            #expect(!stored.contains(signedIn.token))
        }
    }

    @Test("the token hash is SHA-256 in lower-case hex")
    func tokenHashIsSHA256Hex() {
        #expect(AccountService.hashToken("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(AccountService.hashToken("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("a deactivated account cannot sign in")
    func deactivated() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let org = OrganisationService(store: store, clock: f.clock, hasher: FastTestHasher())
            guard case .ok = try await org.setActive(staffID: f.teacherA.staffID, active: false, by: f.origin(f.admin)) else { Issue.record("deactivate"); return }
            #expect(try await service(f).signIn(username: "larare.a", password: "rätt-lösenord-123", clientAddress: "192.0.2.1") == .failure(.invalidCredentials))
            guard case .denied = try await org.setActive(staffID: f.teacherB.staffID, active: false, by: f.origin(f.teacherA)) else { Issue.record("teacher administered"); return }
        }
    }
}

extension Result: @retroactive Equatable where Success == SignedIn, Failure == SignInFailure {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.failure(let a), .failure(let b)): a == b
        case (.success(let a), .success(let b)): a.token == b.token
        default: false
        }
    }
}
