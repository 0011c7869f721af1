import Hummingbird
import SamverkaCore
import SamverkaStore

/// How a person proves who they are. Passwords today; a municipality's OpenID Connect
/// provider can be added as a second implementation with its own routes.
public protocol Authenticator: Sendable {
    func authenticate(username: String, password: String, clientAddress: String) async throws -> Result<SignedIn, SignInFailure>
}

public struct PasswordAuthenticator: Authenticator {
    let accounts: AccountService
    public init(accounts: AccountService) { self.accounts = accounts }

    public func authenticate(username: String, password: String, clientAddress: String) async throws -> Result<SignedIn, SignInFailure> {
        try await accounts.signIn(username: username, password: password, clientAddress: clientAddress)
    }
}

struct AuthController {
    let renderer: Renderer
    let accounts: AccountService
    let authenticator: any Authenticator
    let configuration: WebConfiguration

    func addRoutes(to router: Router<AppContext>, protected: RouterGroup<AppContext>) {
        router.get("/logga-in", use: signInPage)
        router.post("/logga-in", use: signIn)
        protected.post("/logga-ut", use: signOut)
        protected.get("/konto/losenord", use: passwordPage)
        protected.post("/konto/losenord", use: changePassword)
    }

    @Sendable func signInPage(_ request: Request, context: AppContext) async throws -> Response {
        if context.session != nil { return Renderer.redirect("/") }
        let expired = request.uri.queryParameters["utgangen"] != nil
        return await anonymousPage(request, context: context, data: expired ? ["notice": "Du har loggats ut efter en tids inaktivitet. Logga in igen."] : [:])
    }

    /// The sign-in form carries a double-submit CSRF token (there is no session yet).
    private func anonymousPage(_ request: Request, context: AppContext, data: [String: Any], status: HTTPResponse.Status = .ok) async -> Response {
        var context = context
        let token = request.cookies[Cookies.anonymousCSRF]?.value ?? AccountService.randomToken()
        context.anonymousCSRF = token
        var response = await renderer.page("sign-in", title: "Logga in", data, context: context, status: status)
        response.setCookie(Cookies.make(Cookies.anonymousCSRF, token, secure: configuration.secureCookies))
        return response
    }

    @Sendable func signIn(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        let username = form["username"] ?? ""
        switch try await authenticator.authenticate(username: username, password: form["password"] ?? "", clientAddress: context.clientAddress) {
        case .success(let signedIn):
            var response = Renderer.redirect("/")
            response.setCookie(Cookies.make(Cookies.session, signedIn.token, secure: configuration.secureCookies))
            return response
        case .failure(let failure):
            let status: HTTPResponse.Status = switch failure {
            case .throttled: .tooManyRequests
            case .busy: .serviceUnavailable
            case .invalidCredentials: .unauthorized
            }
            var response = await anonymousPage(request, context: context, data: ["failure": failure.message, "username": username], status: status)
            if failure == .busy { response.headers[.retryAfter] = "5" }
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: AppContext) async throws -> Response {
        if let session = context.session {
            try await accounts.signOut(session, clientAddress: context.clientAddress)
        }
        var response = Renderer.redirect("/logga-in")
        response.setCookie(Cookies.make(Cookies.session, "", secure: configuration.secureCookies, maxAge: 0))
        return response
    }

    @Sendable func passwordPage(_ request: Request, context: AppContext) async throws -> Response {
        await renderer.page("password", title: "Byt lösenord", ["mustChange": context.session?.mustChangePassword ?? false], context: context)
    }

    @Sendable func changePassword(_ request: Request, context: AppContext) async throws -> Response {
        guard let session = context.session else { return Renderer.redirect("/logga-in") }
        var request = request
        let form = try await request.form()
        let outcome = try await accounts.changePassword(session, current: form["current_password"] ?? "", new: form["new_password"] ?? "",
                                                        confirmation: form["confirm_password"] ?? "", clientAddress: context.clientAddress)
        switch outcome {
        case .ok: return Renderer.redirect("/?losenord=1")
        case .invalid(let errors):
            // Passwords are never echoed back into the form.
            var state = FormState()
            state.errors = errors
            return await renderer.page("password", title: "Byt lösenord", state.data, context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }
}
