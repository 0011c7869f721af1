import Foundation
import SQLKit
import SamverkaCore

/// A forum below its number of meetings on its chairs' work lists, and the yearly cycle's
/// tasks on their responsible people's, on the one deadline engine.
enum ForumWorkList {
    static let clocks = WorkListSource(clocks: [.forumMeetings, .yearlyCycleTask]) { request, db in
        var part = WorkListPart()
        let me = request.actor.staffID
        let mine = try await ForumQueries.forumIDs(memberStaffID: me, db)
        guard !mine.isEmpty else { return part }
        let forums = try await ForumQueries.forums(db)
        let chaired = forums.filter { $0.isChair(me) }
        let days = try await ForumQueries.meetingDays(forumIDs: chaired.map(\.id), db)
        for forum in chaired {
            for shortfall in ForumCadence.shortfalls(forum, meetingDays: days[forum.id] ?? [], on: request.today) {
                part.items.append(WorkItem(.forumMeetings(forumID: forum.id, forumName: forum.name, what: shortfall.text), childName: nil, deadline: shortfall.deadline, now: request.now))
            }
        }
        let done = Set(try await ForumQueries.cycleDone(years: (request.today.year - 1)...(request.today.year + 1), db).map(\.key))
        for task in YearlyCycle.open(on: request.today, done: done, ForumService.responsibles(forums)) where task.responsible.contains(where: { $0.staffID == me }) {
            part.items.append(WorkItem(.cycleTask(kind: task.kind, year: task.year), childName: nil, deadline: task.deadline(doneOn: nil), now: request.now))
        }
        return part
    }
}
