import Foundation
import SQLKit
import SamverkaCore

/// Consents about to end, on the work list of the person who recorded them or is named in
/// them (issue 4: warn before a consent expires).
enum ConsentWorkList {
    static let ending = WorkListSource(clocks: [.consentEnding]) { request, db in
        let actor = request.actor, today = request.today
        var part = WorkListPart()
        let expiring = try await ConsentQueries.expiring(staffID: actor.staffID, from: today, to: today.adding(days: ConsentStatus.warningDays - 1),
                                                         limit: request.mostUrgent ?? 100, db)
        part.complete = request.isComplete(expiring.count)
        // The policy facts of all those children in two queries, not two per row.
        let children = try await ChildQueries.accessFacts(childIDs: expiring.map(\.childID), db)
        for consent in expiring {
            guard let facts = children[consent.childID], AccessPolicy.allows(actor, .viewConsents(child: facts)) else { continue }
            // A decided-day clock: its day is the consent's last; the start does not move it.
            part.items.append(WorkItem(.consentEnding(consentID: consent.consentID, childID: consent.childID), childName: consent.childName,
                                       deadline: Deadline(kind: .consentEnding, startedOn: today, dueOn: consent.validTo), now: request.now))
        }
        return part
    }
}
