import Foundation
import SQLKit
import SamverkaCore

/// The collaboration case's two-week clocks on the process owner's list (only collaboration
/// meetings meet them).
enum CollaborationWorkList {
    static let clocks = WorkListSource(clocks: [.firstCollaborationMeeting, .secondCollaborationMeeting]) { request, db in
        var part = WorkListPart()
        let owned = try await CollaborationQueries.openCasesOwned(by: request.actor.staffID, limit: 200, db)
        let held = try await CollaborationQueries.heldMeetings(caseIDs: owned.map(\.id), db)
        for record in owned {
            for clock in record.value.openClocks(heldMeetings: held[record.id] ?? [], on: request.today) {
                part.items.append(WorkItem(.collaborationClock(caseID: record.id), childName: record.childName, deadline: clock.deadline, now: request.now))
            }
        }
        return part
    }
}
