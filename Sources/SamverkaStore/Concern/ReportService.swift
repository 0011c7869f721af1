import Crypto
import Foundation
import SQLKit
import SamverkaCore

/// What a person sees of a report: the whole of it (social-services handlers) or only the
/// feedback the law allows (the staff member who reported).
public enum ReportPage: Sendable {
    case handler(ReportHandlerView)
    case reporter(ReportRecord, ReporterFeedback)
}

public struct ReportHandlerView: Sendable {
    public var report: ReportRecord
    public var decisions: [DecisionEntry]
    /// Every other report about the same child, shown together.
    public var otherReports: [ReportRecord]
    public var runningInvestigationID: RecordID?
    public var reason: AccessReason
    /// When an acute report's ban on telling the guardians was lifted, by whom and why.
    public var noticeBanLift: (at: Date, by: String, reason: String)? = nil
    /// The steps the page offers this person (`ReportPageActions`: the policy and the rules).
    public var actions = ReportPageActions()
}

public struct IntakeQueue: Sendable {
    /// Undecided reports grouped by child (several reports shown together): the groups with
    /// an acute report first, then the others, each part oldest first.
    public var groups: [[ReportRecord]]
    public var awaitingFeedback: [ReportRecord]
}

/// Reports of concern, from the reporter's form to the pre-assessment (DOMAIN §3.1).
/// Every read and write is audited; every step goes through `ReportRules`.
public struct ReportService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public static let notFound = AccessReason(code: "not-found", text: ConcernMessages.reportNotFound)
    /// Public e-service limits: per sender per hour, and for everyone per hour (see
    /// `PublicReportLimits`).
    public static let publicLimitPerAddress = PublicReportLimits.perAddress
    public static let publicLimitTotal = PublicReportLimits.everyone
    /// The field a refused public report's message is under: the page shows it with how
    /// to report by phone instead.
    public static let publicRefusedField = "refused"

    var today: SimpleDate { Stockholm.date(of: clock.now()) }

    public func intakeUnits() async throws -> [OrgUnit] {
        try await store.withConnection { db in
            try await OrganisationQueries.units(db, includeInactive: false).filter { $0.kind == .ifoIntake }
        }
    }

    // MARK: Filing

    /// The child a staff member is about to report on (the form's header). Audited as a read.
    public func child(for childID: RecordID, by origin: RequestOrigin) async throws -> Outcome<ChildRecord> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let facts = try await ChildQueries.accessFacts(childID: childID, db), let child = try await ChildQueries.child(id: childID, db) else {
                return .denied(RegistryService.notFoundReason)
            }
            let decision = try await origin.decide(.fileReport(child: facts), child: childID, type: .reportForm, at: now, db)
            guard decision.isAllowed else { return .denied(RegistryService.notFoundReason) }
            try await AuditQueries.append(origin.event(.read, child: childID, type: .reportForm, reason: decision.reason.text), at: now, db)
            return .ok(child)
        }
    }

    /// A staff member's report (or one intake registers on someone's behalf: oral, an
    /// application). The child is linked to the receiving unit so its handlers can see it.
    public func file(childID: RecordID, _ input: ReportInput, handlingUnitID: String, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        let units = try await intakeUnits()
        var input = input
        let registeredByIntake = origin.actor.registersReportsForOthers
        if !registeredByIntake {
            input.reporterKind = .staff
            input.channel = .written
            input.kind = .concern
        }
        var errors = FieldErrors()
        let unit = units.count == 1 ? units.first : units.first { String($0.id) == handlingUnitID }
        if unit == nil { errors.add("handling_unit_id", ConcernMessages.handlingUnitMissing(noneExists: units.isEmpty)) }
        let validated = ReportValidation.validate(input)
        if case .failure(let more) = validated { for (k, v) in more.messages { errors.add(k, v) } }
        guard errors.isEmpty, case .success(let draft) = validated, let unit else { return .invalid(errors) }
        return try await store.transaction { db in
            guard let facts = try await ChildQueries.accessFacts(childID: childID, db) else { return .denied(RegistryService.notFoundReason) }
            let decision = try await origin.decide(.fileReport(child: facts), child: childID, type: .report, at: now, db)
            guard decision.isAllowed else { return .denied(RegistryService.notFoundReason) }
            let reporterUnit = origin.actor.assignments.first { $0.role.side == .school && facts.unitIDs.contains($0.unitID ?? -1) }?.unitID
            let reporterStaff = draft.reporterKind == .staff && !registeredByIntake ? origin.actor.staffID : nil
            let (id, _) = try await ReportQueries.insert(.init(draft: draft, childID: childID, handlingUnitID: unit.id, reporterStaffID: reporterStaff,
                                                               reporterUnitID: reporterUnit, registeredBy: origin.actor.staffID), now: now, db)
            try await ChildQueries.link(childID: childID, unitID: unit.id, reason: .report, now: now, db)
            let reason = ConcernAuditReasons.filed(draft.kind, channel: draft.channel, acute: draft.isAcute)
            try await AuditQueries.append(origin.event(.create, child: childID, type: .report, record: String(id), reason: reason), at: now, db)
            return .ok(id)
        }
    }

    /// A staff member's report about a child given by name and number, for a child they may
    /// not see (another school's pupil, one not yet enrolled): the report reaches intake and
    /// the child, if registered, is linked on social services' side only. The reporter's own
    /// units are not connected and nothing of the registry is shown back (the reporter sees
    /// only their own report, with the name they typed). A child the person sees goes the
    /// ordinary way, from the child page.
    public func fileByNumber(childName: String, childNumber: String, _ input: ReportInput, handlingUnitID: String, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        var input = input
        input.reporterKind = .staff
        input.channel = .written
        input.kind = .concern
        var errors = FieldErrors()
        let name = TextRules.requiredName(childName, field: "child_name", label: ConcernMessages.childNameLabel, max: 200, into: &errors)
        var number: IdentityNumber?
        switch IdentityNumber.parse(TextRules.trimmed(childNumber), today: today) {
        case .success(let parsed): number = parsed
        case .failure(let error): errors.add("child_number", error.message)
        }
        let units = try await intakeUnits()
        let unit = units.count == 1 ? units.first : units.first { String($0.id) == handlingUnitID }
        if unit == nil { errors.add("handling_unit_id", ConcernMessages.handlingUnitMissing(noneExists: units.isEmpty)) }
        let validated = ReportValidation.validate(input)
        if case .failure(let more) = validated { errors.merge(more) }
        return try await store.transaction { [errors, number] db in
            let decision = try await origin.decide(.fileReportByNumber, type: .report, at: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            guard errors.isEmpty, case .success(let draft) = validated, let unit, let number else { return .invalid(errors) }
            let childID = try await ChildQueries.childID(identityNumber: number, db)
            let reporterUnit = origin.actor.assignments.first { $0.role.side == .school }?.unitID
            let (id, _) = try await ReportQueries.insert(.init(draft: draft, childID: childID, childDescription: "\(name), \(number.formatted)", handlingUnitID: unit.id,
                                                               reporterStaffID: origin.actor.staffID, reporterUnitID: reporterUnit, registeredBy: origin.actor.staffID), now: now, db)
            if let childID, try await ChildQueries.link(childID: childID, unitID: unit.id, reason: .report, now: now, db) {
                // An existing child reaches a unit that did not have it: put before the log reviewer.
                try await ConsentQueries.raiseFlag(kind: ReviewFlagKind.existingLinked.rawValue, staffID: origin.actor.staffID, staffName: origin.actor.displayName, childID: childID,
                                                   detail: ConcernAuditReasons.existingChildLinkedByNumber(unit: unit.name), key: "report-link:\(id)", now: now, db)
            }
            let reason = ConcernAuditReasons.filedByNumber(draft.kind, acute: draft.isAcute)
            try await AuditQueries.append(origin.event(.create, child: childID, type: .report, record: String(id), reason: reason), at: now, db)
            return .ok(id)
        }
    }

    /// The public e-service: no account, size limits, throttling, a receipt number. The
    /// child is described in words; intake links the report to the registry.
    /// `dryRun`: only validate (the form is incomplete elsewhere); nothing is written.
    public func submitPublic(_ input: ReportInput, childName: String, childNumber: String, childSchool: String, clientAddress: String?, dryRun: Bool = false) async throws -> Outcome<String> {
        let now = clock.now()
        var errors = FieldErrors()
        var input = input
        input.kind = .concern
        input.channel = .eService
        if ![ReporterKind.agency, .privatePerson, .anonymous].contains(input.reporterKind) {
            errors.add("reporter_kind", ConcernMessages.reporterKindMissing)
        }
        let name = TextRules.requiredName(childName, field: "child_name", label: ConcernMessages.childNameLabel, max: 200, into: &errors)
        var number: IdentityNumber?
        let typedNumber = TextRules.trimmed(childNumber)
        if !typedNumber.isEmpty {
            switch IdentityNumber.parse(typedNumber, today: today) {
            case .success(let parsed): number = parsed
            case .failure: errors.add("child_number", ConcernMessages.publicChildNumberWrong)
            }
        }
        let school = TextRules.optional(childSchool, field: "child_school", label: ConcernMessages.childSchoolLabel, max: 200, into: &errors)
        let validated = ReportValidation.validate(input)
        if case .failure(let more) = validated { for (k, v) in more.messages { errors.add(k, v) } }
        let units = try await intakeUnits()
        guard errors.isEmpty, case .success(let draft) = validated else { return .invalid(errors) }
        if dryRun { return .ok("") }
        guard let unit = units.first else {
            errors.add(Self.publicRefusedField, ConcernMessages.publicServiceClosed)
            return .invalid(errors)
        }
        // Counted per sender: an IPv6 address by its /64, so one sender cannot dodge the
        // limit by walking through the addresses of their own prefix.
        let addressHash = Self.hash(PublicReportLimits.senderKey(clientAddress ?? "unknown"))
        let childNumber = number
        let engine = store.engine
        return try await store.transaction { db in
            // Count-then-insert must not interleave between instances: on PostgreSQL a
            // transaction lock serializes submissions (SQLite's writer lock already does).
            if engine == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(7307) AS locked").run() }
            let hourAgo = now.addingTimeInterval(-PublicReportLimits.window)
            let fromAddress = try await ReportQueries.countPublicSubmissions(addressHash: addressHash, since: hourAgo, db)
            let fromEveryone = try await ReportQueries.countPublicSubmissions(addressHash: nil, since: hourAgo, db)
            if let refusal = PublicReportLimits.message(PublicReportLimits.verdict(fromAddress: fromAddress, fromEveryone: fromEveryone)) {
                var throttled = FieldErrors()
                throttled.add(Self.publicRefusedField, refusal)
                return .invalid(throttled)
            }
            var description = name
            if let childNumber { description += ", \(childNumber.formatted)" }
            if let school { description += ", \(school)" }
            let childID = try await childNumber.asyncFlatMap { try await ChildQueries.childID(identityNumber: $0, db) }
            let (id, receipt) = try await ReportQueries.insert(.init(draft: draft, childID: childID, childDescription: description, handlingUnitID: unit.id,
                                                                     reporterStaffID: nil, reporterUnitID: nil, registeredBy: nil), now: now, db)
            if let childID { try await ChildQueries.link(childID: childID, unitID: unit.id, reason: .report, now: now, db) }
            try await ReportQueries.recordPublicSubmission(addressHash: addressHash, now: now, db)
            try await AuditQueries.append(AuditEvent(staffID: nil, staffName: ConcernAuditReasons.eServiceSender(draft.reporterKind), action: .create, childID: childID,
                                                     recordType: .report, recordID: String(id), reason: ConcernAuditReasons.viaEService, clientAddress: clientAddress), at: now, db)
            return .ok(receipt)
        }
    }

    static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Reading

    /// Whether the registry lets this reporter learn the investigation's outcome (the
    /// policy decides, category "outcome").
    static func outcomeShared(_ report: ReportRecord, with actor: Actor, now: Date, _ db: any SQLDatabase) async throws -> Bool {
        guard let childID = report.childID, report.investigationID != nil else { return false }
        let consents = try await ConsentQueries.facts(childID: childID, db)
        guard !consents.isEmpty else { return false }
        return AccessPolicy.allows(actor, .viewSharedInformation(SharedInformationFacts(childID: childID, category: .outcome, consents: consents, asOf: now)))
    }

    /// "Mina anmälningar": the reporter's own reports with the feedback allowed to them.
    public func mine(by origin: RequestOrigin) async throws -> [(ReportRecord, ReporterFeedback)] {
        let now = clock.now()
        return try await store.transaction { db in
            let reports = try await ReportQueries.byReporter(staffID: origin.actor.staffID, limit: 100, db)
            var result: [(ReportRecord, ReporterFeedback)] = []
            // The children's policy facts in two queries for the whole list, not two per report.
            let facts = try await ChildQueries.accessFacts(childIDs: reports.compactMap(\.childID), db)
            for stored in reports where AccessPolicy.allows(origin.actor, .viewReportFeedback(stored.accessFacts)) {
                let report = Self.reporterCopy(stored, childFacts: stored.childID.flatMap { facts[$0] }, for: origin.actor)
                let investigation = try await report.investigationID.asyncFlatMap { try await InvestigationQueries.investigation(id: $0, db) }
                let shared = try await Self.outcomeShared(report, with: origin.actor, now: now, db)
                result.append((report, ReporterFeedback.compose(report: report.state, investigation: investigation?.state, outcomeShared: shared)))
            }
            try await AuditQueries.append(origin.event(.read, type: .myReports, reason: ConcernAuditReasons.myReports(result.count)), at: now, db)
            return result
        }
    }

    public func queue(by origin: RequestOrigin) async throws -> Outcome<IntakeQueue> {
        let now = clock.now()
        let units = origin.actor.reportHandlingUnitIDs.filter { AccessPolicy.allows(origin.actor, .handleReports(unitID: $0)) }
        guard !units.isEmpty else {
            try await store.singleStatement { db in
                try await AuditQueries.append(origin.event(.accessDenied, type: .intakeQueue, reason: ConcernAuditReasons.notHandler), at: now, db)
            }
            return .denied(.init(code: "not-handler", text: ConcernMessages.notHandler))
        }
        try await store.singleStatement { db in
            try await AuditQueries.append(origin.event(.read, type: .intakeQueue, reason: ConcernAuditReasons.intakeQueue), at: now, db)
        }
        let reports = try await store.withConnection { db in try await ReportQueries.queue(unitIDs: units, limit: 300, db) }
        let visible = reports.filter { AccessPolicy.allows(origin.actor, .viewReport($0.accessFacts)) }
        let waiting = visible.filter { $0.state.isDecided }
        // Oldest first; reports about the same child follow the oldest one.
        var groups: [[ReportRecord]] = []
        var groupOfChild: [RecordID: Int] = [:]
        for report in visible where !report.state.isDecided {
            if let child = report.childID, let index = groupOfChild[child] {
                groups[index].append(report)
            } else {
                if let child = report.childID { groupOfChild[child] = groups.count }
                groups.append([report])
            }
        }
        // Acute concern first (guardians must not be told; the child may need protection at
        // once), then the rest; each part oldest first.
        let acuteFirst = groups.filter { $0.contains(where: \.isAcute) } + groups.filter { !$0.contains(where: \.isAcute) }
        return .ok(IntakeQueue(groups: acuteFirst, awaitingFeedback: waiting))
    }

    public func view(reportID: RecordID, by origin: RequestOrigin) async throws -> Outcome<ReportPage> {
        let now = clock.now()
        guard let report = try await store.withConnection({ db in try await ReportQueries.report(id: reportID, db) }) else {
            try await store.transaction { db in
                try await AuditQueries.append(origin.event(.accessDenied, type: .report, record: String(reportID), reason: ConcernAuditReasons.reportMissing), at: now, db)
            }
            return .denied(Self.notFound)
        }
        let (allowed, event, openedBy) = origin.enter(.viewReport(report.accessFacts), .viewReportFeedback(report.accessFacts), child: report.childID, type: .report, record: String(reportID))
        // Opened as a handler (the full report), or as the reporter (feedback only).
        let full = openedBy == 0
        try await store.transaction { db in try await AuditQueries.append(event, at: now, db) }
        guard allowed.isAllowed else { return .denied(Self.notFound) }
        return try await store.withConnection { db in
            if full {
                let decisions = try await ReportQueries.decisions(reportID: reportID, db)
                var others: [ReportRecord] = []
                var running: RecordID?
                if let childID = report.childID {
                    others = try await ReportQueries.forChild(childID: childID, db).filter { $0.id != reportID }
                    running = try await InvestigationQueries.running(childID: childID, db)
                }
                var view = ReportHandlerView(report: report, decisions: decisions, otherReports: others, runningInvestigationID: running, reason: allowed.reason)
                if report.isAcute { view.noticeBanLift = try await ReportQueries.noticeBanLift(reportID: reportID, db) }
                view.actions = ReportPageActions.decide(origin.actor, report.accessFacts, .init(
                    state: report.state, childLinked: report.childID != nil, isAcute: report.isAcute,
                    runningInvestigation: running != nil, noticeBanLifted: view.noticeBanLift != nil))
                return .ok(.handler(view))
            }
            let investigation = try await report.investigationID.asyncFlatMap { try await InvestigationQueries.investigation(id: $0, db) }
            // The reporter sees only what they wrote and the feedback, never the assessment.
            var own = Self.reporterCopy(report, childFacts: try await report.childID.asyncFlatMap { try await ChildQueries.accessFacts(childID: $0, db) }, for: origin.actor)
            own.investigationUnitID = nil
            own.caseOfficerID = nil
            let shared = try await Self.outcomeShared(report, with: origin.actor, now: now, db)
            return .ok(.reporter(own, ReporterFeedback.compose(report: report.state, investigation: investigation?.state, outcomeShared: shared)))
        }
    }

    // MARK: Steps

    /// The reporter asks for feedback (starts the one-week clock, SoL 19:6).
    public func requestFeedback(reportID: RecordID, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let report = try await ReportQueries.report(id: reportID, db) else { return .denied(Self.notFound) }
            let decision = try await origin.decide(.viewReportFeedback(report.accessFacts), child: report.childID, type: .report, record: String(reportID), at: now, db)
            guard decision.isAllowed else { return .denied(Self.notFound) }
            switch ReportRules.apply(.requestFeedback, to: report.state, at: now, by: origin.actor.displayName) {
            case .failure(let refusal): return .invalid(Self.errors(refusal))
            case .success(let next):
                try await ReportQueries.save(id: reportID, next, db)
                try await AuditQueries.append(origin.event(.update, child: report.childID, type: .report, record: String(reportID), reason: ConcernAuditReasons.feedbackRequested), at: now, db)
                return .ok(())
            }
        }
    }

    /// A handler's step on a report. Decisions are stored with who, when and why.
    public func handle(reportID: RecordID, step: ReportStep, by origin: RequestOrigin) async throws -> Outcome<Void> {
        try await handle(reportID: reportID, by: origin) { report, _, _ in .ok(step) }
    }

    /// The pre-assessment. `caseOfficer` ("staffID:unitID") is required to open one.
    public func decide(reportID: RecordID, outcome: String, date: String, reasons: String, caseOfficer: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        var errors = FieldErrors()
        let chosen = PreAssessmentOutcome(rawValue: outcome)
        if chosen == nil { errors.add("outcome", ConcernMessages.outcomeMissing) }
        let decision = DecisionValidation.validate(date: date, reasons: reasons, by: origin.actor, today: today)
        if case .failure(let more) = decision { for (k, v) in more.messages { errors.add(k, v) } }
        let officers = try await store.withConnection { db in try await InvestigationQueries.caseOfficers(db) }
        let officer = officers.first { "\($0.id):\($0.unitID)" == caseOfficer }
        if chosen == .openInvestigation, officer == nil { errors.add("case_officer", ConcernMessages.caseOfficerMissing) }
        guard errors.isEmpty, let chosen, case .success(let record) = decision else { return .invalid(errors) }
        let now = clock.now()
        return try await handle(reportID: reportID, by: origin) { report, db, _ in
            guard let childID = report.childID else {
                var missing = FieldErrors()
                missing.add("outcome", ConcernMessages.linkChildFirst)
                return .invalid(missing)
            }
            let running = try await InvestigationQueries.running(childID: childID, db)
            let step = ReportStep.preAssessment(chosen, record, runningInvestigation: running != nil)
            guard case .success = ReportRules.apply(step, to: report.state, at: now, by: origin.actor.displayName) else { return .ok(step) }
            // Side effects only once the rules accept the step.
            switch chosen {
            case .openInvestigation:
                let id = try await InvestigationQueries.insert(childID: childID, unitID: officer!.unitID, caseOfficerID: officer!.id, statementUnitID: nil, openedAt: now, db)
                try await ReportQueries.setInvestigation(reportID: reportID, investigationID: id, db)
                try await ChildQueries.link(childID: childID, unitID: officer!.unitID, reason: .investigation, now: now, db)
                // The report's own decision is the pre-assessment; the opening belongs to the
                // investigation's record (its clock), so the report lists one decision, not two.
                _ = try await ReportQueries.insertDecision(kind: "investigation-opened", outcome: nil, record, reportID: nil, investigationID: id,
                                                           newDue: ClockKind.investigation.rule.due(from: now), now: now, db)
                try await AuditQueries.append(origin.event(.create, child: childID, type: .investigation, record: String(id), reason: ConcernAuditReasons.investigationOpened(officer: officer!.name)), at: now, db)
            case .alreadyRunning:
                try await ReportQueries.setInvestigation(reportID: reportID, investigationID: running!, db)
            case .notOpened:
                break
            }
            return .ok(step)
        }
    }

    /// The report as its reporter is shown it: a reporter who does not see the child (a report
    /// by number) gets back the name and number they typed, never the registry's record.
    static func reporterCopy(_ report: ReportRecord, childFacts: ChildAccessFacts?, for actor: Actor) -> ReportRecord {
        guard let facts = childFacts, !AccessPolicy.allows(actor, .viewChild(facts)) else { return report }
        var copy = report
        copy.childName = nil
        copy.childNumber = nil
        return copy
    }

    /// Social services lifts an acute report's ban on telling the guardians (a joint report
    /// meeting may then be booked), with who, when and why. Only the report's handlers.
    public func liftGuardianNoticeBan(reportID: RecordID, reason: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        var errors = FieldErrors()
        let text = GuardianNoticeRules.validateLift(reason: reason, into: &errors)
        return try await store.transaction { [errors] db in
            guard let report = try await ReportQueries.report(id: reportID, db) else { return .denied(Self.notFound) }
            let decision = try await origin.decide(.viewReport(report.accessFacts), child: report.childID, type: .report, record: String(reportID), at: now, db)
            guard decision.isAllowed, Self.handles(report, origin.actor) else { return .denied(Self.notFound) }
            guard errors.isEmpty else { return .invalid(errors) }
            guard report.isAcute, try await ReportQueries.liftNoticeBan(reportID: reportID, by: origin.actor, reason: text, now: now, db) else {
                var done = FieldErrors()
                done.add("lift_reason", ConcernMessages.banNotLiftable(isAcute: report.isAcute))
                return .invalid(done)
            }
            try await AuditQueries.append(origin.event(.update, child: report.childID, type: .report, record: String(reportID),
                                                       reason: ConcernAuditReasons.banLifted(text)), at: now, db)
            return .ok(())
        }
    }

    /// Whether the person handles the report (its intake unit or its investigation unit).
    static func handles(_ report: ReportRecord, _ actor: Actor) -> Bool {
        ReportPageActions.handles(actor, report.accessFacts)
    }

    /// Links a report from the e-service to a child in the registry.
    public func linkChild(reportID: RecordID, childID: RecordID, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let report = try await ReportQueries.report(id: reportID, db) else { return .denied(Self.notFound) }
            let decision = try await origin.decide(.viewReport(report.accessFacts), type: .report, record: String(reportID), at: now, db)
            guard decision.isAllowed else { return .denied(Self.notFound) }
            guard report.childID == nil else {
                var errors = FieldErrors()
                errors.add("identity_number", ConcernMessages.reportAlreadyLinked)
                return .invalid(errors)
            }
            try await ReportQueries.setChild(reportID: reportID, childID: childID, db)
            if try await ChildQueries.link(childID: childID, unitID: report.handlingUnitID, reason: .report, now: now, db) {
                try await ConsentQueries.raiseFlag(kind: ReviewFlagKind.existingLinked.rawValue, staffID: origin.actor.staffID, staffName: origin.actor.displayName, childID: childID,
                                                   detail: ConcernAuditReasons.existingChildLinkedToIntake, key: "report-link:\(reportID)", now: now, db)
            }
            try await AuditQueries.append(origin.event(.update, child: childID, type: .report, record: String(reportID), reason: ConcernAuditReasons.reportLinked), at: now, db)
            return .ok(())
        }
    }

    private func handle(reportID: RecordID, by origin: RequestOrigin,
                        _ makeStep: @Sendable (ReportRecord, any SQLDatabase, Date) async throws -> Outcome<ReportStep>) async throws -> Outcome<Void> {
        let now = clock.now()
        do {
            return try await handleInTransaction(reportID: reportID, by: origin, now: now, makeStep)
        } catch let refused as StepRefused {
            return .invalid(Self.errors(refused.refusal))
        }
    }

    private func handleInTransaction(reportID: RecordID, by origin: RequestOrigin, now: Date,
                                     _ makeStep: @Sendable (ReportRecord, any SQLDatabase, Date) async throws -> Outcome<ReportStep>) async throws -> Outcome<Void> {
        try await store.transaction { db in
            guard let report = try await ReportQueries.report(id: reportID, db) else { return .denied(Self.notFound) }
            let decision = try await origin.decide(.viewReport(report.accessFacts), child: report.childID, type: .report, record: String(reportID), at: now, db)
            guard decision.isAllowed, Self.handles(report, origin.actor) else { return .denied(Self.notFound) }
            let step: ReportStep
            switch try await makeStep(report, db, now) {
            case .ok(let made): step = made
            case .invalid(let errors): return .invalid(errors)
            case .denied(let reason): return .denied(reason)
            }
            switch ReportRules.apply(step, to: report.state, at: now, by: origin.actor.displayName) {
            case .failure(let refusal):
                // Nothing the step's side effects wrote may stay: roll back.
                throw StepRefused(refusal: refusal)
            case .success(let next):
                try await ReportQueries.save(id: reportID, next, db)
                let what = step.auditLabel
                switch step {
                case .protectionAssessment(let needed, let record):
                    _ = try await ReportQueries.insertDecision(kind: "protection-assessment", outcome: needed ? "needed" : "not-needed", record, reportID: reportID, investigationID: nil, now: now, db)
                case .preAssessment(let outcome, let record, _):
                    _ = try await ReportQueries.insertDecision(kind: "pre-assessment", outcome: outcome.rawValue, record, reportID: reportID, investigationID: nil, now: now, db)
                default: break
                }
                try await AuditQueries.append(origin.event(.update, child: report.childID, type: .report, record: String(reportID), reason: what), at: now, db)
                return .ok(())
            }
        }
    }

    static func errors(_ refusal: StepRefusal) -> FieldErrors {
        var errors = FieldErrors()
        errors.add("step", refusal.message)
        return errors
    }
}

/// Thrown inside a transaction so a refused step leaves nothing behind.
struct StepRefused: Error {
    let refusal: StepRefusal
}
