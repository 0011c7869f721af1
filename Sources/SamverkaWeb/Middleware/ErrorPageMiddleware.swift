import Hummingbird
import Logging

/// Every error becomes a Swedish page without internals; the details go to the log only.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let renderer: Renderer

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            return await page(for: error.status, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return await page(for: .internalServerError, context: context)
        }
    }

    func page(for status: HTTPResponse.Status, context: AppContext) async -> Response {
        let (title, text): (String, String) = switch status.code {
        case 400: ("Felaktig begäran", "Begäran kunde inte tolkas. Gå tillbaka och försök igen.")
        case 401: ("Inloggning krävs", "Du behöver logga in för att se sidan.")
        case 403: ("Åtgärden nekades", "Formuläret var för gammalt eller kom inte från Samverka. Ladda om sidan och försök igen.")
        case 404: ("Sidan finns inte", "Sidan finns inte eller så saknar du behörighet att se den.")
        case 413: ("För mycket data", "Det du skickade var för stort.")
        default: ("Något gick fel", "Ett tekniskt fel inträffade. Inget av det du skickade sparades halvvägs. Försök igen om en stund.")
        }
        return await renderer.page("error", title: title, ["message": text, "status": status.code], context: context, status: status)
    }
}
