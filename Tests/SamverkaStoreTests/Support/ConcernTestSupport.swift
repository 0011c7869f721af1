import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

/// The social-services and school people of the concern path, added to a `Fixture`'s
/// organisation: an investigation unit with a case officer and a unit manager, a treatment
/// unit with a family therapist, the intake unit's manager, and the principals of both schools.
struct ConcernStaff {
    var investigationUnit: RecordID
    var treatmentUnit: RecordID
    var caseOfficer: Actor
    var investigationManager: Actor
    var intakeManager: Actor
    var familyTherapist: Actor
    var principalA: Actor
    var principalB: Actor

    init(_ f: Fixture) async throws {
        let now = Fixture.start
        let hash = try await FastTestHasher().hash("rätt-lösenord-123")
        let (schoolA, schoolB, intake) = (f.schoolA, f.schoolB, f.intake)
        let ids = try await f.store.transaction { db -> [RecordID] in
            let investigation = try await OrganisationQueries.insertUnit(name: "IFO Utredning", kind: .ifoInvestigation, areaID: nil, now: now, db)
            let treatment = try await OrganisationQueries.insertUnit(name: "IFO Öppenvård", kind: .ifoTreatment, areaID: nil, now: now, db)
            var ids = [investigation, treatment]
            let people: [(String, String, Role, RecordID)] = [
                ("socialsekreterare", "Sara Socialsekreterare", .caseOfficer, investigation),
                ("utredningschef", "Ulf Utredningschef", .unitManager, investigation),
                ("mottagningschef", "Maja Mottagningschef", .unitManager, intake),
                ("familjebehandlare", "Frida Familjebehandlare", .familyTherapist, treatment),
                ("rektor.a", "Rut Rektor A", .principal, schoolA),
                ("rektor.b", "Rolf Rektor B", .principal, schoolB),
            ]
            for (username, name, role, unit) in people {
                let id = try await OrganisationQueries.insertStaff(username: username, displayName: name, email: nil, passwordHash: hash, mustChangePassword: false, now: now, db)
                _ = try await OrganisationQueries.insertAssignment(staffID: id, role: role, unitID: unit, now: now, db)
                ids.append(id)
            }
            return ids
        }
        investigationUnit = ids[0]
        treatmentUnit = ids[1]
        let actors = try await f.store.withConnection { db in
            try await Array(ids[2...]).asyncMap { try await OrganisationQueries.actor(staffID: $0, db)! }
        }
        (caseOfficer, investigationManager, intakeManager, familyTherapist, principalA, principalB) = (actors[0], actors[1], actors[2], actors[3], actors[4], actors[5])
    }

    /// The case officer as the pre-assessment form sends it ("staffID:unitID").
    var caseOfficerChoice: String { "\(caseOfficer.staffID):\(investigationUnit)" }
}

extension Fixture {
    var reports: ReportService { ReportService(store: store, clock: clock) }
    var investigations: InvestigationService { InvestigationService(store: store, clock: clock) }
    var workLists: WorkListService { WorkListService(store: store, clock: clock) }
    var consultations: ConsultationService { ConsultationService(store: store, clock: clock) }

    var today: SimpleDate { Stockholm.date(of: clock.now()) }
    var todayISO: String { today.iso }

    /// A decision by `actor`, dated today.
    func decision(by actor: Actor, _ reasons: String) -> DecisionRecord {
        DecisionRecord(decidedBy: actor.staffID, decidedByName: actor.displayName, date: today, reasons: reasons)
    }

    /// What a teacher types into a complete report form.
    static func staffReport(_ observations: String = "Blåmärken på armarna, säger att hen inte vill gå hem.") -> ReportInput {
        var input = ReportInput()
        input.observations = observations
        input.since = "Sedan höstlovet"
        input.reporterContact = "070-111 22 33"
        input.guardiansInformed = GuardianNotice.informed.rawValue
        return input
    }

    /// Teacher A (or `actor`) reports on `child`; the report must be accepted.
    func fileReport(child: RecordID, by actor: Actor? = nil, _ input: ReportInput = Fixture.staffReport()) async throws -> RecordID {
        try requireOK(await reports.file(childID: child, input, handlingUnitID: "", by: origin(actor ?? teacherA)))
    }

    /// Intake confirms receipt and records the protection assessment (no immediate protection).
    func receiveAndAssess(_ reportID: RecordID, reasons: String = "HEMLIG-SKYDDSBEDÖMNING: inget akut skyddsbehov.") async throws {
        try requireOK(await reports.handle(reportID: reportID, step: .confirmReceipt, by: origin(intakeOfficer)))
        try requireOK(await reports.handle(reportID: reportID, step: .protectionAssessment(immediateProtectionNeeded: false, decision(by: intakeOfficer, reasons)),
                                           by: origin(intakeOfficer)))
    }

    /// A report by teacher A (or `reporter`) about `child`, received, assessed and decided "open" with the
    /// staff's case officer. Returns the report and the investigation.
    func openInvestigation(child: RecordID, _ staff: ConcernStaff, reporter: Actor? = nil) async throws -> (report: RecordID, investigation: RecordID) {
        let reportID = try await fileReport(child: child, by: reporter)
        try await receiveAndAssess(reportID)
        try requireOK(await reports.decide(reportID: reportID, outcome: PreAssessmentOutcome.openInvestigation.rawValue, date: todayISO,
                                           reasons: "HEMLIGA-SKÄL: oron behöver utredas.", caseOfficer: staff.caseOfficerChoice, by: origin(intakeOfficer)))
        let stored = try await report(reportID)
        return (reportID, try #require(stored.investigationID))
    }

    /// The stored report, read directly (no audit).
    func report(_ id: RecordID) async throws -> ReportRecord {
        let found = try await store.withConnection { db in try await ReportQueries.report(id: id, db) }
        return try #require(found)
    }

    /// The stored investigation, read directly (no audit).
    func investigation(_ id: RecordID) async throws -> InvestigationRecord {
        let found = try await store.withConnection { db in try await InvestigationQueries.investigation(id: id, db) }
        return try #require(found)
    }

    func decisions(report: RecordID? = nil, investigation: RecordID? = nil) async throws -> [DecisionEntry] {
        try await store.withConnection { db in try await ReportQueries.decisions(reportID: report, investigationID: investigation, db) }
    }

    /// Audit rows of one record type (and action, staff member), newest first.
    func auditRows(type: AuditRecordType, _ filter: AuditFilter = .init()) async throws -> [AuditRecord] {
        try await auditRows(filter).filter { $0.recordType == type.rawValue }
    }

    func auditCount(_ filter: AuditFilter) async throws -> Int {
        try await store.withConnection { db in try await AuditQueries.count(filter, db) }
    }

    /// Every row count the concern path can write, to prove that a refusal wrote nothing.
    func concernCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["reports", "decisions", "investigations", "interventions", "school_notices", "tasks", "consultations", "public_submissions", "child_units"] {
            counts[table] = try await count(table)
        }
        counts["audit_log.update"] = try await auditCount(.init(action: .update))
        counts["audit_log.create"] = try await auditCount(.init(action: .create))
        return counts
    }
}

// MARK: Outcomes

struct OutcomeMismatch: Error {}

@discardableResult
func requireOK<T>(_ outcome: Outcome<T>, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
    guard case .ok(let value) = outcome else {
        Issue.record("expected .ok, got \(outcome)", sourceLocation: sourceLocation)
        throw OutcomeMismatch()
    }
    return value
}

@discardableResult
func requireInvalid<T>(_ outcome: Outcome<T>, sourceLocation: SourceLocation = #_sourceLocation) throws -> FieldErrors {
    guard case .invalid(let errors) = outcome else {
        Issue.record("expected .invalid, got \(outcome)", sourceLocation: sourceLocation)
        throw OutcomeMismatch()
    }
    return errors
}

@discardableResult
func requireDenied<T>(_ outcome: Outcome<T>, sourceLocation: SourceLocation = #_sourceLocation) throws -> AccessReason {
    guard case .denied(let reason) = outcome else {
        Issue.record("expected .denied, got \(outcome)", sourceLocation: sourceLocation)
        throw OutcomeMismatch()
    }
    return reason
}

/// What a work-list line is about, for assertions (the web words and links it).
extension WorkItem {
    var reportID: RecordID? {
        switch subject {
        case .report(let id, _, _), .writtenConfirmation(let id, _): id
        default: nil
        }
    }
    var investigationID: RecordID? {
        switch subject {
        case .investigation(let id, _), .followUp(let id): id
        default: nil
        }
    }
    var caseID: RecordID? {
        switch subject {
        case .collaborationClock(let id): id
        case .meetingAction(_, let id, _): id
        default: nil
        }
    }
    var consentChildID: RecordID? {
        if case .consentEnding(_, let child) = subject { return child }
        return nil
    }
    /// A task's or an action's own words.
    var text: String? {
        switch subject {
        case .task(_, let title, _, _, _, _): title
        case .meetingAction(_, _, let what): what
        default: nil
        }
    }
    var taskCaseID: RecordID? {
        if case .task(_, _, _, _, _, let caseID) = subject { return caseID }
        return nil
    }
}
