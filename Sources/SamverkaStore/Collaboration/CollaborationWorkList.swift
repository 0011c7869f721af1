import Foundation
import SQLKit
import SamverkaCore

/// The collaboration case's two-week clocks on the process owner's list, and every action
/// on its responsible staff member's.
enum CollaborationWorkList {
    static let clocks = WorkListSource(clocks: [.firstCollaborationMeeting, .secondCollaborationMeeting]) { request, db in
        var part = WorkListPart()
        let owned = try await CollaborationQueries.openCasesOwned(by: request.actor.staffID, limit: 200, db)
        let heldDays = try await CollaborationQueries.heldMeetingDays(caseIDs: owned.map(\.id), db)
        for record in owned {
            for clock in record.value.openClocks(heldMeetingDays: heldDays[record.id] ?? [], on: request.today) {
                part.items.append(WorkItem(.collaborationClock(caseID: record.id), childName: record.childName, deadline: clock.deadline, now: request.now))
            }
        }
        return part
    }

    static let actions = WorkListSource(clocks: [.meetingAction]) { request, db in
        var part = WorkListPart()
        for action in try await CollaborationQueries.openActions(responsible: request.actor.staffID, limit: 200, db) {
            // A decided-day clock: its day is the action's; the start does not move it.
            part.items.append(WorkItem(.meetingAction(caseID: action.caseID, what: action.action.what), childName: action.childName,
                                       deadline: action.action.deadline(decidedOn: request.today), now: request.now))
        }
        return part
    }
}
