import Foundation
import HTTPTypes
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

@Suite("Web: preparation steps and talks with the child on the meeting page")
struct MeetingPreparationWebTests {
    @Test("a preparation step is marked done with a button and shows who; a talk with a missing field keeps what was typed, then is shown")
    func preparationAndTalk() async throws {
        try await WebHarness.run { h, client in
            let meetingID = try await MinutesRowsWebTests.bookedMeeting(h)
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            let page = try await rektor.get("/moten/\(meetingID)")
            #expect(page.body.contains("Förberedelser inför mötet") && page.body.contains("action=\"/moten/\(meetingID)/forberedelser/1\""))
            let token = try #require(page.csrf)
            let marked = try await rektor.post("/moten/\(meetingID)/forberedelser/1", ["_csrf": token])
            #expect(marked.status == .seeOther)
            let after = try await rektor.get("/moten/\(meetingID)")
            #expect(after.body.contains("av Rut Rektorsdotter.") && !after.body.contains("action=\"/moten/\(meetingID)/forberedelser/1\""))

            let today = Stockholm.date(of: h.clock.now()).iso
            var form = ["_csrf": token, "talk_timing": "before", "talk_by": "Kim Kurator", "talk_on": today, "talk_view": ""]
            let refused = try await rektor.post("/moten/\(meetingID)/samtal", form)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Skriv barnets syn i korthet.") && refused.body.contains("value=\"Kim Kurator\"") && refused.body.contains("id=\"talk_timing_before\" name=\"talk_timing\" value=\"before\" checked"))
            #expect(try await h.count("meeting_child_talks") == 0)
            form["talk_view"] = "Barnet vill ha en lugn plats på rasten."
            let saved = try await rektor.post("/moten/\(meetingID)/samtal", form)
            #expect(saved.status == .seeOther)
            let shown = try await rektor.get("/moten/\(meetingID)")
            #expect(shown.body.contains("Barnet vill ha en lugn plats på rasten.") && shown.body.contains("samtal med Kim Kurator"))
        }
    }
}
