import Hummingbird
import SamverkaCore
import SamverkaStore

struct HomeController {
    let renderer: Renderer

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/", use: home)
    }

    @Sendable func home(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.origin().actor
        let roles = actor.assignments.map { a -> [String: Any] in ["role": a.role.label, "unit": a.unitName ?? "hela kommunen"] }
        return await renderer.page("home", title: "Start", [
            "roles": roles, "worksWithChildren": !actor.childWorkUnitIDs.isEmpty,
            "admin": actor.isAdministrator, "logReviewer": actor.isLogReviewer,
            "notice": request.uri.queryParameters["losenord"] != nil ? "Ditt lösenord är bytt." : false,
        ], context: context)
    }
}
