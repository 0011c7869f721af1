import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// Forums, their meetings and agendas, the yearly wheel and the action plan (issue 19).
/// Each handler parses, calls one service function and renders; the minutes are written on
/// the shared meeting page (`/moten/{id}`).
struct ForumsController {
    let renderer: Renderer
    let forums: ForumService
    let studentHealth: StudentHealthService
    let directory: DirectoryService
    let clock: any TimeSource
    let fonts: PDFFonts

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get(SiteURL.forums.route) { _, context in try await self.list(context) }
        group.get(SiteURL.forum(.key).route) { request, context in try await self.forum(request, context) }
        group.get(SiteURL.forumNewMeeting(.key).route) { _, context in try await self.bookingForm(try id(context), state: FormState(), context: context) }
        group.post(SiteURL.forumNewMeeting(.key).route) { request, context in try await self.book(request, context) }
        group.get(SiteURL.forumAgendaItem(.key, meeting: .key).route) { _, context in try await self.itemForm(try id(context), try id(context, "mid"), state: FormState(), context: context) }
        group.post(SiteURL.forumAgendaItem(.key, meeting: .key).route) { request, context in try await self.addItem(request, context) }
        group.get(SiteURL.yearlyWheel.route) { request, context in try await self.wheel(request, context) }
        group.post(SiteURL.yearlyTaskDone(year: .key, kind: .key).route) { request, context in try await self.taskDone(request, context) }
        group.get(SiteURL.actionPlan(.key).route) { _, context in try await self.plan(try year(context), state: FormState(), posted: nil, context: context) }
        group.post(SiteURL.actionPlanForm(.key, form: .key).route) { request, context in try await self.planForm(request, context) }
        group.get(SiteURL.actionPlanPDF(.key).route) { _, context in try await self.planPDF(try year(context), context: context) }
    }

    private func id(_ context: AppContext, _ name: String = "id") throws -> RecordID {
        guard let id = context.parameters.get(name, as: RecordID.self) else { throw HTTPError(.notFound) }
        return id
    }

    private func year(_ context: AppContext) throws -> Int {
        guard let year = context.parameters.get("year", as: Int.self), (2000...2100).contains(year) else { throw HTTPError(.notFound) }
        return year
    }

    // MARK: Forums

    private func list(_ context: AppContext) async throws -> Response {
        let origin = try context.origin()
        return await renderer.page("forums", title: "Forum", ForumsPage(forums: try await forums.myForums(by: origin)).data, context: context)
    }

    private func forum(_ request: Request, _ context: AppContext) async throws -> Response {
        let origin = try context.origin()
        guard case .ok(let page) = try await forums.forumPage(try id(context), by: origin) else { throw HTTPError(.notFound) }
        let q = request.uri.queryParameters
        let notice: String? = q["bokat"] != nil ? "Mötet är bokat." : q["punkt"] != nil ? "Punkten är tillagd på dagordningen." : nil
        // A health team's referrals (Steg 1), and the routines' responsibilities that go with the forum's kind.
        let referrals = EHTTeam.kinds.contains(page.forum.kind) ? try await studentHealth.teamReferrals(forumID: page.forum.id, by: origin) : []
        let responsibilities = try await directory.responsibilities()
        return await renderer.page("forum", title: page.forum.name, ForumPageModel(page: page, actor: origin.actor, notice: notice, referrals: referrals,
                                                                                   responsibilities: responsibilities).data, context: context)
    }

    private func bookingForm(_ forumID: RecordID, state: FormState, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard case .ok(let choices) = try await forums.bookingChoices(forumID, by: try context.origin()) else { throw HTTPError(.notFound) }
        return await renderer.page("forum-meeting-new", title: "Boka möte: \(choices.forum.name)", ForumMeetingFormPage(choices: choices, state: state).data, context: context, status: status)
    }

    private func book(_ request: Request, _ context: AppContext) async throws -> Response {
        let forumID = try id(context)
        let origin = try context.origin()
        var request = request
        let values = try await request.form()
        guard case .ok(let choices) = try await forums.bookingChoices(forumID, by: origin) else { throw HTTPError(.notFound) }
        let input = MeetingsController.bookingInput(values, family: [], staff: choices.participants)
        switch try await forums.bookMeeting(forumID, input, by: origin) {
        case .ok: return Renderer.redirect(SiteURL.forum(.value(forumID)).path + "?bokat=1")
        case .invalid(let errors): return try await bookingForm(forumID, state: FormState(values: values, errors: errors), context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    private func itemForm(_ forumID: RecordID, _ meetingID: RecordID, state: FormState, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let origin = try context.origin()
        guard case .ok(let page) = try await forums.forumPage(forumID, by: origin),
              let meeting = page.meetings.first(where: { $0.id == meetingID }) else { throw HTTPError(.notFound) }
        return await renderer.page("forum-agenda-item", title: "Punkt på dagordningen", ForumAgendaItemPage(forum: page.forum, meeting: meeting, state: state).data, context: context, status: status)
    }

    private func addItem(_ request: Request, _ context: AppContext) async throws -> Response {
        let (forumID, meetingID) = (try id(context), try id(context, "mid"))
        var request = request
        let values = try await request.form()
        var input = ForumAgendaItemInput()
        input.title = values["title"] ?? ""
        input.text = values["text"] ?? ""
        input.childNumber = values["child"] ?? ""
        input.identifyingConfirmed = values["identifying_confirmed"] != nil
        switch try await forums.addAgendaItem(meetingID: meetingID, input, by: try context.origin()) {
        case .ok: return Renderer.redirect(SiteURL.forum(.value(forumID)).path + "?punkt=1")
        case .invalid(let errors): return try await itemForm(forumID, meetingID, state: FormState(values: values, errors: errors), context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    // MARK: The yearly wheel

    private func wheel(_ request: Request, _ context: AppContext, errors: FieldErrors = FieldErrors(), year: Int? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let asked = year ?? request.uri.queryParameters["ar"].flatMap { Int($0) }.flatMap { (2000...2100).contains($0) ? $0 : nil }
        let origin = try context.origin()
        guard case .ok(let wheel) = try await forums.wheel(year: asked, by: origin) else { throw HTTPError(.notFound) }
        return await renderer.page("yearly-wheel", title: "Årshjul \(wheel.year)", YearlyWheelPage(wheel: wheel, actor: origin.actor, errors: errors).data, context: context, status: status)
    }

    private func taskDone(_ request: Request, _ context: AppContext) async throws -> Response {
        let year = try year(context)
        guard let kind = context.parameters.get("kind").flatMap(CycleTaskKind.init(rawValue:)) else { throw HTTPError(.notFound) }
        var request = request
        let values = try await request.form()
        switch try await forums.markDone(CycleTaskKey(kind: kind, year: year), note: values["note_\(kind.rawValue)"] ?? "", by: try context.origin()) {
        case .ok: return Renderer.redirect("\(SiteURL.yearlyWheel.path)?ar=\(year)")
        case .invalid(let errors):
            var keyed = FieldErrors()
            for (_, message) in errors.messages { keyed.add("note_\(kind.rawValue)", message) }
            return try await wheel(request, context, errors: keyed, year: year, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    // MARK: The action plan

    private func plan(_ year: Int, state: FormState, posted: String?, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard case .ok(let page) = try await forums.actionPlan(year: year, by: try context.origin()) else { throw HTTPError(.notFound) }
        return await renderer.page("action-plan", title: "Handlingsplan \(year)", ActionPlanPageModel(page: page, state: state, posted: posted).data, context: context, status: status)
    }

    /// The plan as a PDF, from the same audited read as the page.
    private func planPDF(_ year: Int, context: AppContext) async throws -> Response {
        guard case .ok(let page) = try await forums.actionPlan(year: year, by: try context.origin()) else { throw HTTPError(.notFound) }
        let names = Dictionary(page.localGroups.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let document = ActionPlanDocument(plan: page.plan, groupNames: names, municipality: context.session?.municipalityName ?? "Kommunen")
        return Renderer.download(document.pdf(fonts: fonts, created: clock.now()), type: "application/pdf", name: "handlingsplan-\(year).pdf")
    }

    private func planForm(_ request: Request, _ context: AppContext) async throws -> Response {
        let year = try year(context)
        guard let form = context.parameters.get("form") else { throw HTTPError(.notFound) }
        let origin = try context.origin()
        var request = request
        let values = try await request.form()
        let outcome: Outcome<Void>
        switch form {
        case "mal": outcome = try await forums.addGoal(year: year, values["goal"] ?? "", by: origin).map { _ in () }
        case "uppfoljning": outcome = try await forums.savePlanText(year: year, followUp: values["follow_up"] ?? "", by: origin)
        case "summering": outcome = try await forums.savePlanText(year: year, summary: values["summary"] ?? "", by: origin)
        case "aktivitet":
            var input = ActionPlanActivityInput()
            input.goalID = values["goal_id"] ?? ""
            input.forumID = values["forum_id"] ?? ""
            input.what = values["what"] ?? ""
            input.responsibleStaffID = values["responsible"] ?? ""
            input.status = values["status"] ?? ""
            input.note = values["note"] ?? ""
            outcome = try await forums.addActivity(year: year, input, by: origin).map { _ in () }
        default:
            guard form.hasPrefix("status-"), let activityID = RecordID(form.dropFirst("status-".count)) else { throw HTTPError(.notFound) }
            outcome = try await forums.updateActivity(year: year, id: activityID, status: values["status"] ?? "", note: values["note"] ?? "", by: origin)
        }
        switch outcome {
        case .ok: return Renderer.redirect(SiteURL.actionPlan(.value(year)).path)
        case .invalid(let errors): return try await plan(year, state: FormState(values: values, errors: errors), posted: form, context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }
}

extension Outcome {
    func map<T: Sendable>(_ transform: (Value) -> T) -> Outcome<T> {
        switch self {
        case .ok(let value): .ok(transform(value))
        case .invalid(let errors): .invalid(errors)
        case .denied(let reason): .denied(reason)
        }
    }
}
