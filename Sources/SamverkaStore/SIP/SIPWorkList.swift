import Foundation
import SQLKit
import SamverkaCore

/// A SIP's clocks on work lists: the follow-up meeting and the consent's last month on the
/// SIP-ansvarig's, each plan action on the list of the party's account that answers for it.
/// A closed SIP (a withdrawn consent closes it) lists nothing, and a party's items go with
/// the consent that names it.
enum SIPWorkList {
    static let clocks = WorkListSource(clocks: [.sipFollowUp, .sipAction, .sipConsentEnding]) { request, db in
        var part = WorkListPart()
        let me = request.actor.staffID
        for record in try await SIPQueries.records(ids: try await SIPQueries.ids(staffID: me, openOnly: true, limit: 100, db), db) {
            guard AccessPolicy.allows(request.actor, .viewSIP(SIPAccessFacts(record.sip, at: request.now))) else { continue }
            let sip = record.sip
            let id = sip.id
            if sip.responsible.id == me {
                if let next = sip.openMeeting, next.kind == .followUp {
                    part.items.append(WorkItem(.sipFollowUp(sipID: id), childName: record.childName,
                                               deadline: Deadline(kind: .sipFollowUp, startedOn: request.today, dueOn: next.schedule.date), now: request.now))
                }
                if let consent = sip.consentInForce(at: request.now), request.today.days(until: consent.validTo) < ConsentStatus.warningDays {
                    part.items.append(WorkItem(.sipConsentEnding(sipID: id), childName: record.childName,
                                               deadline: Deadline(kind: .sipConsentEnding, startedOn: request.today, dueOn: consent.validTo), now: request.now))
                }
            }
            let mine = Set(sip.consentedParties(at: request.now).filter { $0.staffID == me }.map(\.id))
            for open in sip.openActions where mine.contains(open.action.partyID) {
                part.items.append(WorkItem(.sipAction(sipID: id, what: open.action.what), childName: record.childName,
                                           deadline: Deadline(kind: .sipAction, startedOn: request.today, dueOn: open.action.dueOn), now: request.now))
            }
        }
        return part
    }
}
