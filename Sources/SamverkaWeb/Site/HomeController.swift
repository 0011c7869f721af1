import Hummingbird
import SamverkaCore
import SamverkaStore

struct HomeController {
    let renderer: Renderer
    let consultations: ConsultationService
    let logReview: LogReviewService

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/", use: home)
    }

    @Sendable func home(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.origin().actor
        let notices = try await consultations.schoolNotices(by: try context.origin())
        let openFlags = try await logReview.openCount(for: actor)
        let roles = actor.assignments.map { a -> [String: Any] in ["role": a.role.label, "unit": a.unitName ?? "hela kommunen"] }
        return await renderer.page("home", title: "Start", [
            "roles": roles, "worksWithChildren": !actor.childWorkUnitIDs.isEmpty,
            "admin": actor.isAdministrator, "logReviewer": actor.isLogReviewer,
            "schoolNotices": notices.map { ["child": $0.childName, "childID": $0.childID, "unit": $0.unitName, "message": $0.message, "at": Stockholm.format($0.createdAt)] },
            "hasNotices": !notices.isEmpty,
            "openFlags": openFlags.map { $0 == 1 ? "1 flagga väntar på din granskning." : "\($0) flaggor väntar på din granskning." } ?? false,
            "notice": request.uri.queryParameters["losenord"] != nil ? "Ditt lösenord är bytt." : false,
        ], context: context)
    }
}
