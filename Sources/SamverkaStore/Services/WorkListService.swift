import Foundation
import SQLKit
import SamverkaCore

/// One line on a work list: a running clock (or a task), what it is about, and where to go.
public struct WorkItem: Sendable, Hashable {
    public var title: String
    public var childName: String?
    public var link: String
    public var deadline: Deadline?
    /// For tasks and follow-ups that have a day, not a clock.
    public var dueDay: SimpleDate?
    public var state: ClockState
    /// Where a clock that is not the law's comes from (the collaboration routine).
    public var routineSource: String? = nil

    public var dueLabel: String { deadline?.dueLabel ?? dueDay?.iso ?? "–" }
    public var source: LegalReference? { deadline?.kind.source }
    /// What the "Grund" column says: the law for a statutory clock, else the routine.
    public var sourceText: String { source?.current ?? routineSource ?? "" }
}

public struct WorkList: Sendable {
    public var items: [WorkItem]
    /// False when only the most urgent items were read (there may be more).
    public var complete = true
    /// Every overdue clock of the units this person manages (escalation).
    public var unitOverdue: [WorkItem]
}

/// Clocks on each person's work list, overdue first (DOMAIN §4 "Deadlines").
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
        let today = Stockholm.date(of: now)
        let actor = origin.actor
        let handling = actor.reportHandlingUnitIDs.filter { AccessPolicy.decide(actor, .handleReports(unitID: $0)).isAllowed }
        let managed = Set(actor.assignments.compactMap(\.unitID)).filter { AccessPolicy.decide(actor, .viewUnitClocks(unitID: $0)).isAllowed }
        let result = try await store.withConnection { db in
            var items: [WorkItem] = []
            var complete = true
            var reports: [ReportRecord]
            if let mostUrgent {
                (reports, complete) = try await ReportQueries.workListCandidates(unitIDs: handling, limit: mostUrgent, db)
            } else {
                reports = try await ReportQueries.queue(unitIDs: handling, limit: 300, db)
            }
            // In order of receipt whichever query read them: items with the same due time keep
            // the same order on a page and on the whole list.
            reports.sort { ($0.state.receivedAt, $0.id) < ($1.state.receivedAt, $1.id) }
            for report in reports where AccessPolicy.decide(actor, .viewReport(report.accessFacts)).isAllowed {
                items += Self.reportItems(report, now: now)
            }
            if actor.sides.contains(.social) {
                let investigations = try await InvestigationQueries.openFor(caseOfficerID: actor.staffID, limit: mostUrgent ?? 300, db)
                if let mostUrgent, investigations.count >= mostUrgent { complete = false }
                for investigation in investigations {
                    items.append(Self.investigationItem(investigation, now: now))
                }
                let followUps = try await InvestigationQueries.followUpsFor(caseOfficerID: actor.staffID, today: today, limit: mostUrgent ?? 100, db)
                if let mostUrgent, followUps.count >= mostUrgent { complete = false }
                for investigation in followUps {
                    guard let until = investigation.state.followUpUntil else { continue }
                    items.append(WorkItem(title: "Uppföljning efter avslutad utredning (\(LegalReference.followUp.current))", childName: investigation.childName,
                                          link: "/utredningar/\(investigation.id)", deadline: nil, dueDay: until,
                                          state: today.days(until: until) <= 14 ? .dueSoon : .running))
                }
            }
            // Consents about to end (issue 4: warn before a consent expires).
            let expiring = try await ConsentQueries.expiring(staffID: actor.staffID, from: today, to: today.adding(days: ConsentStatus.warningDays - 1), limit: mostUrgent ?? 100, db)
            if let mostUrgent, expiring.count >= mostUrgent { complete = false }
            // The policy facts of all those children in two queries, not two per row.
            let consentChildren = try await ChildQueries.accessFacts(childIDs: expiring.map(\.childID), db)
            for consent in expiring {
                guard let facts = consentChildren[consent.childID], AccessPolicy.decide(actor, .viewConsents(child: facts)).isAllowed else { continue }
                items.append(WorkItem(title: "Samtycke nr \(consent.consentID) upphör \(consent.validTo.iso): förnya det eller avsluta samverkan",
                                      childName: consent.childName, link: "/barn/\(consent.childID)/samtycken", deadline: nil,
                                      dueDay: consent.validTo, state: .dueSoon))
            }
            // Collaboration cases: the owner's two-week clocks, and everyone's actions.
            let owned = try await CollaborationQueries.openCasesOwned(by: actor.staffID, limit: 200, db)
            let held = try await CollaborationQueries.heldMeetings(caseIDs: owned.map(\.id), db)
            for record in owned {
                for clock in record.value.openClocks(heldMeetings: held[record.id] ?? [], on: today) {
                    items.append(WorkItem(title: "\(clock.kind.label) senast \(clock.dueOn.iso) (samverkansärende)", childName: record.childName,
                                          link: "/samverkan/\(record.id)", deadline: nil, dueDay: clock.dueOn, state: clock.state(on: today),
                                          routineSource: clock.kind.source))
                }
            }
            for action in try await CollaborationQueries.openActions(responsible: actor.staffID, limit: 200, db) {
                items.append(WorkItem(title: "Åtgärd: \(action.action.what)", childName: action.childName, link: action.caseID.map { "/samverkan/\($0)" } ?? "/moten/\(action.meetingID)",
                                      deadline: nil, dueDay: action.action.dueOn, state: action.action.state(on: today),
                                      routineSource: action.caseID == nil ? "Åtgärd beslutad på möte" : "Åtgärd beslutad på samverkansmöte"))
            }
            let myCases = try await CollaborationQueries.casesFor(staffID: actor.staffID, includeClosed: false, limit: 200, db)
            for task in try await ConcernSupportQueries.openTasks(staffID: actor.staffID, db) {
                let state: ClockState = task.dueOn.map { $0 < today ? .overdue : (today.days(until: $0) <= 2 ? .dueSoon : .running) } ?? .running
                var link = task.investigationID.map { "/utredningar/\($0)" } ?? "/arbetslista"
                // The return home: straight to booking the meeting (in the child's open case, or by opening one).
                if task.kind == .returnToSchool, let child = task.childID {
                    link = myCases.first { $0.value.childID == child }.map { "/samverkan/\($0.id)/moten/nytt" } ?? "/barn/\(child)/samverkan/nytt"
                }
                items.append(WorkItem(title: task.title, childName: nil, link: link, deadline: nil, dueDay: task.dueOn, state: state,
                                      routineSource: task.kind == .returnToSchool ? "Rutinen: samverkansmöte inför återgång till förskola/skola" : nil))
            }
            var overdue: [WorkItem] = []
            if !managed.isEmpty {
                for report in try await ReportQueries.overdue(unitIDs: managed, now: now, limit: 300, db) {
                    overdue += Self.reportItems(report, now: now).filter { $0.state == .overdue }
                }
                for investigation in try await InvestigationQueries.overdue(unitIDs: managed, now: now, limit: 300, db) {
                    var item = Self.investigationItem(investigation, now: now)
                    item.title += " – ansvarig \(investigation.caseOfficerName)"
                    overdue.append(item)
                }
            }
            return WorkList(items: Self.sorted(items), complete: complete, unitOverdue: Self.sorted(overdue))
        }
        try await store.singleStatement { db in
            let children = result.items.count + result.unitOverdue.count
            try await AuditQueries.append(origin.event(.read, type: "work-list", reason: "Arbetslista, \(children) rader"), at: now, db)
        }
        return result
    }

    static func sorted(_ items: [WorkItem]) -> [WorkItem] {
        func rank(_ s: ClockState) -> Int { s == .overdue ? 0 : s == .dueSoon ? 1 : 2 }
        // The due instant goes through the calendar: compute it once per item, not on every
        // comparison (a work list has hundreds of items).
        let keyed = items.enumerated().map { offset, item in
            (rank: rank(item.state), due: item.deadline?.dueAt ?? item.dueDay.map { Stockholm.endOfDay($0) } ?? .distantFuture, offset: offset, item: item)
        }
        return keyed.sorted { ($0.rank, $0.due, $0.offset) < ($1.rank, $1.due, $1.offset) }.map(\.item)
    }

    static func reportItems(_ report: ReportRecord, now: Date) -> [WorkItem] {
        let link = "/anmalningar/\(report.id)"
        let child = report.childName ?? report.childDescription
        var items: [WorkItem] = []
        for clock in report.state.clocks() {
            let state = clock.state(at: now)
            guard state.isOpen else { continue }
            items.append(WorkItem(title: "\(clock.kind.label) – \(report.state.kind.label.lowercased()) \(report.receiptNumber)", childName: child,
                                  link: link, deadline: clock, dueDay: nil, state: state))
        }
        if report.state.awaitsWrittenConfirmation {
            items.append(WorkItem(title: "Muntlig anmälan \(report.receiptNumber) väntar på skriftlig bekräftelse", childName: child, link: link,
                                  deadline: nil, dueDay: nil, state: .running))
        }
        return items
    }

    static func investigationItem(_ investigation: InvestigationRecord, now: Date) -> WorkItem {
        WorkItem(title: "Utredning", childName: investigation.childName, link: "/utredningar/\(investigation.id)",
                 deadline: investigation.state.clock, dueDay: nil, state: investigation.state.clock.state(at: now))
    }
}
