import Foundation

/// Checks a programme definition an administrator changed or added, so that the rules
/// reading it can rely on it. The editor's form (`ProgrammeDefinitionInput`) and a JSON
/// import pass the same checks. Field keys are the form's: `key`, `name`, `criteria`,
/// `criteria_{n}_kind`, `criteria_{n}_text`, `target_from`, `target_to`, `siblings_to`,
/// `concern_months`, `nominators`, `stages_{n}_name`, `documents`, `documents_{n}_key`,
/// `documents_{n}_name`, `documents_{n}_side`, `documents_{n}_written_by`,
/// `documents_{n}_phase`, `meetings_{n}_type`, `meetings_{n}_count`, `check_in_between`,
/// `check_in_count`, `follow_ups_{n}_key`, `follow_ups_{n}_held_by`, `reports_{n}_name`,
/// `reports_{n}_recipient`, `reports_{n}_period`, `closure_follow_up_count`, `team_roles`,
/// `steering_group`, `decision_forum`, `legal_basis`; `definition` for unreadable JSON. A
/// row `{n}` is counted from 1: the form's row, or the place in the JSON's list.
public enum ProgrammeDefinitionRules {
    /// Keys the editor's paths use for themselves.
    public static let reservedKeys: Set<String> = ["ny"]

    /// `meetingTypes`: the meeting types that exist (a programme's meetings are booked as one
    /// of them, of the programme category).
    public static func validate(_ d: ProgrammeDefinition, meetingTypes: [MeetingType]) -> Result<ProgrammeDefinition, FieldErrors> {
        let errors = check(d, meetingTypes: meetingTypes)
        return errors.isEmpty ? .success(d) : .failure(errors)
    }

    static func check(_ d: ProgrammeDefinition, meetingTypes: [MeetingType]) -> FieldErrors {
        var errors = FieldErrors()
        if !isKey(d.key, max: 60) {
            errors.add("key", "Nyckeln skrivs med små bokstäver a–z, siffror och bindestreck (högst 60 tecken).")
        } else if reservedKeys.contains(d.key) {
            errors.add("key", "Nyckeln ”\(d.key)” är upptagen av Samverka; välj en annan.")
        }
        if TextRules.trimmed(d.name).isEmpty || d.name.count > 200 || d.name.contains(where: \.isNewline) {
            errors.add("name", "Programmet behöver ett namn på en rad (högst 200 tecken).")
        }
        if d.criteria.isEmpty { errors.add("criteria", "Ange minst ett kriterium.") }
        for (i, c) in d.criteria.enumerated() {
            if d.criteria[..<i].contains(where: { $0.kind == c.kind }) { errors.add("criteria_\(i + 1)_kind", "Den här sortens kriterium finns redan; varje sort får finnas en gång.") }
            if TextRules.trimmed(c.text).isEmpty { errors.add("criteria_\(i + 1)_text", "Skriv kriteriets text.") }
        }
        let e = d.eligibility
        if e.targetFrom.rank == nil { errors.add("target_from", "Välj den lägsta skolnivå programmet gäller.") }
        if e.targetTo.rank == nil || (e.targetFrom.rank != nil && e.targetTo < e.targetFrom) {
            errors.add("target_to", "Välj den högsta skolnivå programmet gäller, samma som eller högre än den lägsta.")
        }
        if let to = e.olderSiblingsTo, to.rank == nil || to <= e.targetTo { errors.add("siblings_to", "Äldre syskon ska gå högre upp än barnen programmet gäller.") }
        if let months = e.concernMinimumMonths, months < 1 { errors.add("concern_months", "Oron ska ha varat minst en månad, eller lämna tiden tom.") }
        if d.nominators.isEmpty { errors.add("nominators", "Ange vilka som kan nominera en familj.") }
        for (i, s) in d.stages.enumerated() {
            if TextRules.trimmed(s.name).isEmpty { errors.add("stages_\(i + 1)_name", "Skriv skedets rubrik.") }
            if d.stages[..<i].contains(where: { $0.stage == s.stage }) { errors.add("stages_\(i + 1)_name", "Skedet \(s.stage.label.lowercased()) finns redan.") }
        }
        checkDocuments(d, into: &errors)
        for (i, meeting) in d.meetings.enumerated() {
            let n = i + 1
            if let type = meetingTypes.first(where: { $0.key == meeting.meetingTypeKey }) {
                if type.category != .programme { errors.add("meetings_\(n)_type", "\(type.name) är ingen mötestyp för gemensamma program.") }
            } else {
                errors.add("meetings_\(n)_type", "Välj en mötestyp som finns.")
            }
            if let cadence = meeting.cadence, cadence.count < 1 { errors.add("meetings_\(n)_count", "Mötena behöver hållas med minst en veckas eller månads mellanrum.") }
        }
        let recurring = d.meetings.indices.filter { d.meetings[$0].cadence != nil }
        if recurring.count > 1, let last = recurring.last {
            errors.add("meetings_\(last + 1)_count", "Bara ett av programmets möten kan återkomma med ett mellanrum; lämna de andra tomma.")
        }
        if let checkIn = d.checkIn {
            if checkIn.between.isEmpty { errors.add("check_in_between", "Ange vilka roller som stämmer av med varandra.") }
            if checkIn.cadence.count < 1 { errors.add("check_in_count", "Avstämningarna behöver ett mellanrum på minst en vecka.") }
        }
        for (i, f) in d.preMeetingFollowUps.enumerated() {
            if !isKey(f.key, max: 40) || d.preMeetingFollowUps[..<i].contains(where: { $0.key == f.key }) {
                errors.add("follow_ups_\(i + 1)_key", "Varje uppföljning behöver en egen nyckel med små bokstäver a–z, siffror och bindestreck.")
            }
        }
        for (i, r) in d.reports.enumerated() {
            if TextRules.trimmed(r.name).isEmpty { errors.add("reports_\(i + 1)_name", "Skriv rapportens namn.") }
            if TextRules.trimmed(r.recipient).isEmpty { errors.add("reports_\(i + 1)_recipient", "Skriv vem rapporten går till.") }
        }
        if let after = d.followUpAfterClosure, after.count < 1 { errors.add("closure_follow_up_count", "Uppföljningen efter avslut behöver ligga minst en vecka efter.") }
        if d.teamRoles.isEmpty { errors.add("team_roles", "Ange vilka roller teamet har.") }
        if d.steeringGroupRoles.isEmpty { errors.add("steering_group", "Ange styrgruppens roller.") }
        if d.decisionForumRoles.isEmpty { errors.add("decision_forum", "Ange beslutsforums roller.") }
        if let basis = d.grantLegalBasis, LegalReference(rawValue: basis) == nil { errors.add("legal_basis", "Den rättsliga grunden finns inte i lagtabellen.") }
        return errors
    }

    private static func checkDocuments(_ d: ProgrammeDefinition, into errors: inout FieldErrors) {
        for (i, doc) in d.documents.enumerated() {
            let n = i + 1
            if !isKey(doc.key, max: 40) {
                errors.add("documents_\(n)_key", "Nyckeln skrivs med små bokstäver a–z, siffror och bindestreck (högst 40 tecken).")
            } else if d.documents[..<i].contains(where: { $0.key == doc.key }) {
                errors.add("documents_\(n)_key", "Ett annat dokument har redan nyckeln ”\(doc.key)”.")
            }
            if TextRules.trimmed(doc.name).isEmpty { errors.add("documents_\(n)_name", "Skriv dokumentets namn.") }
            if doc.writtenBy.isEmpty {
                errors.add("documents_\(n)_written_by", "Ange vilka roller som upprättar dokumentet.")
            } else if doc.side != .joint, let other = doc.writtenBy.first(where: { $0.side != doc.side }) {
                errors.add("documents_\(n)_written_by", "\(other.label) hör inte till \(doc.side.label.lowercased()), som upprättar dokumentet.")
            }
        }
        if d.documents(in: .preparation).isEmpty { errors.add("documents", "Ange minst ett dokument som upprättas före beslutet.") }
    }

    /// A document kind that families have written stays in the definition: removing it would
    /// leave their documents without a name or a place in the programme. Renaming it is fine.
    public static func checkRemovedDocuments(old: ProgrammeDefinition, new: ProgrammeDefinition, written: Set<String>) -> FieldErrors {
        var errors = FieldErrors()
        let kept = Set(new.documents.map(\.key))
        for document in old.documents where written.contains(document.key) && !kept.contains(document.key) {
            errors.add("documents", "Dokumentet ”\(document.name)” är redan upprättat för familjer i programmet och kan inte tas bort. Ändra namnet eller beskrivningen i stället.")
        }
        return errors
    }

    static func isKey(_ key: String, max: Int) -> Bool {
        !key.isEmpty && key.count <= max && key.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    // MARK: The editor's form

    /// Reads the editor's form into a definition and checks it. Blank rows are left out; a
    /// message names the row as the form numbers it, so it is shown by the field it is about.
    public static func validate(_ input: ProgrammeDefinitionInput, meetingTypes: [MeetingType]) -> Result<ProgrammeDefinition, FieldErrors> {
        var errors = FieldErrors()
        var rows: [String: [Int]] = [:]
        func kept<T>(_ section: String, _ list: [T], blank: (T) -> Bool) -> [(n: Int, row: T)] {
            let kept = list.enumerated().filter { !blank($0.element) }.map { (n: $0.offset + 1, row: $0.element) }
            rows[section] = kept.map(\.n)
            return kept
        }
        // In the order given (a form ticks them in its own order), each once.
        func roles(_ values: [String]) -> [Role] {
            var seen = Set<Role>()
            return values.compactMap(Role.init(rawValue:)).filter { seen.insert($0).inserted }
        }
        func count(_ text: String, field: String) -> Int? {
            let t = TextRules.trimmed(text)
            if t.isEmpty { return nil }
            guard let n = Int(t) else {
                errors.add(field, "Skriv antalet som en siffra.")
                return 0
            }
            return n
        }
        func cadence(_ text: String, unit: String, field: String) -> ProgrammeCadence? {
            count(text, field: field).map { (ProgrammeCadenceUnit(rawValue: unit) ?? .months).cadence($0) }
        }
        func level(_ raw: String, field: String, label: String) -> SchoolLevel {
            guard let level = SchoolLevel(rawValue: raw), level.rank != nil else {
                errors.add(field, "Välj \(label).")
                return .notInSchool
            }
            return level
        }

        let criteria = kept("criteria", input.criteria, blank: \.isBlank).map { n, c -> ProgrammeCriterion in
            let kind = ProgrammeCriterionKind(rawValue: c.kind)
            if kind == nil { errors.add("criteria_\(n)_kind", "Välj vad kriteriet prövar.") }
            return ProgrammeCriterion(kind ?? .childLevel, TextRules.trimmed(c.text))
        }
        let targetFrom = level(input.targetFrom, field: "target_from", label: "den lägsta skolnivå programmet gäller")
        let targetTo = level(input.targetTo, field: "target_to", label: "den högsta skolnivå programmet gäller")
        let siblings = TextRules.trimmed(input.olderSiblingsTo).isEmpty ? nil : level(input.olderSiblingsTo, field: "siblings_to", label: "hur långt upp äldre syskon följer med")
        let months = count(input.concernMinimumMonths, field: "concern_months")
        let stages = kept("stages", input.stages, blank: \.isBlank).map { _, s in
            ProgrammeStageText(s.stage, TextRules.trimmed(s.name), TextRules.trimmed(s.description))
        }
        let documents = kept("documents", input.documents, blank: \.isBlank).map { n, doc -> ProgrammeDocumentDefinition in
            let side = Side(rawValue: doc.side)
            if side == nil { errors.add("documents_\(n)_side", "Välj vilken sida som upprättar dokumentet.") }
            let phase = ProgrammeDocumentPhase(rawValue: doc.phase)
            if phase == nil { errors.add("documents_\(n)_phase", "Välj om dokumentet upprättas före eller efter beslutet.") }
            return ProgrammeDocumentDefinition(key: TextRules.trimmed(doc.key), name: TextRules.trimmed(doc.name), side: side ?? .joint, writtenBy: roles(doc.writtenBy),
                                               phase: phase ?? .afterDecision, perChild: doc.perChild, anchoredWithFamily: doc.anchoredWithFamily, isPlan: doc.isPlan,
                                               description: TextRules.trimmed(doc.description))
        }
        let meetings = kept("meetings", input.meetings, blank: \.isBlank).map { n, m in
            ProgrammeMeetingDefinition(meetingTypeKey: TextRules.trimmed(m.meetingTypeKey),
                                       cadence: cadence(m.cadenceCount, unit: m.cadenceUnit, field: "meetings_\(n)_count"), purpose: .followUp)
        }
        var checkIn: ProgrammeCheckInDefinition?
        let checkInCadence = cadence(input.checkInCadenceCount, unit: input.checkInCadenceUnit, field: "check_in_count")
        if !input.checkInBetween.isEmpty || checkInCadence != nil || !TextRules.trimmed(input.checkInDescription).isEmpty {
            if checkInCadence == nil { errors.add("check_in_count", "Ange hur ofta avstämningarna hålls, eller töm avstämningen helt.") }
            checkIn = ProgrammeCheckInDefinition(between: roles(input.checkInBetween), cadence: checkInCadence ?? .weeks(1), description: TextRules.trimmed(input.checkInDescription))
        }
        let followUps = kept("follow_ups", input.followUps, blank: \.isBlank).map { n, f -> ProgrammePreMeetingFollowUp in
            let heldBy = Role(rawValue: f.heldBy)
            if heldBy == nil { errors.add("follow_ups_\(n)_held_by", "Välj vem som håller uppföljningen.") }
            return ProgrammePreMeetingFollowUp(key: TextRules.trimmed(f.key), heldBy: heldBy ?? .caseOfficer, with: roles(f.with), description: TextRules.trimmed(f.description))
        }
        let reports = kept("reports", input.reports, blank: \.isBlank).map { n, r -> ProgrammeReportDefinition in
            let period = ProgrammeReportPeriod(rawValue: r.period)
            if period == nil { errors.add("reports_\(n)_period", "Välj hur ofta rapporten görs.") }
            return ProgrammeReportDefinition(name: TextRules.trimmed(r.name), recipient: TextRules.trimmed(r.recipient), period: period ?? .term,
                                             description: TextRules.trimmed(r.description))
        }
        let basis = TextRules.trimmed(input.legalBasis)
        let definition = ProgrammeDefinition(
            key: TextRules.trimmed(input.key), name: TextRules.trimmed(input.name), purpose: TextRules.trimmed(input.purpose), source: TextRules.trimmed(input.source),
            criteria: criteria, eligibility: ProgrammeEligibility(targetFrom: targetFrom, targetTo: targetTo, olderSiblingsTo: siblings, concernMinimumMonths: months),
            nominators: ProgrammeNominator.allCases.filter { input.nominators.contains($0.rawValue) }, stages: stages, documents: documents, meetings: meetings,
            checkIn: checkIn, preMeetingFollowUps: followUps, reports: reports,
            followUpAfterClosure: cadence(input.closureFollowUpCount, unit: input.closureFollowUpUnit, field: "closure_follow_up_count"),
            outcomes: ProgrammeOutcomeKind.allCases.filter { input.outcomes.contains($0.rawValue) },
            teamRoles: roles(input.teamRoles), steeringGroupRoles: roles(input.steeringGroupRoles), decisionForumRoles: roles(input.decisionForumRoles),
            grantLegalBasis: basis.isEmpty ? nil : basis)
        // The definition's own checks, their rows renamed to the form's.
        for field in check(definition, meetingTypes: meetingTypes).fieldsWithMessages {
            errors.add(formField(field.name, rows: rows), field.message)
        }
        return errors.isEmpty ? .success(definition) : .failure(errors)
    }

    /// "documents_2_name" of the kept rows is the form's row `rows["documents"][1]`.
    static func formField(_ field: String, rows: [String: [Int]]) -> String {
        for (section, numbers) in rows where field.hasPrefix(section + "_") {
            let rest = field.dropFirst(section.count + 1)
            guard let underscore = rest.firstIndex(of: "_"), let index = Int(rest[..<underscore]), numbers.indices.contains(index - 1) else { continue }
            return "\(section)_\(numbers[index - 1])\(rest[underscore...])"
        }
        return field
    }

    // MARK: JSON

    /// A definition from an administrator's JSON: unreadable JSON is one message, not a crash.
    public static func decode(_ json: String, meetingTypes: [MeetingType]) -> Result<ProgrammeDefinition, FieldErrors> {
        do {
            let definition = try JSONDecoder().decode(ProgrammeDefinition.self, from: Data(json.utf8))
            return validate(definition, meetingTypes: meetingTypes)
        } catch {
            var errors = FieldErrors()
            errors.add("definition", "Programbeskrivningen går inte att läsa som JSON: \(error.localizedDescription)")
            return .failure(errors)
        }
    }

    public static func encode(_ definition: ProgrammeDefinition) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(definition)) ?? Data(), as: UTF8.self)
    }
}

extension FieldErrors {
    /// The messages in the order they were added.
    var fieldsWithMessages: [(name: String, message: String)] { fields.compactMap { f in self[f].map { (f, $0) } } }
}
