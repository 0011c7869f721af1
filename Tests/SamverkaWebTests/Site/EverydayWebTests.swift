import Foundation
import HTTPTypes
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

/// The everyday defects a user met (issue 15), each replayed through the web.
@Suite("Web: everyday defects")
struct EverydayWebTests {
    static func send(_ teacher: Browser, child: String, _ extra: [String: String] = [:]) async throws -> Browser.Page {
        let page = try await teacher.get("/barn/\(child)/anmalan")
        let csrf = try #require(page.csrf, "report form for child \(child): \(page.status)")
        var form = ["_csrf": csrf, "observations": "Blåmärken på armarna", "since": "Sedan hösten", "reporter_contact": "070-111 22 33", "guardians_informed": "informed"]
        for (key, value) in extra { form[key] = value }
        return try await teacher.post("/barn/\(child)/anmalan", form)
    }

    @Test("asking for feedback says by when social services answers; the receipt says what an acute report recorded and that one may ask after two weeks")
    func feedbackAndReceipt() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            let child = try await ReportWebTests.firstChild(teacher)
            // The form says, by the guardian and meeting choices, that an acute ground overrides them.
            let form = try await teacher.get("/barn/\(child)/anmalan").body
            #expect(form.contains("Har du kryssat i akut oro ovan registreras att vårdnadshavarna <strong>inte ska informeras</strong>"))
            let sent = try await Self.send(teacher, child: child, ["acute_physical-abuse": "1", "joint_meeting": "1"])
            let receipt = try await teacher.get(try #require(sent.location))
            #expect(receipt.body.contains("det är registrerat att vårdnadshavarna inte ska informeras och att inget gemensamt anmälningsmöte hålls"))
            #expect(receipt.body.contains("fråga gärna efter två veckor"))
            let report = try ReportWebTests.reportID(from: receipt.body)
            let asked = try await teacher.post("/anmalningar/\(report)/begar-aterkoppling", ["_csrf": try await teacher.csrf()])
            let page = try await teacher.get(try #require(asked.location))
            // The request clock starts now: one week (the decision is not made yet).
            #expect(page.body.contains("Socialtjänsten svarar senast 2026-11-25."))
            #expect(!page.body.contains("senast ."))
        }
    }

    @Test("the protection assessment's Ja/Nej stays chosen after a refusal")
    func protectionChoiceKept() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            _ = try await Self.send(teacher, child: try await ReportWebTests.firstChild(teacher))
            let intake = Browser(client)
            try await intake.signIn("mottagning")
            let report = try ReportWebTests.reportID(from: try await intake.get("/mottagning").body)
            let token = try await intake.csrf()
            #expect(try await intake.post("/anmalningar/\(report)/steg/bekrafta", ["_csrf": token]).status == .seeOther)
            let refused = try await intake.post("/anmalningar/\(report)/steg/skyddsbedomning", ["_csrf": token, "protection_needed": "no", "decision_date": "2026-11-18", "reasons": ""])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("id=\"protection_no\" name=\"protection_needed\" value=\"no\" checked"))
            #expect(!refused.body.contains("value=\"yes\" checked"))
        }
    }

    @Test("the intake queue puts acute reports first, marked, then the oldest")
    func acuteFirst() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            let list = try await teacher.get("/barn").body
            let children = list.components(separatedBy: "href=\"/barn/").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
            let (older, newer) = (try #require(children.first), try #require(children.dropFirst().first { $0 != children.first }))
            _ = try await Self.send(teacher, child: String(older))
            h.clock.advance(by: 600)
            _ = try await Self.send(teacher, child: String(newer), ["acute_sexual-abuse": "1"])
            let intake = Browser(client)
            try await intake.signIn("mottagning")
            let queue = try await intake.get("/mottagning").body
            let first = try #require(queue.range(of: "href=\"/anmalningar/"))
            let firstCard = String(queue[first.lowerBound...].prefix(600))
            #expect(firstCard.contains("Akut"))
            let ids = queue.components(separatedBy: "href=\"/anmalningar/").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
            let reports = try await h.store.withConnection { db in
                try await db.raw("SELECT id FROM reports ORDER BY received_at").all().map { try $0.decode(column: "id", as: Int64.self) }
            }
            #expect(ids.first.map(Int64.init) == reports.last)
        }
    }

    @Test("a child whose age does not fit the grade is questioned; confirming saves it")
    func gradeQuestioned() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            let form = try await teacher.get("/barn/ny")
            let number = IdentityNumber.make(birthDate: SimpleDate(year: 1920, month: 5, day: 1)!, serial: 983).formatted
            var fields = ["_csrf": form.csrf ?? "", "identity_number": number, "given_name": "Ester", "family_name": "Gammal",
                          "unit_id": String(try #require(form.firstOptionID)), "grade": "3"]
            let asked = try await teacher.post("/barn/ny", fields)
            #expect(asked.status == .unprocessableContent)
            #expect(asked.body.contains("årskurs 3 brukar barn fylla 9") && asked.body.contains("id=\"grade_confirmed\""))
            #expect(asked.body.contains("value=\"Gammal\""))
            fields["grade_confirmed"] = "1"
            #expect(try await teacher.post("/barn/ny", fields).status == .seeOther)
        }
    }
}

@Suite("Web: the accessibility statement")
struct AccessibilityStatementWebTests {
    @Test("the statement is public, says how Samverka meets WCAG 2.1 AA, what does not, and how to report a problem; every page links to it")
    func statement() async throws {
        try await WebHarness.run { h, client in
            let visitor = Browser(client)
            let page = try await visitor.get("/tillganglighet")
            #expect(page.status == .ok)
            for phrase in ["Tillgänglighetsredogörelse", "WCAG", "2.1", "EN 301 549", "Kända brister", "Rapportera brister", "Digg", "Lag (2018:1937)"] {
                #expect(page.body.contains(phrase), "\(phrase)")
            }
            for path in ["/logga-in", "/e-tjanst/anmalan"] {
                #expect(try await visitor.get(path).body.contains("href=\"/tillganglighet\""), "\(path)")
            }
        }
    }
}

@Suite("Web: finding staff to invite")
struct StaffSearchWebTests {
    @Test("the booking form lists the person's colleagues, finds others by name, unit or role, and keeps what was typed")
    func search() async throws {
        try await WebHarness.run { h, client in
            let caseID = try await h.openEkbackenCase()
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            let form = try await rektor.get("/samverkan/\(caseID)/moten/nytt")
            #expect(form.body.contains("Maja Mentorsson"))
            #expect(!form.body.contains("Fatima Familjesdotter") && !form.body.contains("Moa Mottagningsson") && !form.body.contains("Ulf Utredarsson"))
            let found = try await rektor.post("/samverkan/\(caseID)/moten/nytt", ["_csrf": form.csrf ?? "", "action": "search", "staff_search": "familjebehandl",
                                                                                   "place": "Ekbackens skola, rum 3", "date": "2026-11-20"])
            #expect(found.status == .ok)
            #expect(found.body.contains("Fatima Familjesdotter (Familjebehandlare, IFO Familjebehandling)"))
            #expect(!found.body.contains("Ulf Utredarsson"))
            #expect(found.body.contains("value=\"Ekbackens skola, rum 3\"") && found.body.contains("value=\"2026-11-20\""))
            #expect(try await h.count("meetings") == 0)
            let byName = try await rektor.post("/samverkan/\(caseID)/moten/nytt", ["_csrf": form.csrf ?? "", "action": "search", "staff_search": "ulf utred"])
            #expect(byName.body.contains("Ulf Utredarsson"))
        }
    }
}
