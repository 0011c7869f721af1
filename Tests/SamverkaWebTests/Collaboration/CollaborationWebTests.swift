import Foundation
import HTTPTypes
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

@Suite("Web: collaboration case, booking under consent, minutes, invitation and minutes out")
struct CollaborationWebTests {
    static func id(after prefix: String, in body: String) -> String? {
        body.range(of: prefix).map { String(body[$0.upperBound...].prefix { $0.isNumber }) }
    }

    @Test("a rektor opens a case, is refused booking without consent, books after consent, writes minutes with two actions and the child's voice, books the next meeting, and downloads invitation and minutes")
    func fullFlow() async throws {
        try await WebHarness.run { h, client in
            let (child, guardians, school) = try await ConsentWebTests.pupilUnderInvestigation(h)
            let rektorID = try await h.staffID("rektor.ekbacken")
            let therapistID = try await h.staffID("familjebehandlare")
            let therapistUnit = try await h.store.withConnection { db in
                try #require(try await db.raw("SELECT id FROM units WHERE name = 'IFO Familjebehandling'").first()).decode(column: "id", as: Int64.self)
            }
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            let form = try await rektor.get("/barn/\(child)/samverkan/nytt")
            #expect(form.status == .ok)
            let token = try #require(form.csrf)
            let bad = try await rektor.post("/barn/\(child)/samverkan/nytt", ["_csrf": token, "reason": "", "known_on": "2026-11-18"])
            #expect(bad.status == .unprocessableContent && bad.body.contains("Skriv varför samverkan behövs."))
            let opened = try await rektor.post("/barn/\(child)/samverkan/nytt", ["_csrf": token, "reason": "Hög frånvaro", "known_on": "2026-11-18"])
            #expect(opened.status == .seeOther)
            let caseID = try #require(opened.location.flatMap { Self.id(after: "/samverkan/", in: $0) })
            let casePage = try await rektor.get("/samverkan/\(caseID)")
            #expect(casePage.body.contains("Första samverkansmötet: senast 2026-12-02"))

            // Booking without consent: refused, with the reason by the form, what was typed kept.
            let booking = try await rektor.get("/samverkan/\(caseID)/moten/nytt")
            #expect(booking.status == .ok)
            var fields = ["_csrf": token, "type": "samverkansmote", "date": "2026-11-18", "start_time": "08:00", "end_time": "09:00",
                          "place": "Ekbackens skola", "staff_\(rektorID)": "1", "staff_\(therapistID)": "1"]
            for index in 0...guardians.count { fields["family_\(index)"] = "1" }  // the guardians and the child
            let refused = try await rektor.post("/samverkan/\(caseID)/moten/nytt", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Det finns inget samtycke. Innan ett möte bokas måste vårdnadshavarna lämna sitt samtycke."))
            #expect(refused.body.contains("value=\"Ekbackens skola\""))

            var consent = ["_csrf": token, "giver_kind": "guardians", "unit_\(school)": "1", "unit_\(therapistUnit)": "1", "category_school-situation": "1",
                           "purpose_kind": "collaboration-case", "purpose": "Samverkansärende om närvaron", "valid_from": "2026-11-18",
                           "valid_to": "2027-05-31", "method": "oral", "witness": "Kim Kurator", "child_view": "Vill att skolan och familjebehandlingen pratar"]
            for g in guardians { consent["guardian_\(g)"] = "1" }
            #expect(try await rektor.postMultipart("/barn/\(child)/samtycken/nytt", consent, files: []).status == .seeOther)
            let booked = try await rektor.post("/samverkan/\(caseID)/moten/nytt", fields)
            #expect(booked.status == .seeOther)
            let meetingID = try #require(booked.location.flatMap { Self.id(after: "/moten/", in: $0) })

            let meeting = try await rektor.get("/moten/\(meetingID)")
            // Booked for a case known since today: not late, nothing to keep in mind.
            #expect(!meeting.body.contains("Att tänka på"))
            #expect(meeting.body.contains("Sekreterare utses") && meeting.body.contains("Tid för nytt samverkansmöte"))
            // The responsible person is chosen among the participants, by position.
            func position(_ name: String) throws -> String {
                let range = try #require(meeting.body.range(of: "\">\(name)</option>"))
                let before = meeting.body[..<range.lowerBound]
                return String(before[before.index(after: try #require(before.lastIndex(of: "\"")))...])
            }
            let therapistName = try await h.store.withConnection { db in
                try #require(try await db.raw("SELECT display_name FROM staff WHERE id = \(bind: therapistID)").first()).decode(column: "display_name", as: String.self)
            }
            let rektorName = try await h.store.withConnection { db in
                try #require(try await db.raw("SELECT display_name FROM staff WHERE id = \(bind: rektorID)").first()).decode(column: "display_name", as: String.self)
            }
            var minutes = ["_csrf": token, "chair": "Rektor", "secretary": "Familjebehandlare", "agenda_1": "Familjebehandlaren",
                           "child_view": "Barnet vill ha lugnare raster.", "action_1_what": "Närvaroplan", "action_1_responsible": try position(rektorName),
                           "action_1_due_on": "2026-11-30", "action_2_what": "Föräldrasamtal", "action_2_responsible": "", "action_2_due_on": "2026-12-01",
                           "decision_1": "Familjen erbjuds föräldrastöd", "next_meeting_date": "", "next_meeting_start": ""]
            for n in 1...(guardians.count + 3) { minutes["attendance_\(n)"] = "present" }
            let incomplete = try await rektor.post("/moten/\(meetingID)/anteckningar", minutes)
            #expect(incomplete.status == .unprocessableContent)
            #expect(incomplete.body.contains("Ange vem som ansvarar för åtgärden."))
            #expect(incomplete.body.contains("Boka nästa möte innan mötet avslutas"))
            #expect(incomplete.body.contains("Barnet vill ha lugnare raster."))
            minutes["action_2_responsible"] = try position(therapistName)
            minutes["next_meeting_date"] = "2026-12-01"
            minutes["next_meeting_start"] = "13:00"
            let closed = try await rektor.post("/moten/\(meetingID)/anteckningar", minutes)
            #expect(closed.status == .seeOther)
            let after = try await rektor.get("/moten/\(meetingID)")
            #expect(after.body.contains("Närvaroplan") && after.body.contains("Barnet vill ha lugnare raster."))
            // The decisions under a heading of their own, not under the child's voice.
            let decisions = try #require(after.body.range(of: "<h3>Beslut</h3>"))
            let voice = try #require(after.body.range(of: "<h3>Barnets röst</h3>"))
            #expect(voice.upperBound < decisions.lowerBound)
            #expect(after.body[decisions.upperBound...].prefix(200).contains("Familjen erbjuds föräldrastöd"))
            let nextID = try #require(Self.id(after: "Nästa möte</dt><dd><a href=\"/moten/", in: after.body))
            #expect(nextID != meetingID)

            let ics = try await rektor.get("/moten/\(nextID)/kallelse/0.ics")
            #expect(ics.status == .ok && ics.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(ics.body.contains("DTSTART;TZID=Europe/Stockholm:20261201T130000"))
            let letter = try await rektor.get("/moten/\(nextID)/kallelse/0.pdf")
            #expect(letter.status == .ok && letter.body.hasPrefix("%PDF-1."))
            // Printed in the bundled fonts, embedded, so every name prints.
            #expect(letter.body.contains("+DejaVuSans /Encoding /Identity-H") && letter.body.contains("/FontFile2 "))
            let pdf = try await rektor.get("/moten/\(meetingID)/anteckningar.pdf")
            #expect(pdf.status == .ok && pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.body.contains("+DejaVuSans-Bold /Encoding /Identity-H"))
            #expect(try await rektor.post("/moten/\(meetingID)/skickat", ["_csrf": token, "recipient": "Vårdnadshavare", "channel": "post"]).status == .seeOther)

            // The therapist has their action on the work list; another school's teacher sees nothing.
            let therapist = Browser(client)
            try await therapist.signIn("familjebehandlare")
            #expect(try await therapist.get("/arbetslista").body.contains("Åtgärd: Föräldrasamtal"))
            let stranger = Browser(client)
            try await stranger.signIn("mentor.strand")
            #expect(try await stranger.get("/samverkan/\(caseID)").status == .notFound)
            #expect(try await stranger.get("/moten/\(meetingID)/anteckningar.pdf").status == .notFound)
        }
    }
}

@Suite("Web: meeting types as data")
struct MeetingTypesWebTests {
    @Test("an administrator changes a shipped agenda and adds a type without code; bad input is refused next to the field; others cannot")
    func editTypes() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            #expect(try await teacher.get("/admin/motestyper").status == .forbidden)

            let admin = Browser(client)
            try await admin.signIn("admin")
            let list = try await admin.get("/admin/motestyper")
            #expect(list.status == .ok && list.body.contains("Samverkansmöte") && list.body.contains("SIP-möte"))
            let edit = try await admin.get("/admin/motestyper/samverkansmote")
            #expect(edit.body.contains("Sekreterare utses\nPresentation av deltagarna"))
            let token = try #require(edit.csrf)
            let empty = try await admin.post("/admin/motestyper/samverkansmote", ["_csrf": token, "name": "Samverkansmöte", "purpose": "Syfte", "agenda": "  ", "child_attendance": "invited", "invite_guardian": "1"])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.body.contains("id=\"agenda-error\""))
            let saved = try await admin.post("/admin/motestyper/samverkansmote", [
                "_csrf": token, "name": "Samverkansmöte", "purpose": "Gemensamt möte", "agenda": "Sekreterare utses\nVår egen punkt\nTid för nytt samverkansmöte",
                "child_attendance": "invited", "invite_guardian": "1", "invite_child": "1", "invite_school": "1", "invite_family-therapist": "1",
                "chair_role": "process-owner", "requires_consent": "1", "purpose_collaboration-case": "1"])
            #expect(saved.status == .seeOther)
            let types = try await h.store.withConnection { db in try await CollaborationQueries.meetingTypes(db) }
            #expect(types.first { $0.key == "samverkansmote" }?.agenda == ["Sekreterare utses", "Vår egen punkt", "Tid för nytt samverkansmöte"])
            #expect(types.count == MeetingType.shipped.count)

            let added = try await admin.post("/admin/motestyper/ny", [
                "_csrf": token, "key": "elevhalsomote", "name": "Elevhälsomöte med socialtjänsten", "purpose": "Samråd", "agenda": "Inledning\nFrågor",
                "child_attendance": "optional", "invite_school": "1", "requires_consent": "1"])
            #expect(added.status == .seeOther)
            let again = try await admin.post("/admin/motestyper/ny", ["_csrf": token, "key": "elevhalsomote", "name": "Dubblett", "purpose": "x", "agenda": "A", "child_attendance": "optional"])
            #expect(again.status == .unprocessableContent && again.body.contains("id=\"key-error\""))
            #expect(try await admin.get("/admin/motestyper").body.contains("Elevhälsomöte med socialtjänsten"))
        }
    }
}
