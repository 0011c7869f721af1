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
    /// The social services' number for reports by phone, shown whenever the public
    /// e-service cannot take a report (without it, the page points to the switchboard).
    public var socialServicesPhone: String?
    /// How often this instance looks for due background jobs (the log review's scan, the
    /// session cleanup); nil runs none (tests drive the runner themselves).
    public var jobPollInterval: Duration? = .seconds(5)

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, trustForwardedFor: Bool = false,
                sessionRules: SessionRules = .init(), throttle: SignInThrottle = .init(), bcryptCost: UInt8 = 12, socialServicesPhone: String? = nil) {
        self.socialServicesPhone = socialServicesPhone.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.trustForwardedFor = trustForwardedFor
        self.sessionRules = sessionRules
        self.throttle = throttle
        self.bcryptCost = max(12, bcryptCost)
    }
}
