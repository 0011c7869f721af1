import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// Every error becomes a Swedish page without internals; the details go to the log only.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let renderer: Renderer
    /// Shown on an error from the public e-service: a report of concern that could not be
    /// taken must not just be lost, so the page says how to make it by phone.
    var socialServicesPhone: String?

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refused as AccessRefused {
            return await renderer.page("error", title: "Ingen åtkomst", ["message": refused.reason.text, "status": 403], context: context, status: .forbidden)
        } catch let error as HTTPError {
            return await page(for: error.status, context: context, path: request.uri.path)
        } catch let error where Self.clientFault(error) != nil {
            // The client's doing, not ours: answered as such, and not logged as a failure.
            context.logger.notice("request refused", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return await page(for: Self.clientFault(error)!, context: context, path: request.uri.path)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return await page(for: .internalServerError, context: context, path: request.uri.path)
        }
    }

    /// Errors from reading the request body that are the client's: too large a body
    /// (413), or one that does not parse as HTTP, like a bad chunk size (400).
    static func clientFault(_ error: any Error) -> HTTPResponse.Status? {
        switch error {
        case is NIOTooManyBytesError: .contentTooLarge
        case is HTTPParserError: .badRequest
        default: nil
        }
    }

    func page(for status: HTTPResponse.Status, context: AppContext, path: String = "") async -> Response {
        let (title, text): (String, String) = switch status.code {
        case 400: ("Felaktig begäran", "Begäran kunde inte tolkas. Gå tillbaka och försök igen.")
        case 401: ("Inloggning krävs", "Du behöver logga in för att se sidan.")
        case 403: ("Åtgärden nekades", "Formuläret var för gammalt eller kom inte från Samverka. Ladda om sidan och försök igen.")
        case 404: ("Sidan finns inte", "Sidan finns inte eller så saknar du behörighet att se den.")
        case 413: ("För mycket data", "Det du skickade var för stort. Korta texten eller skicka en mindre fil och försök igen.")
        case 503: ("Hög belastning", "Många använder Samverka just nu. Vänta en stund och försök igen.")
        default: ("Något gick fel", "Ett tekniskt fel inträffade. Inget av det du skickade sparades halvvägs. Försök igen om en stund.")
        }
        var data: [String: Any] = ["message": text, "status": status.code]
        if path.hasPrefix("/e-tjanst") {
            data["reportByPhone"] = true
            if let socialServicesPhone { data["phone"] = socialServicesPhone }
        }
        return await renderer.page("error", title: title, data, context: context, status: status)
    }
}
