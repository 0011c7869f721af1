import Foundation
import HTTPTypes
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

@Suite("Web: reports of concern")
struct ReportWebTests {
    /// The first child of the teacher's own list.
    static func firstChild(_ browser: Browser) async throws -> String {
        let body = try await browser.get("/barn").body
        var rest = body[...]
        while let range = rest.range(of: "href=\"/barn/") {
            let id = String(rest[range.upperBound...].prefix { $0.isNumber })
            if !id.isEmpty { return id }
            rest = rest[range.upperBound...]
        }
        Issue.record("no child in the list")
        return "0"
    }

    static func reportID(from body: String) throws -> String {
        let range = try #require(body.range(of: "href=\"/anmalningar/"))
        return String(body[range.upperBound...].prefix { $0.isNumber })
    }

    @Test("a teacher reports, intake confirms, assesses and decides, the teacher sees only the feedback")
    func fullPath() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            let child = try await Self.firstChild(teacher)
            let form = try await teacher.get("/barn/\(child)/anmalan")
            #expect(form.status == .ok)
            let csrf = try #require(form.csrf)

            // Missing observations: message by the field, typed values kept, nothing saved.
            let invalid = try await teacher.post("/barn/\(child)/anmalan", ["_csrf": csrf, "observations": "", "since": "Sedan hösten", "reporter_contact": "070-111 22 33"])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.body.contains("Beskriv vad du har sett eller hört."))
            #expect(invalid.body.contains("value=\"Sedan hösten\""))
            #expect(try await h.count("reports") == 0)

            let sent = try await teacher.post("/barn/\(child)/anmalan", ["_csrf": csrf, "observations": "Blåmärken på armarna", "since": "Sedan hösten",
                                                                        "reporter_contact": "070-111 22 33", "guardians_informed": "informed"])
            #expect(sent.status == .seeOther)
            #expect(try await h.count("reports") == 1)

            let intake = Browser(client)
            try await intake.signIn("mottagning")
            let queue = try await intake.get("/mottagning")
            let report = try Self.reportID(from: queue.body)
            let token = try await intake.csrf()
            // A decision before receipt is refused, and nothing changes.
            let early = try await intake.post("/anmalningar/\(report)/steg/skyddsbedomning", ["_csrf": token, "protection_needed": "no", "decision_date": "2026-11-18", "reasons": "x"])
            #expect(early.status == .unprocessableContent)
            #expect(early.body.contains("Bekräfta mottagandet av anmälan först."))
            let before = try await intake.get("/anmalningar/\(report)")
            #expect(before.body.contains("Bekräfta mottagandet</button>") && !before.body.contains("Spara skyddsbedömningen"), "only the next step is offered")
            #expect(try await intake.post("/anmalningar/\(report)/steg/bekrafta", ["_csrf": token]).status == .seeOther)
            let received = try await intake.get("/anmalningar/\(report)")
            #expect(!received.body.contains("Bekräfta mottagandet</button>") && received.body.contains("Spara skyddsbedömningen"))
            #expect(!received.body.contains("Spara beslutet"), "no pre-assessment before the protection assessment")
            #expect(try await intake.post("/anmalningar/\(report)/steg/skyddsbedomning", ["_csrf": token, "protection_needed": "no", "decision_date": "2026-11-18", "reasons": "HEMLIG-BEDÖMNING"]).status == .seeOther)
            let page = try await intake.get("/anmalningar/\(report)")
            // The first case officer in the select ("staffID:unitID").
            let officerRange = try #require(page.body.range(of: #"option value="\d+:\d+""#, options: .regularExpression))
            let officer = String(page.body[officerRange].dropFirst("option value=\"".count).dropLast())
            let noReasons = try await intake.post("/anmalningar/\(report)/steg/forhandsbedomning", ["_csrf": token, "outcome": "open", "decision_date": "2026-11-18", "reasons": " ", "case_officer": officer])
            #expect(noReasons.status == .unprocessableContent)
            #expect(noReasons.body.contains("Skriv skälen för beslutet."))
            #expect(try await h.count("investigations") == 0)
            #expect(try await intake.post("/anmalningar/\(report)/steg/forhandsbedomning", ["_csrf": token, "outcome": "open", "decision_date": "2026-11-18",
                                                                                           "reasons": "HEMLIGA-SKÄL", "case_officer": officer]).status == .seeOther)
            #expect(try await h.count("investigations") == 1)

            let mine = try await teacher.get("/anmalningar")
            #expect(mine.body.contains("Mottagen av Moa Mottagningsson"))
            #expect(mine.body.contains("Utredning har inletts."))
            let own = try await teacher.get("/anmalningar/\(report)")
            #expect(own.status == .ok)
            for page in [mine, own] {
                #expect(!page.body.contains("HEMLIG"), "the assessment never reaches the school")
                #expect(!page.body.contains("Ulf Utredarsson"))
            }

            // Another school's teacher: not found, and the refusal is logged.
            let other = Browser(client)
            try await other.signIn("mentor.strand")
            #expect(try await other.get("/anmalningar/\(report)").status == .notFound)
            let denied = try await h.auditRows(.init(staffID: try await h.staffID("mentor.strand"), action: .accessDenied))
            #expect(denied.contains { $0.recordType == "report" && $0.recordID == report })
            // Every read and write above is in the log against the child.
            let childRows = try await h.auditRows(.init(childID: RecordID(child)!))
            #expect(childRows.contains { $0.action == .create && $0.recordType == "report" })
            #expect(childRows.contains { $0.action == .create && $0.recordType == "investigation" })
            #expect(childRows.filter { $0.action == .update && $0.recordType == "report" }.count == 3)
        }
    }

    @Test("an acute report records guardians as not told and asks for no joint meeting, whatever the form said")
    func acute() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            let child = try await Self.firstChild(teacher)
            let csrf = try await teacher.csrf()
            let sent = try await teacher.post("/barn/\(child)/anmalan", ["_csrf": csrf, "observations": "Berättar om slag hemma", "reporter_contact": "070-1",
                                                                        "acute_physical-abuse": "1", "guardians_informed": "informed", "joint_meeting": "1"])
            #expect(sent.status == .seeOther)
            let row = try await h.store.withConnection { db in try await db.raw("SELECT guardian_notice, joint_meeting_requested FROM reports").first() }
            #expect(try row?.decode(column: "guardian_notice", as: String.self) == "withheld-acute")
            #expect(try row?.decode(column: "joint_meeting_requested", as: Int64.self) == 0)
        }
    }

    @Test("the public e-service takes an anonymous report, gives a receipt, and throttles per address")
    func publicForm() async throws {
        try await WebHarness.run { h, client in
            let visitor = Browser(client, address: "198.51.100.7")
            let form = try await visitor.get("/e-tjanst/anmalan")
            #expect(form.status == .ok)
            let csrf = try #require(form.csrf)
            let empty = try await visitor.post("/e-tjanst/anmalan", ["_csrf": csrf, "reporter_kind": "anonymous"])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.body.contains("Fyll i barnets namn."))
            // Nothing chosen at all: every message at once, nothing saved.
            let blank = try await visitor.post("/e-tjanst/anmalan", ["_csrf": csrf, "child_name": "Kvar"])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.body.contains("Välj vem du är som anmäler.") && blank.body.contains("Beskriv vad du har sett eller hört."))
            #expect(blank.body.contains("value=\"Kvar\""))
            #expect(try await h.count("reports") == 0)
            for n in 1...ReportService.publicLimitPerAddress {
                let sent = try await visitor.post("/e-tjanst/anmalan", ["_csrf": csrf, "reporter_kind": "anonymous", "child_name": "Barn \(n)", "observations": "Skrik"])
                #expect(sent.status == .ok)
                #expect(sent.body.contains("kvittonummer"))
            }
            let throttled = try await visitor.post("/e-tjanst/anmalan", ["_csrf": csrf, "reporter_kind": "anonymous", "child_name": "Barn 6", "observations": "Skrik"])
            #expect(throttled.status == .unprocessableContent)
            #expect(throttled.body.contains("från din internetanslutning"))
            #expect(try await h.count("reports") == ReportService.publicLimitPerAddress)

            let elsewhere = Browser(client, address: "198.51.100.8")
            let token = try #require(try await elsewhere.get("/e-tjanst/anmalan").csrf)
            #expect(try await elsewhere.post("/e-tjanst/anmalan", ["_csrf": token, "reporter_kind": "anonymous", "child_name": "Barn 7", "observations": "Skrik"]).status == .ok)
            // Intake sees it, with the child as described.
            let intake = Browser(client)
            try await intake.signIn("mottagning")
            #expect(try await intake.get("/mottagning").body.contains("Barn 7"))
        }
    }

    @Test("every new page renders for every demo role, or is refused; never a broken page")
    func pagesRender() async throws {
        try await WebHarness.run { h, client in
            for account in DemoMunicipality.accounts {
                let browser = Browser(client)
                try await browser.signIn(account.username)
                for path in ["/", "/anmalningar", "/mottagning", "/arbetslista", "/utlatanden", "/konsultationer", "/rad-och-stod", "/e-tjanst/anmalan",
                             "/samverkan", "/nodatkomst", "/loggkontroll", "/registerutdrag", "/admin/motestyper", "/admin/motestyper/samverkansmote", "/logg"] {
                    let page = try await browser.get(path)
                    #expect([.ok, .forbidden].contains(page.status), "\(account.username) \(path): \(page.status)")
                    #expect(!page.body.contains("Sidan kunde inte visas"), "\(account.username) \(path)")
                }
            }
        }
    }
}
