import Foundation
import SQLKit
import SamverkaCore

/// What the booking form of a report's or an investigation's meeting offers.
public struct ContextBookingChoices: Sendable {
    public var title: String
    public var defaultPlace: String?
    public var childID: RecordID
    public var childName: String
    public var types: [MeetingType]
    public var family: [Participant]
    public var staff: [Participant]
}

/// Meetings booked from a report (the joint report meeting, seed 002) or an investigation
/// (the joint BBIC meeting), with the same booking rules as a case's meetings: the policy
/// decides who books (`MeetingAccess`), an acute report forbids telling the guardians, and a
/// type that needs consent needs one in force for each child. Audited like every read and
/// write of a child's data; a refusal answers like a missing record.
public struct MeetingContextService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public static let notFound = AccessReason(code: "not-found", text: MeetingMessages.notFound)

    /// The context, its child, and the decision to book there; nil when refused or missing.
    private func open(_ context: MeetingContext, origin: RequestOrigin, now: Date, _ db: any SQLDatabase) async throws -> (MeetingContextQueries.ContextRecord, ChildRecord)? {
        guard let record = try await MeetingContextQueries.context(context, at: now, db) else {
            try await AuditQueries.append(origin.event(.accessDenied, type: .meeting, reason: MeetingAuditReasons.contextMissing(context.kind.label, id: context.id)), at: now, db)
            return nil
        }
        let decision = try await origin.decide(.bookMeeting(record.facts), child: record.childID, type: .meeting, record: nil, at: now, db)
        guard decision.isAllowed, let childID = record.childID, let child = try await ChildQueries.child(id: childID, db) else { return nil }
        return (record, child)
    }

    private func types(for context: MeetingContext, _ db: any SQLDatabase) async throws -> [MeetingType] {
        try await CollaborationQueries.meetingTypes(db).filter { context.kind.holds($0.category) && $0.childAttendance.isAboutAChild }
    }

    public func bookingChoices(_ context: MeetingContext, by origin: RequestOrigin) async throws -> Outcome<ContextBookingChoices> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, child) = try await open(context, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            let facts = try await ChildQueries.accessFacts(childID: child.id, db)
            let own = facts.map { RegistryAccess.ownSides(origin.actor, $0) } ?? []
            var family = try await ChildQueries.guardians(childID: child.id, sides: own.isEmpty ? origin.actor.sides : own, db).map {
                Participant(name: $0.fullName, roles: [.guardian], protectedIdentity: child.protectedIdentity)
            }
            family.append(Participant(name: child.fullName, roles: [.child], protectedIdentity: child.protectedIdentity))
            var staff: [Participant] = []
            for row in try await db.raw("""
                SELECT s.id, s.display_name, a.role, a.unit_id FROM staff s JOIN staff_assignments a ON a.staff_id = s.id
                WHERE s.active = 1 AND a.unit_id IS NOT NULL ORDER BY s.display_name, a.id
                """).all() {
                let id = try row.int64("id")
                guard !staff.contains(where: { $0.staffID == id }), let role = Role(rawValue: try row.string("role")), let meetingRole = MeetingRole(staffRole: role) else { continue }
                staff.append(Participant(name: try row.string("display_name"), roles: [meetingRole], staffID: id, unitID: try row.optionalInt64("unit_id")))
            }
            try await AuditQueries.append(origin.event(.read, child: child.id, type: .meeting, reason: MeetingAuditReasons.bookingForm(record.title)), at: now, db)
            return .ok(ContextBookingChoices(title: record.title, defaultPlace: record.defaultPlace, childID: child.id, childName: child.fullName, types: try await types(for: context, db), family: family, staff: staff))
        }
    }

    /// Books a meeting in the context, about the context's child.
    public func book(_ context: MeetingContext, typeKey: String, _ input: MeetingBookingInput, by origin: RequestOrigin) async throws -> Outcome<(id: RecordID, notes: [String])> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, child) = try await open(context, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            // A programme's follow-ups carry its own rules (the joint decision on the child, the
            // programme's consent, one at a time): they are booked through ProgrammeService.
            guard context.kind != .programmeEnrolment else {
                var errors = FieldErrors()
                errors.add("type", MeetingMessages.programmeMeetingsFromProgramme)
                return .invalid(errors)
            }
            guard let type = try await types(for: context, db).first(where: { $0.key == typeKey }) else {
                var errors = FieldErrors()
                errors.add("type", MeetingMessages.typeMissing)
                return .invalid(errors)
            }
            let silenced = GuardianNoticeRules.guardiansMustNotBeTold(try await ReportQueries.guardianNoticeFacts(childID: child.id, db))
            var booking = MeetingBookingContext(type: type, now: now, childBirthDate: child.identityNumber.birthDate,
                                                consents: try await CollaborationService.meetingConsents(childID: child.id, db), guardiansMustNotBeTold: silenced)
            booking.children = try await CollaborationService.meetingChildren([child.id], db)
            switch MeetingBookingRules.validate(input, booking) {
            case .failure(let errors): return .invalid(errors)
            case .success(let valid):
                let id = try await CollaborationQueries.insertMeeting(context: context, caseID: nil, childIDs: [child.id], type: type, valid, by: origin.actor, now: now, db)
                try await AuditQueries.append(origin.event(.create, child: child.id, type: .meeting, record: String(id),
                                                           reason: MeetingAuditReasons.booked(type.name, when: valid.schedule.whenText, about: record.title)), at: now, db)
                return .ok((id, valid.notes))
            }
        }
    }

    /// The context's meetings, for its page (the page itself decided and audited the read).
    public func meetings(_ context: MeetingContext) async throws -> [MeetingRecord] {
        try await store.withConnection { db in try await CollaborationQueries.meetings(context: context, db) }
    }
}
