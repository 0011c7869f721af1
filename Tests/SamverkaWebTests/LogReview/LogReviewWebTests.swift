import Foundation
import HTTPTypes
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

@Suite("Web: the log reviewer's workflow")
struct LogReviewWebTests {
    @Test("an emergency access shows on the reviewer's start page; a verdict needs a note and keeps the choice; the summary downloads as CSV")
    func reviewFlow() async throws {
        try await WebHarness.run { h, client in
            let (child, _, _) = try await ConsentWebTests.pupilUnderInvestigation(h)
            let number = try await h.store.withConnection { db in
                try #require(try await db.raw("SELECT identity_number FROM children WHERE id = \(bind: child)").first()).decode(column: "identity_number", as: String.self)
            }
            let teacher = Browser(client)
            try await teacher.signIn("mentor.strand")
            let csrf = try #require(try await teacher.get("/nodatkomst").csrf)
            #expect(try await teacher.post("/nodatkomst", ["_csrf": csrf, "identity_number": number, "reason": "Barnet har sökt skydd hos oss"]).status == .seeOther)
            // Only the reviewer gets to the review.
            #expect(try await teacher.get("/loggkontroll").status == .forbidden)
            #expect(!(try await teacher.get("/").body.contains("väntar på din granskning")))

            let reviewer = Browser(client)
            try await reviewer.signIn("loggranskare")
            let home = try await reviewer.get("/")
            #expect(home.body.contains("1 flagga väntar på din granskning."))
            let page = try await reviewer.get("/loggkontroll")
            #expect(page.status == .ok)
            #expect(page.body.contains("Nödåtkomst: Barnet har sökt skydd hos oss"))
            let flagID = try #require(page.body.range(of: "action=\"/loggkontroll/flaggor/").map { String(page.body[$0.upperBound...].prefix { $0.isNumber }) })
            let token = try #require(page.csrf)

            let refused = try await reviewer.post("/loggkontroll/flaggor/\(flagID)", ["_csrf": token, "justified": "yes", "note": ""])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Fyll i anteckning."))
            #expect(refused.body.contains("value=\"yes\" checked"))
            let saved = try await reviewer.post("/loggkontroll/flaggor/\(flagID)", ["_csrf": token, "justified": "yes", "note": "Barnet sökte skydd, åtkomsten var nödvändig"])
            #expect(saved.status == .seeOther)
            let after = try await reviewer.get("/loggkontroll")
            #expect(after.body.contains("Inga flaggor väntar på granskning."))
            #expect(after.body.contains("Barnet sökte skydd, åtkomsten var nödvändig"))
            #expect(try await reviewer.get("/").body.contains("0 flaggor väntar på din granskning."))

            // The scan starts in the background: the page says it waits, then how far it came.
            #expect(try await teacher.post("/loggkontroll/kontroll", ["_csrf": csrf]).status == .forbidden)
            #expect(try await reviewer.post("/loggkontroll/kontroll", ["_csrf": token]).status == .seeOther)
            let waiting = try await reviewer.get("/loggkontroll?kontroll=1")
            #expect(waiting.body.contains("Kontrollen har startats."))
            #expect(waiting.body.contains("Kontrollen väntar på att starta."))
            let slow = JobRunner(store: h.store, clock: h.clock, jobs: [LogReviewScanJob(engine: h.store.engine, chunkSize: 10)])
            #expect(try await slow.runDue(maxSteps: 1) == 1)
            let running = try await reviewer.get("/loggkontroll")
            #expect(running.body.contains("Kontrollen pågår: "))
            #expect(running.body.contains("<a href=\"/loggkontroll\">Ladda om sidan</a>"))
            // Another instance cannot take the job while the first one's lease holds.
            let other = JobRunner(store: h.store, clock: h.clock, jobs: [LogReviewScanJob(engine: h.store.engine)])
            #expect(try await other.runDue() == 0)
            h.clock.advance(by: 600)
            #expect(try await h.jobs.runDue() >= 1)
            let done = try await reviewer.get("/loggkontroll")
            #expect(!done.body.contains("Kontrollen pågår"))
            #expect(done.body.contains("Senaste kontrollen blev klar"))
            let started = try await h.auditRows().filter { $0.recordType == "review-scan" }
            #expect(started.contains { $0.reason == "Automatisk loggkontroll begärd" && $0.staffName == "Lars Loggsson" })
            // The job's own writes are attributed to the reviewer who asked for them.
            #expect(started.contains { $0.reason.contains("kontrollen klar") && $0.staffName == "Lars Loggsson" && $0.action == .create })

            let csv = try await reviewer.get("/loggkontroll/sammanstallning?from=2026-11-01&to=2026-11-18")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.contains("2026-11-01–2026-11-18;Nödåtkomst;1;1;1;0;0"))
            #expect(!csv.body.contains(number))
            let badSummary = try await reviewer.get("/loggkontroll/sammanstallning?from=x&to=2026-11-18")
            #expect(badSummary.status == .unprocessableContent)
            #expect(badSummary.body.contains("Skriv datum som ÅÅÅÅ-MM-DD."))
        }
    }
}

@Suite("Web: register extract")
struct RegisterExtractWebTests {
    @Test("the reviewer downloads a child's extract; bad input keeps what was typed; others are refused")
    func download() async throws {
        try await WebHarness.run { h, client in
            let (child, _, _) = try await ConsentWebTests.pupilUnderInvestigation(h)
            let number = try await h.store.withConnection { db in
                try #require(try await db.raw("SELECT identity_number FROM children WHERE id = \(bind: child)").first()).decode(column: "identity_number", as: String.self)
            }
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            #expect(try await teacher.get("/barn/\(child)").status == .ok)
            #expect(try await teacher.get("/registerutdrag").status == .forbidden)
            #expect(try await teacher.post("/registerutdrag", ["_csrf": try await teacher.csrf(), "identity_number": number, "purpose": "x"]).status == .forbidden)

            let reviewer = Browser(client)
            try await reviewer.signIn("loggranskare")
            let form = try await reviewer.get("/registerutdrag")
            #expect(form.status == .ok)
            let token = try #require(form.csrf)
            let bad = try await reviewer.post("/registerutdrag", ["_csrf": token, "identity_number": number, "purpose": ""])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Fyll i ändamål."))
            #expect(bad.body.contains("value=\"\(number)\""))
            let file = try await reviewer.post("/registerutdrag", ["_csrf": token, "identity_number": number, "purpose": "Begäran dnr 2026/17"])
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(file.headers[.contentDisposition]?.contains("registerutdrag-") == true)
            #expect(file.body.hasPrefix("Registerutdrag ur Samverka"))
            #expect(file.body.contains("Ändamål: Begäran dnr 2026/17"))
            #expect(file.body.contains("UTREDNINGAR (1)"))
            #expect(file.body.contains("Medarbetare: ") && file.body.contains("Händelse: Läsning"))
        }
    }
}
