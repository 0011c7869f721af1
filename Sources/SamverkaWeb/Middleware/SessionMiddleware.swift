import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SamverkaCore
import SamverkaStore

enum Cookies {
    static let session = "samverka_session"
    static let anonymousCSRF = "samverka_csrf"

    static func make(_ name: String, _ value: String, secure: Bool, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}

/// Loads the server-side session behind the cookie, and checks the CSRF token of every
/// state-changing request (the session's token, or the double-submit cookie before sign-in).
/// The parsed form is handed on in the request body as it came.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let accounts: AccountService
    let audit: AuditService
    let configuration: WebConfiguration

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var context = context
        if configuration.trustForwardedFor, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!] {
            context.forwardedFor = forwarded.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var expired = false
        if let token = request.cookies[Cookies.session]?.value, !token.isEmpty {
            switch try await accounts.session(token: token, clientAddress: context.clientAddress) {
            case .active(let session): context.session = session
            case .expired: expired = true
            case .none: break
            }
        }
        var request = request
        if request.method != .get && request.method != .head {
            // The body is read here first, so this is where its size limit holds. Someone
            // whose session just ended is sent to sign in again, not told the form was big.
            let form: [String: String]
            do {
                form = try await request.form(limit: context.session == nil ? Request.maxAnonymousBytes : nil)
            } catch is NIOTooManyBytesError where expired {
                return Renderer.redirect("/logga-in?utgangen=1")
            }
            let sent = form["_csrf"] ?? ""
            let expected = context.session?.csrfToken ?? request.cookies[Cookies.anonymousCSRF]?.value ?? ""
            guard !expected.isEmpty, constantTimeEquals(sent, expected) else {
                let actor = context.session?.actor
                try await audit.record(AuditEvent(
                    staffID: actor?.staffID, staffName: actor?.displayName ?? "ej inloggad", action: .accessDenied,
                    recordType: .request, recordID: "\(request.method) \(request.uri.path)",
                    reason: sent.isEmpty ? "CSRF-token saknas" : "CSRF-token stämmer inte", clientAddress: context.clientAddress
                ))
                if expired { return Renderer.redirect("/logga-in?utgangen=1") }
                throw HTTPError(.forbidden)
            }
        }
        if expired, request.uri.path != "/logga-in" {
            var response = Renderer.redirect("/logga-in?utgangen=1")
            response.setCookie(Cookies.make(Cookies.session, "", secure: configuration.secureCookies, maxAge: 0))
            return response
        }
        return try await next(request, context)
    }

    private func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Pages behind this need a signed-in person; others are sent to the sign-in page.
struct RequireSignInMiddleware: RouterMiddleware {
    typealias Context = AppContext

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard let session = context.session else { return Renderer.redirect("/logga-in") }
        if session.mustChangePassword, request.uri.path != "/konto/losenord", request.uri.path != "/logga-ut" {
            return Renderer.redirect("/konto/losenord")
        }
        return try await next(request, context)
    }
}
