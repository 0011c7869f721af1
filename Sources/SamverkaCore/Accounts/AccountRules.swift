import Foundation

/// Password rules: long rather than complex (NIST SP 800-63B style), and never the username.
public enum PasswordRules {
    public static let minimumLength = 12
    public static let maximumLength = 72  // Bcrypt reads at most 72 bytes.

    public static func problem(password: String, username: String) -> String? {
        if password.count < minimumLength {
            return "Lösenordet måste vara minst \(minimumLength) tecken."
        }
        if password.utf8.count > maximumLength {
            return "Lösenordet får vara högst \(maximumLength) byte långt."
        }
        if password.lowercased().contains(username.lowercased()), !username.isEmpty {
            return "Lösenordet får inte innehålla användarnamnet."
        }
        return nil
    }
}

/// Usernames: lower-case letters, digits, dot, dash and underscore.
public enum UsernameRules {
    public static func problem(_ username: String) -> String? {
        if username.isEmpty { return "Fyll i användarnamn." }
        if username.count > 64 { return "Användarnamnet får vara högst 64 tecken." }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        if !username.allSatisfy({ allowed.contains($0) }) {
            return "Användarnamnet får bara innehålla a–z, siffror, punkt, bindestreck och understreck."
        }
        return nil
    }
}

/// Sign-in throttling, per account and per client address, over a sliding window.
/// The counts come from the database so that every app instance sees the same attempts.
public struct SignInThrottle: Sendable, Hashable {
    public var window: TimeInterval
    public var maxFailuresPerAccount: Int
    public var maxFailuresPerAddress: Int

    public init(window: TimeInterval = 15 * 60, maxFailuresPerAccount: Int = 5, maxFailuresPerAddress: Int = 20) {
        self.window = window
        self.maxFailuresPerAccount = maxFailuresPerAccount
        self.maxFailuresPerAddress = maxFailuresPerAddress
    }

    public enum Verdict: Sendable, Hashable {
        case allowed
        case accountLocked
        case addressLocked
    }

    public func verdict(recentAccountFailures: Int, recentAddressFailures: Int) -> Verdict {
        if recentAccountFailures >= maxFailuresPerAccount { return .accountLocked }
        if recentAddressFailures >= maxFailuresPerAddress { return .addressLocked }
        return .allowed
    }

    public func windowStart(now: Date) -> Date { now - window }
}

/// Server-side sessions end after a period without activity.
public struct SessionRules: Sendable, Hashable {
    public var idleTimeout: TimeInterval
    /// Last-seen is written at most this often, so a busy page does not write on every hit.
    public var touchInterval: TimeInterval
    /// A session ends after this long whatever the activity (a working day).
    public var absoluteLifetime: TimeInterval

    public init(idleTimeout: TimeInterval = 30 * 60, touchInterval: TimeInterval = 60, absoluteLifetime: TimeInterval = 12 * 3600) {
        self.idleTimeout = idleTimeout
        self.touchInterval = touchInterval
        self.absoluteLifetime = absoluteLifetime
    }

    public func isExpired(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) > idleTimeout || now.timeIntervalSince(createdAt) > absoluteLifetime
    }

    public func needsTouch(lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= touchInterval
    }
}
