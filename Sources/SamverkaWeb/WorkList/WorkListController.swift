import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// The work list: every module's clocks and the person's tasks, and marking a task done.
struct WorkListController {
    let renderer: Renderer
    let workList: WorkListService

    static let pageSize = 100

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get(SiteURL.workList.route, use: list)
        group.post(SiteURL.taskDone(.key).route, use: taskDone)
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        // The most urgent first; a long list is cut (overdue items always come first) and
        // the rest is one click away. The cut list reads only what its first page comes from.
        let all = request.uri.queryParameters["alla"] != nil
        let list = try await workList.workList(by: try context.origin(), mostUrgent: all ? nil : Self.pageSize)
        let shown = all ? list.items : Array(list.items.prefix(Self.pageSize))
        let overdue = all ? list.unitOverdue : Array(list.unitOverdue.prefix(Self.pageSize))
        let complete = list.complete && shown.count == list.items.count
        let page = WorkListPage(items: shown.map { WorkItemRow($0) }, overdue: overdue.map { WorkItemRow($0, inUnitOverview: true) },
                                total: list.items.count, overdueTotal: list.unitOverdue.count, complete: complete,
                                more: !complete || list.unitOverdue.count > overdue.count, doneMessage: request.uri.queryParameters["klar"] != nil)
        return await renderer.page("work-list", title: "Arbetslista", page.data, context: context)
    }

    @Sendable func taskDone(_ request: Request, context: AppContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: RecordID.self) else { throw HTTPError(.notFound) }
        switch try await workList.completeTask(id: id, by: try context.origin()) {
        case .ok: return Renderer.redirect(SiteURL.workList.path + "?klar=1")
        case .invalid, .denied: throw HTTPError(.notFound)
        }
    }
}
