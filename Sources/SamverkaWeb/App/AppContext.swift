import Hummingbird
import NIOCore
import SamverkaCore
import SamverkaStore

/// Per-request state: the session (if signed in) and the client's address.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var session: ActiveSession?
    /// The CSRF token for forms on an anonymous page (double-submit cookie).
    public var anonymousCSRF: String?
    let channelAddress: String?
    var forwardedFor: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channelAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The client's address; behind a trusted proxy, the proxy's X-Forwarded-For.
    public var clientAddress: String { forwardedFor ?? channelAddress ?? "okänd" }

    public var maxUploadSize: Int { 1024 * 1024 }

    func origin() throws -> RequestOrigin {
        guard let session else { throw HTTPError(.unauthorized) }
        return RequestOrigin(actor: session.actor, clientAddress: clientAddress)
    }
}
