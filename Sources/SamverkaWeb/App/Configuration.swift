import Foundation
import Logging
import SamverkaCore

/// Everything the web application needs to know about where it runs.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Mark cookies Secure (set when served over TLS, directly or behind a proxy).
    public var secureCookies: Bool
    /// Take the client address from X-Forwarded-For (only behind a trusted reverse proxy).
    public var trustForwardedFor: Bool
    public var sessionRules: SessionRules
    public var throttle: SignInThrottle
    /// Bcrypt cost: at least 12 in production.
    public var bcryptCost: UInt8

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, trustForwardedFor: Bool = false,
                sessionRules: SessionRules = .init(), throttle: SignInThrottle = .init(), bcryptCost: UInt8 = 12) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.trustForwardedFor = trustForwardedFor
        self.sessionRules = sessionRules
        self.throttle = throttle
        self.bcryptCost = max(12, bcryptCost)
    }
}
