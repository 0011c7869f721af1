import Hummingbird
import SamverkaCore

/// The accessibility statement (tillgänglighetsredogörelse) that the law on accessibility
/// of digital public services (2018:1937) requires: public, reachable from every page and
/// from the public e-service, without signing in.
struct AccessibilityController {
    let renderer: Renderer

    func addRoutes(to router: Router<AppContext>) {
        router.get("/tillganglighet", use: statement)
    }

    @Sendable func statement(_ request: Request, context: AppContext) async throws -> Response {
        await renderer.page("accessibility", title: "Tillgänglighetsredogörelse", [
            "law": LegalReference.digitalAccessibility.current,
        ], context: context)
    }
}
