import Foundation
import HTTPTypes
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

@Suite("Web: a report's meetings on the report page")
struct ContextMeetingsWebTests {
    @Test("the joint report meeting booked from a report is listed on the handler's report page, with a link to the meeting")
    func reportPageListsItsMeetings() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            let child = try await ReportWebTests.firstChild(teacher)
            _ = try await EverydayWebTests.send(teacher, child: child)
            let intake = Browser(client)
            try await intake.signIn("mottagning")
            let report = try ReportWebTests.reportID(from: try await intake.get("/mottagning").body)
            #expect(!(try await intake.get("/anmalningar/\(report)").body.contains("Möten om anmälan")))

            let teacherID = try await h.staffID("mentor.ekbacken")
            let actor = try #require(try await h.store.withConnection { db in try await OrganisationQueries.actor(staffID: teacherID, db) })
            var input = MeetingBookingInput()
            input.date = "2026-11-25"
            input.startTime = "08:00"
            input.endTime = "09:00"
            input.place = "Ekbackens skola"
            let officerID = try await h.staffID("utredare")
            let officer = try #require(try await h.store.withConnection { db in try await OrganisationQueries.actor(staffID: officerID, db) })
            input.participants = [Participant(name: "Vårdnadshavare", roles: [.guardian]),
                                  Participant(name: actor.displayName, roles: [.teacher], staffID: teacherID, unitID: actor.assignments.first?.unitID),
                                  Participant(name: officer.displayName, roles: [.caseOfficer], staffID: officerID, unitID: officer.assignments.first?.unitID)]
            let service = MeetingContextService(store: h.store, clock: h.clock)
            guard case .ok(let (meetingID, _)) = try await service.book(MeetingContext(.report, RecordID(report)!), typeKey: MeetingType.jointReportMeeting.key, input,
                                                                        by: RequestOrigin(actor: actor, clientAddress: nil)) else {
                Issue.record("the joint report meeting was not booked"); return
            }
            let page = try await intake.get("/anmalningar/\(report)").body
            #expect(page.contains("Möten om anmälan"))
            #expect(page.contains("href=\"/moten/\(meetingID)\">\(MeetingType.jointReportMeeting.name) 2026-11-25 kl. 08:00–09:00</a> – Bokat"))
        }
    }
}
