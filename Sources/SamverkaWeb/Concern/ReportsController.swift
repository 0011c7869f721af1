import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// Reports of concern: the staff form, "Mina anmälningar", the intake queue and the report
/// page with intake's steps.
struct ReportsController {
    let renderer: Renderer
    let reports: ReportService
    let registry: RegistryService
    let meetings: MeetingContextService
    let store: Store
    let clock: any TimeSource

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/anmalan", use: formByNumber)
        group.post("/anmalan", use: fileByNumber)
        group.get("/barn/:id/anmalan", use: form)
        group.post("/barn/:id/anmalan", use: file)
        group.get("/anmalningar", use: mine)
        group.get("/mottagning", use: queue)
        group.get("/anmalningar/:id", use: show)
        group.post("/anmalningar/:id/begar-aterkoppling", use: requestFeedback)
        group.post("/anmalningar/:id/steg/:step", use: step)
        group.post("/anmalningar/:id/koppla-barn", use: linkChild)
        group.post("/anmalningar/:id/hav-forbud", use: liftNoticeBan)
    }

    private func id(_ context: AppContext) throws -> RecordID {
        guard let id = context.parameters.get("id", as: RecordID.self) else { throw HTTPError(.notFound) }
        return id
    }

    // MARK: The form

    static func input(_ form: [String: String]) -> ReportInput {
        var input = ReportInput()
        input.observations = form["observations"] ?? ""
        input.since = form["since"] ?? ""
        input.actionsTaken = form["actions_taken"] ?? ""
        input.reporterContact = form["reporter_contact"] ?? ""
        input.reporterName = form["reporter_name"] ?? ""
        input.acuteGrounds = Set(AcuteGround.allCases.filter { form["acute_\($0.rawValue)"] != nil })
        input.guardiansInformed = form["guardians_informed"] ?? ""
        input.requestJointMeeting = form["joint_meeting"] != nil
        input.channel = ReportChannel(rawValue: form["channel"] ?? "") ?? .written
        input.kind = ReportKind(rawValue: form["kind"] ?? "") ?? .concern
        input.reporterKind = ReporterKind(rawValue: form["reporter_kind"] ?? "") ?? .staff
        return input
    }

    /// The report form: about a child from its page, or (`child` nil) about a child given by
    /// name and number, for a child the person does not see.
    private func formPage(childID: RecordID?, child: ChildRecord?, state: FormState, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = try context.origin().actor
        let intake = actor.registersReportsForOthers && child != nil
        let units = try await reports.intakeUnits()
        var data = state.data
        let v = state.values
        data["action"] = childID.map { "/barn/\($0)/anmalan" } ?? "/anmalan"
        data["child"] = child?.fullName ?? false
        data["byNumber"] = child == nil
        data["intake"] = intake
        data["units"] = units.map { ["id": $0.id, "name": $0.name, "selected": String($0.id) == v["handling_unit_id"]] }
        data["chooseUnit"] = units.count > 1
        data["acuteGrounds"] = AcuteGround.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": v["acute_\($0.rawValue)"] != nil] }
        data["informedYes"] = v["guardians_informed"] == GuardianNotice.informed.rawValue
        data["informedNo"] = v["guardians_informed"] == GuardianNotice.notInformed.rawValue
        data["jointChecked"] = v["joint_meeting"] != nil
        data["channels"] = ConcernViews.options(ReportChannel.self, selected: v["channel"] ?? "oral") { $0.label }.filter { $0["value"] as? String != "e-service" }
        data["kinds"] = ConcernViews.options(ReportKind.self, selected: v["kind"] ?? "concern") { $0.label }
        data["reporterKinds"] = ConcernViews.options(ReporterKind.self, selected: v["reporter_kind"] ?? "agency") { $0.label }
            .filter { $0["value"] as? String != "staff" }
        data["dutyToReport"] = LegalReference.dutyToReport.current
        data["responsibilitiesLink"] = SiteURL.responsibilities(routine: .report)
        return await renderer.page("report-new", title: "Orosanmälan", data, context: context, status: status)
    }

    @Sendable func formByNumber(_ request: Request, context: AppContext) async throws -> Response {
        try await EntryDoor(store: store, clock: clock).require(.fileReportByNumber, type: .reportForm, context)
        return try await formPage(childID: nil, child: nil, state: FormState(), context: context)
    }

    @Sendable func fileByNumber(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        let form = try await request.form()
        switch try await reports.fileByNumber(childName: form["child_name"] ?? "", childNumber: form["child_number"] ?? "", Self.input(form),
                                              handlingUnitID: form["handling_unit_id"] ?? "", by: try context.origin()) {
        case .ok(let reportID): return Renderer.redirect("/anmalningar?skickad=\(reportID)")
        case .invalid(let errors): return try await formPage(childID: nil, child: nil, state: FormState(values: form, errors: errors), context: context, status: .unprocessableContent)
        case .denied(let reason): throw AccessRefused(reason: reason)
        }
    }

    @Sendable func form(_ request: Request, context: AppContext) async throws -> Response {
        let childID = try id(context)
        guard case .ok(let child) = try await reports.child(for: childID, by: try context.origin()) else { throw HTTPError(.notFound) }
        return try await formPage(childID: childID, child: child, state: FormState(), context: context)
    }

    @Sendable func file(_ request: Request, context: AppContext) async throws -> Response {
        let childID = try id(context)
        var request = request
        let form = try await request.form()
        switch try await reports.file(childID: childID, Self.input(form), handlingUnitID: form["handling_unit_id"] ?? "", by: try context.origin()) {
        case .ok(let reportID):
            let actor = try context.origin().actor
            return Renderer.redirect(!actor.registersReportsForOthers ? "/anmalningar?skickad=\(reportID)" : "/anmalningar/\(reportID)?registrerad=1")
        case .invalid(let errors):
            guard case .ok(let child) = try await reports.child(for: childID, by: try context.origin()) else { throw HTTPError(.notFound) }
            return try await formPage(childID: childID, child: child, state: FormState(values: form, errors: errors), context: context, status: .unprocessableContent)
        case .denied:
            throw HTTPError(.notFound)
        }
    }

    // MARK: Reporter

    /// What the reporter is told after sending a report, or asking for feedback: what was
    /// recorded, and why (an acute concern overrides the guardian and meeting choices).
    static func receipt(sent: RecordID?, requested: Bool, _ reports: [ReportRecord]) -> String? {
        if let sent {
            var text = "Anmälan är skickad till socialtjänsten. Du ser här när den är mottagen och vad som beslutats."
            if let report = reports.first(where: { $0.id == sent }), report.isAcute {
                text += " Anmälan gäller akut oro (\(report.acuteGrounds.map(\.label).joined(separator: ", ").lowercased())): det är registrerat att vårdnadshavarna inte ska informeras och att inget gemensamt anmälningsmöte hålls. Var nåbar de närmaste dagarna."
            }
            return text + " Du kan begära återkoppling om socialtjänsten inleder utredning; förhandsbedömningen ska vara klar inom 14 dagar, så fråga gärna efter två veckor."
        }
        return requested ? "Din begäran om återkoppling är registrerad. Socialtjänsten svarar inom en vecka från sitt beslut." : nil
    }

    @Sendable func mine(_ request: Request, context: AppContext) async throws -> Response {
        let rows = try await reports.mine(by: try context.origin())
        let now = clock.now()
        return await renderer.page("reports-mine", title: "Mina anmälningar", [
            "reports": rows.map { report, feedback -> [String: Any] in
                ["id": report.id, "receipt": report.receiptNumber, "child": report.childName ?? report.childDescription ?? "Barnet (namnet visas inte för dig)", "received": Stockholm.format(report.state.receivedAt),
                 "feedback": feedback.lines, "canRequest": report.state.feedbackRequestedAt == nil,
                 "requested": report.state.feedbackRequestedAt.map(Stockholm.format) ?? false,
                 "requestClock": report.state.feedbackClock.map { ConcernViews.clock($0, now: now) } ?? false]
            },
            "none": rows.isEmpty,
            "notice": Self.receipt(sent: request.uri.queryParameters["skickad"].flatMap { RecordID($0) }, requested: request.uri.queryParameters["begard"] != nil,
                                   rows.map(\.0)) ?? false,
            "feedbackLaw": LegalReference.feedbackToReporter.current,
        ], context: context)
    }

    @Sendable func requestFeedback(_ request: Request, context: AppContext) async throws -> Response {
        switch try await reports.requestFeedback(reportID: try id(context), by: try context.origin()) {
        case .ok: return Renderer.redirect("/anmalningar?begard=1")
        case .invalid(let errors):
            return await renderer.page("error", title: "Det gick inte", ["message": errors["step"] ?? "Begäran kunde inte registreras."], context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    // MARK: Intake

    @Sendable func queue(_ request: Request, context: AppContext) async throws -> Response {
        switch try await reports.queue(by: try context.origin()) {
        case .ok(let queue):
            // Fifty groups a page, oldest first: as many as intake works through at a time,
            // and a page that renders quickly with hundreds of reports waiting.
            let model = IntakePageModel(queue: queue, requestedPage: Int(request.uri.queryParameters["sida"] ?? "1") ?? 1, now: clock.now())
            return await renderer.page("intake", title: "Mottagning", model.data, context: context)
        case .denied(let reason):
            throw AccessRefused(reason: reason)
        case .invalid: throw HTTPError(.badRequest)
        }
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        try await page(try id(context), request: request, context: context)
    }

    private func page(_ reportID: RecordID, request: Request, context: AppContext, state: FormState = FormState(), status: HTTPResponse.Status = .ok) async throws -> Response {
        let now = clock.now()
        switch try await reports.view(reportID: reportID, by: try context.origin()) {
        case .ok(.reporter(let report, let feedback)):
            let model = ReporterReportPageModel(report: report, feedback: feedback)
            return await renderer.page("report-reporter", title: model.title, model.data, context: context)
        case .ok(.handler(let view)):
            let booked = try await meetings.meetings(MeetingContext(.report, view.report.id))
            let officers = view.actions.decidePreAssessment ? try await store.withConnection { db in try await InvestigationQueries.caseOfficers(db) } : []
            let query = request.uri.queryParameters
            let model = ReportPageModel(view: view, meetings: booked, officers: officers, state: state,
                                        notice: ReportPageModel.notice { query[$0[...]] != nil }, now: now)
            return await renderer.page("report", title: model.title, model.data, context: context, status: status)
        case .denied, .invalid:
            throw HTTPError(.notFound)
        }
    }

    @Sendable func step(_ request: Request, context: AppContext) async throws -> Response {
        let reportID = try id(context)
        let origin = try context.origin()
        var request = request
        let form = try await request.form()
        let today = Stockholm.date(of: clock.now())
        let outcome: Outcome<Void>
        switch context.parameters.get("step") ?? "" {
        case "bekrafta":
            outcome = try await reports.handle(reportID: reportID, step: .confirmReceipt, by: origin)
        case "skyddsbedomning":
            let needed = form["protection_needed"]
            switch DecisionValidation.validate(date: form["decision_date"] ?? "", reasons: form["reasons"] ?? "", by: origin.actor, today: today) {
            case .failure(var errors):
                if needed == nil { errors.add("protection_needed", "Ange om barnet behöver omedelbart skydd.") }
                outcome = .invalid(errors)
            case .success(let record):
                if let needed {
                    outcome = try await reports.handle(reportID: reportID, step: .protectionAssessment(immediateProtectionNeeded: needed == "yes", record), by: origin)
                } else {
                    var errors = FieldErrors()
                    errors.add("protection_needed", "Ange om barnet behöver omedelbart skydd.")
                    outcome = .invalid(errors)
                }
            }
        case "forhandsbedomning":
            outcome = try await reports.decide(reportID: reportID, outcome: form["outcome"] ?? "", date: form["decision_date"] ?? "", reasons: form["reasons"] ?? "",
                                               caseOfficer: form["case_officer"] ?? "", by: origin)
        case "skriftlig":
            outcome = try await reports.handle(reportID: reportID, step: .confirmInWriting, by: origin)
        case "aterkoppling-lamnad":
            outcome = try await reports.handle(reportID: reportID, step: .recordFeedbackGiven, by: origin)
        case "aterkoppling-olamplig":
            let reason = TextRules.trimmed(form["withheld_reason"])
            if reason.isEmpty {
                var errors = FieldErrors()
                errors.add("withheld_reason", "Skriv skälet till att återkoppling är olämplig.")
                outcome = .invalid(errors)
            } else {
                outcome = try await reports.handle(reportID: reportID, step: .withholdFeedback(reason: reason), by: origin)
            }
        default:
            throw HTTPError(.notFound)
        }
        switch outcome {
        case .ok: return Renderer.redirect("/anmalningar/\(reportID)?sparad=1")
        case .invalid(let errors): return try await page(reportID, request: request, context: context, state: FormState(values: form, errors: errors), status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    /// Links an e-service report to the registry: by number, registering the child if new.
    @Sendable func linkChild(_ request: Request, context: AppContext) async throws -> Response {
        let reportID = try id(context)
        let origin = try context.origin()
        var request = request
        let form = try await request.form()
        let input = ChildrenController.input(form)
        switch try await registry.register(input, by: origin) {
        case .ok(.created(let childID)), .ok(.existing(let childID)):
            switch try await reports.linkChild(reportID: reportID, childID: childID, by: origin) {
            case .ok: return Renderer.redirect("/anmalningar/\(reportID)?sparad=1")
            case .invalid(let errors): return try await page(reportID, request: request, context: context, state: FormState(values: form, errors: errors), status: .unprocessableContent)
            case .denied: throw HTTPError(.notFound)
            }
        case .invalid(let errors):
            return try await page(reportID, request: request, context: context, state: FormState(values: form, errors: errors), status: .unprocessableContent)
        case .denied(let reason):
            var errors = FieldErrors()
            errors.add("identity_number", reason.text)
            return try await page(reportID, request: request, context: context, state: FormState(values: form, errors: errors), status: .forbidden)
        }
    }

    /// Social services lifts the ban on telling the guardians about an acute report.
    @Sendable func liftNoticeBan(_ request: Request, context: AppContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: RecordID.self) else { throw HTTPError(.notFound) }
        var request = request
        let form = try await request.form()
        switch try await reports.liftGuardianNoticeBan(reportID: id, reason: form["lift_reason"] ?? "", by: try context.origin()) {
        case .ok: return Renderer.redirect("/anmalningar/\(id)?havt=1")
        case .invalid(let errors): return try await page(id, request: request, context: context, state: FormState(values: form, errors: errors), status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }
}
