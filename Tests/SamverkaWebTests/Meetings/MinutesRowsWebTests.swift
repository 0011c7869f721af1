import Foundation
import HTTPTypes
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

@Suite("Web: minutes take any number of actions and decisions, without JavaScript")
struct MinutesRowsWebTests {
    /// A joint report meeting (no consent needed) booked today in the Ekbacken case.
    static func bookedMeeting(_ h: WebHarness) async throws -> RecordID {
        let caseID = try await h.openEkbackenCase()
        let rektorID = try await h.staffID("rektor.ekbacken")
        let officerID = try await h.staffID("utredare")
        return try await h.store.withConnection { db -> RecordID in
            let actor = try #require(try await OrganisationQueries.actor(staffID: rektorID, db))
            var input = MeetingBookingInput()
            input.date = Stockholm.date(of: h.clock.now()).iso
            input.startTime = "08:00"
            input.endTime = "09:00"
            input.place = "Ekbackens skola"
            input.participants = [Participant(name: "Vårdnadshavare Ett", roles: [.guardian]),
                                  Participant(name: "Rut Rektorsdotter", roles: [.principal, .processOwner], staffID: rektorID),
                                  Participant(name: "Ulf Utredarsson", roles: [.caseOfficer], staffID: officerID)]
            guard case .ok(let (id, _)) = try await CollaborationService(store: h.store, clock: h.clock)
                .bookMeeting(caseID: caseID, typeKey: MeetingType.jointReportMeeting.key, input, by: RequestOrigin(actor: actor, clientAddress: nil)) else { throw StoreError.notFound }
            return id
        }
    }

    @Test("'Lägg till en rad' re-shows the form with what was typed and one more row; six actions and five decisions are saved and shown")
    func sixActionsFiveDecisions() async throws {
        try await WebHarness.run { h, client in
            let meetingID = try await Self.bookedMeeting(h)
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            let page = try await rektor.get("/moten/\(meetingID)")
            #expect(page.body.contains("name=\"action_4_what\"") && !page.body.contains("name=\"action_5_what\""))
            let token = try #require(page.csrf)
            let due = Stockholm.date(of: h.clock.now()).adding(days: 7).iso
            var form = ["_csrf": token, "chair": "Rut Rektorsdotter", "secretary": "Ulf Utredarsson", "agenda_1": "Skolan berättade om sin oro.",
                        "child_view": "Barnet vill att skolan och socialtjänsten pratar med mamma.",
                        "no_next_meeting_reason": "Socialtjänsten återkommer efter förhandsbedömningen."]
            for n in 1...3 { form["attendance_\(n)"] = "present" }
            for n in 1...4 { form["action_\(n)_what"] = "Åtgärd nummer \(n)"; form["action_\(n)_responsible"] = "1"; form["action_\(n)_due_on"] = due }
            for n in 1...3 { form["decision_\(n)"] = "Beslut nummer \(n)" }

            // Two more action rows and two more decision rows, one click each; nothing saved yet.
            form["action"] = "add-action"
            var shown = try await rektor.post("/moten/\(meetingID)/anteckningar", form)
            #expect(shown.status == .ok)
            #expect(shown.body.contains("name=\"action_5_what\"") && !shown.body.contains("name=\"action_6_what\""))
            #expect(shown.body.contains("value=\"Åtgärd nummer 4\"") && shown.body.contains("Barnet vill att skolan och socialtjänsten pratar med mamma."))
            form["action_5_what"] = "Åtgärd nummer 5"; form["action_5_responsible"] = "2"; form["action_5_due_on"] = due
            shown = try await rektor.post("/moten/\(meetingID)/anteckningar", form)
            #expect(shown.body.contains("value=\"Åtgärd nummer 5\"") && shown.body.contains("name=\"action_6_what\""))
            form["action_6_what"] = "Åtgärd nummer 6"; form["action_6_responsible"] = "2"; form["action_6_due_on"] = due
            form["action"] = "add-decision"
            shown = try await rektor.post("/moten/\(meetingID)/anteckningar", form)
            #expect(shown.body.contains("name=\"decision_4\"") && shown.body.contains("value=\"Åtgärd nummer 6\""))
            form["decision_4"] = "Beslut nummer 4"
            shown = try await rektor.post("/moten/\(meetingID)/anteckningar", form)
            #expect(shown.body.contains("name=\"decision_5\"") && shown.body.contains("value=\"Beslut nummer 4\""))
            form["decision_5"] = "Beslut nummer 5"
            #expect(try await h.count("meeting_actions") == 0)

            form["action"] = nil
            let saved = try await rektor.post("/moten/\(meetingID)/anteckningar", form)
            #expect(saved.status == .seeOther)
            let after = try await rektor.get("/moten/\(meetingID)")
            for n in 1...6 { #expect(after.body.contains("Åtgärd nummer \(n) – ansvarig")) }
            for n in 1...5 { #expect(after.body.contains("<li>Beslut nummer \(n)</li>")) }
            #expect(try await h.count("meeting_actions") == 6)
        }
    }

    @Test("a bad seventh row is refused next to its field and every row typed comes back")
    func badRowKeepsEverything() async throws {
        try await WebHarness.run { h, client in
            let meetingID = try await Self.bookedMeeting(h)
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            let token = try #require(try await rektor.get("/moten/\(meetingID)").csrf)
            let due = Stockholm.date(of: h.clock.now()).adding(days: 7).iso
            var form = ["_csrf": token, "chair": "Rut", "secretary": "Ulf", "child_view": "Barnets syn", "no_next_meeting_reason": "Inget behov", "action_rows": "7"]
            for n in 1...3 { form["attendance_\(n)"] = "present" }
            for n in 1...6 { form["action_\(n)_what"] = "Åtgärd nummer \(n)"; form["action_\(n)_responsible"] = "1"; form["action_\(n)_due_on"] = due }
            form["action_7_what"] = "Åtgärd utan ansvarig"
            form["action_7_due_on"] = due
            let refused = try await rektor.post("/moten/\(meetingID)/anteckningar", form)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("id=\"action_7_responsible-error\""))
            for n in 1...6 { #expect(refused.body.contains("value=\"Åtgärd nummer \(n)\"")) }
            #expect(try await h.count("meeting_actions") == 0)
        }
    }
}
