import Foundation
import SQLKit
import SamverkaCore

public struct InvestigationRecord: Sendable, Hashable {
    public var id: RecordID
    public var childID: RecordID
    public var childName: String
    public var childNumber: IdentityNumber?
    public var childProtected: Bool
    public var childSchoolUnitID: RecordID?
    public var childSchoolName: String?
    public var unitID: RecordID
    public var unitName: String
    public var caseOfficerID: RecordID
    public var caseOfficerName: String
    public var statementUnitID: RecordID?
    public var statementReturnedBy: String?
    public var state: InvestigationState

    public var accessFacts: InvestigationAccessFacts {
        InvestigationAccessFacts(investigationID: id, unitID: unitID, caseOfficerID: caseOfficerID)
    }
}

public struct InterventionRecord: Sendable, Hashable {
    public var kind: InterventionKind
    public var start: SimpleDate
    public var end: SimpleDate?
    public var responsible: String
    public var decidedByName: String
    /// The school's task and responsibility in the genomförandeplan, when it takes part.
    public var schoolTask: String? = nil
}

/// An investigation as far as a school party may be told of it under consent.
public struct InvestigationSummary: Sendable, Hashable {
    public var id: RecordID
    public var openedAt: Date
    public var closedAt: Date?
    public var outcome: InvestigationOutcome?
    public var interventions: [InterventionRecord] = []
}

public enum InvestigationQueries {
    /// Names by scalar subqueries rather than joins: cheaper for PostgreSQL to plan (see
    /// `ReportQueries.columns`).
    static let columns = """
        SELECT i.*, c.given_name, c.family_name, c.identity_number, c.protected_identity, c.enrolment_unit_id,
          (SELECT name FROM units WHERE id = c.enrolment_unit_id) AS school_name, (SELECT name FROM units WHERE id = i.unit_id) AS unit_name,
          (SELECT display_name FROM staff WHERE id = i.case_officer_id) AS officer_name
        """
    static let joins = "JOIN children c ON c.id = i.child_id"
    static let select = columns + " FROM investigations i " + joins

    static func record(_ row: any SQLRow) throws -> InvestigationRecord {
        var state = InvestigationState(openedAt: try row.date("opened_at"))
        state.closedAt = try row.optionalDate("closed_at")
        state.outcome = try row.optionalString("outcome").flatMap(InvestigationOutcome.init(rawValue:))
        state.statementRequestedAt = try row.optionalDate("statement_requested_at")
        state.statementReturnedAt = try row.optionalDate("statement_returned_at")
        state.followUpUntil = try row.optionalString("follow_up_until").flatMap(SimpleDate.init(iso:))
        state.clock.metAt = state.closedAt
        state.jointBBICMeetingPlanned = try row.flag("joint_bbic_meeting")
        return InvestigationRecord(
            id: try row.int64("id"), childID: try row.int64("child_id"),
            childName: "\(try row.string("given_name")) \(try row.string("family_name"))",
            childNumber: IdentityNumber(storedDigits: try row.string("identity_number")), childProtected: try row.flag("protected_identity"),
            childSchoolUnitID: try row.optionalInt64("enrolment_unit_id"), childSchoolName: try row.optionalString("school_name"),
            unitID: try row.int64("unit_id"), unitName: try row.string("unit_name"), caseOfficerID: try row.int64("case_officer_id"),
            caseOfficerName: try row.string("officer_name"), statementUnitID: try row.optionalInt64("statement_unit_id"),
            statementReturnedBy: try row.optionalString("statement_returned_by"), state: state)
    }

    /// The investigation with its extensions (from the decision records) on the clock.
    public static func investigation(id: RecordID, _ db: any SQLDatabase) async throws -> InvestigationRecord? {
        guard var record = try await db.raw("\(unsafeRaw: select) WHERE i.id = \(bind: id)").first().map(record) else { return nil }
        let extensions = try await db.raw("""
            SELECT previous_due_at, new_due_at, reasons, recorded_at FROM decisions
            WHERE investigation_id = \(bind: id) AND kind = 'extension' ORDER BY recorded_at, id
            """).all()
        record.state.clock.extensions = try extensions.map {
            ClockExtension(previousDue: try $0.date("previous_due_at"), newDue: try $0.date("new_due_at"), reason: try $0.string("reasons"), decidedAt: try $0.date("recorded_at"))
        }
        return record
    }

    /// Puts each listed investigation's extensions on its clock, as `investigation(id:)`
    /// does, so a list shows the due time in force (and its state), not the original one.
    static func withExtensions(_ records: [InvestigationRecord], _ db: any SQLDatabase) async throws -> [InvestigationRecord] {
        guard !records.isEmpty else { return records }
        let rows = try await db.raw("""
            SELECT investigation_id, previous_due_at, new_due_at, reasons, recorded_at FROM decisions
            WHERE investigation_id IN (\(binds: records.map(\.id))) AND kind = 'extension' ORDER BY recorded_at, id
            """).all()
        var extensions: [RecordID: [ClockExtension]] = [:]
        for row in rows {
            extensions[try row.int64("investigation_id"), default: []].append(
                ClockExtension(previousDue: try row.date("previous_due_at"), newDue: try row.date("new_due_at"), reason: try row.string("reasons"), decidedAt: try row.date("recorded_at")))
        }
        return records.map { record in
            var record = record
            record.state.clock.extensions = extensions[record.id] ?? []
            return record
        }
    }

    /// What a school party may be told of the child's investigations under consent (when
    /// each opened and closed, its outcome, its interventions), oldest first, in one statement.
    public static func summaries(childID: RecordID, _ db: any SQLDatabase) async throws -> [InvestigationSummary] {
        let rows = try await db.raw("""
            SELECT n.id, n.opened_at, n.closed_at, n.outcome, v.kind, v.start_date, v.end_date, v.responsible, d.decided_by_name
            FROM investigations n LEFT JOIN interventions v ON v.investigation_id = n.id LEFT JOIN decisions d ON d.id = v.decision_id
            WHERE n.child_id = \(bind: childID) ORDER BY n.opened_at, n.id, v.start_date, v.id
            """).all()
        var summaries: [InvestigationSummary] = []
        for row in rows {
            let id = try row.int64("id")
            if summaries.last?.id != id {
                summaries.append(InvestigationSummary(id: id, openedAt: try row.date("opened_at"), closedAt: try row.optionalDate("closed_at"),
                                                      outcome: try row.optionalString("outcome").flatMap(InvestigationOutcome.init(rawValue:))))
            }
            if try !row.decodeNil(column: "kind") {
                summaries[summaries.count - 1].interventions.append(try intervention(from: row))
            }
        }
        return summaries
    }

    public static func running(childID: RecordID, _ db: any SQLDatabase) async throws -> RecordID? {
        try await db.raw("SELECT id FROM investigations WHERE child_id = \(bind: childID) AND closed_at IS NULL ORDER BY opened_at DESC LIMIT 1")
            .first().map { try $0.int64("id") }
    }

    public static func insert(childID: RecordID, unitID: RecordID, caseOfficerID: RecordID, statementUnitID: RecordID?, openedAt: Date, _ db: any SQLDatabase) async throws -> RecordID {
        let due = ClockKind.investigation.rule.due(from: openedAt)
        return try await db.insertReturningID("""
            -- consent: no longer used; the consent registry decides what the school is told.
            INSERT INTO investigations (child_id, unit_id, case_officer_id, opened_at, due_at, consent, statement_unit_id, created_at)
            VALUES (\(bind: childID), \(bind: unitID), \(bind: caseOfficerID), \(bind: openedAt.epochSeconds), \(bind: due.epochSeconds),
              'registry', \(bind: statementUnitID), \(bind: openedAt.epochSeconds))
            """)
    }

    public static func save(id: RecordID, _ s: InvestigationState, statementReturnedBy: String? = nil, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE investigations SET due_at = \(bind: s.clock.dueAt.epochSeconds),
              statement_requested_at = \(bind: s.statementRequestedAt?.epochSeconds), statement_returned_at = \(bind: s.statementReturnedAt?.epochSeconds),
              statement_returned_by = COALESCE(\(bind: statementReturnedBy), statement_returned_by),
              joint_bbic_meeting = \(bind: s.jointBBICMeetingPlanned.flag), closed_at = \(bind: s.closedAt?.epochSeconds), outcome = \(bind: s.outcome?.rawValue), follow_up_until = \(bind: s.followUpUntil?.iso)
            WHERE id = \(bind: id)
            """).run()
    }

    /// A case officer's open investigations, earliest due first.
    public static func openFor(caseOfficerID: RecordID, limit: Int, _ db: any SQLDatabase) async throws -> [InvestigationRecord] {
        // The page of investigations first, then the joins: PostgreSQL otherwise joins every
        // open investigation of the officer (1,000 in the bench) before taking the first 300.
        try await withExtensions(db.raw("""
            \(unsafeRaw: columns) FROM (SELECT * FROM investigations WHERE case_officer_id = \(bind: caseOfficerID) AND closed_at IS NULL
              ORDER BY due_at, id LIMIT \(bind: limit)) i \(unsafeRaw: joins) ORDER BY i.due_at, i.id
            """).all().map(record), db)
    }

    /// Follow-ups still running for a case officer.
    public static func followUpsFor(caseOfficerID: RecordID, today: SimpleDate, limit: Int, _ db: any SQLDatabase) async throws -> [InvestigationRecord] {
        try await withExtensions(db.raw("""
            \(unsafeRaw: select) WHERE i.case_officer_id = \(bind: caseOfficerID) AND i.closed_at IS NOT NULL
              AND i.follow_up_until IS NOT NULL AND i.follow_up_until >= \(bind: today.iso) ORDER BY i.follow_up_until LIMIT \(bind: limit)
            """).all().map(record), db)
    }

    public static func overdue(unitIDs: Set<RecordID>, now: Date, limit: Int, _ db: any SQLDatabase) async throws -> [InvestigationRecord] {
        guard !unitIDs.isEmpty else { return [] }
        let units = Array(unitIDs.sorted())
        return try await withExtensions(db.raw("""
            \(unsafeRaw: select) WHERE i.unit_id IN (\(binds: units)) AND i.closed_at IS NULL AND i.due_at < \(bind: now.epochSeconds)
            ORDER BY i.due_at LIMIT \(bind: limit)
            """).all().map(record), db)
    }

    /// Statements a school has been asked for and not yet returned.
    public static func statementRequests(schoolUnitIDs: Set<RecordID>, _ db: any SQLDatabase) async throws -> [InvestigationRecord] {
        guard !schoolUnitIDs.isEmpty else { return [] }
        let units = Array(schoolUnitIDs.sorted())
        return try await withExtensions(db.raw("""
            \(unsafeRaw: select) WHERE i.statement_unit_id IN (\(binds: units)) AND i.statement_requested_at IS NOT NULL AND i.statement_returned_at IS NULL
            ORDER BY i.statement_requested_at LIMIT 200
            """).all().map(record), db)
    }

    public static func insertIntervention(investigationID: RecordID, kind: InterventionKind, start: SimpleDate, end: SimpleDate?, responsible: String,
                                          schoolTask: String? = nil, decisionID: RecordID, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO interventions (investigation_id, kind, start_date, end_date, responsible, school_task, decision_id, created_at)
            VALUES (\(bind: investigationID), \(bind: kind.rawValue), \(bind: start.iso), \(bind: end?.iso), \(bind: responsible), \(bind: schoolTask),
              \(bind: decisionID), \(bind: now.epochSeconds))
            """).run()
    }

    public static func interventions(investigationID: RecordID, _ db: any SQLDatabase) async throws -> [InterventionRecord] {
        try await db.raw("""
            SELECT v.kind, v.start_date, v.end_date, v.responsible, v.school_task, d.decided_by_name FROM interventions v JOIN decisions d ON d.id = v.decision_id
            WHERE v.investigation_id = \(bind: investigationID) ORDER BY v.start_date, v.id
            """).all().map { row in
            var record = try intervention(from: row)
            record.schoolTask = try row.optionalString("school_task")
            return record
        }
    }

    /// An intervention from a row with `v.kind, v.start_date, v.end_date, v.responsible, d.decided_by_name`.
    static func intervention(from row: any SQLRow) throws -> InterventionRecord {
        InterventionRecord(kind: InterventionKind(rawValue: try row.string("kind")) ?? .other,
                           start: SimpleDate(iso: try row.string("start_date")) ?? SimpleDate(year: 1970, month: 1, day: 1)!,
                           end: try row.optionalString("end_date").flatMap(SimpleDate.init(iso:)),
                           responsible: try row.string("responsible"), decidedByName: try row.string("decided_by_name"))
    }

    /// Social-services staff who can be case officer in a unit.
    public static func caseOfficers(_ db: any SQLDatabase) async throws -> [(id: RecordID, name: String, unitID: RecordID, unitName: String)] {
        try await db.raw("""
            SELECT s.id, s.display_name, u.id AS unit_id, u.name AS unit_name FROM staff s JOIN staff_assignments a ON a.staff_id = s.id
            JOIN units u ON u.id = a.unit_id WHERE a.role = \(bind: Role.caseOfficer.rawValue) AND s.active = 1 AND u.active = 1
            ORDER BY s.display_name
            """).all().map { (try $0.int64("id"), try $0.string("display_name"), try $0.int64("unit_id"), try $0.string("unit_name")) }
    }
}
