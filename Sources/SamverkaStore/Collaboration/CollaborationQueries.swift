import Foundation
import SQLKit
import SamverkaCore

public struct CaseRecord: Sendable, Hashable {
    public var id: RecordID
    public var value: CollaborationCase
    public var childName: String
    public var childIdentityNumber: IdentityNumber?
    public var childProtected: Bool
}

public struct MeetingRecord: Sendable, Hashable {
    public var id: RecordID
    /// What the meeting belongs to; `caseID` is set for a collaboration case's meetings.
    public var context: MeetingContext
    public var caseID: RecordID?
    /// The first child the meeting concerns (all of them are in `meeting_children`); nil
    /// for a meeting about no child.
    public var childID: RecordID?
    /// The type as it was when booked, so later changes to the type never rewrite minutes.
    public var type: MeetingType
    public var schedule: MeetingSchedule
    public var participants: [MeetingParticipant]
    public var consentIDs: [RecordID]
    public var childAttendanceDecided: Bool
    /// What the booking check said to keep in mind (offer the guardians, booked late).
    public var bookingNotes: [String]
    public var bookedByName: String
    public var bookedAt: Date
    public var minutes: MeetingMinutes?
    public var closedAt: Date?
    public var nextMeetingID: RecordID?
}

public struct ActionRecord: Sendable, Hashable {
    public var id: RecordID
    public var meetingID: RecordID
    /// nil for an action of a meeting outside a collaboration case.
    public var caseID: RecordID?
    public var action: MeetingAction
    /// nil while open; an `ActionFollowUpStatus` raw value once followed up.
    public var status: String?
    public var followUpNote: String?
    public var childName: String?
}

/// Storage for collaboration cases, meetings, actions and sent minutes.
public enum CollaborationQueries {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.dateEncodingStrategy = .secondsSince1970
        return e
    }()
    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        return d
    }()

    static func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T { try decoder.decode(type, from: Data(text.utf8)) }

    // MARK: Meeting types

    /// The types in use: the shipped ones, replaced or added to by the municipality's own.
    public static func meetingTypes(includeInactive: Bool = false, _ db: any SQLDatabase) async throws -> [MeetingType] {
        var byKey = Dictionary(uniqueKeysWithValues: MeetingType.shipped.map { ($0.key, $0) })
        var order = MeetingType.shipped.map(\.key)
        for row in try await db.raw("SELECT type_key, definition, active FROM meeting_types ORDER BY type_key").all() {
            let key = try row.string("type_key")
            guard let type = try? decode(MeetingType.self, try row.string("definition")) else { continue }
            if try row.flag("active") || includeInactive {
                if byKey[key] == nil { order.append(key) }
                byKey[key] = type
            } else {
                byKey[key] = nil
            }
        }
        return order.compactMap { byKey[$0] }
    }

    public static func saveMeetingType(_ type: MeetingType, by staffID: RecordID, now: Date, _ db: any SQLDatabase) async throws {
        let definition = try json(type)
        try await db.raw("""
            INSERT INTO meeting_types (type_key, definition, active, updated_by, updated_at)
            VALUES (\(bind: type.key), \(bind: definition), 1, \(bind: staffID), \(bind: now.epochSeconds))
            ON CONFLICT (type_key) DO UPDATE SET definition = excluded.definition, active = 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """).run()
    }

    // MARK: Cases

    public static func insertCase(_ c: CollaborationCase, _ db: any SQLDatabase) async throws -> RecordID {
        let id = try await db.insertReturningID("""
            INSERT INTO collaboration_cases (child_id, reason, known_on, opened_by, opened_by_name, opened_at, owner_id, owner_name, participants)
            VALUES (\(bind: c.childID), \(bind: c.reason), \(bind: c.knownOn.iso), \(bind: c.openedBy.id), \(bind: c.openedBy.name),
              \(bind: c.openedAt.epochSeconds), \(bind: c.owner.id), \(bind: c.owner.name), \(bind: try json(c.participants)))
            """)
        for sibling in c.siblingIDs {
            try await db.raw("INSERT INTO case_siblings (case_id, child_id) VALUES (\(bind: id), \(bind: sibling))").run()
        }
        try await addStaff(caseID: id, staffIDs: [c.owner.id] + c.participants.compactMap(\.staffID), db)
        return id
    }

    /// Records who takes part (idempotent).
    public static func addStaff(caseID: RecordID, staffIDs: [RecordID], _ db: any SQLDatabase) async throws {
        for staff in Set(staffIDs) {
            try await db.raw("INSERT INTO case_staff (case_id, staff_id) VALUES (\(bind: caseID), \(bind: staff)) ON CONFLICT (case_id, staff_id) DO NOTHING").run()
        }
    }

    public static func caseStaff(caseID: RecordID, _ db: any SQLDatabase) async throws -> Set<RecordID> {
        Set(try await db.raw("SELECT staff_id FROM case_staff WHERE case_id = \(bind: caseID)").all().map { try $0.int64("staff_id") })
    }

    public static func caseRecord(id: RecordID, _ db: any SQLDatabase) async throws -> CaseRecord? {
        guard let row = try await db.raw("""
            SELECT k.*, c.given_name, c.family_name, c.identity_number, c.protected_identity
            FROM collaboration_cases k JOIN children c ON c.id = k.child_id WHERE k.id = \(bind: id)
            """).first() else { return nil }
        return try await record(row, withDetails: true, db)
    }

    /// `withDetails`: siblings and handovers, two more queries; lists and clocks need neither.
    private static func record(_ row: any SQLRow, withDetails: Bool, _ db: any SQLDatabase) async throws -> CaseRecord {
        let id = try row.int64("id")
        guard let known = SimpleDate(iso: try row.string("known_on")) else { throw StoreError.notFound }
        let opened = StaffRef(id: try row.int64("opened_by"), name: try row.string("opened_by_name"))
        var c = CollaborationCase(childID: try row.int64("child_id"), reason: try row.string("reason"), knownOn: known, openedBy: opened,
                                  openedAt: try row.date("opened_at"), participants: try decode([Participant].self, try row.string("participants")))
        c.owner = StaffRef(id: try row.int64("owner_id"), name: try row.string("owner_name"))
        if withDetails {
            c.siblingIDs = try await db.raw("SELECT child_id FROM case_siblings WHERE case_id = \(bind: id) ORDER BY child_id").all().map { try $0.int64("child_id") }
            c.handovers = try await db.raw("SELECT * FROM case_handovers WHERE case_id = \(bind: id) ORDER BY at, id").all().map { h in
            ProcessOwnerHandover(from: StaffRef(id: try h.int64("from_id"), name: try h.string("from_name")),
                                 to: StaffRef(id: try h.int64("to_id"), name: try h.string("to_name")), at: try h.date("at"), reason: try h.string("reason"))
            }
        }
        if let closedOn = try row.optionalString("closed_on").flatMap(SimpleDate.init(iso:)), let closedBy = try row.optionalInt64("closed_by") {
            c.closure = CaseClosure(closedBy: StaffRef(id: closedBy, name: c.owner.name), closedOn: closedOn, note: try row.optionalString("closing_note") ?? "",
                                    meetingID: try row.optionalInt64("closing_meeting_id"))
        }
        return CaseRecord(id: id, value: c, childName: "\(try row.string("given_name")) \(try row.string("family_name"))",
                          childIdentityNumber: try row.optionalString("identity_number").flatMap(IdentityNumber.init(storedDigits:)),
                          childProtected: try row.flag("protected_identity"))
    }

    /// The cases that became known in the statistics' period, their children in scope (for
    /// the two-week clocks; without siblings or handovers).
    static func casesKnown(in q: StatisticsQuery, _ db: any SQLDatabase) async throws -> [CaseRecord] {
        var result: [CaseRecord] = []
        for row in try await db.raw("""
            SELECT k.*, c.given_name, c.family_name, c.identity_number, c.protected_identity
            FROM collaboration_cases k JOIN children c ON c.id = k.child_id
            WHERE \(q.withinDays("k.known_on")) AND \(q.childInScope("k.child_id"))
            """).all() {
            result.append(try await record(row, withDetails: false, db))
        }
        return result
    }

    /// Open cases the person owns or takes part in, newest first.
    public static func casesFor(staffID: RecordID, includeClosed: Bool, limit: Int, _ db: any SQLDatabase) async throws -> [CaseRecord] {
        let rows = try await db.raw("""
            SELECT k.*, c.given_name, c.family_name, c.identity_number, c.protected_identity
            FROM collaboration_cases k JOIN children c ON c.id = k.child_id
            WHERE k.id IN (SELECT case_id FROM case_staff WHERE staff_id = \(bind: staffID))
              \(unsafeRaw: includeClosed ? "" : "AND k.closed_at IS NULL")
            ORDER BY k.opened_at DESC, k.id DESC LIMIT \(bind: limit)
            """).all()
        var result: [CaseRecord] = []
        for row in rows { result.append(try await record(row, withDetails: false, db)) }
        return result
    }

    /// Open cases owned by the person (for the clocks on their work list).
    public static func openCasesOwned(by staffID: RecordID, limit: Int, _ db: any SQLDatabase) async throws -> [CaseRecord] {
        let rows = try await db.raw("""
            SELECT k.*, c.given_name, c.family_name, c.identity_number, c.protected_identity
            FROM collaboration_cases k JOIN children c ON c.id = k.child_id
            WHERE k.owner_id = \(bind: staffID) AND k.closed_at IS NULL ORDER BY k.known_on LIMIT \(bind: limit)
            """).all()
        var result: [CaseRecord] = []
        for row in rows { result.append(try await record(row, withDetails: false, db)) }
        return result
    }

    public static func saveHandover(caseID: RecordID, _ handover: ProcessOwnerHandover, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO case_handovers (case_id, from_id, from_name, to_id, to_name, at, reason)
            VALUES (\(bind: caseID), \(bind: handover.from.id), \(bind: handover.from.name), \(bind: handover.to.id), \(bind: handover.to.name),
              \(bind: handover.at.epochSeconds), \(bind: handover.reason))
            """).run()
        try await db.raw("UPDATE collaboration_cases SET owner_id = \(bind: handover.to.id), owner_name = \(bind: handover.to.name) WHERE id = \(bind: caseID)").run()
        try await addStaff(caseID: caseID, staffIDs: [handover.to.id], db)
    }

    public static func saveClosure(caseID: RecordID, _ closure: CaseClosure, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE collaboration_cases SET closed_on = \(bind: closure.closedOn.iso), closing_note = \(bind: closure.note),
              closing_meeting_id = \(bind: closure.meetingID), closed_by = \(bind: closure.closedBy.id), closed_at = \(bind: now.epochSeconds)
            WHERE id = \(bind: caseID) AND closed_at IS NULL
            """).run()
    }

    // MARK: Meetings

    /// A meeting of a case, about the case's child or several of its children (the first is
    /// the case's child when it is among them).
    public static func insertMeeting(caseID: RecordID, childIDs: [RecordID], type: MeetingType, _ booking: MeetingBooking, by actor: Actor, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        let id = try await insertMeeting(context: MeetingContext(.collaborationCase, caseID), caseID: caseID, childIDs: childIDs, type: type, booking, by: actor, now: now, db)
        try await addStaff(caseID: caseID, staffIDs: booking.participants.compactMap(\.person.staffID), db)
        return id
    }

    /// Stores a meeting of any context, with the children it concerns.
    public static func insertMeeting(context: MeetingContext, caseID: RecordID?, childIDs: [RecordID], type: MeetingType, _ booking: MeetingBooking, by actor: Actor, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        let s = booking.schedule
        let id = try await db.insertReturningID("""
            INSERT INTO meetings (context_kind, context_id, case_id, child_id, type_key, type_definition, meeting_date, start_time, end_time, place, video_link, participants,
              consent_ids, child_attendance_decided, booking_notes, booked_by, booked_by_name, booked_at)
            VALUES (\(bind: context.kind.rawValue), \(bind: context.id), \(bind: caseID), \(bind: childIDs.first), \(bind: type.key), \(bind: try json(type)), \(bind: s.date.iso), \(bind: s.start.text), \(bind: s.end.text),
              \(bind: s.place), \(bind: s.videoLink), \(bind: try json(booking.participants)), \(bind: booking.consentIDs.map(String.init).joined(separator: ",")),
              \(bind: booking.childAttendanceDecided.flag), \(bind: try json(booking.notes)), \(bind: actor.staffID), \(bind: actor.displayName), \(bind: now.epochSeconds))
            """)
        for child in Set(childIDs) {
            try await db.raw("INSERT INTO meeting_children (meeting_id, child_id) VALUES (\(bind: id), \(bind: child))").run()
        }
        return id
    }

    /// The children a meeting concerns.
    public static func meetingChildren(meetingID: RecordID, _ db: any SQLDatabase) async throws -> [RecordID] {
        try await db.raw("SELECT child_id FROM meeting_children WHERE meeting_id = \(bind: meetingID) ORDER BY child_id").all().map { try $0.int64("child_id") }
    }

    /// The meetings of a context, in date order.
    public static func meetings(context: MeetingContext, _ db: any SQLDatabase) async throws -> [MeetingRecord] {
        try await db.raw("""
            SELECT * FROM meetings WHERE context_kind = \(bind: context.kind.rawValue) AND context_id = \(bind: context.id) ORDER BY meeting_date, start_time, id
            """).all().compactMap(meeting)
    }

    /// The actions of a context's meetings (a case's actions have the case too).
    public static func actions(context: MeetingContext, _ db: any SQLDatabase) async throws -> [ActionRecord] {
        if context.kind == .collaborationCase { return try await actions(caseID: context.id, db) }
        return try await db.raw("""
            SELECT a.* FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id
            WHERE m.context_kind = \(bind: context.kind.rawValue) AND m.context_id = \(bind: context.id) ORDER BY a.due_on, a.id
            """).all().compactMap(action)
    }

    private static func meeting(_ row: any SQLRow) throws -> MeetingRecord? {
        guard let date = SimpleDate(iso: try row.string("meeting_date")), let start = TimeOfDay(text: try row.string("start_time")),
              let end = TimeOfDay(text: try row.string("end_time")) else { return nil }
        return MeetingRecord(
            id: try row.int64("id"),
            context: MeetingContext(MeetingContextKind(rawValue: try row.string("context_kind")) ?? .collaborationCase, try row.int64("context_id")),
            caseID: try row.optionalInt64("case_id"), childID: try row.optionalInt64("child_id"),
            type: try decode(MeetingType.self, try row.string("type_definition")),
            schedule: MeetingSchedule(date: date, start: start, end: end, place: try row.optionalString("place"), videoLink: try row.optionalString("video_link")),
            participants: try decode([MeetingParticipant].self, try row.string("participants")),
            consentIDs: try row.string("consent_ids").split(separator: ",").compactMap { RecordID($0) },
            childAttendanceDecided: try row.flag("child_attendance_decided"),
            bookingNotes: try row.optionalString("booking_notes").map { try decode([String].self, $0) } ?? [], bookedByName: try row.string("booked_by_name"), bookedAt: try row.date("booked_at"),
            minutes: try row.optionalString("minutes").map { try decode(MeetingMinutes.self, $0) }, closedAt: try row.optionalDate("closed_at"),
            nextMeetingID: try row.optionalInt64("next_meeting_id"))
    }

    public static func meeting(id: RecordID, _ db: any SQLDatabase) async throws -> MeetingRecord? {
        try await db.raw("SELECT * FROM meetings WHERE id = \(bind: id)").first().flatMap(meeting)
    }

    /// The held meetings (minutes closed) of many cases, day and kind, in one query: what
    /// their clocks need (only collaboration meetings count, `HeldMeeting`).
    public static func heldMeetings(caseIDs: [RecordID], _ db: any SQLDatabase) async throws -> [RecordID: [HeldMeeting]] {
        guard !caseIDs.isEmpty else { return [:] }
        var held: [RecordID: [HeldMeeting]] = [:]
        for row in try await db.raw("SELECT case_id, meeting_date, type_definition FROM meetings WHERE case_id IN (\(binds: caseIDs)) AND closed_at IS NOT NULL").all() {
            guard let day = SimpleDate(iso: try row.string("meeting_date")) else { continue }
            let category = try decode(MeetingType.self, try row.string("type_definition")).category
            held[try row.int64("case_id"), default: []].append(HeldMeeting(day: day, category: category))
        }
        return held
    }

    /// The meetings with these ids, in date order.
    static func meetings(ids: [RecordID], _ db: any SQLDatabase) async throws -> [MeetingRecord] {
        guard !ids.isEmpty else { return [] }
        return try await db.raw("SELECT * FROM meetings WHERE id IN (\(binds: ids)) ORDER BY meeting_date, start_time, id").all().compactMap(meeting)
    }

    public static func meetings(caseID: RecordID, _ db: any SQLDatabase) async throws -> [MeetingRecord] {
        try await db.raw("SELECT * FROM meetings WHERE case_id = \(bind: caseID) ORDER BY meeting_date, start_time, id").all().compactMap(meeting)
    }

    /// Closes the minutes once; false when someone else closed them first.
    public static func closeMinutes(meetingID: RecordID, _ minutes: MeetingMinutes, participants: [MeetingParticipant], nextMeetingID: RecordID?, by staffID: RecordID, now: Date, _ db: any SQLDatabase) async throws -> Bool {
        let row = try await db.raw("""
            UPDATE meetings SET minutes = \(bind: try json(minutes)), participants = \(bind: try json(participants)), closed_at = \(bind: now.epochSeconds),
              closed_by = \(bind: staffID), next_meeting_id = \(bind: nextMeetingID)
            WHERE id = \(bind: meetingID) AND closed_at IS NULL RETURNING id
            """).first()
        return row != nil
    }

    // MARK: Actions

    public static func insertAction(meetingID: RecordID, caseID: RecordID?, _ action: MeetingAction, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO meeting_actions (meeting_id, case_id, what, responsible_staff_id, responsible_name, due_on, created_at)
            VALUES (\(bind: meetingID), \(bind: caseID), \(bind: action.what), \(bind: action.responsible.staffID), \(bind: action.responsible.name),
              \(bind: action.dueOn.iso), \(bind: now.epochSeconds))
            """)
    }

    public static func followUp(_ followUp: ActionFollowUp, in meetingID: RecordID, _ db: any SQLDatabase) async throws {
        // "Ongoing" keeps the action open for the next meeting; the note is kept either way.
        try await db.raw("""
            UPDATE meeting_actions SET status = \(bind: followUp.status.closesAction ? followUp.status.rawValue : nil as String?),
              followed_up_in = \(bind: meetingID), follow_up_note = \(bind: followUp.note)
            WHERE id = \(bind: followUp.actionID)
            """).run()
    }

    private static func action(_ row: any SQLRow) throws -> ActionRecord? {
        guard let due = SimpleDate(iso: try row.string("due_on")) else { return nil }
        let given = try? row.optionalString("given_name")
        let family = try? row.optionalString("family_name")
        return ActionRecord(
            id: try row.int64("id"), meetingID: try row.int64("meeting_id"), caseID: try row.optionalInt64("case_id"),
            action: MeetingAction(id: try row.int64("id"), what: try row.string("what"),
                                  responsible: ActionResponsible(staffID: try row.optionalInt64("responsible_staff_id"), name: try row.string("responsible_name")), dueOn: due),
            status: try row.optionalString("status"), followUpNote: try row.optionalString("follow_up_note"),
            childName: (given ?? nil).map { "\($0) \((family ?? nil) ?? "")" })
    }

    public static func actions(caseID: RecordID, _ db: any SQLDatabase) async throws -> [ActionRecord] {
        try await db.raw("SELECT * FROM meeting_actions WHERE case_id = \(bind: caseID) ORDER BY due_on, id").all().compactMap(action)
    }

    /// Open actions of a person, for their work list.
    public static func openActions(responsible staffID: RecordID, limit: Int, _ db: any SQLDatabase) async throws -> [ActionRecord] {
        try await db.raw("""
            SELECT a.*, c.given_name, c.family_name FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id LEFT JOIN children c ON c.id = m.child_id
            WHERE a.responsible_staff_id = \(bind: staffID) AND a.status IS NULL ORDER BY a.due_on, a.id LIMIT \(bind: limit)
            """).all().compactMap(action)
    }

    // MARK: Sent minutes

    public static func insertDispatch(meetingID: RecordID, _ d: MinutesDispatch, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO minutes_dispatches (meeting_id, recipient, recipient_role, channel, sent_at, recorded_by, recorded_by_name, recorded_at)
            VALUES (\(bind: meetingID), \(bind: d.recipientName), \(bind: d.recipientRole?.rawValue), \(bind: d.channel.rawValue), \(bind: d.sentAt.epochSeconds),
              \(bind: d.sentBy.id), \(bind: d.sentBy.name), \(bind: d.sentAt.epochSeconds))
            """).run()
    }

    public static func dispatches(meetingID: RecordID, _ db: any SQLDatabase) async throws -> [MinutesDispatch] {
        try await db.raw("SELECT * FROM minutes_dispatches WHERE meeting_id = \(bind: meetingID) ORDER BY sent_at, id").all().compactMap { row in
            guard let channel = DispatchChannel(rawValue: try row.string("channel")) else { return nil }
            return MinutesDispatch(recipientName: try row.string("recipient"), recipientRole: try row.optionalString("recipient_role").flatMap(MeetingRole.init(rawValue:)),
                                   channel: channel, sentAt: try row.date("sent_at"), sentBy: StaffRef(id: try row.int64("recorded_by"), name: try row.string("recorded_by_name")))
        }
    }
}
