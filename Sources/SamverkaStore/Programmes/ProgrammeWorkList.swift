import Foundation
import SQLKit
import SamverkaCore

/// A programme's clocks on work lists: the monthly follow-up and the follow-up after closure
/// on the recurring meeting type's conveners' (Trampolinen: the socialsekreterare), the
/// check-in on those the definition names (`ProgrammeClocks.holds`), each plan action on its
/// responsible person's. Only under a consent in force that names the person (the team).
enum ProgrammeWorkList {
    static let clocks = WorkListSource(clocks: [.programmeFollowUpMeeting, .programmeCheckIn, .programmeAfterClosure, .programmePlanAction]) { request, db in
        var part = WorkListPart()
        let me = request.actor.staffID
        let ids = try await ProgrammeQueries.ids(staffID: me, limit: 100, db)
        guard !ids.isEmpty else { return part }
        let meetingTypes = try await CollaborationQueries.meetingTypes(db)
        for record in try await ProgrammeQueries.records(ids: ids, db) {
            let e = record.enrolment
            guard let consent = e.consentInForce(at: request.now), let member = consent.team.first(where: { $0.id == me }) else { continue }
            let childName = e.children.first { $0.childID == e.mainChildID }?.name
            for deadline in ProgrammeClocks.open(e, definition: record.definition, on: request.today) {
                let mine = ProgrammeClocks.holds(deadline.kind, role: member.role, definition: record.definition, meetingTypes: meetingTypes)
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
