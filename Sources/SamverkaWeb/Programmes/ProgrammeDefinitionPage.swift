import SamverkaCore

/// One control of the programme editor, as the `programme-editor-item` partial draws it.
/// Every kind's key is always set (false when not this kind), so a missing one never falls
/// through to an outer context.
enum EditorItem {
    case text(FormField)
    case select(name: String, label: String, options: [(value: String, label: String)], blank: String?)
    case checks(id: String, legend: String, options: [(value: String, label: String)])
    case check(name: String, label: String)

    func data(_ state: FormState) -> [String: Any] {
        var item: [String: Any] = ["text": false, "select": false, "checks": false, "check": false]
        switch self {
        case .text(let field):
            item["text"] = field.data
        case .select(let name, let label, let options, let blank):
            let chosen = state.values[name] ?? ""
            let all = (blank.map { [(value: "", label: $0)] } ?? []) + options
            item["select"] = ["name": name, "label": label, "error": state.errors[name] ?? false,
                              "options": all.map { ["value": $0.value, "label": $0.label, "selected": $0.value == chosen] as [String: Any] }] as [String: Any]
        case .checks(let id, let legend, let options):
            item["checks"] = ["id": id, "legend": legend, "error": state.errors[id] ?? false,
                              "boxes": options.map { ["name": "\(id)_\($0.value)", "label": $0.label, "checked": state.values["\(id)_\($0.value)"] != nil] as [String: Any] }] as [String: Any]
        case .check(let name, let label):
            item["check"] = ["name": name, "label": label, "checked": state.values[name] != nil] as [String: Any]
        }
        return item
    }
}

/// The editor of one programme definition (issue 18 item 1): every part of the definition
/// as fields, repeatable parts as numbered rows with "Lägg till rad", what was typed and the
/// messages by their fields.
struct ProgrammeDefinitionPage {
    /// The key of the programme being changed; nil for a new one.
    let editing: String?
    let state: FormState
    /// The programme category's meeting types (a programme meeting is booked as one).
    let meetingTypes: [MeetingType]
    /// The saved definition as JSON, for export (when changing one).
    let json: String?

    var title: String { editing == nil ? "Nytt gemensamt program" : "Ändra programmet \(state.values["name"] ?? "")" }
    var action: String { editing.map { SiteURL.programmeDefinition(.value($0)).path } ?? SiteURL.programmeDefinitionNew.path }

    private func text(_ name: String, _ label: String, long: Bool = false, hint: String? = nil) -> EditorItem { .text(FormField(name, label, state, long: long, hint: hint)) }
    private func roles(_ roles: [Role]) -> [(value: String, label: String)] { roles.map { ($0.rawValue, $0.label) } }
    private var levels: [(value: String, label: String)] { SchoolLevel.all.filter { $0.rank != nil }.map { ($0.rawValue, $0.label) } }
    private var units: [(value: String, label: String)] { ProgrammeCadenceUnit.allCases.map { ($0.rawValue, $0.label) } }

    private struct Section {
        let id: String
        let legend: String
        var hint: String? = nil
        var items: [EditorItem] = []
        var rows: [(legend: String, items: [EditorItem])] = []
        /// "Lägg till rad" and the hidden row count.
        var repeatable = false
    }

    private func rows(_ section: String, _ legend: String, _ items: (String) -> [EditorItem]) -> [(legend: String, items: [EditorItem])] {
        (1...ProgrammeDefinitionForm.rows(section, state.values)).map { n in ("\(legend) \(n)", items("\(section)_\(n)")) }
    }

    private var sections: [Section] {
        var general = Section(id: "general", legend: "Programmet")
        if editing == nil { general.items.append(text("key", "Nyckel (små bokstäver a–z, siffror och bindestreck; ändras aldrig)", hint: "Till exempel ”dalsed-familjeskolan”.")) }
        general.items += [text("name", "Namn"), text("purpose", "Syfte", long: true), text("source", "Källa (rutin eller beslut)")]

        let criteria = Section(id: "criteria", legend: "Kriterier", hint: "Varje kriterium prövas efter sin sort; texten är rutinens ord. En tom rad sparas inte.",
                               rows: rows("criteria", "Kriterium") { p in
                                   [.select(name: "\(p)_kind", label: "Vad kriteriet prövar", options: ProgrammeCriterionKind.allCases.map { ($0.rawValue, $0.label) }, blank: "Välj"),
                                    text("\(p)_text", "Kriteriets text", long: true)]
                               }, repeatable: true)
        let eligibility = Section(id: "eligibility", legend: "Vilka barn och vem som nominerar", items: [
            .select(name: "target_from", label: "Programmet gäller från", options: levels, blank: "Välj"),
            .select(name: "target_to", label: "till och med", options: levels, blank: "Välj"),
            .select(name: "siblings_to", label: "Äldre syskon följer med upp till", options: levels, blank: "Inga syskon"),
            text("concern_months", "Oron ska ha varat minst (månader)", hint: "Lämna tomt om rutinen inte anger någon tid."),
            .checks(id: "nominators", legend: "Vilka kan nominera en familj", options: ProgrammeNominator.allCases.map { ($0.rawValue, $0.label) }),
        ])
        let stages = Section(id: "stages", legend: "Skeden", hint: "Rutinens rubrik och text för varje skede; lämna ett skede tomt om rutinen inte beskriver det.",
                             rows: ProgrammeStage.allCases.enumerated().map { i, stage in
                                 (stage.label, [text("stages_\(i + 1)_name", "Rubrik"), text("stages_\(i + 1)_description", "Beskrivning", long: true)])
                             })
        let documents = Section(id: "documents", legend: "Dokument som respektive sida skriver", hint: "Minst ett dokument upprättas före beslutet. En tom rad sparas inte.",
                                rows: rows("documents", "Dokument") { p in
                                    [text("\(p)_key", "Nyckel (små bokstäver, siffror och bindestreck)"), text("\(p)_name", "Namn"),
                                     .select(name: "\(p)_side", label: "Vilken sida upprättar det", options: [Side.school, .social].map { ($0.rawValue, $0.label) }, blank: "Välj"),
                                     .checks(id: "\(p)_written_by", legend: "Upprättas av", options: roles(ProgrammeDefinitionForm.staffRoles)),
                                     .select(name: "\(p)_phase", label: "När", options: [ProgrammeDocumentPhase.preparation, .afterDecision].map { ($0.rawValue, $0.label) }, blank: "Välj"),
                                     .check(name: "\(p)_per_child", label: "Ett för varje barn (även äldre syskon)"),
                                     .check(name: "\(p)_anchored", label: "Förankras med barn och föräldrar innan ärendet går vidare"),
                                     .check(name: "\(p)_plan", label: "En plan med mål och åtgärder"),
                                     text("\(p)_description", "Rutinens text", long: true)]
                                }, repeatable: true)
        let meetings = Section(id: "meetings", legend: "Möten och hur ofta de hålls", hint: "Ett av mötena kan återkomma (till exempel varje månad); lämna mellanrummet tomt för möten som hålls vid behov.",
                               rows: rows("meetings", "Möte") { p in
                                   [.select(name: "\(p)_type", label: "Mötestyp", options: meetingTypes.map { ($0.key, $0.name) }, blank: "Välj"),
                                    text("\(p)_count", "Mellanrum (antal)"),
                                    .select(name: "\(p)_unit", label: "Mellanrum i", options: units, blank: nil)]
                               }, repeatable: true)
        let checkIn = Section(id: "check_in", legend: "Avstämningar mellan personalen", hint: "Lämna tomt om programmet inte har några.", items: [
            .checks(id: "check_in_between", legend: "Vilka stämmer av", options: roles(ProgrammeDefinitionForm.staffRoles)),
            text("check_in_count", "Hur ofta (antal)"), .select(name: "check_in_unit", label: "i", options: units, blank: nil),
            text("check_in_description", "Rutinens text", long: true),
        ])
        let followUps = Section(id: "follow_ups", legend: "Uppföljningar inför de gemensamma mötena", hint: "En tom rad sparas inte.",
                                rows: rows("follow_ups", "Uppföljning") { p in
                                    [text("\(p)_key", "Nyckel (små bokstäver, siffror och bindestreck)"),
                                     .select(name: "\(p)_held_by", label: "Hålls av", options: roles(ProgrammeDefinitionForm.staffRoles), blank: "Välj"),
                                     .checks(id: "\(p)_with", legend: "Tillsammans med", options: roles(ProgrammeDefinitionForm.staffRoles)),
                                     text("\(p)_description", "Rutinens text", long: true)]
                                }, repeatable: true)
        let reports = Section(id: "reports", legend: "Rapporter", hint: "En tom rad sparas inte.",
                              rows: rows("reports", "Rapport") { p in
                                  [text("\(p)_name", "Namn"), text("\(p)_recipient", "Till vem"),
                                   .select(name: "\(p)_period", label: "Hur ofta", options: [ProgrammeReportPeriod.term, .year].map { ($0.rawValue, $0.label) }, blank: "Välj"),
                                   text("\(p)_description", "Rutinens text", long: true)]
                              }, repeatable: true)
        let closure = Section(id: "closure", legend: "Avslut och uppföljning efter avslut", items: [
            text("closure_follow_up_count", "Uppföljningsmöte efter (antal)", hint: "Lämna tomt om programmet inte följer upp efter avslutet."),
            .select(name: "closure_follow_up_unit", label: "i", options: units, blank: nil),
            .checks(id: "outcomes", legend: "Utfall som registreras vid avslut och uppföljning", options: ProgrammeOutcomeKind.allCases.map { ($0.rawValue, $0.label) }),
        ])
        let decisions = Section(id: "roles", legend: "Team, styrgrupp och beslut", items: [
            .checks(id: "team_roles", legend: "Teamet som familjens samtycke ska nämna", options: roles(ProgrammeDefinitionForm.staffRoles)),
            .checks(id: "steering_group", legend: "Styrgruppens roller", options: roles(ProgrammeDefinitionForm.boardRoles)),
            .checks(id: "decision_forum", legend: "Beslutsforums roller (utöver styrgruppen och den rektor och socialsekreterare som initierat)", options: roles(ProgrammeDefinitionForm.boardRoles)),
            .select(name: "legal_basis", label: "Rättslig grund för beslutet om insatsen", options: LegalReference.allCases.map { ($0.rawValue, "\($0.topic) (\($0.current))") }, blank: "Ingen"),
        ])
        return [general, criteria, eligibility, stages, documents, meetings, checkIn, followUps, reports, closure, decisions]
    }

    var data: [String: Any] {
        var values = state.data
        values["heading"] = title
        values["editing"] = editing != nil
        values["action"] = action
        values["listLink"] = SiteURL.programmeDefinitions.path
        values["json"] = json ?? false
        values["sections"] = sections.map { s -> [String: Any] in
            ["id": s.id, "legend": s.legend, "hint": s.hint ?? false, "error": state.errors[s.id] ?? false,
             "items": s.items.map { $0.data(state) },
             "rows": s.rows.map { ["legend": $0.legend, "items": $0.items.map { $0.data(state) }] as [String: Any] },
             "rowCount": s.repeatable ? ["name": "\(s.id)_rows", "value": String(ProgrammeDefinitionForm.rows(s.id, state.values))] as [String: Any] : false,
             "addRow": s.repeatable ? s.id : false]
        }
        return values
    }
}

/// The list of programmes on the editor's first page.
struct ProgrammeDefinitionsPage {
    let definitions: [ProgrammeDefinition]
    let notice: String?
    /// The JSON import's field, as typed, with its messages.
    let importState: FormState

    var data: [String: Any] {
        var values = importState.data
        values["notice"] = notice ?? false
        values["newLink"] = SiteURL.programmeDefinitionNew.path
        values["importAction"] = SiteURL.programmeDefinitions.path
        values["definitions"] = definitions.map { d -> [String: Any] in
            ["name": d.name, "key": d.key, "link": SiteURL.programmeDefinition(.value(d.key)).path, "stages": d.stages.count,
             "documents": d.documents.map(\.name).joined(separator: ", "),
             "copyLink": SiteURL.programmeDefinitionNew.path + "?fran=\(d.key)"]
        }
        values["jsonField"] = FormField("json", "Programmet som JSON", importState, long: true,
                                        hint: "Samma nyckel som ett befintligt program ändrar det; en ny nyckel lägger till ett program.").data
        values["definitionError"] = importState.errors["definition"] ?? false
        // The JSON is one field: every message of its parts links to it.
        values["errorList"] = importState.errors.fields.compactMap { field in importState.errors[field].map { ["field": "json", "message": $0] } }
        return values
    }
}
