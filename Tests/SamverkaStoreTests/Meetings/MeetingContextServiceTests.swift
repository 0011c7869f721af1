import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Meetings booked from a report or an investigation")
struct MeetingContextServiceTests {
    static func reportMeeting(_ f: Fixture, _ s: ConcernStaff, on day: SimpleDate) -> MeetingBookingInput {
        var input = MeetingBookingInput()
        input.date = day.iso
        input.startTime = "08:00"
        input.endTime = "09:00"
        input.place = "Skola A"
        input.participants = [Participant(name: "Gun Ek", roles: [.guardian]),
                              Participant(name: f.teacherA.displayName, roles: [.teacher], staffID: f.teacherA.staffID, unitID: f.schoolA),
                              Participant(name: s.caseOfficer.displayName, roles: [.caseOfficer], staffID: s.caseOfficer.staffID, unitID: s.investigationUnit)]
        return input
    }

    @Test("the reporter books the joint report meeting from the report; invited staff see it, others get 'missing'; only report meetings fit a report; audited")
    func jointReportMeeting() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let reportID = try await f.fileReport(child: child)
            let service = MeetingContextService(store: store, clock: f.clock)
            let context = MeetingContext(.report, reportID)
            let choices = try requireOK(await service.bookingChoices(context, by: f.origin(f.teacherA)))
            #expect(choices.types.map(\.key) == [MeetingType.jointReportMeeting.key])
            let wrong = try requireInvalid(await service.book(context, typeKey: MeetingType.collaborationMeeting.key, Self.reportMeeting(f, s, on: f.today), by: f.origin(f.teacherA)))
            #expect(wrong["type"] != nil)
            try requireDenied(await service.book(context, typeKey: MeetingType.jointReportMeeting.key, Self.reportMeeting(f, s, on: f.today), by: f.origin(f.teacherB)))

            let (meetingID, _) = try requireOK(await service.book(context, typeKey: MeetingType.jointReportMeeting.key, Self.reportMeeting(f, s, on: f.today), by: f.origin(f.teacherA)))
            let meetings = try await service.meetings(context)
            #expect(meetings.map(\.id) == [meetingID] && meetings.first?.caseID == nil && meetings.first?.childID == child)
            #expect(try await f.auditRows(type: .meeting).contains { $0.action == .create && $0.recordID == String(meetingID) && $0.childID == child })

            let collaboration = CollaborationService(store: store, clock: f.clock)
            let page = try requireOK(await collaboration.meetingPage(meetingID: meetingID, by: f.origin(s.caseOfficer)))
            #expect(page.record == nil && page.childName == "Saga Ek" && page.meeting.context == context)
            try requireDenied(await collaboration.meetingPage(meetingID: meetingID, by: f.origin(f.teacherB)))

            // Minutes of a meeting outside a case: actions without a case, on the responsible person's work list.
            var minutes = MinutesInput()
            minutes.chair = f.teacherA.displayName
            minutes.secretary = s.caseOfficer.displayName
            minutes.attendance = ["present", "present", "present"]
            minutes.childViewMissingReason = "Barnet deltog inte."
            minutes.actions = [ActionInput(what: "Skolan följer upp närvaron", responsibleStaffID: f.teacherA.staffID, responsibleName: f.teacherA.displayName, dueOn: f.today.adding(days: 7).iso)]
            minutes.noNextMeetingReason = "Socialtjänsten återkommer efter förhandsbedömningen."
            try requireOK(await collaboration.closeMinutes(meetingID: meetingID, minutes, by: f.origin(f.teacherA)))
            let work = try await f.workLists.workList(by: f.origin(f.teacherA)).items
            #expect(work.contains { $0.subject == .meetingAction(meetingID: meetingID, caseID: nil, what: "Skolan följer upp närvaron") })
        }
    }

    @Test("an acute report books no joint report meeting: the guardians must not be told")
    func acuteReportBlocksTheMeeting() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            var input = Fixture.staffReport()
            input.acuteGrounds = [AcuteGround.allCases[0]]
            let reportID = try await f.fileReport(child: child, input)
            let service = MeetingContextService(store: store, clock: f.clock)
            let refused = try requireInvalid(await service.book(MeetingContext(.report, reportID), typeKey: MeetingType.jointReportMeeting.key,
                                                                Self.reportMeeting(f, s, on: f.today), by: f.origin(f.teacherA)))
            #expect(refused["type"] == GuardianNoticeRules.refusal)
            #expect(try await f.count("meetings") == 0)
        }
    }

    @Test("the case officer books the joint BBIC meeting from the investigation, under a consent for the child; the school cannot book it")
    func bbicMeeting() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let (_, investigationID) = try await f.openInvestigation(child: child, s)
            let service = MeetingContextService(store: store, clock: f.clock)
            let context = MeetingContext(.investigation, investigationID)
            var input = Self.reportMeeting(f, s, on: f.today)
            input.participants[1] = Participant(name: s.principalA.displayName, roles: [.principal], staffID: s.principalA.staffID, unitID: f.schoolA)
            try requireDenied(await service.book(context, typeKey: MeetingType.bbicMeeting.key, input, by: f.origin(s.principalA)))
            let refused = try requireInvalid(await service.book(context, typeKey: MeetingType.bbicMeeting.key, input, by: f.origin(s.caseOfficer)))
            #expect(refused["consent"]?.contains("Det finns inget samtycke") == true)
            #expect(try await f.count("meetings") == 0)
        }
    }
}
