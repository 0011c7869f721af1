import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// Joint programmes such as Ragunda Trampolinen (issue 18): the nomination from the child
/// page, the family page with the forms its stage allows, "Mina familjer", the steering
/// group's queue, the termly report (page and PDF), the yearly summary and the
/// administrator's editor of programme definitions. Every decision is the service's.
struct ProgrammesController {
    let renderer: Renderer
    let programmes: ProgrammeService
    let registry: RegistryService
    let door: EntryDoor
    let clock: any TimeSource
    let fonts: PDFFonts

    /// The paths without a programme go straight to it when there is one, and offer the
    /// choice when there are several; the paths with one name it by its key.
    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get(SiteURL.programmes.route, use: mine)
        group.get(SiteURL.programmeQueue.route, use: queue)
        group.get(SiteURL.programmeQueueFor(.key).route, use: queue)
        group.get(SiteURL.childNominate(.key).route, use: nominationForm)
        group.post(SiteURL.childNominate(.key).route, use: nominate)
        group.get(SiteURL.childNominateFor(.key, programme: .key).route, use: nominationForm)
        group.post(SiteURL.childNominateFor(.key, programme: .key).route, use: nominate)
        group.get(SiteURL.programmeEnrolment(.key).route, use: show)
        group.post(SiteURL.programmeForm(.key, form: .key).route, use: post)
        group.get(SiteURL.programmeTermReport.route, use: termReport)
        group.get(SiteURL.programmeTermReportFor(.key).route, use: termReport)
        group.get(SiteURL.programmeTermReportPDF.route, use: termReportPDF)
        group.get(SiteURL.programmeTermReportPDFFor(.key).route, use: termReportPDF)
        group.get(SiteURL.programmeYearSummary.route, use: yearSummary)
        group.get(SiteURL.programmeYearSummaryFor(.key).route, use: yearSummary)
        ProgrammeDefinitionsController(renderer: renderer, programmes: programmes, door: door).addRoutes(to: group)
    }

    /// What a path without a programme's key means.
    enum ProgrammeChoice {
        case programme(String)
        case choose([ProgrammeDefinition])
    }

    /// The programme the path names; else the only one among `offered`; else the choice
    /// among them. With none offered, the first active programme, so that the service's
    /// refusal (audited) answers.
    func programme(_ context: AppContext, offered: [ProgrammeDefinition]) async throws -> ProgrammeChoice {
        if let key = context.parameters.get("programme") { return .programme(key) }
        if offered.count > 1 { return .choose(offered) }
        if let only = offered.first { return .programme(only.key) }
        guard let first = try await programmes.definitions().first else { throw HTTPError(.notFound) }
        return .programme(first.key)
    }

    /// The steering group's programmes for the queue and the reports.
    func overseenProgramme(_ context: AppContext) async throws -> ProgrammeChoice {
        try await programme(context, offered: try await programmes.overseen(by: try context.origin()))
    }

    func picker(_ page: ProgrammePickerPage, context: AppContext) async -> Response {
        await renderer.page("programme-picker", title: page.heading, page.data, context: context)
    }

    func int(_ name: String, _ context: AppContext) throws -> RecordID {
        guard let value = context.parameters.get(name, as: RecordID.self) else { throw HTTPError(.notFound) }
        return value
    }

    var today: SimpleDate { Stockholm.date(of: clock.now()) }

    static func row(_ r: ProgrammeRecord) -> [String: Any] {
        ["link": SiteURL.programmeEnrolment(.value(r.enrolment.id)).path, "family": r.enrolment.children.map(\.name).joined(separator: ", "),
         "programme": r.definition.name, "stage": r.enrolment.stage.label, "priority": r.enrolment.priority.map(String.init) ?? "–",
         "nominated": Stockholm.format(r.enrolment.nominatedAt), "nominatedBy": r.enrolment.nominatedBy.name]
    }

    // MARK: Lists

    @Sendable func mine(_ request: Request, context: AppContext) async throws -> Response {
        let records = try await programmes.myEnrolments(by: try context.origin())
        return await renderer.page("programme-list", title: "Mina familjer", [
            "heading": "Mina familjer i gemensamma program", "families": records.map(Self.row), "none": records.isEmpty, "queue": false,
        ], context: context)
    }

    @Sendable func queue(_ request: Request, context: AppContext) async throws -> Response {
        let key: String
        switch try await overseenProgramme(context) {
        case .choose(let offered):
            return await picker(ProgrammePickerPage(heading: "Styrgruppens kö", intro: "Välj vilket programs kö du vill se.", programmes: offered) {
                SiteURL.programmeQueueFor(.value($0.key)).path
            }, context: context)
        case .programme(let k): key = k
        }
        guard case .ok(let records) = try await programmes.queue(programmeKey: key, by: try context.origin()),
              let definition = try await programmes.definition(key: key) else { throw HTTPError(.notFound) }
        return await renderer.page("programme-list", title: "Styrgruppens kö", [
            "heading": "Styrgruppens kö: \(definition.name)", "families": records.map(Self.row), "none": records.isEmpty, "queue": true,
            "reportLink": SiteURL.programmeTermReportFor(.value(key)).path, "summaryLink": SiteURL.programmeYearSummaryFor(.value(key)).path,
        ], context: context)
    }

    // MARK: Nomination from the child page

    private func nominationPage(childID: RecordID, programme: ProgrammeChoice, state: FormState, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard case .ok(let view) = try await registry.view(childID: childID, by: try context.origin()) else { throw HTTPError(.notFound) }
        let definition: ProgrammeDefinition
        switch programme {
        case .choose(let offered):
            return await picker(ProgrammePickerPage(heading: "Föreslå \(view.child.fullName) till ett gemensamt program", intro: "Välj vilket program du föreslår familjen till.",
                                                    programmes: offered, backLink: SiteURL.child(.value(childID)).path, backLabel: "Tillbaka till \(view.child.fullName)") {
                SiteURL.childNominateFor(.value(childID), programme: .value($0.key)).path
            }, context: context)
        case .programme(let key):
            guard let d = try await programmes.definition(key: key) else { throw HTTPError(.notFound) }
            definition = d
        }
        var values = state.values
        // The child and its siblings, their levels as the registry has them; the child ticked.
        let rows: [(id: RecordID, name: String, grade: String?)] = [(view.child.id, view.child.fullName, view.child.grade)]
            + view.siblings.prefix(ProgrammeForms.childRows - 1).map { ($0.id, $0.fullName, $0.grade) }
        if values.isEmpty {
            values["child_1_include"] = "1"
            for (index, row) in rows.enumerated() {
                values["child_\(index + 1)_level"] = SchoolLevel.registered(unitKind: nil, grade: row.grade)?.rawValue ?? ""
            }
        }
        let filled = FormState(values: values, errors: state.errors)
        var data = filled.data
        data["child"] = view.child.fullName
        data["childLink"] = SiteURL.child(.value(childID)).path
        data["action"] = SiteURL.childNominateFor(.value(childID), programme: .value(definition.key)).path
        data["programme"] = definition.name
        data["eligibility"] = definition.eligibility.olderSiblingsTo == nil ? definition.eligibility.targetText
            : "\(definition.eligibility.targetText), äldre syskon i grundskolan följer med"
        data["criteria"] = definition.criteria.map(\.text)
        data["nominators"] = definition.nominators.map { ["value": $0.rawValue, "label": $0.label, "checked": values["nominated_by"] == $0.rawValue] as [String: Any] }
        data["nominatorError"] = state.errors["nominated_by"] ?? false
        data["childrenError"] = state.errors["children"] ?? state.errors["eligibility"] ?? false
        data["rows"] = rows.enumerated().map { index, row -> [String: Any] in
            let n = index + 1
            return ["n": n, "id": row.id, "name": row.name, "include": values["child_\(n)_include"] != nil,
                    "levelError": state.errors["child_\(n)_level"] ?? false,
                    "levels": SchoolLevel.all.map { ["value": $0.rawValue, "label": $0.label, "selected": values["child_\(n)_level"] == $0.rawValue] as [String: Any] }]
        }
        data["fields"] = [FormField("eht_meeting_on", "Elevhälsoträffen hölls den (ÅÅÅÅ-MM-DD, när skolan nominerar)", filled).data,
                          FormField("concern_since", "Oron har funnits sedan (ÅÅÅÅ-MM-DD)", filled).data,
                          FormField("concern", "Oron som funnits över tid", filled, long: true, hint: "Till exempel problematisk frånvaro eller normbrytande beteende.").data,
                          FormField("earlier_measures", "Insatser från skola och IFO som inte räckt till", filled, long: true).data]
        data["needsAtSchool"] = values["needs_at_school"] != nil
        data["needsAtHome"] = values["needs_at_home"] != nil
        data["needsError"] = state.errors["needs"] ?? false
        data["needsDescription"] = FormField("needs_description", "Behoven i förskolan/skolan och i hemmet", filled, long: true).data
        data["applied"] = values["applied"] != nil
        data["appliedError"] = state.errors["applied"] ?? false
        data["appliedOn"] = FormField("applied_on", "Familjen ansökte den (ÅÅÅÅ-MM-DD)", filled).data
        return await renderer.page("programme-nominate", title: "Föreslå till \(definition.name)", data, context: context, status: status)
    }

    @Sendable func nominationForm(_ request: Request, context: AppContext) async throws -> Response {
        try await nominationPage(childID: try int("id", context), programme: try await programme(context, offered: try await programmes.definitions()),
                                 state: FormState(), context: context)
    }

    @Sendable func nominate(_ request: Request, context: AppContext) async throws -> Response {
        let childID = try int("id", context)
        // Posted without a programme while there are several: no programme is meant.
        guard case .programme(let key) = try await programme(context, offered: try await programmes.definitions()) else { throw HTTPError(.notFound) }
        var request = request
        let values = try await request.form()
        switch try await programmes.nominate(programmeKey: key, ProgrammeForms.nomination(values), by: try context.origin()) {
        case .ok(let id): return Renderer.redirect(SiteURL.programmeEnrolment(.value(id)).path + "?nominerad=1")
        case .invalid(let errors):
            return try await nominationPage(childID: childID, programme: .programme(key), state: FormState(values: values, errors: errors), context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    // MARK: The family page

    static let notices = [
        "nominerad": "Familjen är nominerad. Rektor och socialsekreterare initierar ärendet till styrgruppen.",
        "initiera": "Familjen är förd till styrgruppen.", "styrgrupp": "Styrgruppens beslut är registrerat.",
        "svar": "Familjens svar är registrerat.", "dokument": "Dokumentet är registrerat.", "forankra": "Förankringen är registrerad.",
        "bevilja": "Insatsen är beviljad.", "plan": "Planen är registrerad.", "anteckning": "Anteckningen är sparad.",
        "atgard": "Åtgärden är markerad som klar.", "mote": "Uppföljningsmötet är bokat.", "avslut": "Insatsen är avslutad med familjen.",
        "internt": "Det interna avslutet är antecknat.", "uppfoljning": "Uppföljningen efter avslutet är antecknad.",
        "aterkalla": "Familjens samtycke är återkallat.",
    ]

    func page(_ id: RecordID, notice: String? = nil, forms: ProgrammePageForms = ProgrammePageForms(), context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let origin = try context.origin()
        guard case .ok(let page) = try await programmes.page(id, by: origin) else { throw HTTPError(.notFound) }
        let candidates = page.mayWork ? try await programmes.teamCandidates(programmeKey: page.record.definition.key) : []
        let model = ProgrammePageModel(page: page, forms: forms, notice: notice, today: today, actor: origin.actor, candidates: candidates)
        return await renderer.page("programme", title: "\(page.record.definition.name): \(page.record.enrolment.children.map(\.name).joined(separator: ", "))",
                                   model.data, context: context, status: status)
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        let query = request.uri.queryParameters
        let notice = Self.notices.first { query[Substring($0.key)] != nil }?.value
        return try await page(try int("id", context), notice: notice, context: context)
    }
}
