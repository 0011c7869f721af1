import Foundation
import SQLKit
import SamverkaCore

/// A SIP with the child it is about, as pages and lists read it.
public struct SIPRecord: Sendable, Hashable {
    public var sip: SIP
    public var childName: String
    public var childIdentityNumber: IdentityNumber?
    public var childProtected: Bool
}

/// Reads and writes of the SIP tables. No access decisions here (the service asks the policy).
enum SIPQueries {
    // MARK: Reading

    static func record(id: RecordID, _ db: any SQLDatabase) async throws -> SIPRecord? {
        try await records(ids: [id], db).first
    }

    /// The SIPs about a child (newest first).
    static func ids(childID: RecordID, _ db: any SQLDatabase) async throws -> [RecordID] {
        try await db.raw("SELECT id FROM sips WHERE child_id = \(bind: childID) ORDER BY id DESC").all().map { try $0.int64("id") }
    }

    /// The SIPs a person is SIP-ansvarig for or a party of by account (the policy decides
    /// which of them the person sees).
    static func ids(staffID: RecordID, openOnly: Bool, limit: Int, _ db: any SQLDatabase) async throws -> [RecordID] {
        try await db.raw("""
            SELECT s.id FROM sips s WHERE (s.responsible_id = \(bind: staffID)
              OR EXISTS (SELECT 1 FROM sip_parties p WHERE p.sip_id = s.id AND p.staff_id = \(bind: staffID)))
              \(unsafeRaw: openOnly ? "AND s.closed_at IS NULL" : "")
            ORDER BY s.closed_at IS NOT NULL, s.id DESC LIMIT \(bind: limit)
            """).all().map { try $0.int64("id") }
    }

    /// SIPs by id, in the order given, each whole (parties, consents, steps, meetings with
    /// protocols and actions, reply slips) in eight queries however many there are.
    static func records(ids: [RecordID], _ db: any SQLDatabase) async throws -> [SIPRecord] {
        guard !ids.isEmpty else { return [] }
        func rows(_ sql: SQLQueryString) async throws -> [any SQLRow] { try await db.raw(sql).all() }
        let heads = try await rows("""
            SELECT s.*, c.given_name, c.family_name, c.identity_number, c.protected_identity
            FROM sips s JOIN children c ON c.id = s.child_id WHERE s.id IN (\(binds: ids))
            """)
        var parties: [RecordID: [SIPParty]] = [:]
        for p in try await rows("SELECT * FROM sip_parties WHERE sip_id IN (\(binds: ids)) ORDER BY id") {
            guard let kind = SIPPartyKind(rawValue: try p.string("kind")) else { continue }
            parties[try p.int64("sip_id"), default: []].append(SIPParty(
                id: try p.int64("id"), kind: kind, organisation: try p.string("organisation"), contactName: try p.optionalString("contact_name"),
                contactEmail: try p.optionalString("contact_email"), staffID: try p.optionalInt64("staff_id")))
        }
        var shares: [RecordID: [RecordID: String]] = [:]
        for row in try await rows("""
            SELECT cp.consent_id, cp.party_id, cp.may_share FROM sip_consent_parties cp JOIN sip_consents k ON k.id = cp.consent_id WHERE k.sip_id IN (\(binds: ids))
            """) {
            shares[try row.int64("consent_id"), default: [:]][try row.int64("party_id")] = try row.string("may_share")
        }
        var consents: [RecordID: [SIPConsent]] = [:]
        for k in try await rows("SELECT * FROM sip_consents WHERE sip_id IN (\(binds: ids)) ORDER BY id") {
            guard let giver = SIPConsentGiver(rawValue: try k.string("giver")), let from = SimpleDate(iso: try k.string("valid_from")),
                  let to = SimpleDate(iso: try k.string("valid_to")) else { continue }
            let consentID = try k.int64("id")
            consents[try k.int64("sip_id"), default: []].append(SIPConsent(
                id: consentID, giver: giver, givenBy: try k.string("given_by"), validFrom: from, validTo: to, shares: shares[consentID] ?? [:],
                recordedBy: StaffRef(id: try k.int64("recorded_by"), name: try k.string("recorded_by_name")), recordedAt: try k.date("recorded_at"),
                withdrawnAt: try k.optionalDate("withdrawn_at"), replacedBy: try k.optionalInt64("replaced_by")))
        }
        var steps: [RecordID: [SIPStepDone]] = [:]
        for row in try await rows("SELECT * FROM sip_steps WHERE sip_id IN (\(binds: ids)) ORDER BY done_at") {
            guard let step = SIPPreMeetingStep(rawValue: try row.string("step")) else { continue }
            steps[try row.int64("sip_id"), default: []].append(SIPStepDone(
                step: step, note: try row.optionalString("note"), by: StaffRef(id: try row.int64("done_by"), name: try row.string("done_by_name")), at: try row.date("done_at")))
        }
        var actions: [RecordID: [SIPAction]] = [:]
        for a in try await rows("SELECT * FROM sip_actions WHERE sip_id IN (\(binds: ids)) ORDER BY meeting_id, position") {
            guard let due = SimpleDate(iso: try a.string("due_on")) else { continue }
            actions[try a.int64("meeting_id"), default: []].append(SIPAction(what: try a.string("what"), partyID: try a.int64("party_id"), dueOn: due, doneAt: try a.optionalDate("done_at")))
        }
        var meetings: [RecordID: [(meeting: SIPMeeting, protocol: SIPProtocol?, sentOn: SimpleDate?)]] = [:]
        for m in try await rows("SELECT * FROM sip_meetings WHERE sip_id IN (\(binds: ids)) ORDER BY meeting_date, id") {
            guard let kind = SIPMeetingKind(rawValue: try m.string("kind")), let date = SimpleDate(iso: try m.string("meeting_date")),
                  let start = TimeOfDay(text: try m.string("start_time")), let end = TimeOfDay(text: try m.string("end_time")) else { continue }
            let meetingID = try m.int64("id")
            var proto = try m.optionalString("protocol").map { try CollaborationQueries.decode(SIPProtocol.self, $0) }
            proto?.actions = actions[meetingID] ?? []
            meetings[try m.int64("sip_id"), default: []].append((
                SIPMeeting(id: meetingID, kind: kind, schedule: MeetingSchedule(date: date, start: start, end: end, place: try m.optionalString("place")), heldAt: try m.optionalDate("held_at")),
                proto, try m.optionalString("protocol_sent_on").flatMap(SimpleDate.init(iso:))))
        }
        var slips: [RecordID: [RecordID: SIPReplySlip]] = [:]
        for r in try await rows("SELECT * FROM sip_reply_slips WHERE sip_id IN (\(binds: ids))") {
            guard let received = SimpleDate(iso: try r.string("received_on")), let agreement = SIPReplySlip.Agreement(rawValue: try r.string("agreement")) else { continue }
            slips[try r.int64("sip_id"), default: [:]][try r.int64("meeting_id")] = SIPReplySlip(
                receivedOn: received, signed: try r.flag("signed"), agreement: agreement, comment: try r.optionalString("reply_comment"),
                recordedBy: StaffRef(id: try r.int64("recorded_by"), name: try r.string("recorded_by_name")), recordedAt: try r.date("recorded_at"))
        }

        var byID: [RecordID: SIPRecord] = [:]
        for row in heads {
            let id = try row.int64("id")
            guard let raisedBy = SIPRaisedBy(rawValue: try row.string("raised_by")) else { continue }
            var sip = SIP(id: id, childID: try row.int64("child_id"), raisedBy: raisedBy, need: try row.string("need"),
                          responsible: StaffRef(id: try row.int64("responsible_id"), name: try row.string("responsible_name")),
                          openedBy: StaffRef(id: try row.int64("opened_by"), name: try row.string("opened_by_name")), openedAt: try row.date("opened_at"),
                          parties: parties[id] ?? [], consents: consents[id] ?? [], steps: steps[id] ?? [], replySlips: slips[id] ?? [:])
            if let closedAt = try row.optionalDate("closed_at"), let reason = SIPClosureReason(rawValue: try row.optionalString("closed_reason") ?? "") {
                sip.closure = SIPClosure(reason: reason, note: try row.optionalString("closed_note"),
                                         by: StaffRef(id: try row.optionalInt64("closed_by") ?? 0, name: try row.optionalString("closed_by_name") ?? ""), at: closedAt)
            }
            for entry in meetings[id] ?? [] {
                sip.meetings.append(entry.meeting)
                if let proto = entry.protocol { sip.protocols[entry.meeting.id] = proto }
                if let sent = entry.sentOn { sip.protocolSentOn[entry.meeting.id] = sent }
            }
            byID[id] = SIPRecord(sip: sip, childName: "\(try row.string("given_name")) \(try row.string("family_name"))",
                                 childIdentityNumber: try row.optionalString("identity_number").flatMap(IdentityNumber.init(storedDigits:)),
                                 childProtected: try row.flag("protected_identity"))
        }
        return ids.compactMap { byID[$0] }
    }

    // MARK: Writing

    static func insert(_ start: SIPStart, childID: RecordID, responsibleName: String, openedBy: StaffRef, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        let id = try await db.insertReturningID("""
            INSERT INTO sips (child_id, raised_by, need, responsible_id, responsible_name, opened_by, opened_by_name, opened_at)
            VALUES (\(bind: childID), \(bind: start.raisedBy.rawValue), \(bind: start.need), \(bind: start.responsibleStaffID), \(bind: responsibleName),
              \(bind: openedBy.id), \(bind: openedBy.name), \(bind: now.epochSeconds))
            """)
        for party in start.parties { _ = try await insertParty(sipID: id, party, now: now, db) }
        return id
    }

    static func insertParty(sipID: RecordID, _ p: SIPNewParty, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO sip_parties (sip_id, kind, organisation, contact_name, contact_email, staff_id, added_at)
            VALUES (\(bind: sipID), \(bind: p.kind.rawValue), \(bind: p.organisation), \(bind: p.contactName), \(bind: p.contactEmail), \(bind: p.staffID), \(bind: now.epochSeconds))
            """)
    }

    /// Stores the new consent (and its new parties), and marks the earlier ones replaced.
    static func insertConsent(sipID: RecordID, _ c: SIPConsentRecord, by: StaffRef, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        var shares = c.shares
        for added in c.newParties { shares[try await insertParty(sipID: sipID, added.party, now: now, db)] = added.share }
        let id = try await db.insertReturningID("""
            INSERT INTO sip_consents (sip_id, giver, given_by, valid_from, valid_to, recorded_by, recorded_by_name, recorded_at)
            VALUES (\(bind: sipID), \(bind: c.giver.rawValue), \(bind: c.givenBy), \(bind: c.validFrom.iso), \(bind: c.validTo.iso),
              \(bind: by.id), \(bind: by.name), \(bind: now.epochSeconds))
            """)
        for (partyID, share) in shares.sorted(by: { $0.key < $1.key }) {
            try await db.raw("INSERT INTO sip_consent_parties (consent_id, party_id, may_share) VALUES (\(bind: id), \(bind: partyID), \(bind: share))").run()
        }
        try await db.raw("UPDATE sip_consents SET replaced_by = \(bind: id) WHERE sip_id = \(bind: sipID) AND id <> \(bind: id) AND replaced_by IS NULL AND withdrawn_at IS NULL").run()
        return id
    }

    static func withdrawConsent(_ consentID: RecordID, note: String?, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE sip_consents SET withdrawn_at = \(bind: now.epochSeconds), withdrawn_note = \(bind: note) WHERE id = \(bind: consentID)").run()
    }

    static func close(sipID: RecordID, _ c: SIPClosure, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE sips SET closed_at = \(bind: c.at.epochSeconds), closed_reason = \(bind: c.reason.rawValue), closed_note = \(bind: c.note),
              closed_by = \(bind: c.by.id), closed_by_name = \(bind: c.by.name) WHERE id = \(bind: sipID) AND closed_at IS NULL
            """).run()
    }

    static func insertStep(sipID: RecordID, _ s: SIPStepDone, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO sip_steps (sip_id, step, note, done_by, done_by_name, done_at) VALUES (\(bind: sipID), \(bind: s.step.rawValue), \(bind: s.note),
              \(bind: s.by.id), \(bind: s.by.name), \(bind: s.at.epochSeconds)) ON CONFLICT (sip_id, step) DO NOTHING
            """).run()
    }

    static func insertMeeting(sipID: RecordID, kind: SIPMeetingKind, _ s: MeetingSchedule, bookedBy: RecordID, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO sip_meetings (sip_id, kind, meeting_date, start_time, end_time, place, booked_by, booked_at)
            VALUES (\(bind: sipID), \(bind: kind.rawValue), \(bind: s.date.iso), \(bind: s.start.text), \(bind: s.end.text), \(bind: s.place), \(bind: bookedBy), \(bind: now.epochSeconds))
            """)
    }

    /// Records the protocol (the meeting is then held) and the plan's actions.
    static func saveProtocol(sipID: RecordID, meetingID: RecordID, _ p: SIPProtocol, now: Date, _ db: any SQLDatabase) async throws {
        var stored = p
        stored.actions = []
        try await db.raw("UPDATE sip_meetings SET protocol = \(bind: try CollaborationQueries.json(stored)), held_at = \(bind: now.epochSeconds) WHERE id = \(bind: meetingID)").run()
        for (position, action) in p.actions.enumerated() {
            try await db.raw("""
                INSERT INTO sip_actions (sip_id, meeting_id, position, what, party_id, due_on)
                VALUES (\(bind: sipID), \(bind: meetingID), \(bind: position), \(bind: action.what), \(bind: action.partyID), \(bind: action.dueOn.iso))
                """).run()
        }
    }

    static func markSent(meetingID: RecordID, on day: SimpleDate, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE sip_meetings SET protocol_sent_on = \(bind: day.iso) WHERE id = \(bind: meetingID) AND protocol_sent_on IS NULL").run()
    }

    static func insertReplySlip(sipID: RecordID, meetingID: RecordID, _ r: SIPReplySlip, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO sip_reply_slips (meeting_id, sip_id, received_on, signed, agreement, reply_comment, recorded_by, recorded_by_name, recorded_at)
            VALUES (\(bind: meetingID), \(bind: sipID), \(bind: r.receivedOn.iso), \(bind: r.signed ? 1 : 0), \(bind: r.agreement.rawValue), \(bind: r.comment),
              \(bind: r.recordedBy.id), \(bind: r.recordedBy.name), \(bind: r.recordedAt.epochSeconds))
            """).run()
    }

    static func markActionDone(meetingID: RecordID, position: Int, byName: String, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE sip_actions SET done_at = \(bind: now.epochSeconds), done_by_name = \(bind: byName)
            WHERE meeting_id = \(bind: meetingID) AND position = \(bind: position) AND done_at IS NULL
            """).run()
    }
}

extension SIPQueries {
    /// Active staff working with children in a unit of the school or social side.
    static func municipalStaff(_ db: any SQLDatabase) async throws -> [(id: RecordID, name: String)] {
        try await db.raw("""
            SELECT DISTINCT s.id, s.display_name FROM staff s JOIN staff_assignments a ON a.staff_id = s.id JOIN units u ON u.id = a.unit_id
            WHERE s.active = 1 AND u.side <> 'joint' ORDER BY s.display_name
            """).all().map { (id: try $0.int64("id"), name: try $0.string("display_name")) }
    }

    /// Municipal staff and the region's "extern part" accounts, as a party's account.
    static func partyAccounts(_ db: any SQLDatabase) async throws -> [(id: RecordID, name: String)] {
        try await db.raw("""
            SELECT DISTINCT s.id, s.display_name FROM staff s JOIN staff_assignments a ON a.staff_id = s.id LEFT JOIN units u ON u.id = a.unit_id
            WHERE s.active = 1 AND (u.side <> 'joint' OR a.role = \(bind: Role.externalParty.rawValue)) ORDER BY s.display_name
            """).all().map { (id: try $0.int64("id"), name: try $0.string("display_name")) }
    }
}
