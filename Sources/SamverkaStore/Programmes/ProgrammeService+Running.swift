import Foundation
import SQLKit
import SamverkaCore

/// The running programme: notes, plan actions, the monthly follow-ups on the meeting
/// machinery, and closure with the family, internally and after three months.
extension ProgrammeService {
    // MARK: Running: notes, actions, meetings

    public func addNote(_ id: RecordID, _ input: ProgrammeNoteInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        try await write(id, { .workInProgramme($0) }, by: origin) { record, now, db in
            switch ProgrammeNoteRules.validate(input, definition: record.definition, enrolment: record.enrolment, today: Stockholm.date(of: now)) {
            case .failure(let errors): return .invalid(errors)
            case .success(let note):
                let noteID = try await ProgrammeQueries.insertNote(id, note, by: staffRef(origin), now: now, db)
                return .ok((noteID, ProgrammeAuditReasons.noteRecorded(note.kind.label(record.definition), on: note.heldOn)))
            }
        }
    }

    public func markActionDone(_ id: RecordID, actionID: RecordID, by origin: RequestOrigin) async throws -> Outcome<Void> {
        try await write(id, { .workInProgramme($0) }, by: origin) { record, now, db in
            guard let action = record.enrolment.documents.flatMap(\.actions).first(where: { $0.id == actionID }), action.doneOn == nil else { return .denied(Self.notFound) }
            try await ProgrammeQueries.markActionDone(actionID: actionID, on: Stockholm.date(of: now), db)
            return .ok(((), ProgrammeAuditReasons.actionDone(action.what)))
        }
    }

    /// Books a monthly follow-up on the meeting machinery, in the context of the enrolment:
    /// the programme's rules first (running, one at a time, the joint decision on the child),
    /// then the machinery's (roles, invitees, the programme's consent naming the staff).
    public func bookFollowUp(_ id: RecordID, _ input: MeetingBookingInput, childAttendance: ProgrammeChildAttendanceInput, by origin: RequestOrigin) async throws -> Outcome<(id: RecordID, notes: [String])> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let (record, _) = try await load(id, { .workInProgramme($0) }, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            guard let typeKey = record.definition.recurringMeeting?.meetingTypeKey,
                  let type = try await CollaborationQueries.meetingTypes(db).first(where: { $0.key == typeKey }) else { return .denied(Self.notFound) }
            let checked: MeetingBookingInput
            switch ProgrammeMeetingRules.booking(input, enrolment: record.enrolment, attendance: childAttendance) {
            case .failure(let errors): return .invalid(errors)
            case .success(let value): checked = value
            }
            let context = MeetingContext(.programmeEnrolment, id)
            let main = record.enrolment.mainChildID
            guard let child = try await ChildQueries.child(id: main, db) else { return .denied(Self.notFound) }
            var booking = MeetingBookingContext(type: type, now: now, childBirthDate: child.identityNumber.birthDate,
                                                consents: try await CollaborationService.meetingConsents(childID: main, context: context, db))
            booking.children = try await CollaborationService.meetingChildren(checked.childIDs, context: context, db)
            switch MeetingBookingRules.validate(checked, booking) {
            case .failure(let errors): return .invalid(errors)
            case .success(let valid):
                let meetingID = try await CollaborationQueries.insertMeeting(context: context, caseID: nil, childIDs: checked.childIDs, type: type, valid, by: origin.actor, now: now, db)
                for childID in checked.childIDs {
                    try await AuditQueries.append(origin.event(.create, child: childID, type: .meeting, record: String(meetingID),
                                                               reason: ProgrammeAuditReasons.meetingBooked(type.name, when: valid.schedule.whenText, programme: record.definition.name, enrolment: id)), at: now, db)
                }
                return .ok((meetingID, valid.notes))
            }
        }
    }

    /// The programme meeting's minutes: while the programme runs the next meeting must be
    /// booked before closing (the routine), then the machinery closes them as any meeting's.
    public func closeFollowUp(_ id: RecordID, meetingID: RecordID, _ input: MinutesInput, by origin: RequestOrigin) async throws -> Outcome<RecordID?> {
        let now = clock.now()
        let refusal: FieldErrors? = try await store.transaction { db in
            guard let (record, _) = try await load(id, { .workInProgramme($0) }, origin: origin, now: now, db),
                  record.enrolment.meetings.contains(where: { $0.meetingID == meetingID }) else { return nil }
            var errors = FieldErrors()
            // Only whether a next meeting is asked for matters here; the machinery checks its day.
            if TextRules.trimmed(input.nextMeetingDate).isEmpty,
               let problem = ProgrammeMeetingRules.nextMeetingProblem(.none(reason: input.noNextMeetingReason), stage: record.enrolment.stage) {
                errors.add("next_meeting", problem)
            }
            return errors
        }
        guard let refusal else { return .denied(Self.notFound) }
        if !refusal.isEmpty { return .invalid(refusal) }
        // The machinery decides again (its door) and closes them in its own transaction.
        return try await CollaborationService(store: store, clock: clock).closeMinutes(meetingID: meetingID, input, by: origin)
    }

    // MARK: Closure

    public func close(_ id: RecordID, _ input: ProgrammeClosureInput, by origin: RequestOrigin) async throws -> Outcome<Void> {
        try await write(id, { .workInProgramme($0) }, by: origin) { record, now, db in
            switch ProgrammeClosureRules.close(input, enrolment: record.enrolment, definition: record.definition, by: staffRef(origin), today: Stockholm.date(of: now)) {
            case .failure(let errors): return .invalid(errors)
            case .success(let closure):
                try await ProgrammeQueries.saveClosure(id, closure, db)
                return .ok(((), ProgrammeAuditReasons.closedWithFamily(closure.closingMeetingOn)))
            }
        }
    }

    public func internalClosure(_ id: RecordID, _ input: ProgrammeClosureInput, by origin: RequestOrigin) async throws -> Outcome<Void> {
        try await write(id, { .viewProgramme($0) }, by: origin) { record, now, db in
            // The steering group and the team hold it; both may record it.
            let facts = ProgrammeAccessFacts(record.enrolment, definition: record.definition, at: now)
            guard AccessPolicy.allows(origin.actor, .workInProgramme(facts)) || AccessPolicy.allows(origin.actor, .decideInProgrammeSteeringGroup(facts)) else {
                return .denied(Self.notFound)
            }
            switch ProgrammeClosureRules.internalClosure(input, enrolment: record.enrolment, by: staffRef(origin), today: Stockholm.date(of: now)) {
            case .failure(let errors): return .invalid(errors)
            case .success(let closure):
                try await ProgrammeQueries.saveInternalClosure(id, closure, db)
                return .ok(((), ProgrammeAuditReasons.closedInternally(closure.heldOn)))
            }
        }
    }

    public func followUp(_ id: RecordID, _ input: ProgrammeClosureInput, by origin: RequestOrigin) async throws -> Outcome<Void> {
        try await write(id, { .workInProgramme($0) }, by: origin) { record, now, db in
            switch ProgrammeClosureRules.followUp(input, enrolment: record.enrolment, definition: record.definition, by: staffRef(origin), today: Stockholm.date(of: now)) {
            case .failure(let errors): return .invalid(errors)
            case .success(let followUp):
                try await ProgrammeQueries.saveFollowUp(id, followUp, db)
                return .ok(((), ProgrammeAuditReasons.followUpMeeting(followUp.heldOn, furtherSupportNeeded: followUp.furtherSupportNeeded)))
            }
        }
    }
}
