import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Meeting preparation done, talks with the child, and a SIP's SIP-ansvarig assigned at booking")
struct MeetingPreparationServiceTests {
    /// The reporting teacher books the joint report meeting (it has preparation steps) today.
    static func reportMeeting(_ f: Fixture, _ s: ConcernStaff) async throws -> (child: RecordID, meetingID: RecordID) {
        let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
        let reportID = try await f.fileReport(child: child)
        let (meetingID, _) = try requireOK(await MeetingContextService(store: f.store, clock: f.clock).book(
            MeetingContext(.report, reportID), typeKey: MeetingType.jointReportMeeting.key, MeetingContextServiceTests.reportMeeting(f, s, on: f.today), by: f.origin(f.teacherA)))
        return (child, meetingID)
    }

    @Test("a preparation step is marked done once, with who and when, by someone who works in the meeting; audited with the child")
    func preparationDone() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let (child, meetingID) = try await Self.reportMeeting(f, s)
            let service = CollaborationService(store: store, clock: f.clock)
            try requireDenied(await service.markPreparationDone(meetingID: meetingID, step: 1, by: f.origin(f.teacherB)))
            #expect(try await f.count("meeting_preparation_steps") == 0)

            try requireOK(await service.markPreparationDone(meetingID: meetingID, step: 2, by: f.origin(s.caseOfficer)))
            let page = try requireOK(await service.meetingPage(meetingID: meetingID, by: f.origin(f.teacherA)))
            #expect(page.preparationDone.map(\.step) == [2])
            #expect(page.preparationDone.first?.doneBy == StaffRef(id: s.caseOfficer.staffID, name: s.caseOfficer.displayName))
            #expect(page.preparationDone.first?.text == MeetingType.jointReportMeeting.preparation[1])
            #expect(page.preparationDone.first?.doneAt == Date(timeIntervalSince1970: TimeInterval(f.clock.now().epochSeconds)))
            let again = try requireInvalid(await service.markPreparationDone(meetingID: meetingID, step: 2, by: f.origin(f.teacherA)))
            #expect(again["preparation_2"] == "Förberedelsen är redan gjord, av \(s.caseOfficer.displayName).")
            #expect(try requireInvalid(await service.markPreparationDone(meetingID: meetingID, step: 40, by: f.origin(f.teacherA)))["preparation_40"] != nil)
            #expect(try await f.auditRows(type: .meeting).contains {
                $0.action == .update && $0.recordID == String(meetingID) && $0.childID == child && $0.staffID == s.caseOfficer.staffID
            })
        }
    }

    @Test("a talk with the child before the meeting is recorded, shown on the meeting page, audited with the child and in the child's extract")
    func childTalk() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let (child, meetingID) = try await Self.reportMeeting(f, s)
            let service = CollaborationService(store: store, clock: f.clock)
            var input = ChildTalkInput()
            input.timing = ChildTalkTiming.before.rawValue
            input.talkedBy = "Lisa Lind, kurator"
            input.talkedOn = f.todayISO
            let missing = try requireInvalid(await service.recordChildTalk(meetingID: meetingID, input, by: f.origin(f.teacherA)))
            #expect(missing["talk_view"] == "Skriv barnets syn i korthet." && missing.messages.count == 1)
            input.childView = "Saga vill att mamma är med på mötet."
            try requireDenied(await service.recordChildTalk(meetingID: meetingID, input, by: f.origin(f.teacherB)))
            #expect(try await f.count("meeting_child_talks") == 0)

            try requireOK(await service.recordChildTalk(meetingID: meetingID, input, by: f.origin(f.teacherA)))
            let page = try requireOK(await service.meetingPage(meetingID: meetingID, by: f.origin(s.caseOfficer)))
            #expect(page.childTalks.map(\.talk) == [ChildTalk(childID: child, timing: .before, talkedBy: "Lisa Lind, kurator", talkedOn: f.today, childView: "Saga vill att mamma är med på mötet.")])
            #expect(page.childTalks.first?.recordedBy.id == f.teacherA.staffID)
            #expect(try await f.auditRows(type: .meeting).contains { $0.action == .create && $0.childID == child && $0.recordID == String(meetingID) && $0.reason.contains("före mötet") })

            let (_, extract) = try requireOK(await RegisterExtractService(store: store, clock: f.clock).extract(identityNumber: Numbers.make(2015, 3, 12), purpose: "Begäran", by: f.origin(f.logReviewer)))
            #expect(extract.text.contains("SAMTAL MED BARNET KRING MÖTEN (1)"))
            #expect(extract.text.contains("Saga vill att mamma är med på mötet.") && extract.text.contains("Före mötet"))
        }
    }

    @Test("a SIP meeting is not booked in a collaboration case: the SIP has its own consent and page")
    func sipNotInACase() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let x = try await CollaborationServiceTests.setUp(f, s)
            _ = try await CollaborationServiceTests.consent(f, child: x.child, guardian: x.guardian, units: [f.schoolA, s.treatmentUnit], by: s.principalA)
            var input = CollaborationServiceTests.booking(f, s, on: f.today.adding(days: 7))
            input.assignments = [.sipResponsible: CollaborationServiceTests.participants(f, s)[2]]
            let refused = try requireInvalid(await x.service.bookMeeting(caseID: x.caseID, typeKey: MeetingType.sipMeeting.key, input, by: f.origin(s.principalA)))
            #expect(refused["type"]?.contains("Öppna en SIP") == true)
            #expect(try await f.count("meetings") == 0)
            // The same booking as a collaboration meeting goes through.
            input.assignments = [:]
            _ = try requireOK(await x.service.bookMeeting(caseID: x.caseID, typeKey: MeetingType.collaborationMeeting.key, input, by: f.origin(s.principalA)))
        }
    }
}
