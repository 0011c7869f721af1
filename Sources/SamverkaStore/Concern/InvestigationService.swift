import Foundation
import SQLKit
import SamverkaCore

public struct InvestigationView: Sendable {
    public var investigation: InvestigationRecord
    public var decisions: [DecisionEntry]
    public var reports: [ReportRecord]
    public var interventions: [InterventionRecord]
    public var reason: AccessReason
    /// The child's consents (facts only), so the page can say what the school may be told.
    public var consents: [ConsentFacts]
    /// Short oral reference conversations with the school, instead of a written statement.
    public var referenceConversations: [ReferenceConversationRecord] = []
}

/// Investigations (utredning, BBIC), from opening to closure and follow-up (DOMAIN §3.1
/// steps 8–11). Every step goes through `InvestigationRules`; every decision records who,
/// when and why; every read and write is audited.
public struct InvestigationService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public static let notFound = AccessReason(code: "not-found", text: ConcernMessages.investigationNotFound)
    var today: SimpleDate { Stockholm.date(of: clock.now()) }

    public func view(id: RecordID, by origin: RequestOrigin) async throws -> Outcome<InvestigationView> {
        let now = clock.now()
        guard let record = try await store.withConnection({ db in try await InvestigationQueries.investigation(id: id, db) }) else {
            try await store.transaction { db in
                try await AuditQueries.append(origin.event(.accessDenied, type: .investigation, record: String(id), reason: ConcernAuditReasons.investigationMissing), at: now, db)
            }
            return .denied(Self.notFound)
        }
        let (decision, event, _) = origin.enter(.handleInvestigation(record.accessFacts), child: record.childID, type: .investigation, record: String(id))
        try await store.transaction { db in try await AuditQueries.append(event, at: now, db) }
        guard decision.isAllowed else { return .denied(Self.notFound) }
        return try await store.withConnection { db in
            .ok(InvestigationView(investigation: record, decisions: try await ReportQueries.decisions(investigationID: id, db),
                                  reports: try await ReportQueries.forInvestigation(id, db),
                                  interventions: try await InvestigationQueries.interventions(investigationID: id, db), reason: decision.reason,
                                  consents: try await ConsentQueries.facts(childID: record.childID, db),
                                  referenceConversations: try await ReferenceConversationQueries.list(investigationID: id, db)))
        }
    }

    public func extend(id: RecordID, to day: String, date: String, reasons: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        var errors = FieldErrors()
        let newDay = SimpleDate(iso: TextRules.trimmed(day))
        if newDay == nil { errors.add("new_due", ConcernMessages.newDueMissing) }
        let decision = DecisionValidation.validate(date: date, reasons: reasons, by: origin.actor, today: today)
        if case .failure(let more) = decision { for (k, v) in more.messages { errors.add(k, v) } }
        guard errors.isEmpty, let newDay, case .success(let record) = decision else { return .invalid(errors) }
        return try await step(id, .extend(to: newDay, record), by: origin) { before, after, db, now in
            _ = try await ReportQueries.insertDecision(kind: "extension", outcome: nil, record, reportID: nil, investigationID: id,
                                                       newDue: after.clock.dueAt, previousDue: before.state.clock.dueAt, now: now, db)
            return ConcernAuditReasons.extended(to: newDay)
        }
    }

    /// The short oral reference conversation with the pedagogue who knows the child best (an
    /// alternative to the written statement): who, when, a short note. The case officer's.
    public func recordReferenceConversation(id: RecordID, _ input: ReferenceConversationInput, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        let validated = ReferenceConversationRules.validate(input, today: today)
        return try await store.transaction { db in
            guard let record = try await InvestigationQueries.investigation(id: id, db) else { return .denied(Self.notFound) }
            let decision = try await origin.decide(.handleInvestigation(record.accessFacts), child: record.childID, type: .referenceConversation, record: String(id), at: now, db)
            guard decision.isAllowed else { return .denied(Self.notFound) }
            switch validated {
            case .failure(let errors): return .invalid(errors)
            case .success(let conversation):
                let rowID = try await ReferenceConversationQueries.insert(conversation, investigationID: id, childID: record.childID, by: origin.actor, now: now, db)
                try await AuditQueries.append(origin.event(.create, child: record.childID, type: .referenceConversation, record: String(rowID),
                                                           reason: ConcernAuditReasons.referenceConversation(with: conversation.withName, on: conversation.heldOn)), at: now, db)
                return .ok(())
            }
        }
    }

    /// An optional joint meeting with the family and the school about the BBIC statement;
    /// the meeting itself is booked with the meeting machinery.
    public func planJointBBICMeeting(id: RecordID, by origin: RequestOrigin) async throws -> Outcome<Void> {
        try await step(id, .planJointBBICMeeting, by: origin) { _, _, _, _ in ConcernAuditReasons.jointBBICMeetingPlanned }
    }

    /// The statement request goes to the rektor / förskolechef of the child's school.
    public func requestStatement(id: RecordID, by origin: RequestOrigin) async throws -> Outcome<Void> {
        try await step(id, .requestStatement, by: origin, precondition: { record in
            record.childSchoolUnitID == nil ? ConcernMessages.noSchoolForStatement : nil
        }) { before, _, db, _ in
            try await db.raw("UPDATE investigations SET statement_unit_id = \(bind: before.childSchoolUnitID) WHERE id = \(bind: id)").run()
            return ConcernAuditReasons.statementRequested(from: before.childSchoolName)
        }
    }

    /// `schoolTask`: what the genomförandeplan gives the school to do, when it takes part
    /// (seed 002); the case officer then has a task on the work list to follow it up.
    public func addIntervention(id: RecordID, kind: String, start: String, end: String, responsible: String, schoolTask: String = "", date: String, reasons: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        var errors = FieldErrors()
        let type = InterventionKind(rawValue: kind)
        if type == nil { errors.add("kind", ConcernMessages.interventionKindMissing) }
        let startDay = SimpleDate(iso: TextRules.trimmed(start))
        if startDay == nil { errors.add("start", ConcernMessages.startMissing) }
        var endDay: SimpleDate?
        if !TextRules.trimmed(end).isEmpty {
            endDay = SimpleDate(iso: TextRules.trimmed(end))
            if endDay == nil { errors.add("end", ConcernMessages.endWrong) }
        }
        let who = TextRules.required(responsible, field: "responsible", label: ConcernMessages.responsibleLabel, max: 200, into: &errors)
        let task = TextRules.trimmed(schoolTask)
        if task.count > 1000 { errors.add("school_task", ConcernMessages.schoolTaskTooLong) }
        let decision = DecisionValidation.validate(date: date, reasons: reasons, by: origin.actor, today: today)
        if case .failure(let more) = decision { for (k, v) in more.messages { errors.add(k, v) } }
        guard errors.isEmpty, let type, let startDay, case .success(let record) = decision else { return .invalid(errors) }
        let endCopy = endDay
        return try await step(id, .addIntervention(type, start: startDay, end: endCopy, record), by: origin) { before, _, db, now in
            let decisionID = try await ReportQueries.insertDecision(kind: "intervention", outcome: type.rawValue, record, reportID: nil, investigationID: id, now: now, db)
            try await InvestigationQueries.insertIntervention(investigationID: id, kind: type, start: startDay, end: endCopy, responsible: who,
                                                              schoolTask: task.isEmpty ? nil : task, decisionID: decisionID, now: now, db)
            if !task.isEmpty {
                try await ConcernSupportQueries.insertTask(staffID: before.caseOfficerID, childID: before.childID, investigationID: id,
                                                           title: ConcernTexts.followUpSchoolTask(type, task: task),
                                                           dueOn: startDay.adding(months: 1), now: now, db)
            }
            // A placement: the school is told at once that the child will be away (seed 002).
            if type.isPlacement, let school = before.childSchoolUnitID {
                try await ConcernSupportQueries.insertNotice(childID: before.childID, unitID: school,
                                                             message: ConcernTexts.placementNotice(from: startDay), now: now, db)
            }
            return ConcernAuditReasons.interventionDecided(type)
        }
    }

    /// The placement ends and the child moves home: a task for the case officer to call a
    /// collaboration meeting about the return to school (seed 002).
    public func recordMovingHome(id: RecordID, date: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        guard let day = SimpleDate(iso: TextRules.trimmed(date)) else {
            var errors = FieldErrors()
            errors.add("moving_date", ConcernMessages.movingDateMissing)
            return .invalid(errors)
        }
        let now = clock.now()
        return try await store.transaction { db in
            guard let record = try await InvestigationQueries.investigation(id: id, db) else { return .denied(Self.notFound) }
            let decision = try await origin.decide(.handleInvestigation(record.accessFacts), child: record.childID, type: .investigation, record: String(id), at: now, db)
            guard decision.isAllowed else { return .denied(Self.notFound) }
            try await ConcernSupportQueries.insertTask(staffID: record.caseOfficerID, childID: record.childID, investigationID: id,
                                                       title: ConcernTexts.callReturnMeeting(childName: record.childName, movingHomeOn: day),
                                                       dueOn: day, kind: .returnToSchool, now: now, db)
            try await AuditQueries.append(origin.event(.update, child: record.childID, type: .investigation, record: String(id), reason: ConcernAuditReasons.movingHome), at: now, db)
            return .ok(())
        }
    }

    /// Closure: the school is told the outcome only when a consent in the registry, in force
    /// at closure, names the school unit and the category "outcome"; otherwise only that the
    /// investigation is closed (seed 002).
    public func close(id: RecordID, outcome: String, date: String, reasons: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        var errors = FieldErrors()
        let result = InvestigationOutcome(rawValue: outcome)
        if result == nil { errors.add("outcome", ConcernMessages.closureOutcomeMissing) }
        let decision = DecisionValidation.validate(date: date, reasons: reasons, by: origin.actor, today: today)
        if case .failure(let more) = decision { for (k, v) in more.messages { errors.add(k, v) } }
        guard errors.isEmpty, let result, case .success(let record) = decision else { return .invalid(errors) }
        return try await step(id, .close(result, record), by: origin) { before, after, db, now in
            _ = try await ReportQueries.insertDecision(kind: "closure", outcome: result.rawValue, record, reportID: nil, investigationID: id, now: now, db)
            if let school = before.childSchoolUnitID {
                let consents = try await ConsentQueries.facts(childID: before.childID, db)
                let shared = ConsentAccess.unitMayReceive(.outcome, unitID: school, consents: consents, at: now)
                let message = ConcernMessages.investigationClosedNotice(result, shared: shared)
                try await ConcernSupportQueries.insertNotice(childID: before.childID, unitID: school, message: message, now: now, db)
            }
            return ConcernAuditReasons.closed(result)
        }
    }

    public func startFollowUp(id: RecordID, until: String, date: String, reasons: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        var errors = FieldErrors()
        let day = SimpleDate(iso: TextRules.trimmed(until))
        if day == nil { errors.add("until", ConcernMessages.followUpUntilMissing) }
        let decision = DecisionValidation.validate(date: date, reasons: reasons, by: origin.actor, today: today)
        if case .failure(let more) = decision { for (k, v) in more.messages { errors.add(k, v) } }
        guard errors.isEmpty, let day, case .success(let record) = decision else { return .invalid(errors) }
        return try await step(id, .startFollowUp(until: day, record), by: origin) { _, _, db, now in
            _ = try await ReportQueries.insertDecision(kind: "follow-up", outcome: day.iso, record, reportID: nil, investigationID: id, now: now, db)
            return ConcernAuditReasons.followUpDecided(until: day)
        }
    }

    // MARK: The school's statement

    /// The rektor's list of statements to return.
    public func statementRequests(by origin: RequestOrigin) async throws -> [InvestigationRecord] {
        let now = clock.now()
        let schools = Set(origin.actor.assignments.filter { $0.role == .principal || $0.role == .preschoolHead }.compactMap(\.unitID))
        guard !schools.isEmpty else { return [] }
        return try await store.transaction { db in
            let rows = try await InvestigationQueries.statementRequests(schoolUnitIDs: schools, db).filter {
                AccessPolicy.allows(origin.actor, .returnSchoolStatement(schoolUnitID: $0.statementUnitID ?? -1))
            }
            if !rows.isEmpty {
                try await AuditQueries.append(origin.event(.read, type: .statementRequests, reason: ConcernAuditReasons.statementRequests(rows.count)), at: now, db)
            }
            return rows
        }
    }

    public func returnStatement(id: RecordID, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        do {
            return try await store.transaction { db in
                guard let record = try await InvestigationQueries.investigation(id: id, db), let school = record.statementUnitID else { return .denied(Self.notFound) }
                let decision = try await origin.decide(.returnSchoolStatement(schoolUnitID: school), child: record.childID, type: .statement, record: String(id), at: now, db)
                guard decision.isAllowed else { return .denied(Self.notFound) }
                switch InvestigationRules.apply(.returnStatement, to: record.state, at: now) {
                case .failure(let refusal): throw StepRefused(refusal: refusal)
                case .success(let next):
                    try await InvestigationQueries.save(id: id, next, statementReturnedBy: origin.actor.displayName, db)
                    try await AuditQueries.append(origin.event(.update, child: record.childID, type: .statement, record: String(id), reason: ConcernAuditReasons.statementReturned), at: now, db)
                    return .ok(())
                }
            }
        } catch let refused as StepRefused {
            return .invalid(ReportService.errors(refused.refusal))
        }
    }

    // MARK: Shared

    private func step(_ id: RecordID, _ step: InvestigationStep, by origin: RequestOrigin,
                      precondition: @Sendable (InvestigationRecord) -> String? = { _ in nil },
                      _ effects: @Sendable (InvestigationRecord, InvestigationState, any SQLDatabase, Date) async throws -> String) async throws -> Outcome<Void> {
        let now = clock.now()
        do {
            return try await store.transaction { db in
                guard let record = try await InvestigationQueries.investigation(id: id, db) else { return .denied(Self.notFound) }
                let decision = try await origin.decide(.handleInvestigation(record.accessFacts), child: record.childID, type: .investigation, record: String(id), at: now, db)
                guard decision.isAllowed else { return .denied(Self.notFound) }
                if let problem = precondition(record) { throw StepRefused(refusal: StepRefusal(problem)) }
                switch InvestigationRules.apply(step, to: record.state, at: now) {
                case .failure(let refusal): throw StepRefused(refusal: refusal)
                case .success(let next):
                    try await InvestigationQueries.save(id: id, next, db)
                    let what = try await effects(record, next, db, now)
                    try await AuditQueries.append(origin.event(.update, child: record.childID, type: .investigation, record: String(id), reason: what), at: now, db)
                    return .ok(())
                }
            }
        } catch let refused as StepRefused {
            return .invalid(ReportService.errors(refused.refusal))
        }
    }
}
