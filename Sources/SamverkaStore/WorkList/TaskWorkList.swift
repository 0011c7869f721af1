import Foundation
import SQLKit
import SamverkaCore

/// A person's open tasks. The return home after a placement leads straight to booking the
/// meeting, so the item carries the person's open case about the child.
enum TaskWorkList {
    static let tasks = WorkListSource(clocks: [.task]) { request, db in
        var part = WorkListPart()
        let tasks = try await ConcernSupportQueries.openTasks(staffID: request.actor.staffID, db)
        let cases = tasks.contains { $0.kind == .returnToSchool }
            ? try await CollaborationQueries.casesFor(staffID: request.actor.staffID, includeClosed: false, limit: 200, db) : []
        for task in tasks {
            let caseID = task.childID.flatMap { child in cases.first { $0.value.childID == child }?.id }
            part.items.append(WorkItem(.task(id: task.id, title: task.title, kind: task.kind, investigationID: task.investigationID, childID: task.childID, childCaseID: caseID),
                                       childName: nil, deadline: task.dueOn.map { Deadline(kind: .task, startedOn: request.today, dueOn: $0) }, now: request.now))
        }
        return part
    }
}
