import HTTPTypes
import Hummingbird

/// HEAD is answered as GET would be, without the body (RFC 9110 §9.3.2): routes are
/// registered for GET only, so HEAD found none and answered 404. The GET runs in full
/// (a HEAD of a child page is audited as a read, which it is: the status tells whether
/// the page may be seen).
struct HeadRequestMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .head else { return try await next(request, context) }
        var head = request.head
        head.method = .get
        let response = try await next(Request(head: head, body: request.body), context)
        // The headers stay as GET would send them, Content-Length included; the body goes.
        var headers = response.headers
        if headers[.contentLength] == nil, let length = response.body.contentLength {
            headers[.contentLength] = String(length)
        }
        return Response(status: response.status, headers: headers, body: ResponseBody())
    }
}
