import Foundation
import SQLKit
import SamverkaCore

/// An enrolment with what its pages and lists need besides the Core value.
public struct ProgrammeRecord: Sendable, Hashable {
    public var enrolment: ProgrammeEnrolment
    public var definition: ProgrammeDefinition
    public var consentWithdrawnAt: Date?
}

/// An active programme as a list offers it: its key and name, without its definition.
public struct ProgrammeOffer: Sendable, Hashable {
    public var key: String
    public var name: String
}

/// Reads and writes of the programme tables. No access decisions here (the service asks the policy).
enum ProgrammeQueries {
    // MARK: Definitions

    /// Every active definition (the stored ones; the shipped Trampolinen is seeded by the migration).
    static func definitions(_ db: any SQLDatabase) async throws -> [ProgrammeDefinition] {
        try await db.raw("SELECT definition FROM programme_definitions WHERE active = 1 ORDER BY name").all().compactMap { row in
            try? CollaborationQueries.decode(ProgrammeDefinition.self, try row.string("definition"))
        }
    }

    /// The active programmes' keys and names, in the order `definitions` gives. The child page
    /// asks for these on every visit by someone who may nominate: decoding every definition's
    /// JSON for a name was an eighth of that page's CPU (bench/README.md, 2026-12-02 noon).
    static func offers(_ db: any SQLDatabase) async throws -> [ProgrammeOffer] {
        try await db.raw("SELECT programme_key, name FROM programme_definitions WHERE active = 1 ORDER BY name").all().map { row in
            ProgrammeOffer(key: try row.string("programme_key"), name: try row.string("name"))
        }
    }

    static func definition(key: String, _ db: any SQLDatabase) async throws -> ProgrammeDefinition? {
        guard let row = try await db.raw("SELECT definition FROM programme_definitions WHERE programme_key = \(bind: key)").first() else { return nil }
        return try CollaborationQueries.decode(ProgrammeDefinition.self, try row.string("definition"))
    }

    static func saveDefinition(_ d: ProgrammeDefinition, by staffID: RecordID, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO programme_definitions (programme_key, name, definition, active, updated_at, updated_by)
            VALUES (\(bind: d.key), \(bind: d.name), \(bind: try CollaborationQueries.json(d)), 1, \(bind: now.epochSeconds), \(bind: staffID))
            ON CONFLICT (programme_key) DO UPDATE SET name = excluded.name, definition = excluded.definition, active = 1,
              updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """).run()
        try await db.raw("DELETE FROM programme_roles WHERE programme_key = \(bind: d.key)").run()
        for (part, role) in ProgrammeRolePart.rows(of: d) {
            try await db.raw("INSERT INTO programme_roles (programme_key, part, role) VALUES (\(bind: d.key), \(bind: part.rawValue), \(bind: role.rawValue))").run()
        }
    }

    /// The document kinds written for some family of the programme.
    static func writtenDocumentKeys(programmeKey: String, _ db: any SQLDatabase) async throws -> Set<String> {
        Set(try await db.raw("""
            SELECT DISTINCT d.document_key FROM programme_documents d JOIN programme_enrolments e ON e.id = d.enrolment_id
            WHERE e.programme_key = \(bind: programmeKey)
            """).all().map { try $0.string("document_key") })
    }

    // MARK: Reading enrolments

    static func programmeKey(enrolmentID: RecordID, _ db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT programme_key FROM programme_enrolments WHERE id = \(bind: enrolmentID)").first().map { try $0.string("programme_key") }
    }

    static func record(id: RecordID, _ db: any SQLDatabase) async throws -> ProgrammeRecord? {
        try await records(ids: [id], db).first
    }

    /// The enrolments a child is in (as any of the family's children), newest first.
    static func ids(childID: RecordID, _ db: any SQLDatabase) async throws -> [RecordID] {
        try await db.raw("SELECT enrolment_id FROM programme_children WHERE child_id = \(bind: childID) ORDER BY enrolment_id DESC").all().map { try $0.int64("enrolment_id") }
    }

    /// The enrolments a person is tied to: nominated, referred, in the team, or answering for an action.
    static func ids(staffID: RecordID, limit: Int, _ db: any SQLDatabase) async throws -> [RecordID] {
        try await db.raw("""
            SELECT e.id FROM programme_enrolments e WHERE e.nominated_by = \(bind: staffID) OR e.referral_principal_id = \(bind: staffID)
              OR e.referral_case_officer_id = \(bind: staffID)
              OR EXISTS (SELECT 1 FROM programme_team t WHERE t.enrolment_id = e.id AND t.staff_id = \(bind: staffID))
              OR EXISTS (SELECT 1 FROM programme_plan_actions a WHERE a.enrolment_id = e.id AND a.responsible_staff_id = \(bind: staffID) AND a.done_on IS NULL)
            ORDER BY e.id DESC LIMIT \(bind: limit)
            """).all().map { try $0.int64("id") }
    }

    /// A programme's enrolments not followed up (the queue, the running families, the closed
    /// awaiting their follow-up); with `all`, every one (the summary).
    static func ids(programmeKey: String, all: Bool, _ db: any SQLDatabase) async throws -> [RecordID] {
        try await db.raw("""
            SELECT id FROM programme_enrolments WHERE programme_key = \(bind: programmeKey) \(unsafeRaw: all ? "" : "AND followed_up_on IS NULL") ORDER BY id
            """).all().map { try $0.int64("id") }
    }

    /// Enrolments by id, in the order given, each whole, in twelve queries however many there are.
    static func records(ids: [RecordID], _ db: any SQLDatabase) async throws -> [ProgrammeRecord] {
        guard !ids.isEmpty else { return [] }
        func rows(_ sql: SQLQueryString) async throws -> [any SQLRow] { try await db.raw(sql).all() }
        func staff(_ row: any SQLRow, _ id: String, _ name: String) throws -> StaffRef { StaffRef(id: try row.int64(id), name: try row.string(name)) }
        var definitions: [String: ProgrammeDefinition] = [:]
        // Only the definitions these enrolments follow: each is JSON to decode.
        for d in try await rows("SELECT definition FROM programme_definitions WHERE programme_key IN (SELECT programme_key FROM programme_enrolments WHERE id IN (\(binds: ids)))") {
            if let definition = try? CollaborationQueries.decode(ProgrammeDefinition.self, try d.string("definition")) { definitions[definition.key] = definition }
        }
        var children: [RecordID: [ProgrammeChild]] = [:]
        for c in try await rows("SELECT * FROM programme_children WHERE enrolment_id IN (\(binds: ids)) ORDER BY enrolment_id, child_role DESC, child_id") {
            guard let level = SchoolLevel(rawValue: try c.string("school_level")), let role = ProgrammeChildRole(rawValue: try c.string("child_role")) else { continue }
            children[try c.int64("enrolment_id"), default: []].append(ProgrammeChild(childID: try c.int64("child_id"), name: try c.string("name"), level: level, role: role))
        }
        var decisions: [RecordID: [ProgrammeDecision]] = [:]
        var grants: [RecordID: ProgrammeDecision] = [:]
        for d in try await rows("SELECT * FROM programme_decisions WHERE enrolment_id IN (\(binds: ids)) ORDER BY id") {
            guard let day = SimpleDate(iso: try d.string("decision_date")) else { continue }
            let raw = try d.string("kind")
            let enrolment = try d.int64("enrolment_id")
            let maker = try staff(d, "decided_by", "decided_by_name")
            if raw == "grant" {
                grants[enrolment] = ProgrammeDecision(kind: .select, decidedBy: maker, date: day, reasons: try d.string("reasons"))
            } else if let kind = ProgrammeDecisionKind(rawValue: raw) {
                decisions[enrolment, default: []].append(ProgrammeDecision(kind: kind, decidedBy: maker, date: day, reasons: try d.string("reasons"),
                                                                           priority: try d.optionalInt64("priority").map(Int.init)))
            }
        }
        var team: [RecordID: [ProgrammeTeamMember]] = [:]
        for t in try await rows("SELECT * FROM programme_team WHERE enrolment_id IN (\(binds: ids)) ORDER BY enrolment_id, name") {
            guard let role = Role(rawValue: try t.string("team_role")) else { continue }
            team[try t.int64("enrolment_id"), default: []].append(ProgrammeTeamMember(id: try t.int64("staff_id"), name: try t.string("name"), role: role))
        }
        var actions: [RecordID: [ProgrammePlanAction]] = [:]
        for a in try await rows("SELECT * FROM programme_plan_actions WHERE enrolment_id IN (\(binds: ids)) ORDER BY due_on, id") {
            guard let due = SimpleDate(iso: try a.string("due_on")) else { continue }
            actions[try a.int64("document_id"), default: []].append(ProgrammePlanAction(
                id: try a.int64("id"), what: try a.string("what"), responsible: ActionResponsible(staffID: try a.optionalInt64("responsible_staff_id"), name: try a.string("responsible_name")),
                dueOn: due, doneOn: try a.optionalString("done_on").flatMap(SimpleDate.init(iso:))))
        }
        var documents: [RecordID: [ProgrammeDocument]] = [:]
        for d in try await rows("SELECT * FROM programme_documents WHERE enrolment_id IN (\(binds: ids)) ORDER BY id") {
            guard let written = SimpleDate(iso: try d.string("written_on")) else { continue }
            let id = try d.int64("id")
            documents[try d.int64("enrolment_id"), default: []].append(ProgrammeDocument(
                id: id, key: try d.string("document_key"), childID: try d.optionalInt64("child_id"), writtenBy: try staff(d, "written_by", "written_by_name"), writtenOn: written,
                summary: try d.string("summary"), goals: try CollaborationQueries.decode([String].self, try d.string("goals")), actions: actions[id] ?? [],
                anchoredOn: try d.optionalString("anchored_on").flatMap(SimpleDate.init(iso:)), anchoredWith: try d.optionalString("anchored_with")))
        }
        var notes: [RecordID: [ProgrammeNote]] = [:]
        for n in try await rows("SELECT * FROM programme_notes WHERE enrolment_id IN (\(binds: ids)) ORDER BY held_on, id") {
            guard let kind = ProgrammeNoteKind(rawValue: try n.string("kind")), let day = SimpleDate(iso: try n.string("held_on")) else { continue }
            notes[try n.int64("enrolment_id"), default: []].append(ProgrammeNote(
                id: try n.int64("id"), kind: kind, heldOn: day, participants: try n.string("participants"), works: try n.string("works"),
                doesNotWork: try n.string("does_not_work"), by: try staff(n, "written_by", "written_by_name")))
        }
        let names = Dictionary(children.values.flatMap { $0 }.map { ($0.childID, $0.name) }, uniquingKeysWith: { first, _ in first })
        let meetings = try await meetingSummaries(enrolmentIDs: ids, childNames: names, db)

        var byID: [RecordID: ProgrammeRecord] = [:]
        for row in try await rows("SELECT * FROM programme_enrolments WHERE id IN (\(binds: ids))") {
            let id = try row.int64("id")
            guard let definition = definitions[try row.string("programme_key")] else { continue }
            var nomination = try CollaborationQueries.decode(ProgrammeNomination.self, try row.string("nomination"))
            nomination.children = children[id] ?? nomination.children
            var response = try row.optionalString("family_response").map { try CollaborationQueries.decode(ProgrammeFamilyResponse.self, $0) }
            let withdrawn = try row.optionalDate("consent_withdrawn_at")
            if response?.consent != nil {
                response?.consent?.team = team[id] ?? []
                response?.consent?.withdrawnAt = withdrawn
            }
            let enrolment = ProgrammeEnrolment(
                id: id, programmeKey: definition.key, nomination: nomination, nominatedBy: try staff(row, "nominated_by", "nominated_by_name"),
                nominatedAt: try row.date("nominated_at"), referral: try row.optionalString("referral").map { try CollaborationQueries.decode(ProgrammeReferral.self, $0) },
                decisions: decisions[id] ?? [], familyResponse: response, documents: documents[id] ?? [], grant: grants[id], notes: notes[id] ?? [],
                meetings: meetings[id] ?? [], closure: try row.optionalString("closure").map { try CollaborationQueries.decode(ProgrammeClosure.self, $0) },
                internalClosure: try row.optionalString("internal_closure").map { try CollaborationQueries.decode(ProgrammeInternalClosure.self, $0) },
                followUp: try row.optionalString("follow_up").map { try CollaborationQueries.decode(ProgrammeFollowUpAfterClosure.self, $0) })
            byID[id] = ProgrammeRecord(enrolment: enrolment, definition: definition, consentWithdrawnAt: withdrawn)
        }
        return ids.compactMap { byID[$0] }
    }

    /// The programme meetings (on the meeting machinery) of each enrolment: held when their
    /// minutes are closed, the children present (by the names of the family's children), the
    /// talks recorded. Four queries however many meetings there are.
    static func meetingSummaries(enrolmentIDs: [RecordID], childNames: [RecordID: String], _ db: any SQLDatabase) async throws -> [RecordID: [ProgrammeMeetingSummary]] {
        let ids = try await db.raw("""
            SELECT id FROM meetings WHERE context_kind = \(bind: MeetingContextKind.programmeEnrolment.rawValue) AND context_id IN (\(binds: enrolmentIDs))
            """).all().map { try $0.int64("id") }
        guard !ids.isEmpty else { return [:] }
        var children: [RecordID: [RecordID]] = [:]
        for row in try await db.raw("SELECT meeting_id, child_id FROM meeting_children WHERE meeting_id IN (\(binds: ids)) ORDER BY child_id").all() {
            children[try row.int64("meeting_id"), default: []].append(try row.int64("child_id"))
        }
        var talks: [RecordID: [ChildTalk]] = [:]
        for row in try await db.raw("SELECT * FROM meeting_child_talks WHERE meeting_id IN (\(binds: ids)) ORDER BY talked_on, id").all() {
            guard let timing = ChildTalkTiming(rawValue: try row.string("timing")), let day = SimpleDate(iso: try row.string("talked_on")) else { continue }
            talks[try row.int64("meeting_id"), default: []].append(ChildTalk(childID: try row.int64("child_id"), timing: timing, talkedBy: try row.string("talked_by"),
                                                                             talkedOn: day, childView: try row.string("child_view")))
        }
        var result: [RecordID: [ProgrammeMeetingSummary]] = [:]
        for meeting in try await CollaborationQueries.meetings(ids: ids, db).sorted(by: { ($0.schedule.date, $0.id) < ($1.schedule.date, $1.id) }) {
            var attended: Set<RecordID> = []
            if let minutes = meeting.minutes {
                let present = Set(zip(meeting.participants, minutes.attendance).filter { $0.0.person.roles.contains(.child) && $0.1 == .present }.map(\.0.person.name))
                attended = Set((children[meeting.id] ?? []).filter { childNames[$0].map(present.contains) ?? false })
            }
            result[meeting.context.id, default: []].append(ProgrammeMeetingSummary(
                meetingID: meeting.id, date: meeting.schedule.date, heldOn: meeting.closedAt == nil ? nil : meeting.schedule.date,
                childrenAttended: attended, talks: talks[meeting.id] ?? []))
        }
        return result
    }

    /// The programme's consent as the meeting booking check reads consents: the team named, in force or not.
    static func meetingConsent(enrolmentID: RecordID, _ db: any SQLDatabase) async throws -> MeetingConsent? {
        guard let record = try await record(id: enrolmentID, db), let consent = record.enrolment.familyResponse?.consent else { return nil }
        let facts = ConsentFacts(consentID: enrolmentID, parties: Set(consent.team.map { ConsentParty.staff($0.id) }), categories: [], validFrom: consent.validFrom,
                                 validTo: consent.validTo, withdrawnAt: consent.withdrawnAt)
        return MeetingConsent(facts: facts, giverKind: .guardians, purposeKind: .programme)
    }
}
