import Foundation
import HTTPTypes
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

@Suite("Web: the statistics page and its downloads")
struct StatisticsWebTests {
    @Test("a teacher gets no statistics page and no menu entry; a rektor sees their unit only, another scope answers as missing")
    func whoSeesWhat() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            #expect(try await teacher.get(SiteURL.statistics.path).status == .notFound)
            #expect(try await teacher.get(SiteURL.statisticsCSV.path).status == .notFound)
            #expect(!(try await teacher.get("/").body.contains("href=\"\(SiteURL.statistics.path)\"")))

            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            #expect(try await rektor.get("/").body.contains("href=\"\(SiteURL.statistics.path)\""))
            let page = try await rektor.get(SiteURL.statistics.path)
            #expect(page.status == .ok)
            #expect(page.body.contains("Ekbackens skola") && !page.body.contains("Hela kommunen"))
            // The area of the LSG the rektor chairs is its schools and preschools, not the IFO members' units.
            #expect(!page.body.contains("IFO Familjebehandling"))
            #expect(page.body.contains("<svg class=\"chart\"") && page.body.contains("<title id="))
            #expect(try await rektor.get(SiteURL.statistics.path + "?omfang=kommun").status == .notFound)
            #expect(try await rektor.get(SiteURL.statistics.path + "?omfang=skola").status == .notFound)

            let head = Browser(client)
            try await head.signIn("ifochef")
            let whole = try await head.get(SiteURL.statistics.path + "?period=2026&omfang=kommun")
            #expect(whole.status == .ok && whole.body.contains("Hela kommunen") && whole.body.contains("Förhandsbedömning"))
        }
    }

    @Test("a chair of a local group with a school in it finds the statistics in the menu without a managing role; a group of social services' staff alone has no area")
    func localGroupChairMenu() async throws {
        try await WebHarness.run { h, client in
            let counsellor = Browser(client)
            try await counsellor.signIn("kurator.ekbacken")
            let link = "href=\"\(SiteURL.statistics.path)\""
            #expect(!(try await counsellor.get("/").body.contains(link)))
            #expect(try await counsellor.get(SiteURL.statistics.path).status == .notFound)

            let therapist = Browser(client)
            try await therapist.signIn("familjebehandlare")
            #expect(!(try await therapist.get("/").body.contains(link)))

            let admin = try await h.store.withConnection { db in try #require(try await OrganisationQueries.actor(staffID: try await OrganisationQueries.staff(username: "admin", db)!.id, db)) }
            let forums = ForumService(store: h.store, clock: h.clock)
            let origin = RequestOrigin(actor: admin, clientAddress: nil)
            guard case .ok = try await forums.createForum(.shipped(.localCollaborationGroup), name: "Lokal samverkansgrupp Väster", covers: "Område Väster",
                                                          members: [(staffID: try await h.staffID("kurator.ekbacken"), role: .chair)], by: origin),
                  case .ok = try await forums.createForum(.shipped(.localCollaborationGroup), name: "Lokal samverkansgrupp IFO", covers: "Socialtjänsten",
                                                          members: [(staffID: try await h.staffID("familjebehandlare"), role: .chair)], by: origin)
            else { Issue.record("the groups were not created"); return }

            #expect(try await counsellor.get("/").body.contains(link))
            let page = try await counsellor.get(SiteURL.statistics.path)
            #expect(page.status == .ok && page.body.contains("Ekbackens skola"))
            #expect(!(try await therapist.get("/").body.contains(link)))
            #expect(try await therapist.get(SiteURL.statistics.path).status == .notFound)
        }
    }

    @Test("the CSV and the PDF come with the page's figures, each download logged as an export")
    func downloads() async throws {
        try await WebHarness.run { h, client in
            let head = Browser(client)
            try await head.signIn("ifochef")
            let csv = try await head.get(SiteURL.statisticsCSV.path + "?period=2026&omfang=kommun")
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.body.hasPrefix("\u{FEFF}") && csv.body.contains("Tidsfrist;Gräns;Startade"))
            #expect(csv.headers[.contentDisposition]?.contains("statistik-2026-kommun.csv") == true)
            let pdf = try await head.get(SiteURL.statisticsPDF.path + "?period=2026&omfang=kommun")
            #expect(pdf.status == .ok && pdf.headers[.contentType] == "application/pdf" && pdf.body.hasPrefix("%PDF-"))
            let exports = try await h.auditRows(.init(staffID: try await h.staffID("ifochef"), action: .export)).filter { $0.recordType == AuditRecordType.statistics.rawValue }
            #expect(exports.count == 2 && exports.contains { $0.reason.contains("CSV") } && exports.contains { $0.reason.contains("PDF") })
        }
    }

    @Test("dates that are not dates get a message next to their field and the typed text back")
    func badDates() async throws {
        try await WebHarness.run { _, client in
            let head = Browser(client)
            try await head.signIn("ifochef")
            let page = try await head.get(SiteURL.statistics.path + "?period=egen&fran=2026-13-01&till=ig%C3%A5r")
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("id=\"fran-error\"") && page.body.contains("id=\"till-error\""))
            #expect(page.body.contains("value=\"2026-13-01\"") && page.body.contains("value=\"igår\""))
            #expect(try await head.get(SiteURL.statisticsCSV.path + "?period=egen&fran=x").status == .notFound)
        }
    }

    @Test("templates write unescaped only the server's SVG charts")
    func tripleBracesOnlyForCharts() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SamverkaWeb")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter { $0.pathExtension == "mustache" }
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let unescaped = text.components(separatedBy: "{{{").dropFirst().map { String($0.prefix { $0 != "}" }) }
            #expect(unescaped.allSatisfy { $0 == "chartSvg" }, "\(file.lastPathComponent): \(unescaped)")
        }
    }
}

@Suite("Web: overdue clocks on /metrics")
struct ClockGaugeWebTests {
    @Test("the operator's gauges count the open pre-assessments once their 14 days have passed")
    func gauges() async throws {
        try await WebHarness.run { h, client in
            try await DemoMunicipality.seedCases(h.store, now: h.clock.now())
            let open = try await h.store.withConnection { db in
                try await db.raw("SELECT COUNT(*) AS n FROM reports WHERE decided_at IS NULL AND kind = 'concern'").first()!.int64("n")
            }
            #expect(open > 0)
            func value(_ name: String, _ clock: String) async throws -> Double? {
                let body = try await Browser(client).get("/metrics").body
                let line = body.split(separator: "\n").first { $0.hasPrefix("\(name){clock=\"\(clock)\"}") }
                return line.flatMap { Double($0.split(separator: " ").last ?? "") }
            }
            #expect(try await value("samverka_overdue_clocks", "pre-assessment") == 0)
            #expect(try await value("samverka_running_clocks", "pre-assessment") == Double(open))
            // A report received three weeks ago: its pre-assessment is overdue, and the
            // gauges show it once their minute has passed, not at every scrape.
            try await h.store.transaction { db in
                try await db.raw("UPDATE reports SET received_at = received_at - \(bind: Int64(21 * 86_400)) WHERE id = (SELECT MIN(id) FROM reports WHERE decided_at IS NULL AND kind = 'concern')").run()
            }
            #expect(try await value("samverka_overdue_clocks", "pre-assessment") == 0)
            h.clock.advance(by: 61)
            #expect(try await value("samverka_overdue_clocks", "pre-assessment") == 1)
            h.clock.advance(by: 20 * 86_400)
            #expect(try await value("samverka_overdue_clocks", "pre-assessment") == Double(open))
            #expect(try await value("samverka_running_clocks", "pre-assessment") == 0)
        }
    }
}
