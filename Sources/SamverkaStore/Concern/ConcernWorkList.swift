import Foundation
import SQLKit
import SamverkaCore

/// The concern path's clocks on the work list: the intake unit's report clocks, the case
/// officer's investigations and follow-ups, and the overdue ones of the units a manager heads.
enum ConcernWorkList {
    static let reports = WorkListSource(clocks: [.protectionAssessment, .preAssessment, .feedback]) { request, db in
        let actor = request.actor
        let handling = actor.reportHandlingUnitIDs.filter { AccessPolicy.allows(actor, .handleReports(unitID: $0)) }
        var part = WorkListPart()
        var reports: [ReportRecord]
        if let mostUrgent = request.mostUrgent {
            (reports, part.complete) = try await ReportQueries.workListCandidates(unitIDs: handling, limit: mostUrgent, db)
        } else {
            reports = try await ReportQueries.queue(unitIDs: handling, limit: 300, db)
        }
        // In order of receipt whichever query read them: items with the same due time keep
        // the same order on a page and on the whole list.
        reports.sort { ($0.state.receivedAt, $0.id) < ($1.state.receivedAt, $1.id) }
        for report in reports where AccessPolicy.allows(actor, .viewReport(report.accessFacts)) {
            part.items += items(report, now: request.now)
        }
        let managed = managedUnits(actor)
        if !managed.isEmpty {
            for report in try await ReportQueries.overdue(unitIDs: managed, now: request.now, limit: 300, db) {
                part.unitOverdue += items(report, now: request.now).filter { $0.state == .overdue }
            }
        }
        return part
    }

    static let investigations = WorkListSource(clocks: [.investigation, .followUp]) { request, db in
        let actor = request.actor
        var part = WorkListPart()
        if actor.sides.contains(.social) {
            let open = try await InvestigationQueries.openFor(caseOfficerID: actor.staffID, limit: request.mostUrgent ?? 300, db)
            part.complete = request.isComplete(open.count)
            part.items += open.map { item($0, now: request.now) }
            let followUps = try await InvestigationQueries.followUpsFor(caseOfficerID: actor.staffID, today: request.today, limit: request.mostUrgent ?? 100, db)
            part.complete = part.complete && request.isComplete(followUps.count)
            for investigation in followUps {
                guard let until = investigation.state.followUpUntil, let closed = investigation.state.closedAt else { continue }
                part.items.append(WorkItem(.followUp(investigationID: investigation.id), childName: investigation.childName,
                                           deadline: Deadline(kind: .followUp, startedOn: Stockholm.date(of: closed), dueOn: until), now: request.now))
            }
        }
        let managed = managedUnits(actor)
        if !managed.isEmpty {
            part.unitOverdue += try await InvestigationQueries.overdue(unitIDs: managed, now: request.now, limit: 300, db).map { item($0, now: request.now) }
        }
        return part
    }

    private static func managedUnits(_ actor: Actor) -> Set<RecordID> {
        Set(actor.assignments.compactMap(\.unitID)).filter { AccessPolicy.allows(actor, .viewUnitClocks(unitID: $0)) }
    }

    static func items(_ report: ReportRecord, now: Date) -> [WorkItem] {
        let child = report.childName ?? report.childDescription
        var items: [WorkItem] = []
        for clock in report.state.clocks() where clock.state(at: now).isOpen {
            items.append(WorkItem(.report(id: report.id, receiptNumber: report.receiptNumber, kind: report.state.kind), childName: child, deadline: clock, now: now))
        }
        if report.state.awaitsWrittenConfirmation {
            items.append(WorkItem(.writtenConfirmation(reportID: report.id, receiptNumber: report.receiptNumber), childName: child, deadline: nil, now: now))
        }
        return items
    }

    static func item(_ investigation: InvestigationRecord, now: Date) -> WorkItem {
        WorkItem(.investigation(id: investigation.id, caseOfficerName: investigation.caseOfficerName), childName: investigation.childName,
                 deadline: investigation.state.clock, now: now)
    }
}
