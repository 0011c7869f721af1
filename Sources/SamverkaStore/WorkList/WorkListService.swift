import Foundation
import SQLKit
import SamverkaCore

public struct WorkList: Sendable {
    public var items: [WorkItem]
    /// False when only the most urgent items were read (there may be more).
    public var complete = true
    /// Every overdue clock of the units this person manages (escalation).
    public var unitOverdue: [WorkItem]
}

/// Clocks on each person's work list, overdue first (DOMAIN §4 "Deadlines"): every module's
/// part, on the one deadline engine.
public struct WorkListService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    /// The person's work list. With `mostUrgent`, only what the first `mostUrgent` items can
    /// come from is read (a page of the list, not every open report of the unit); the items
    /// are then those first ones exactly, and `complete` says whether there are more.
    public func workList(by origin: RequestOrigin, mostUrgent: Int? = nil) async throws -> WorkList {
        let now = clock.now()
        let request = WorkListRequest(origin: origin, now: now, today: Stockholm.date(of: now), mostUrgent: mostUrgent)
        let result = try await store.withConnection { db in
            var all = WorkListPart()
            for source in Modules.all.flatMap(\.workListParts) {
                let part = try await source.read(request, db)
                all.items += part.items
                all.unitOverdue += part.unitOverdue
                all.complete = all.complete && part.complete
            }
            return WorkList(items: Self.sorted(all.items), complete: all.complete, unitOverdue: Self.sorted(all.unitOverdue))
        }
        try await store.singleStatement { db in
            let rows = result.items.count + result.unitOverdue.count
            try await AuditQueries.append(origin.event(.read, type: .workList, reason: WorkListAuditReasons.read(rows: rows)), at: now, db)
        }
        return result
    }

    /// Marks one of the person's own tasks done (the return-to-school task can also end by
    /// itself when the meeting is held). Another person's task answers as a missing one.
    public func completeTask(id: RecordID, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let task = try await ConcernSupportQueries.openTask(id: id, staffID: origin.actor.staffID, db),
                  try await ConcernSupportQueries.completeTask(id: id, staffID: origin.actor.staffID, now: now, db) else {
                return .denied(AccessReason(code: "not-found", text: WorkListMessages.taskNotFound))
            }
            try await AuditQueries.append(origin.event(.update, child: task.childID, type: .task, record: String(id), reason: WorkListAuditReasons.taskDone(task.title)), at: now, db)
            return .ok(())
        }
    }

    static func sorted(_ items: [WorkItem]) -> [WorkItem] {
        func rank(_ s: ClockState) -> Int { s == .overdue ? 0 : s == .dueSoon ? 1 : 2 }
        // The due instant goes through the calendar: compute it once per item, not on every
        // comparison (a work list has hundreds of items).
        let keyed = items.enumerated().map { offset, item in
            (rank: rank(item.state), due: item.deadline?.dueAt ?? .distantFuture, offset: offset, item: item)
        }
        return keyed.sorted { ($0.rank, $0.due, $0.offset) < ($1.rank, $1.due, $1.offset) }.map(\.item)
    }
}
