import Foundation
import SQLKit
import SamverkaCore

extension ProgrammeQueries {
    static func insert(_ n: ProgrammeNomination, programmeKey: String, by: StaffRef, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        let main = n.targetChildren.first?.childID ?? n.children[0].childID
        let id = try await db.insertReturningID("""
            INSERT INTO programme_enrolments (programme_key, child_id, nomination, nominated_by, nominated_by_name, nominated_at)
            VALUES (\(bind: programmeKey), \(bind: main), \(bind: try CollaborationQueries.json(n)), \(bind: by.id), \(bind: by.name), \(bind: now.epochSeconds))
            """)
        for child in n.children {
            try await db.raw("""
                INSERT INTO programme_children (enrolment_id, child_id, name, school_level, child_role)
                VALUES (\(bind: id), \(bind: child.childID), \(bind: child.name), \(bind: child.level.rawValue), \(bind: child.role.rawValue))
                """).run()
        }
        return id
    }

    static func saveReferral(_ id: RecordID, _ r: ProgrammeReferral, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE programme_enrolments SET referral = \(bind: try CollaborationQueries.json(r)), referral_principal_id = \(bind: r.principal.id),
              referral_case_officer_id = \(bind: r.caseOfficer.id) WHERE id = \(bind: id)
            """).run()
    }

    /// A steering-group decision, or with `grant` the decision forum's.
    static func insertDecision(_ id: RecordID, _ d: ProgrammeDecision, grant: Bool = false, recordedBy: RecordID, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO programme_decisions (enrolment_id, kind, decided_by, decided_by_name, decision_date, reasons, priority, recorded_by, recorded_at)
            VALUES (\(bind: id), \(bind: grant ? "grant" : d.kind.rawValue), \(bind: d.decidedBy.id), \(bind: d.decidedBy.name), \(bind: d.date.iso), \(bind: d.reasons),
              \(bind: d.priority), \(bind: recordedBy), \(bind: now.epochSeconds))
            """).run()
    }

    /// The answer; the consent's team in rows of its own (the work lists and the log review search on them).
    static func saveResponse(_ id: RecordID, _ r: ProgrammeFamilyResponse, _ db: any SQLDatabase) async throws {
        var stored = r
        stored.consent?.team = []
        try await db.raw("UPDATE programme_enrolments SET family_response = \(bind: try CollaborationQueries.json(stored)) WHERE id = \(bind: id)").run()
        for member in r.consent?.team ?? [] {
            try await db.raw("""
                INSERT INTO programme_team (enrolment_id, staff_id, name, team_role) VALUES (\(bind: id), \(bind: member.id), \(bind: member.name), \(bind: member.role.rawValue))
                """).run()
        }
    }

    static func withdrawConsent(_ id: RecordID, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE programme_enrolments SET consent_withdrawn_at = \(bind: now.epochSeconds) WHERE id = \(bind: id) AND consent_withdrawn_at IS NULL").run()
    }

    static func insertDocument(_ id: RecordID, _ d: ProgrammeDocumentRecord, by: StaffRef, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        let documentID = try await db.insertReturningID("""
            INSERT INTO programme_documents (enrolment_id, document_key, child_id, written_by, written_by_name, written_on, summary, goals, anchored_on, anchored_with, recorded_at)
            VALUES (\(bind: id), \(bind: d.definition.key), \(bind: d.childID), \(bind: by.id), \(bind: by.name), \(bind: d.writtenOn.iso), \(bind: d.summary),
              \(bind: try CollaborationQueries.json(d.goals)), \(bind: d.anchoredOn?.iso), \(bind: d.anchoredWith), \(bind: now.epochSeconds))
            """)
        for a in d.actions {
            try await db.raw("""
                INSERT INTO programme_plan_actions (document_id, enrolment_id, what, responsible_staff_id, responsible_name, due_on)
                VALUES (\(bind: documentID), \(bind: id), \(bind: a.what), \(bind: a.responsible.staffID), \(bind: a.responsible.name), \(bind: a.dueOn.iso))
                """).run()
        }
        return documentID
    }

    static func anchor(documentID: RecordID, on day: SimpleDate, with: String, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE programme_documents SET anchored_on = \(bind: day.iso), anchored_with = \(bind: with) WHERE id = \(bind: documentID) AND anchored_on IS NULL").run()
    }

    static func markActionDone(actionID: RecordID, on day: SimpleDate, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE programme_plan_actions SET done_on = \(bind: day.iso) WHERE id = \(bind: actionID) AND done_on IS NULL").run()
    }

    static func insertNote(_ id: RecordID, _ n: ProgrammeNoteRecord, by: StaffRef, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO programme_notes (enrolment_id, kind, held_on, participants, works, does_not_work, written_by, written_by_name, recorded_at)
            VALUES (\(bind: id), \(bind: n.kind.rawValue), \(bind: n.heldOn.iso), \(bind: n.participants), \(bind: n.works), \(bind: n.doesNotWork),
              \(bind: by.id), \(bind: by.name), \(bind: now.epochSeconds))
            """)
    }

    static func saveClosure(_ id: RecordID, _ c: ProgrammeClosure, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE programme_enrolments SET closure = \(bind: try CollaborationQueries.json(c)), closed_on = \(bind: c.closingMeetingOn.iso) WHERE id = \(bind: id)").run()
    }

    static func saveInternalClosure(_ id: RecordID, _ c: ProgrammeInternalClosure, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE programme_enrolments SET internal_closure = \(bind: try CollaborationQueries.json(c)) WHERE id = \(bind: id)").run()
    }

    static func saveFollowUp(_ id: RecordID, _ f: ProgrammeFollowUpAfterClosure, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE programme_enrolments SET follow_up = \(bind: try CollaborationQueries.json(f)), followed_up_on = \(bind: f.heldOn.iso) WHERE id = \(bind: id)").run()
    }

    /// The children of a programme's enrolments that are not finished (declined, said no,
    /// followed up): a child is nominated again only after.
    static func childrenInUnfinishedEnrolments(programmeKey: String, _ db: any SQLDatabase) async throws -> Set<RecordID> {
        let ids = try await db.raw("""
            SELECT DISTINCT e.id FROM programme_enrolments e JOIN programme_children pc ON pc.enrolment_id = e.id
            WHERE e.programme_key = \(bind: programmeKey) AND e.followed_up_on IS NULL
            """).all().map { try $0.int64("id") }
        return Set(try await records(ids: ids, db).filter { !$0.enrolment.stage.isFinished }.flatMap(\.enrolment.childIDs))
    }

    /// Active staff with a role the team may need, as candidates for the consent's team.
    static func teamCandidates(roles: [Role], _ db: any SQLDatabase) async throws -> [ProgrammeTeamMember] {
        guard !roles.isEmpty else { return [] }
        var result: [ProgrammeTeamMember] = []
        for row in try await db.raw("""
            SELECT s.id, s.display_name, a.role FROM staff s JOIN staff_assignments a ON a.staff_id = s.id
            WHERE s.active = 1 AND a.role IN (\(binds: roles.map(\.rawValue))) ORDER BY s.display_name, a.id
            """).all() {
            guard let role = Role(rawValue: try row.string("role")) else { continue }
            let member = ProgrammeTeamMember(id: try row.int64("id"), name: try row.string("display_name"), role: role)
            if !result.contains(member) { result.append(member) }
        }
        return result
    }

    /// Active staff holding any of the roles (the steering group, the decision forum, the
    /// rektorer and socialsekreterare who refer).
    static func staff(holding roles: [Role], _ db: any SQLDatabase) async throws -> [StaffRef] {
        try await teamCandidates(roles: roles, db).reduce(into: [StaffRef]()) { list, m in
            if !list.contains(where: { $0.id == m.id }) { list.append(StaffRef(id: m.id, name: m.name)) }
        }
    }

    /// A person's roles, as the document rules check who writes.
    static func roles(staffID: RecordID, _ db: any SQLDatabase) async throws -> Set<Role> {
        Set(try await db.raw("SELECT role FROM staff_assignments WHERE staff_id = \(bind: staffID)").all().compactMap { Role(rawValue: try $0.string("role")) })
    }
}
