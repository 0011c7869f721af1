import Crypto
import Foundation
import SQLKit
import SamverkaCore

public struct SignedIn: Sendable {
    /// Goes in the cookie; only its hash is stored.
    public var token: String
    public var actor: Actor
}

public enum SignInFailure: Error, Sendable, Equatable {
    case invalidCredentials
    case throttled
    /// Too many password checks in progress in this process (see `PasswordCheckGate`).
    case busy

    public var message: String {
        switch self {
        case .invalidCredentials: AccountMessages.invalidCredentials
        case .throttled: AccountMessages.throttled
        case .busy: AccountMessages.busy
        }
    }
}

public struct ActiveSession: Sendable {
    public var tokenHash: String
    public var actor: Actor
    public var csrfToken: String
    public var mustChangePassword: Bool
    /// Read with the session, so a page needs no query of its own for the header.
    public var municipalityName: String?
    /// Read with the session too: which of the person's roles some programme counts (the menu).
    public var programmeRoles = ProgrammeRoleFacts()
    /// And whether they chair a local collaboration group with an area (the statistics' entry).
    public var chairsLocalGroupWithArea = false
}

public enum SessionLookup: Sendable {
    case active(ActiveSession)
    case expired
    case none
}

/// Sign-in, sessions and passwords. Sign-in sits behind `Authenticator` in the web layer
/// so a municipality's OpenID Connect provider can be added beside it.
public struct AccountService: Sendable {
    let store: Store
    let clock: any TimeSource
    let hasher: any PasswordHasher
    let throttle: SignInThrottle
    let sessions: SessionRules
    let checks: PasswordCheckGate

    public init(store: Store, clock: any TimeSource, hasher: any PasswordHasher, throttle: SignInThrottle = .init(), sessions: SessionRules = .init(),
                checks: PasswordCheckGate = .init()) {
        self.store = store
        self.clock = clock
        self.hasher = hasher
        self.throttle = throttle
        self.sessions = sessions
        self.checks = checks
    }

    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public static func hashToken(_ token: String) -> String {
        // Hex by table: String(format:) per byte showed in the profile of every request.
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A sign-in. The attempt is counted before the password is checked (see
    /// `countAttempt`), so parallel guesses cannot all pass the throttle on one old count.
    public func signIn(username rawUsername: String, password: String, clientAddress: String) async throws -> Result<SignedIn, SignInFailure> {
        let username = String(rawUsername.trimmingCharacters(in: .whitespaces).lowercased().prefix(64))
        let outcome = try await checks.withSlot {
            try await checkedSignIn(username: username, password: password, clientAddress: clientAddress)
        }
        // Refused for load: nothing was checked or written (that would load the database
        // the gate protects); the answer says to try again.
        return outcome ?? .failure(.busy)
    }

    private func checkedSignIn(username: String, password: String, clientAddress: String) async throws -> Result<SignedIn, SignInFailure> {
        let now = clock.now()
        let (attemptID, verdict, staff) = try await countAttempt(username: username, clientAddress: clientAddress, now: now)
        func fail(_ failure: SignInFailure, _ reason: String) async throws -> Result<SignedIn, SignInFailure> {
            // The attempt row is already there, counted as a failure.
            let event = AuditEvent(staffID: staff?.id, staffName: staff?.displayName ?? username, action: .signInFailed, recordType: .session, reason: reason, clientAddress: clientAddress)
            try await store.singleStatement { db in try await AuditQueries.append(event, at: now, db) }
            return .failure(failure)
        }
        switch verdict {
        case .accountLocked: return try await fail(.throttled, AccountAuditReasons.accountLocked)
        case .addressLocked: return try await fail(.throttled, AccountAuditReasons.addressLocked)
        case .allowed: break
        }
        guard let staff else {
            // Same work as a real check, so the answer time does not reveal unknown users.
            await hasher.spendVerificationTime(password)
            return try await fail(.invalidCredentials, AccountAuditReasons.unknownUsername)
        }
        guard try await hasher.verify(password, against: staff.passwordHash) else {
            return try await fail(.invalidCredentials, AccountAuditReasons.wrongPassword)
        }
        guard staff.active else { return try await fail(.invalidCredentials, AccountAuditReasons.accountDeactivated) }
        let token = Self.randomToken()
        let actor = try await store.transaction { db in
            try await SignInAttemptQueries.markSucceeded(id: attemptID, db)
            try await SessionQueries.insert(tokenHash: Self.hashToken(token), staffID: staff.id, csrfToken: Self.randomToken(), clientAddress: clientAddress, now: now, db)
            let event = AuditEvent(staffID: staff.id, staffName: staff.displayName, action: .signIn, recordType: .session, reason: AccountAuditReasons.signedIn, clientAddress: clientAddress)
            try await AuditQueries.append(event, at: now, db)
            return try await OrganisationQueries.actor(staffID: staff.id, db)
        }
        guard let actor else { return .failure(.invalidCredentials) }
        return .success(SignedIn(token: token, actor: actor))
    }

    /// Records the attempt as a failure and then counts, in one transaction, before any
    /// password is checked: each attempt sees every attempt before it, however many run
    /// in parallel and on however many instances. A check that succeeds marks its row.
    /// SQLite's transactions take the writer lock at BEGIN; PostgreSQL takes transaction
    /// locks on the account and on the address (always in that order, so two attempts
    /// never wait on each other in a circle).
    private func countAttempt(username: String, clientAddress: String, now: Date) async throws -> (RecordID, SignInThrottle.Verdict, StaffRecord?) {
        let since = throttle.windowStart(now: now)
        let engine = store.engine
        return try await store.transaction { [throttle] db in
            if engine == .postgres {
                try await db.raw("SELECT pg_advisory_xact_lock(7308, hashtext(\(bind: username))) AS locked").run()
                try await db.raw("SELECT pg_advisory_xact_lock(7309, hashtext(\(bind: clientAddress))) AS locked").run()
            }
            let id = try await SignInAttemptQueries.record(username: username, clientAddress: clientAddress, succeeded: false, now: now, db)
            // The counts include this attempt; the verdict is on the ones before it.
            let accountFailures = try await SignInAttemptQueries.recentFailures(username: username, since: since, db) - 1
            let addressFailures = try await SignInAttemptQueries.recentFailures(clientAddress: clientAddress, since: since, db) - 1
            let verdict = throttle.verdict(recentAccountFailures: accountFailures, recentAddressFailures: addressFailures)
            return (id, verdict, try await OrganisationQueries.staff(username: username, db))
        }
    }

    /// Finds the session behind a cookie; an idle or too old session is ended and logged.
    public func session(token: String, clientAddress: String?) async throws -> SessionLookup {
        let hash = Self.hashToken(token)
        let now = clock.now()
        // One query for the session, the person, their roles and the municipality: this runs on every request.
        guard let found = try await store.withConnection({ db in try await SessionQueries.lookup(tokenHash: hash, db) }) else { return .none }
        let session = found.session, staff = found.staff
        let actor = staff.map { OrganisationQueries.actor(staff: $0, assignments: found.assignments) }
        guard let staff, staff.active, !sessions.isExpired(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now) else {
            try await store.transaction { db in
                try await SessionQueries.delete(tokenHash: hash, db)
                let event = AuditEvent(staffID: session.staffID, staffName: staff?.displayName ?? AccountMessages.unknown, action: .accessDenied, recordType: .session, reason: AccountAuditReasons.sessionExpired, clientAddress: clientAddress)
                try await AuditQueries.append(event, at: now, db)
            }
            return .expired
        }
        if sessions.needsTouch(lastSeenAt: session.lastSeenAt, now: now) {
            try await store.transaction { db in try await SessionQueries.touch(tokenHash: hash, now: now, db) }
        }
        guard let actor else { return .none }
        return .active(ActiveSession(tokenHash: hash, actor: actor, csrfToken: session.csrfToken, mustChangePassword: staff.mustChangePassword,
                                     municipalityName: found.municipalityName, programmeRoles: found.programmeRoles,
                                     chairsLocalGroupWithArea: found.chairsLocalGroupWithArea))
    }

    public func signOut(_ session: ActiveSession, clientAddress: String?) async throws {
        let now = clock.now()
        try await store.transaction { db in
            try await SessionQueries.delete(tokenHash: session.tokenHash, db)
            try await AuditQueries.append(RequestOrigin(actor: session.actor, clientAddress: clientAddress).event(.signOut, type: .session, reason: AccountAuditReasons.signedOut), at: now, db)
        }
    }

    /// Changes one's own password. The current password is a guess like any sign-in (a
    /// session left open must not let someone try passwords freely), so it is counted and
    /// throttled the same way, against the same account.
    public func changePassword(_ session: ActiveSession, current: String, new: String, confirmation: String, clientAddress: String?) async throws -> Outcome<Void> {
        let outcome = try await checks.withSlot {
            try await checkedPasswordChange(session, current: current, new: new, confirmation: confirmation, clientAddress: clientAddress)
        }
        guard let outcome else {
            var errors = FieldErrors()
            errors.add("current_password", SignInFailure.busy.message)
            return .invalid(errors)
        }
        return outcome
    }

    private func checkedPasswordChange(_ session: ActiveSession, current: String, new: String, confirmation: String, clientAddress: String?) async throws -> Outcome<Void> {
        let now = clock.now()
        guard let staff = try await store.withConnection({ db in try await OrganisationQueries.staff(id: session.actor.staffID, db) }) else {
            return .denied(RegistryService.notFoundReason)
        }
        var errors = FieldErrors()
        let (attemptID, verdict, _) = try await countAttempt(username: staff.username, clientAddress: clientAddress ?? AccountMessages.unknown, now: now)
        guard verdict == .allowed else {
            errors.add("current_password", AccountMessages.currentPasswordThrottled)
            let event = RequestOrigin(actor: session.actor, clientAddress: clientAddress).event(.signInFailed, type: .staff, record: String(staff.id), reason: AccountAuditReasons.passwordChangeLocked)
            try await store.singleStatement { db in try await AuditQueries.append(event, at: now, db) }
            return .invalid(errors)
        }
        if try await hasher.verify(current, against: staff.passwordHash) {
            try await store.singleStatement { db in try await SignInAttemptQueries.markSucceeded(id: attemptID, db) }
        } else {
            errors.add("current_password", AccountMessages.currentPasswordWrong)
            let event = RequestOrigin(actor: session.actor, clientAddress: clientAddress).event(.signInFailed, type: .staff, record: String(staff.id), reason: AccountAuditReasons.passwordChangeWrongCurrent)
            try await store.singleStatement { db in try await AuditQueries.append(event, at: now, db) }
        }
        if let problem = PasswordRules.changeProblem(new: new, confirmation: confirmation, current: current, username: staff.username) {
            errors.add(problem.field, problem.message)
        }
        guard errors.isEmpty else { return .invalid(errors) }
        let hash = try await hasher.hash(new)
        try await store.transaction { db in
            try await OrganisationQueries.setPassword(staffID: staff.id, hash: hash, mustChange: false, db)
            try await SessionQueries.deleteAll(staffID: staff.id, except: session.tokenHash, db)
            try await AuditQueries.append(RequestOrigin(actor: session.actor, clientAddress: clientAddress).event(.passwordChanged, type: .staff, record: String(staff.id), reason: AccountAuditReasons.ownPasswordChanged), at: now, db)
        }
        return .ok(())
    }
}
