import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// The administrator's forums (issue 19 item 1: forums as data): set one up from a shipped
/// template, and keep each forum's members and chairs. Refusals answer like missing pages.
struct ForumAdminController {
    let renderer: Renderer
    let forums: ForumService

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get(SiteURL.adminForums.route) { request, context in try await self.list(FormState(), notice: request.uri.queryParameters["sparad"] != nil, context) }
        group.post(SiteURL.adminForums.route) { request, context in try await self.setUp(request, context) }
        group.get(SiteURL.adminForum(.key).route) { request, context in
            try await self.forum(try id(context), state: FormState(), notice: request.uri.queryParameters["sparad"] != nil, context)
        }
        group.post(SiteURL.adminForumMembers(.key).route) { request, context in try await self.addMember(request, context) }
        group.post(SiteURL.adminForumMemberRemove(.key, staff: .key).route) { _, context in try await self.removeMember(context) }
    }

    private func id(_ context: AppContext, _ name: String = "id") throws -> RecordID {
        guard let id = context.parameters.get(name, as: RecordID.self) else { throw HTTPError(.notFound) }
        return id
    }

    private func administration(_ context: AppContext) async throws -> ForumService.ForumAdministration {
        guard case .ok(let admin) = try await forums.administration(by: try context.origin()) else { throw HTTPError(.notFound) }
        return admin
    }

    private func list(_ state: FormState, notice: Bool, _ context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let model = ForumAdminListPage(administration: try await administration(context), state: state, notice: notice)
        return await renderer.page("admin-forums", title: "Forum och ledamöter", model.data, context: context, status: status)
    }

    private func forum(_ forumID: RecordID, state: FormState, notice: Bool, _ context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let admin = try await administration(context)
        guard let forum = admin.forums.first(where: { $0.id == forumID }) else { throw HTTPError(.notFound) }
        let model = ForumAdminPage(forum: forum, staff: admin.staff, state: state, notice: notice)
        return await renderer.page("admin-forum", title: forum.name, model.data, context: context, status: status)
    }

    private func setUp(_ request: Request, _ context: AppContext) async throws -> Response {
        var request = request
        let values = try await request.form()
        switch try await forums.setUpForum(kind: values["template"] ?? "", name: values["name"] ?? "", covers: values["covers"] ?? "", by: try context.origin()) {
        case .ok(let id): return Renderer.redirect(SiteURL.adminForum(.value(id)).path + "?sparad=1")
        case .invalid(let errors): return try await list(FormState(values: values, errors: errors), notice: false, context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    private func addMember(_ request: Request, _ context: AppContext) async throws -> Response {
        let forumID = try id(context)
        var request = request
        let values = try await request.form()
        switch try await forums.addMember(forumID: forumID, staffID: values["staff_id"] ?? "", role: values["member_role"] ?? "", by: try context.origin()) {
        case .ok: return Renderer.redirect(SiteURL.adminForum(.value(forumID)).path + "?sparad=1")
        case .invalid(let errors): return try await forum(forumID, state: FormState(values: values, errors: errors), notice: false, context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    private func removeMember(_ context: AppContext) async throws -> Response {
        let forumID = try id(context)
        switch try await forums.removeMember(forumID: forumID, staffID: try id(context, "sid"), by: try context.origin()) {
        case .ok: return Renderer.redirect(SiteURL.adminForum(.value(forumID)).path + "?sparad=1")
        case .invalid(let errors): return try await forum(forumID, state: FormState(errors: errors), notice: false, context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }
}

/// `/admin/forum`: every forum with its chairs and number of members, and the form that sets
/// up a new one from a template.
struct ForumAdminListPage {
    let administration: ForumService.ForumAdministration
    let state: FormState
    let notice: Bool

    var data: [String: Any] {
        var d = state.data
        let chosen = state.values["template"] ?? ""
        d["notice"] = notice ? "Sparat." : false
        d["forums"] = administration.forums.map { f -> [String: Any] in
            ["name": f.name, "kind": f.kind.label, "covers": f.covers, "link": SiteURL.adminForum(.value(f.id)).path,
             "chairs": f.members.filter { $0.role == .chair }.map(\.name).joined(separator: ", "), "members": f.members.count]
        }
        d["templates"] = ForumTemplate.shipped.map { ["value": $0.kind.rawValue, "label": $0.name, "selected": $0.kind.rawValue == chosen] as [String: Any] }
        d["action"] = SiteURL.adminForums.path
        return d
    }
}

/// `/admin/forum/{id}`: the forum's members with a button to remove each, and the form that
/// adds one (any active staff member, as chair, member or contact person).
struct ForumAdminPage {
    let forum: Forum
    let staff: [StaffRecord]
    let state: FormState
    let notice: Bool

    var data: [String: Any] {
        var d = state.data
        let chosenStaff = state.values["staff_id"] ?? ""
        let chosenRole = state.values["member_role"] ?? ForumMemberRole.member.rawValue
        let inForum = Set(forum.members.map(\.staffID))
        d["notice"] = notice ? "Sparat." : false
        d["name"] = forum.name
        d["kind"] = forum.kind.label
        d["covers"] = forum.covers
        d["forumLink"] = SiteURL.forum(.value(forum.id)).path
        d["back"] = SiteURL.adminForums.path
        d["members"] = forum.members.map { m -> [String: Any] in
            ["name": m.name, "role": m.role.label, "removeAction": SiteURL.adminForumMemberRemove(.value(forum.id), staff: .value(m.staffID)).path]
        }
        d["hasMembers"] = !forum.members.isEmpty
        d["staff"] = staff.filter { !inForum.contains($0.id) }.map { ["value": String($0.id), "label": $0.displayName, "selected": String($0.id) == chosenStaff] as [String: Any] }
        d["roles"] = ForumMemberRole.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": $0.rawValue == chosenRole] as [String: Any] }
        d["addAction"] = SiteURL.adminForumMembers(.value(forum.id)).path
        return d
    }
}
