import Foundation
import HTTPTypes
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

@Suite("Web")
struct WebTests {
    @Test("security headers on every response; health and metrics answer")
    func headers() async throws {
        try await WebHarness.run { _, client in
            let browser = Browser(client)
            for uri in ["/logga-in", "/healthz", "/finns-inte"] {
                let page = try await browser.get(uri)
                #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(page.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
                #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(page.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
            #expect(try await browser.get("/healthz").body == "ok\n")
            #expect(try await browser.get("/metrics").status == .ok)
        }
    }

    @Test("sign-in sets a HttpOnly SameSite=Strict cookie and shows the person")
    func signIn() async throws {
        try await WebHarness.run { h, client in
            let browser = Browser(client)
            let form = try await browser.get("/logga-in")
            let response = try await client.execute(uri: "/logga-in", method: .post, headers: [
                .contentType: "application/x-www-form-urlencoded", .cookie: "samverka_csrf=\(browser.cookies["samverka_csrf"]!)",
            ], body: .init(string: "_csrf=\(form.csrf!)&username=mentor.ekbacken&password=samverka-demo"))
            #expect(response.status == .seeOther)
            let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("samverka_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            try await browser.signIn("mentor.ekbacken")
            let home = try await browser.get("/")
            #expect(home.body.contains("Maja Mentorsson"))
            #expect(try await h.auditRows(.init(action: .signIn)).count == 2)
        }
    }

    @Test("a form without or with a wrong CSRF token is refused and logged")
    func csrf() async throws {
        try await WebHarness.run { h, client in
            let browser = Browser(client)
            _ = try await browser.get("/logga-in")
            #expect(try await browser.post("/logga-in", ["username": "mentor.ekbacken", "password": "samverka-demo"]).status == .forbidden)
            #expect(try await browser.post("/logga-in", ["_csrf": "fel", "username": "mentor.ekbacken", "password": "samverka-demo"]).status == .forbidden)
            try await browser.signIn("mentor.ekbacken")
            let refused = try await browser.post("/barn/ny", ["_csrf": "gammal", "identity_number": "20150312-9825", "given_name": "A", "family_name": "B"])
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("Åtgärden nekades"))
            let reasons = try await h.auditRows(.init(action: .accessDenied)).map(\.reason)
            #expect(reasons.filter { $0 == "CSRF-token saknas" }.count == 1)
            #expect(reasons.filter { $0 == "CSRF-token stämmer inte" }.count == 2)
            #expect(try await h.count("sessions") == 1, "no session was created by the refused sign-ins")
        }
    }

    @Test("wrong password shows the error; the form keeps the username")
    func wrongPassword() async throws {
        try await WebHarness.run { h, client in
            let page = try await Browser(client).signIn("mentor.ekbacken", "fel-lösenord")
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("error-summary") && page.body.contains("Fel användarnamn eller lösenord."))
            #expect(page.body.contains("value=\"mentor.ekbacken\""))
            #expect(try await h.auditRows(.init(action: .signInFailed)).count == 1)
        }
    }

    @Test("a failed validation shows messages by the fields, keeps what was typed, and writes nothing")
    func validation() async throws {
        try await WebHarness.run { h, client in
            let browser = Browser(client)
            try await browser.signIn("mentor.ekbacken")
            let before = (try await h.count("children"), try await h.count("audit_log"))
            let page = try await browser.post("/barn/ny", ["_csrf": try await browser.csrf(), "identity_number": "20150312-9826", "given_name": "", "family_name": "Lindqvist-Åberg", "grade": "3B"])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("<p class=\"field-error\" id=\"identity_number-error\">Kontrollsiffran stämmer inte. Kontrollera numret.</p>"))
            #expect(page.body.contains("id=\"given_name-error\""))
            #expect(page.body.contains("value=\"20150312-9826\"") && page.body.contains("value=\"Lindqvist-Åberg\"") && page.body.contains("value=\"3B\""))
            #expect(try await h.count("children") == before.0)
            // Only the page view before the post (the CSRF fetch) may have added audit rows; the post added none.
            let after = try await h.count("audit_log")
            let registered = try await h.auditRows(.init(action: .create))
            #expect(registered.isEmpty && after >= before.1)
        }
    }

    @Test("register, find by search, open; another school's staff get a plain 404, logged")
    func registerAndFind() async throws {
        try await WebHarness.run { h, client in
            let mentor = Browser(client)
            try await mentor.signIn("mentor.ekbacken")
            let units = try await mentor.get("/barn/ny")
            let unitID = units.firstOptionID!
            let created = try await mentor.post("/barn/ny", ["_csrf": units.csrf!, "identity_number": "150312-9825", "given_name": "Test", "family_name": "Webbsson", "unit_id": String(unitID)])
            #expect(created.status == .seeOther)
            let location = created.location!
            #expect(try await mentor.get(location).body.contains("<h1>Test Webbsson</h1>"))
            #expect(try await mentor.get("/sok?q=webbs").body.contains("href=\"\(location.split(separator: "?")[0])\""))
            let other = Browser(client)
            try await other.signIn("mentor.strand")
            let refused = try await other.get(String(location.split(separator: "?")[0]))
            #expect(refused.status == .notFound)
            #expect(refused.body.contains("Sidan finns inte") && !refused.body.contains("Webbsson"))
            #expect(refused.body.contains("Mira Mentorsdotter"), "the error page keeps the signed-in header")
            #expect(!(try await other.get("/sok?q=webbsson").body.contains("Webbsson")))
            let strand = try await h.staffID("mentor.strand")
            #expect(try await h.auditRows(.init(staffID: strand, action: .accessDenied)).count == 1)
        }
    }

    @Test("the log reviewer sees the audit log; others are refused")
    func logReview() async throws {
        try await WebHarness.run { h, client in
            let mentor = Browser(client)
            try await mentor.signIn("mentor.ekbacken")
            #expect(try await mentor.get("/logg").status == .forbidden)
            let reviewer = Browser(client)
            try await reviewer.signIn("loggranskare")
            let mentorID = try await h.staffID("mentor.ekbacken")
            let page = try await reviewer.get("/logg?staff_id=\(mentorID)&action=sign-in")
            #expect(page.status == .ok)
            #expect(page.body.contains("Maja Mentorsson") && page.body.contains("Inloggning"))
            #expect(try await reviewer.get("/barn").status == .forbidden)
            #expect(try await reviewer.get("/logg?from=2026-13-01").body.contains("id=\"from-error\""))
        }
    }

    @Test("an idle session ends: the person is sent to sign in again")
    func idleSession() async throws {
        try await WebHarness.run { h, client in
            let browser = Browser(client)
            try await browser.signIn("mentor.ekbacken")
            h.clock.advance(by: SessionRules().idleTimeout + 60)
            let page = try await browser.get("/barn")
            #expect(page.status == .seeOther && page.location == "/logga-in?utgangen=1")
            #expect(try await h.auditRows(.init(action: .accessDenied)).contains { $0.reason == "Sessionen har gått ut" })
        }
    }

    @Test("the administrator manages units and staff but cannot open children")
    func administrator() async throws {
        try await WebHarness.run { h, client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            #expect(try await admin.get("/barn").status == .forbidden)
            let overview = try await admin.get("/admin")
            #expect(overview.body.contains("Ekbackens skola"))
            let bad = try await admin.post("/admin/personal", ["_csrf": overview.csrf!, "username": "Ny Person", "display_name": "Ny", "password": "kort"])
            #expect(bad.status == .unprocessableContent && bad.body.contains("field-error"))
            let made = try await admin.post("/admin/personal", ["_csrf": overview.csrf!, "username": "ny.person", "display_name": "Ny Person", "password": "ett-langt-losenord"])
            #expect(made.status == .seeOther)
            let mentor = Browser(client)
            try await mentor.signIn("mentor.ekbacken")
            #expect(try await mentor.get("/admin").status == .forbidden)
            #expect(try await h.auditRows(.init(action: .create)).contains { $0.recordType == "staff" })
        }
    }

    @Test("Bcrypt hashes with cost 12 and verifies")
    func bcrypt() async throws {
        let hasher = BcryptHasher(cost: 4)
        let hash = try await hasher.hash("ett långt lösenord")
        #expect(hash.hasPrefix("$2b$12$"), "cost is never below 12")
        #expect(try await hasher.verify("ett långt lösenord", against: hash))
        #expect(try await !hasher.verify("fel", against: hash))
    }
}
