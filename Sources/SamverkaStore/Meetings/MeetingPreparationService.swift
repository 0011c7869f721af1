import Foundation
import SQLKit
import SamverkaCore

/// Work on a meeting before and after it is held: the type's preparation steps marked done,
/// and the talks with the child before and after. Only someone who may work in the meeting
/// (the policy, as for the minutes); each write audited with the child in the same
/// transaction; a refusal answers like a missing meeting.
extension CollaborationService {
    /// Marks preparation step `step` (1-based) of the meeting's type as done, by the person, now.
    public func markPreparationDone(meetingID: RecordID, step: Int, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let meeting = try await loadMeeting(meetingID, work: true, origin: origin, now: now, db)?.meeting else { return .denied(Self.notFound) }
            var errors = FieldErrors()
            guard meeting.closedAt == nil else {
                errors.add("preparation_\(step)", MeetingMessages.alreadyHeld)
                return .invalid(errors)
            }
            let done = try await MeetingPreparationQueries.stepsDone(meetingID: meetingID, db)
            let staff = StaffRef(id: origin.actor.staffID, name: origin.actor.displayName)
            switch MeetingPreparationRules.markDone(step: step, of: meeting.type, done: done, by: staff, at: now) {
            case .failure(let errors): return .invalid(errors)
            case .success(let stepDone):
                guard try await MeetingPreparationQueries.insertStepDone(meetingID: meetingID, stepDone, db) else {
                    errors.add("preparation_\(step)", MeetingMessages.preparationDone)
                    return .invalid(errors)
                }
                try await AuditQueries.append(origin.event(.update, child: meeting.childID, type: .meeting, record: String(meetingID),
                                                           reason: MeetingAuditReasons.preparationDone(step, stepDone.text)), at: now, db)
                return .ok(())
            }
        }
    }

    /// Records a talk with one of the meeting's children, before or after the meeting.
    public func recordChildTalk(meetingID: RecordID, _ input: ChildTalkInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let meeting = try await loadMeeting(meetingID, work: true, origin: origin, now: now, db)?.meeting else { return .denied(Self.notFound) }
            let children = try await CollaborationQueries.meetingChildren(meetingID: meetingID, db)
            switch ChildTalkRules.validate(input, children: children, meetingOn: meeting.schedule.date, today: Stockholm.date(of: now)) {
            case .failure(let errors): return .invalid(errors)
            case .success(let talk):
                let id = try await MeetingPreparationQueries.insertTalk(meetingID: meetingID, talk, by: StaffRef(id: origin.actor.staffID, name: origin.actor.displayName), now: now, db)
                try await AuditQueries.append(origin.event(.create, child: talk.childID, type: .meeting, record: String(meetingID),
                                                           reason: MeetingAuditReasons.childTalk(talk.timing.label, id: id)), at: now, db)
                return .ok(id)
            }
        }
    }
}
