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

    @Test("an outside party typed on the booking form can be given an assignment: shown in the selects once the form is re-shown, and booked as secretary")
    func outsidePartyHoldsAnAssignment() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            let child = try await ReportWebTests.firstChild(teacher)
            _ = try await EverydayWebTests.send(teacher, child: child)
            let mine = try await teacher.get("/anmalningar")
            let report = try ReportWebTests.reportID(from: mine.body)
            let teacherID = try await h.staffID("mentor.ekbacken")
            let officerID = try await h.staffID("utredare")
            let form = try await teacher.get("/anmalningar/\(report)/moten/nytt")
            #expect(form.status == .ok)
            let csrf = try #require(form.csrf)
            var values = ["_csrf": csrf, "type": MeetingType.jointReportMeeting.key, "date": "2026-12-03", "start_time": "08:00", "end_time": "09:00",
                          "place": "Ekbackens skola", "staff_\(teacherID)": "1", "staff_\(officerID)": "1", "family_0": "1", "others": "Anna Berg, BUP Region Jämtland", "action": "search"]
            let reshown = try await teacher.post("/anmalningar/\(report)/moten/nytt", values)
            #expect(reshown.status == .ok)
            #expect(reshown.body.contains("<option value=\"other_1\">Anna Berg, BUP Region Jämtland</option>"), "the outside party is offered for each assignment")
            #expect(try await h.count("meetings") == 0, "re-showing books nothing")
            values["action"] = nil
            values["assign_secretary"] = "other_1"
            values["assign_convener"] = "staff_\(teacherID)"
            let booked = try await teacher.post("/anmalningar/\(report)/moten/nytt", values)
            #expect(booked.status == .seeOther, "refused: \(booked.body.components(separatedBy: "field-error").dropFirst().map { $0.prefix(160) })")
            let meeting = try await teacher.get(try #require(booked.location))
            #expect(meeting.body.contains("<tr><td>Anna Berg</td><td>Region</td><td>Sekreterare</td>") || meeting.body.range(of: #"<tr><td>Anna Berg</td><td>[^<]*</td><td>Sekreterare</td>"#, options: .regularExpression) != nil,
                    "the outside party is the meeting's secretary")
        }
    }
}
