import Foundation
import SQLKit
import SamverkaCore

/// A report as stored, with the child and the investigation it belongs to.
public struct ReportRecord: Sendable, Hashable {
    public var id: RecordID
    public var receiptNumber: String
    public var childID: RecordID?
    public var childName: String?
    public var childNumber: IdentityNumber?
    public var childProtected: Bool
    public var childDescription: String?
    public var handlingUnitID: RecordID
    public var handlingUnitName: String
    public var reporterStaffID: RecordID?
    public var reporterUnitName: String?
    public var reporterName: String?
    public var reporterContact: String?
    public var observations: String
    public var since: String?
    public var actionsTaken: String?
    public var acuteGrounds: [AcuteGround]
    public var guardianNotice: GuardianNotice
    public var jointMeetingRequested: Bool
    public var investigationID: RecordID?
    public var investigationUnitID: RecordID?
    public var caseOfficerID: RecordID?
    public var state: ReportState

    public var isAcute: Bool { !acuteGrounds.isEmpty }

    public var accessFacts: ReportAccessFacts {
        ReportAccessFacts(reportID: id, reporterStaffID: reporterStaffID, handlingUnitID: handlingUnitID,
                          investigationUnitID: investigationUnitID, caseOfficerID: caseOfficerID)
    }
}

/// A report as one line on the child's page, with what the policy needs to show it.
public struct ChildReportItem: Sendable, Hashable {
    public var id: RecordID
    public var receiptNumber: String
    public var kind: ReportKind
    public var receivedAt: Date
    public var stage: ReportStage
    public var isAcute: Bool
    public var investigationID: RecordID?
    public var accessFacts: ReportAccessFacts
    /// Whether the person opens the investigation (the line links to it only then: intake
    /// sees that one was opened, from the stage, not a link to a refusal).
    public var opensInvestigation = false

    func linkingInvestigation(for actor: Actor) -> ChildReportItem {
        var item = self
        if let id = investigationID, let unit = accessFacts.investigationUnitID, let officer = accessFacts.caseOfficerID {
            item.opensInvestigation = AccessPolicy.allows(actor, .handleInvestigation(InvestigationAccessFacts(investigationID: id, unitID: unit, caseOfficerID: officer)))
        }
        return item
    }
}

/// One stored decision: who, when, why.
public struct DecisionEntry: Sendable, Hashable {
    public var kind: String
    public var outcome: String?
    public var record: DecisionRecord
    public var recordedAt: Date
    public var newDueAt: Date?
}

public enum ReportQueries {
    /// What `GuardianNoticeRules` needs of the child's reports.
    public static func guardianNoticeFacts(childID: RecordID, _ db: any SQLDatabase) async throws -> [GuardianNoticeRules.ReportFacts] {
        try await db.raw("""
            SELECT acute_grounds, pre_assessment, notice_ban_lifted_at FROM reports WHERE child_id = \(bind: childID) AND acute_grounds <> ''
            """).all().map { row in
            GuardianNoticeRules.ReportFacts(isAcute: !(try acuteGrounds(row)).isEmpty,
                                            preAssessment: try row.optionalString("pre_assessment").flatMap(PreAssessmentOutcome.init(rawValue:)),
                                            liftedAt: try row.optionalDate("notice_ban_lifted_at"))
        }
    }

    /// Records that social services lifted the ban on telling the guardians. False when it was lifted already.
    public static func liftNoticeBan(reportID: RecordID, by actor: Actor, reason: String, now: Date, _ db: any SQLDatabase) async throws -> Bool {
        let row = try await db.raw("SELECT notice_ban_lifted_at FROM reports WHERE id = \(bind: reportID)").first()
        guard let row, try row.optionalInt64("notice_ban_lifted_at") == nil else { return false }
        try await db.raw("""
            UPDATE reports SET notice_ban_lifted_at = \(bind: now.epochSeconds), notice_ban_lifted_by = \(bind: actor.staffID),
              notice_ban_lifted_by_name = \(bind: actor.displayName), notice_ban_lift_reason = \(bind: reason) WHERE id = \(bind: reportID)
            """).run()
        return true
    }

    /// Who lifted the ban, when and why (nil: not lifted).
    public static func noticeBanLift(reportID: RecordID, _ db: any SQLDatabase) async throws -> (at: Date, by: String, reason: String)? {
        guard let row = try await db.raw("""
            SELECT notice_ban_lifted_at, notice_ban_lifted_by_name, notice_ban_lift_reason FROM reports WHERE id = \(bind: reportID)
            """).first(), let at = try row.optionalDate("notice_ban_lifted_at") else { return nil }
        return (at, try row.optionalString("notice_ban_lifted_by_name") ?? "", try row.optionalString("notice_ban_lift_reason") ?? "")
    }

    /// Unit names by scalar subqueries, not joins: PostgreSQL plans every statement anew (SQLKit
    /// sends unnamed statements), and each joined table multiplies the join orders it weighs;
    /// with two fewer joins planning a report query fell from about 1 ms to 0.3 ms.
    static let columns = """
        r.id, r.receipt_number, r.kind, r.channel, r.child_id, c.given_name, c.family_name, c.identity_number, c.protected_identity,
        r.child_description, r.handling_unit_id, (SELECT name FROM units WHERE id = r.handling_unit_id) AS handling_unit_name, r.reporter_kind, r.reporter_staff_id,
        (SELECT name FROM units WHERE id = r.reporter_unit_id) AS reporter_unit_name,
        r.reporter_name, r.reporter_contact, r.since_when, r.acute_grounds, r.guardian_notice, r.joint_meeting_requested,
        r.received_at, r.receipt_confirmed_at, r.receipt_confirmed_by_name, r.protection_at, r.protection_needed, r.pre_assessment,
        r.decided_at, r.investigation_id, i.unit_id AS investigation_unit_id, i.case_officer_id, r.written_confirmed_at,
        r.feedback_requested_at, r.feedback_given_at, r.feedback_withheld_reason
        """
    static let joins = """
         FROM reports r LEFT JOIN children c ON c.id = r.child_id LEFT JOIN investigations i ON i.id = r.investigation_id
        """

    static func record(_ row: any SQLRow, withText: Bool) throws -> ReportRecord {
        let kind = ReportKind(rawValue: try row.string("kind")) ?? .concern
        let channel = ReportChannel(rawValue: try row.string("channel")) ?? .written
        let reporterKind = ReporterKind(rawValue: try row.string("reporter_kind")) ?? .staff
        var state = ReportState(kind: kind, channel: channel, reporterKind: reporterKind, receivedAt: try row.date("received_at"))
        state.receiptConfirmedAt = try row.optionalDate("receipt_confirmed_at")
        state.receiptConfirmedByName = try row.optionalString("receipt_confirmed_by_name")
        state.protectionAssessedAt = try row.optionalDate("protection_at")
        state.immediateProtectionNeeded = try row.optionalInt64("protection_needed").map { $0 != 0 }
        state.preAssessment = try row.optionalString("pre_assessment").flatMap(PreAssessmentOutcome.init(rawValue:))
        state.decidedAt = try row.optionalDate("decided_at")
        state.writtenConfirmationAt = try row.optionalDate("written_confirmed_at")
        state.feedbackRequestedAt = try row.optionalDate("feedback_requested_at")
        state.feedbackGivenAt = try row.optionalDate("feedback_given_at")
        state.feedbackWithheldReason = try row.optionalString("feedback_withheld_reason")
        let given = try row.optionalString("given_name")
        let family = try row.optionalString("family_name")
        return ReportRecord(
            id: try row.int64("id"), receiptNumber: try row.string("receipt_number"), childID: try row.optionalInt64("child_id"),
            childName: given.map { "\($0) \(family ?? "")" }, childNumber: try row.optionalString("identity_number").flatMap(IdentityNumber.init(storedDigits:)),
            childProtected: (try row.optionalInt64("protected_identity") ?? 0) != 0, childDescription: try row.optionalString("child_description"),
            handlingUnitID: try row.int64("handling_unit_id"), handlingUnitName: try row.string("handling_unit_name"),
            reporterStaffID: try row.optionalInt64("reporter_staff_id"), reporterUnitName: try row.optionalString("reporter_unit_name"),
            reporterName: try row.optionalString("reporter_name"), reporterContact: try row.optionalString("reporter_contact"),
            observations: withText ? try row.string("observations") : "", since: try row.optionalString("since_when"),
            actionsTaken: withText ? try row.optionalString("actions_taken") : nil,
            acuteGrounds: try acuteGrounds(row),
            guardianNotice: GuardianNotice(rawValue: try row.string("guardian_notice")) ?? .notInformed,
            jointMeetingRequested: try row.flag("joint_meeting_requested"), investigationID: try row.optionalInt64("investigation_id"),
            investigationUnitID: try row.optionalInt64("investigation_unit_id"), caseOfficerID: try row.optionalInt64("case_officer_id"),
            state: state
        )
    }

    /// The stored comma-separated grounds for acute concern (unknown ones skipped).
    private static func acuteGrounds(_ row: any SQLRow) throws -> [AcuteGround] {
        try row.string("acute_grounds").split(separator: ",").compactMap { AcuteGround(rawValue: String($0)) }
    }

    public static func report(id: RecordID, _ db: any SQLDatabase) async throws -> ReportRecord? {
        try await db.raw("SELECT \(unsafeRaw: columns), r.observations, r.actions_taken \(unsafeRaw: joins) WHERE r.id = \(bind: id)")
            .first().map { try record($0, withText: true) }
    }

    public struct NewReport: Sendable {
        public var draft: ReportDraft
        public var childID: RecordID?
        public var childDescription: String?
        public var handlingUnitID: RecordID
        public var reporterStaffID: RecordID?
        public var reporterUnitID: RecordID?
        public var registeredBy: RecordID?

        public init(draft: ReportDraft, childID: RecordID?, childDescription: String? = nil, handlingUnitID: RecordID,
                    reporterStaffID: RecordID?, reporterUnitID: RecordID?, registeredBy: RecordID?) {
            self.draft = draft
            self.childID = childID
            self.childDescription = childDescription
            self.handlingUnitID = handlingUnitID
            self.reporterStaffID = reporterStaffID
            self.reporterUnitID = reporterUnitID
            self.registeredBy = registeredBy
        }
    }

    /// Inserts the report and returns its id and receipt number ("2026-000123-K7QF": the
    /// year, the row, and a random tail so numbers cannot be guessed in sequence).
    public static func insert(_ new: NewReport, now: Date, _ db: any SQLDatabase) async throws -> (id: RecordID, receipt: String) {
        let d = new.draft
        let provisional = "pending-" + UUID().uuidString
        let id = try await db.insertReturningID("""
            INSERT INTO reports (receipt_number, kind, channel, child_id, child_description, handling_unit_id, reporter_kind, reporter_staff_id,
              reporter_unit_id, reporter_name, reporter_contact, registered_by, observations, since_when, actions_taken, acute_grounds,
              guardian_notice, joint_meeting_requested, received_at, created_at)
            VALUES (\(bind: provisional), \(bind: d.kind.rawValue), \(bind: d.channel.rawValue), \(bind: new.childID), \(bind: new.childDescription),
              \(bind: new.handlingUnitID), \(bind: d.reporterKind.rawValue), \(bind: new.reporterStaffID), \(bind: new.reporterUnitID),
              \(bind: d.reporterName), \(bind: d.reporterContact), \(bind: new.registeredBy), \(bind: d.observations), \(bind: d.since),
              \(bind: d.actionsTaken), \(bind: d.acuteGrounds.map(\.rawValue).joined(separator: ",")), \(bind: d.guardianNotice.rawValue),
              \(bind: d.jointMeetingRequested.flag), \(bind: now.epochSeconds), \(bind: now.epochSeconds))
            """)
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let tail = String((0..<4).map { _ in alphabet.randomElement()! })
        let receipt = "\(Stockholm.date(of: now).year)-\(String(format: "%06d", id))-\(tail)"
        try await db.raw("UPDATE reports SET receipt_number = \(bind: receipt) WHERE id = \(bind: id)").run()
        return (id, receipt)
    }

    /// Writes the state the rules produced.
    public static func save(id: RecordID, _ s: ReportState, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE reports SET receipt_confirmed_at = \(bind: s.receiptConfirmedAt?.epochSeconds), receipt_confirmed_by_name = \(bind: s.receiptConfirmedByName),
              protection_at = \(bind: s.protectionAssessedAt?.epochSeconds), protection_needed = \(bind: s.immediateProtectionNeeded?.flag),
              pre_assessment = \(bind: s.preAssessment?.rawValue), decided_at = \(bind: s.decidedAt?.epochSeconds),
              written_confirmed_at = \(bind: s.writtenConfirmationAt?.epochSeconds), feedback_requested_at = \(bind: s.feedbackRequestedAt?.epochSeconds),
              feedback_given_at = \(bind: s.feedbackGivenAt?.epochSeconds), feedback_withheld_reason = \(bind: s.feedbackWithheldReason)
            WHERE id = \(bind: id)
            """).run()
    }

    public static func setInvestigation(reportID: RecordID, investigationID: RecordID, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE reports SET investigation_id = \(bind: investigationID) WHERE id = \(bind: reportID)").run()
    }

    public static func setChild(reportID: RecordID, childID: RecordID, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE reports SET child_id = \(bind: childID) WHERE id = \(bind: reportID)").run()
    }

    /// The intake queue: undecided reports of the units, oldest first, plus decided ones
    /// whose reporter waits for feedback.
    public static func queue(unitIDs: Set<RecordID>, limit: Int, _ db: any SQLDatabase) async throws -> [ReportRecord] {
        guard !unitIDs.isEmpty else { return [] }
        let units = Array(unitIDs.sorted())
        let open = try await db.raw("""
            SELECT \(unsafeRaw: columns) \(unsafeRaw: joins)
            WHERE r.handling_unit_id IN (\(binds: units)) AND r.decided_at IS NULL ORDER BY r.received_at, r.id LIMIT \(bind: limit)
            """).all()
        let waiting = try await db.raw("""
            SELECT \(unsafeRaw: columns) \(unsafeRaw: joins)
            WHERE r.handling_unit_id IN (\(binds: units)) AND r.feedback_requested_at IS NOT NULL AND r.feedback_given_at IS NULL
              AND r.decided_at IS NOT NULL ORDER BY r.feedback_requested_at LIMIT \(bind: limit)
            """).all()
        return try (open + waiting).map { try record($0, withText: false) }
    }

    public static func byReporter(staffID: RecordID, limit: Int, _ db: any SQLDatabase) async throws -> [ReportRecord] {
        try await db.raw("SELECT \(unsafeRaw: columns) \(unsafeRaw: joins) WHERE r.reporter_staff_id = \(bind: staffID) ORDER BY r.received_at DESC LIMIT \(bind: limit)")
            .all().map { try record($0, withText: false) }
    }

    /// For a work list that shows only the most urgent items: per kind of clock, the `limit`
    /// reports whose clock of that kind started first (within a kind, earlier start means
    /// earlier due and never a lower rank), so every report behind the `limit` most urgent
    /// items is among them. Undecided reports by receipt (pre-assessment, written
    /// confirmation), those also without a protection assessment, and open feedback requests
    /// by the start of their clock. One statement: the three lists pick report ids, each
    /// report is read once however many lists picked it, and `complete` is false when a list
    /// was full (there may be more).
    public static func workListCandidates(unitIDs: Set<RecordID>, limit: Int, _ db: any SQLDatabase) async throws -> (reports: [ReportRecord], complete: Bool) {
        guard !unitIDs.isEmpty else { return ([], true) }
        let units = Array(unitIDs.sorted())
        let rows = try await db.raw("""
            WITH picked (id, list) AS (
              SELECT id, 1 FROM (SELECT r.id FROM reports r WHERE r.handling_unit_id IN (\(binds: units)) AND r.decided_at IS NULL
                ORDER BY r.received_at, r.id LIMIT \(bind: limit)) AS undecided
              UNION ALL
              SELECT id, 2 FROM (SELECT r.id FROM reports r WHERE r.handling_unit_id IN (\(binds: units)) AND r.decided_at IS NULL AND r.protection_at IS NULL
                ORDER BY r.received_at, r.id LIMIT \(bind: limit)) AS unprotected
              UNION ALL
              SELECT id, 3 FROM (SELECT r.id FROM reports r WHERE r.handling_unit_id IN (\(binds: units))
                  AND r.feedback_requested_at IS NOT NULL AND r.feedback_given_at IS NULL
                ORDER BY CASE WHEN r.decided_at > r.feedback_requested_at THEN r.decided_at ELSE r.feedback_requested_at END, r.id
                LIMIT \(bind: limit)) AS feedback
            )
            SELECT \(unsafeRaw: columns), (SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM picked GROUP BY list) AS counts) AS fullest
            \(unsafeRaw: joins) WHERE r.id IN (SELECT id FROM picked)
            """).all()
        let fullest = try rows.first.map { try $0.decode(column: "fullest", as: Int.self) } ?? 0
        return (try rows.map { try record($0, withText: false) }, fullest < limit)
    }

    /// Every report about a child, newest first (several reports are handled together).
    public static func forChild(childID: RecordID, _ db: any SQLDatabase) async throws -> [ReportRecord] {
        try await db.raw("SELECT \(unsafeRaw: columns) \(unsafeRaw: joins) WHERE r.child_id = \(bind: childID) ORDER BY r.received_at DESC LIMIT 100")
            .all().map { try record($0, withText: false) }
    }

    /// The child page's report lines, latest first: a dozen columns instead of a whole
    /// record's 35 with its unit-name subqueries (the page is opened far more than reports).
    public static func childPageItems(childID: RecordID, _ db: any SQLDatabase) async throws -> [ChildReportItem] {
        try await db.raw("""
            SELECT r.id, r.receipt_number, r.kind, r.received_at, r.receipt_confirmed_at, r.protection_at, r.pre_assessment, r.acute_grounds,
              r.investigation_id, r.reporter_staff_id, r.handling_unit_id, i.unit_id AS investigation_unit_id, i.case_officer_id
            FROM reports r LEFT JOIN investigations i ON i.id = r.investigation_id
            WHERE r.child_id = \(bind: childID) ORDER BY r.received_at DESC LIMIT 100
            """).all().map { row in
            let id = try row.int64("id"), investigationID = try row.optionalInt64("investigation_id")
            return ChildReportItem(
                id: id, receiptNumber: try row.string("receipt_number"), kind: ReportKind(rawValue: try row.string("kind")) ?? .concern,
                receivedAt: try row.date("received_at"),
                stage: ReportStage(preAssessment: try row.optionalString("pre_assessment").flatMap(PreAssessmentOutcome.init(rawValue:)),
                                   protectionAssessedAt: try row.optionalDate("protection_at"), receiptConfirmedAt: try row.optionalDate("receipt_confirmed_at")),
                isAcute: !(try acuteGrounds(row)).isEmpty,
                investigationID: investigationID,
                accessFacts: ReportAccessFacts(reportID: id, reporterStaffID: try row.optionalInt64("reporter_staff_id"),
                                               handlingUnitID: try row.int64("handling_unit_id"),
                                               investigationUnitID: try row.optionalInt64("investigation_unit_id"), caseOfficerID: try row.optionalInt64("case_officer_id")))
        }
    }

    public static func forInvestigation(_ investigationID: RecordID, _ db: any SQLDatabase) async throws -> [ReportRecord] {
        try await db.raw("SELECT \(unsafeRaw: columns) \(unsafeRaw: joins) WHERE r.investigation_id = \(bind: investigationID) ORDER BY r.received_at")
            .all().map { try record($0, withText: false) }
    }

    /// Reports of the units whose protection assessment or pre-assessment is overdue.
    public static func overdue(unitIDs: Set<RecordID>, now: Date, limit: Int, _ db: any SQLDatabase) async throws -> [ReportRecord] {
        guard !unitIDs.isEmpty else { return [] }
        let units = Array(unitIDs.sorted())
        // Pre-assessment is overdue once the 14th day after receipt has ended.
        let preCutoff = Stockholm.startOfDay(Stockholm.date(of: now).adding(days: -14))
        let protectionCutoff = now.addingTimeInterval(-24 * 3600)
        return try await db.raw("""
            SELECT \(unsafeRaw: columns) \(unsafeRaw: joins)
            WHERE r.handling_unit_id IN (\(binds: units)) AND r.decided_at IS NULL
              AND ((r.protection_at IS NULL AND r.received_at < \(bind: protectionCutoff.epochSeconds))
                OR (r.kind = 'concern' AND r.received_at < \(bind: preCutoff.epochSeconds)))
            ORDER BY r.received_at LIMIT \(bind: limit)
            """).all().map { try record($0, withText: false) }
    }

    // MARK: Decisions

    public static func insertDecision(kind: String, outcome: String?, _ decision: DecisionRecord, reportID: RecordID?, investigationID: RecordID?,
                                      newDue: Date? = nil, previousDue: Date? = nil, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO decisions (report_id, investigation_id, kind, outcome, decided_by, decided_by_name, decision_date, reasons, new_due_at, previous_due_at, recorded_at)
            VALUES (\(bind: reportID), \(bind: investigationID), \(bind: kind), \(bind: outcome), \(bind: decision.decidedBy), \(bind: decision.decidedByName),
              \(bind: decision.date.iso), \(bind: decision.reasons), \(bind: newDue?.epochSeconds), \(bind: previousDue?.epochSeconds), \(bind: now.epochSeconds))
            """)
    }

    public static func decisions(reportID: RecordID? = nil, investigationID: RecordID? = nil, _ db: any SQLDatabase) async throws -> [DecisionEntry] {
        let rows: [any SQLRow]
        if let reportID {
            rows = try await db.raw("SELECT * FROM decisions WHERE report_id = \(bind: reportID) ORDER BY recorded_at, id").all()
        } else if let investigationID {
            rows = try await db.raw("SELECT * FROM decisions WHERE investigation_id = \(bind: investigationID) ORDER BY recorded_at, id").all()
        } else {
            return []
        }
        return try rows.map { row in
            DecisionEntry(kind: try row.string("kind"), outcome: try row.optionalString("outcome"),
                          record: DecisionRecord(decidedBy: try row.int64("decided_by"), decidedByName: try row.string("decided_by_name"),
                                                 date: SimpleDate(iso: try row.string("decision_date")) ?? SimpleDate(year: 1970, month: 1, day: 1)!,
                                                 reasons: try row.string("reasons")),
                          recordedAt: try row.date("recorded_at"), newDueAt: try row.optionalDate("new_due_at"))
        }
    }

    // MARK: Public e-service throttling

    public static func countPublicSubmissions(addressHash: String?, since: Date, _ db: any SQLDatabase) async throws -> Int {
        let row: (any SQLRow)?
        if let addressHash {
            row = try await db.raw("SELECT COUNT(*) AS n FROM public_submissions WHERE address_hash = \(bind: addressHash) AND at >= \(bind: since.epochSeconds)").first()
        } else {
            row = try await db.raw("SELECT COUNT(*) AS n FROM public_submissions WHERE at >= \(bind: since.epochSeconds)").first()
        }
        return try row.map { try $0.decode(column: "n", as: Int.self) } ?? 0
    }

    public static func recordPublicSubmission(addressHash: String, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("INSERT INTO public_submissions (at, address_hash) VALUES (\(bind: now.epochSeconds), \(bind: addressHash))").run()
    }
}
