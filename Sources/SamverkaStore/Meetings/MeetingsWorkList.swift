import Foundation
import SQLKit
import SamverkaCore

/// Every action decided at a meeting, on its responsible staff member's work list.
enum MeetingsWorkList {
    static let actions = WorkListSource(clocks: [.meetingAction]) { request, db in
        var part = WorkListPart()
        for action in try await CollaborationQueries.openActions(responsible: request.actor.staffID, limit: 200, db) {
            // A decided-day clock: its day is the action's; the start does not move it.
            part.items.append(WorkItem(.meetingAction(meetingID: action.meetingID, caseID: action.caseID, what: action.action.what), childName: action.childName,
                                       deadline: action.action.deadline(decidedOn: request.today), now: request.now))
        }
        return part
    }
}
