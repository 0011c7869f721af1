import Foundation
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Collaboration clocks in the store: only collaboration meetings meet them")
struct CollaborationClockKindTests {
    @Test("a held joint report meeting in the case leaves the first-meeting clock overdue on the owner's work list; a held collaboration meeting meets it")
    func onlyCollaborationMeetingsCount() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let x = try await CollaborationServiceTests.setUp(f, s, knownDaysAgo: 20)
            var other = CollaborationServiceTests.booking(f, s, on: f.today)
            other.participants = [Participant(name: "Gun Ek", roles: [.guardian]),
                                  Participant(name: s.principalA.displayName, roles: [.principal, .processOwner], staffID: s.principalA.staffID, unitID: f.schoolA),
                                  Participant(name: s.caseOfficer.displayName, roles: [.caseOfficer], staffID: s.caseOfficer.staffID, unitID: s.investigationUnit)]
            let (otherID, notes) = try requireOK(await x.service.bookMeeting(caseID: x.caseID, typeKey: MeetingType.jointReportMeeting.key, other, by: f.origin(s.principalA)))
            // Not a collaboration meeting: no warning that it comes too late for a clock it does not meet.
            #expect(!notes.contains { $0.contains("skulle hållas senast") })
            var minutes = MinutesInput()
            minutes.chair = s.principalA.displayName
            minutes.secretary = s.caseOfficer.displayName
            minutes.attendance = ["present", "present", "present"]
            minutes.childViewMissingReason = "Barnet deltog inte i anmälningsmötet."
            minutes.noNextMeetingReason = "Socialtjänsten återkommer efter förhandsbedömningen."
            try requireOK(await x.service.closeMinutes(meetingID: otherID, minutes, by: f.origin(s.principalA)))

            let clocks = try requireOK(await x.service.casePage(caseID: x.caseID, by: f.origin(s.principalA))).clocks
            #expect(clocks.map(\.kind) == [.firstMeeting])
            #expect(clocks[0].heldOn == nil && clocks[0].state(on: f.today) == .overdue)
            let list = try await f.workLists.workList(by: f.origin(s.principalA)).items.filter { $0.caseID == x.caseID && $0.kind != .meetingAction }
            #expect(list.map(\.kind) == [.firstCollaborationMeeting] && list.first?.dueDay == f.today.adding(days: -6))

            _ = try await CollaborationServiceTests.consent(f, child: x.child, guardian: x.guardian, units: [f.schoolA, s.treatmentUnit], by: s.principalA)
            let (meetingID, _) = try requireOK(await x.service.bookMeeting(caseID: x.caseID, typeKey: "samverkansmote", CollaborationServiceTests.booking(f, s, on: f.today), by: f.origin(s.principalA)))
            try requireOK(await x.service.closeMinutes(meetingID: meetingID, CollaborationServiceTests.minutes(f, s), by: f.origin(s.principalA)))
            let after = try requireOK(await x.service.casePage(caseID: x.caseID, by: f.origin(s.principalA))).clocks
            #expect(after.first?.heldOn == f.today && after.first?.state(on: f.today) == .metLate)
        }
    }
}
