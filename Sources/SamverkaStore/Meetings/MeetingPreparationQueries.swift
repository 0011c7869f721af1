import Foundation
import SQLKit
import SamverkaCore

/// A talk with the child as stored: the talk, and who wrote it down when.
public struct ChildTalkRecord: Sendable, Hashable {
    public var id: RecordID
    public var meetingID: RecordID
    public var talk: ChildTalk
    public var recordedBy: StaffRef
    public var recordedAt: Date
}

/// The preparation steps done (`meeting_preparation_steps`) and the talks with the child
/// before and after a meeting (`meeting_child_talks`), both from migration 11.
enum MeetingPreparationQueries {
    static func stepsDone(meetingID: RecordID, _ db: any SQLDatabase) async throws -> [PreparationStepDone] {
        try await db.raw("""
            SELECT step, step_text, done_by, done_by_name, done_at FROM meeting_preparation_steps WHERE meeting_id = \(bind: meetingID) ORDER BY step
            """).all().map { row in
            PreparationStepDone(step: Int(try row.int64("step")), text: try row.string("step_text"),
                                doneBy: StaffRef(id: try row.int64("done_by"), name: try row.string("done_by_name")), doneAt: try row.date("done_at"))
        }
    }

    /// False when someone recorded the step first (the primary key keeps one row per step).
    static func insertStepDone(meetingID: RecordID, _ done: PreparationStepDone, _ db: any SQLDatabase) async throws -> Bool {
        let row = try await db.raw("""
            INSERT INTO meeting_preparation_steps (meeting_id, step, step_text, done_by, done_by_name, done_at)
            VALUES (\(bind: meetingID), \(bind: done.step), \(bind: done.text), \(bind: done.doneBy.id), \(bind: done.doneBy.name), \(bind: done.doneAt.epochSeconds))
            ON CONFLICT (meeting_id, step) DO NOTHING RETURNING step
            """).first()
        return row != nil
    }

    static func talks(meetingID: RecordID, _ db: any SQLDatabase) async throws -> [ChildTalkRecord] {
        try await db.raw("SELECT * FROM meeting_child_talks WHERE meeting_id = \(bind: meetingID) ORDER BY talked_on, id").all().compactMap { row in
            guard let timing = ChildTalkTiming(rawValue: try row.string("timing")), let day = SimpleDate(iso: try row.string("talked_on")) else { return nil }
            return ChildTalkRecord(id: try row.int64("id"), meetingID: try row.int64("meeting_id"),
                                   talk: ChildTalk(childID: try row.int64("child_id"), timing: timing, talkedBy: try row.string("talked_by"), talkedOn: day,
                                                   childView: try row.string("child_view")),
                                   recordedBy: StaffRef(id: try row.int64("recorded_by"), name: try row.string("recorded_by_name")), recordedAt: try row.date("recorded_at"))
        }
    }

    static func insertTalk(meetingID: RecordID, _ talk: ChildTalk, by staff: StaffRef, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        try await db.insertReturningID("""
            INSERT INTO meeting_child_talks (meeting_id, child_id, timing, talked_by, talked_on, child_view, recorded_by, recorded_by_name, recorded_at)
            VALUES (\(bind: meetingID), \(bind: talk.childID), \(bind: talk.timing.rawValue), \(bind: talk.talkedBy), \(bind: talk.talkedOn.iso), \(bind: talk.childView),
              \(bind: staff.id), \(bind: staff.name), \(bind: now.epochSeconds))
            """)
    }
}
