import Foundation
import Hummingbird

/// Serves the files in `Public` (the stylesheet) before anything else runs. Hummingbird's
/// `FileMiddleware` looks for a file only when the rest of the chain throws 404, but the
/// error-page middleware inside it turns every 404 into a rendered page first, so the
/// stylesheet was never served. Here a request for a known file goes straight to the file
/// middleware, and needs no session lookup either.
struct PublicFilesMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let files: FileMiddleware<AppContext, LocalFileSystem>
    /// "/style.css" and the like: the folder's files, read once at start.
    let paths: Set<String>

    init(folder: String) {
        files = FileMiddleware(folder, cacheControl: .init([(.text, [.maxAge(3600)]), (.init(type: .application, subType: "javascript"), [.maxAge(3600)])]),
                               searchForIndexHtml: false)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        paths = Set(names.filter { !$0.hasPrefix(".") }.map { "/" + $0 })
    }

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head, paths.contains(request.uri.path) else {
            return try await next(request, context)
        }
        return try await files.handle(request, context: context) { _, _ in throw HTTPError(.notFound) }
    }
}
