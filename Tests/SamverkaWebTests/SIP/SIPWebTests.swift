import Foundation
import HTTPTypes
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

/// The SIP pages over the demo's SIPs (one running with BUP, one closed).
@Suite("Web: SIP pages, the outside party's account, the start form")
struct SIPWebTests {
    static func demoSIPs(_ h: WebHarness) async throws -> (running: RecordID, closed: RecordID) {
        try await DemoMunicipality.seedCases(h.store, now: h.clock.now())
        let rows = try await h.store.withConnection { db in
            try await db.raw("SELECT id, closed_at FROM sips ORDER BY id").all().map { (try $0.int64("id"), try $0.optionalInt64("closed_at")) }
        }
        return (try #require(rows.first { $0.1 == nil }?.0), try #require(rows.first { $0.1 != nil }?.0))
    }

    @Test("an outside party's account sees its running SIP and its own protocol copy, nothing else, and every view is logged")
    func outsideParty() async throws {
        try await WebHarness.run { h, client in
            let (running, closed) = try await Self.demoSIPs(h)
            let bup = Browser(client)
            try await bup.signIn("bup")
            let home = try await bup.get("/")
            #expect(home.body.contains("href=\"/sip\""))
            #expect(!home.body.contains("href=\"/barn\"") && !home.body.contains("href=\"/sok\""))
            let list = try await bup.get("/sip")
            #expect(list.body.contains("href=\"/sip/\(running)\"") && !list.body.contains("href=\"/sip/\(closed)\""))
            let page = try await bup.get("/sip/\(running)")
            #expect(page.status == .ok)
            #expect(page.body.contains("Bedömning av oro och förslag på behandling"))
            // Not the SIP-ansvarig: no forms to change it, no link to the child's page.
            #expect(!page.body.contains("/samtycke\"") && !page.body.contains("/avsluta\""))
            let childID = try await h.store.withConnection { db in try await db.raw("SELECT child_id FROM sips WHERE id = \(bind: running)").first()!.int64("child_id") }
            #expect(!page.body.contains("href=\"/barn/\(childID)\""))
            #expect(try await bup.get("/barn/\(childID)").status == .notFound)
            #expect(try await bup.get("/sip/\(closed)").status == .notFound)
            let bupParty = try await h.store.withConnection { db in
                try await db.raw("SELECT p.id FROM sip_parties p JOIN staff s ON s.id = p.staff_id WHERE p.sip_id = \(bind: running) AND s.username = 'bup'").first()!.int64("id")
            }
            let meeting = try await h.store.withConnection { db in try await db.raw("SELECT id FROM sip_meetings WHERE sip_id = \(bind: running) AND protocol IS NOT NULL").first()!.int64("id") }
            let protocolPDF = try await bup.get("/sip/\(running)/moten/\(meeting)/protokoll.pdf?part=\(bupParty)")
            #expect(protocolPDF.status == .ok && protocolPDF.body.contains("+DejaVuSans /Encoding /Identity-H"))
            #expect(try await bup.get("/sip/\(running)/moten/\(meeting)/protokoll.pdf").status == .notFound)
            // Its own action of the plan is on its work list.
            #expect(home.body.contains("href=\"/arbetslista\""))
            #expect(try await bup.get("/arbetslista").body.contains("Åtgärd i SIP: Bedömning av oro och förslag på behandling"))
            let views = try await h.auditRows().filter { $0.staffName == "Nguyễn Thị Ánh" && $0.recordType == AuditRecordType.sip.rawValue }
            #expect(views.contains { $0.action == .read && $0.recordID == String(running) && $0.childID == childID })
            #expect(views.contains { $0.action == .accessDenied && $0.recordID == String(closed) })
        }
    }

    @Test("someone who is not a party gets the same 404 as for a SIP that does not exist")
    func notAParty() async throws {
        try await WebHarness.run { h, client in
            let (running, _) = try await Self.demoSIPs(h)
            let other = Browser(client)
            try await other.signIn("mentor.strand")
            let refused = try await other.get("/sip/\(running)")
            let missing = try await other.get("/sip/999999")
            #expect(refused.status == .notFound && missing.status == .notFound)
            #expect(refused.body == missing.body)
        }
    }

    @Test("without a region party the start form says a samverkansmöte is the tool, links to it, and keeps what was typed")
    func startFormOffersCollaboration() async throws {
        try await WebHarness.run { h, client in
            let kurator = Browser(client)
            try await kurator.signIn("kurator.ekbacken")
            let child = try await ReportWebTests.firstChild(kurator)
            let form = try await kurator.get("/barn/\(child)/sip/ny")
            #expect(form.status == .ok && form.body.contains("value=\"Ekbackens skola\""))
            let answer = try await kurator.post("/barn/\(child)/sip/ny", [
                "_csrf": try await kurator.csrf(), "raised_by": "guardian", "need": "Frånvaro och oro",
                "responsible": String(try await h.staffID("kurator.ekbacken")),
                "party_1_kind": "school", "party_1_organisation": "Ekbackens skola", "party_2_kind": "lss", "party_2_organisation": "LSS-handläggare Exempelby",
            ])
            #expect(answer.status == .unprocessableContent)
            #expect(answer.body.contains("samverkansmöte rätt väg"))
            #expect(answer.body.contains("href=\"/barn/\(child)/samverkan/nytt\""))
            #expect(answer.body.contains("value=\"LSS-handläggare Exempelby\""))
            #expect(try await h.count("sips") == 0)
            // The child page offers the SIP to the kurator.
            #expect(try await kurator.get("/barn/\(child)").body.contains("href=\"/barn/\(child)/sip/ny\""))
        }
    }
}
