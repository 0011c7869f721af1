import Foundation
import SQLKit
import SamverkaCore

/// A programme's clocks on work lists: the monthly follow-up and the follow-up after closure
/// on the socialsekreterare's (who calls them), the weekly check-in on the
/// behandlingsassistent's and the skolsocionom's, each plan action on its responsible
/// person's. Only under a consent in force that names the person (the team).
enum ProgrammeWorkList {
    static let clocks = WorkListSource(clocks: [.programmeFollowUpMeeting, .programmeCheckIn, .programmeAfterClosure, .programmePlanAction]) { request, db in
        var part = WorkListPart()
        let me = request.actor.staffID
        for record in try await ProgrammeQueries.records(ids: try await ProgrammeQueries.ids(staffID: me, limit: 100, db), db) {
            let e = record.enrolment
            guard let consent = e.consentInForce(at: request.now), let member = consent.team.first(where: { $0.id == me }) else { continue }
            let childName = e.children.first { $0.childID == e.mainChildID }?.name
            let checkInRoles = Set(record.definition.checkIn?.between ?? [])
            for deadline in ProgrammeClocks.open(e, definition: record.definition, on: request.today) {
                let mine: Bool
                switch deadline.kind {
                case .programmeFollowUpMeeting, .programmeAfterClosure: mine = member.role == .caseOfficer
                case .programmeCheckIn: mine = checkInRoles.contains(member.role)
                default: mine = false
                }
                if mine { part.items.append(WorkItem(.programme(enrolmentID: e.id, what: nil), childName: childName, deadline: deadline, now: request.now)) }
            }
            if e.stage == .running {
                for (action, deadline) in ProgrammeClocks.planActions(e) where action.responsible.staffID == me && action.doneOn == nil {
                    part.items.append(WorkItem(.programme(enrolmentID: e.id, what: action.what), childName: childName, deadline: deadline, now: request.now))
                }
            }
        }
        return part
    }
}
