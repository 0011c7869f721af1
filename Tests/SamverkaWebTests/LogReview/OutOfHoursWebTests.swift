import Foundation
import HTTPTypes
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

@Suite("Web: the log review's out-of-hours flag")
struct OutOfHoursWebTests {
    @Test("an evening's reading of two children is one flag for the person's day, linking to that day's log")
    func oneFlagPerDay() async throws {
        try await WebHarness.run { h, client in
            let pupils = try await h.store.withConnection { db in
                try await db.raw("""
                    SELECT c.id FROM children c JOIN units u ON u.id = c.enrolment_unit_id
                    WHERE u.name = 'Ekbackens skola' AND c.protected_identity = 0 ORDER BY c.id LIMIT 2
                    """).all().map { try $0.decode(column: "id", as: Int64.self) }
            }
            try #require(pupils.count == 2)
            // 21:30 in Stockholm on a Wednesday: outside working hours.
            h.clock.set(Stockholm.calendar.date(from: DateComponents(year: 2026, month: 11, day: 18, hour: 21, minute: 30))!)
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            for pupil in pupils { #expect(try await teacher.get("/barn/\(pupil)").status == .ok) }

            let reviewer = Browser(client)
            try await reviewer.signIn("loggranskare")
            let token = try #require(try await reviewer.get("/loggkontroll").csrf)
            #expect(try await reviewer.post("/loggkontroll/kontroll", ["_csrf": token]).status == .seeOther)
            #expect(try await h.jobs.runDue() >= 1)

            let teacherID = try await h.staffID("mentor.ekbacken")
            let flags = try await h.store.withConnection { db in
                try await db.raw("SELECT child_id, detail FROM review_flags WHERE kind = 'out-of-hours' AND staff_id = \(bind: teacherID)").all()
            }
            #expect(flags.count == 1)
            #expect(try flags.first?.decode(column: "child_id", as: Int64.self) == pupils[0])
            let page = try await reviewer.get("/loggkontroll")
            let link = "/logg?staff_id=\(teacherID)&amp;from=2026-11-18&amp;to=2026-11-18"
            #expect(page.body.contains("<a href=\"\(link)\">Visa dagens åtkomster</a>"))
            #expect(page.body.contains("Första åtkomsten utanför arbetstid den dagen: 2026-11-18 21:30"))
            // The link shows the teacher's whole day: both children read.
            let log = try await reviewer.get(link.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(log.status == .ok)
            let names = try await h.store.withConnection { db in
                try await db.raw("SELECT given_name FROM children WHERE id IN (\(binds: pupils))").all().map { try $0.decode(column: "given_name", as: String.self) }
            }
            for name in names { #expect(log.body.contains(name)) }
        }
    }
}
