import Foundation
import HTTPTypes
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

/// Issue 19 points 5–7 over the demo: the mentor's Steg 1 form (refused by the field without
/// the adaptations, what was typed kept), the team's and the rektor's page (a teacher
/// outside the team gets the same 404 as for a missing referral), the rektor's decision,
/// the directory with its letter, and the administrator's edits.
@Suite("Web: EHT referrals (Steg 1), the directory of help, the responsibilities")
struct StudentHealthWebTests {
    /// An Ekbacken pupil without a demo referral.
    static func pupil(_ h: WebHarness) async throws -> RecordID {
        try await h.store.withConnection { db in
            try await db.raw("""
                SELECT c.id FROM children c JOIN units u ON u.id = c.enrolment_unit_id
                WHERE u.name = 'Ekbackens skola' AND c.protected_identity = 0 AND NOT EXISTS (SELECT 1 FROM eht_referrals r WHERE r.child_id = c.id) ORDER BY c.id LIMIT 1
                """).first()!.int64("id")
        }
    }

    @Test("the mentor sends a Steg 1 referral (refused without adaptations, typed text kept), cannot read it afterwards, and the rektor decides")
    func mentorSendsRektorDecides() async throws {
        try await WebHarness.run { h, client in
            try await DemoMunicipality.seedCases(h.store, now: h.clock.now())
            let child = try await Self.pupil(h)
            let mentor = Browser(client)
            try await mentor.signIn("mentor.ekbacken")
            let childPage = try await mentor.get("/barn/\(child)")
            #expect(childPage.body.contains("href=\"/barn/\(child)/elevhalsa/ny\"") && childPage.body.contains("href=\"/stod?alder="))
            let form = try await mentor.get("/barn/\(child)/elevhalsa/ny")
            #expect(form.status == .ok && form.body.contains("Elevhälsoteam, Ekbackens skola"))
            let refused = try await mentor.post("/barn/\(child)/elevhalsa/ny", ["_csrf": form.csrf ?? "", "situation": "Lämnar klassrummet på matten", "adaptations": " "])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("<p class=\"field-error\" id=\"adaptations-error\">\(StudentHealthMessages.adaptationsMissing)</p>"))
            #expect(refused.body.contains(">Lämnar klassrummet på matten</textarea>"))
            #expect(try await h.count("eht_referrals") == 2)
            let sent = try await mentor.post("/barn/\(child)/elevhalsa/ny", ["_csrf": form.csrf ?? "", "situation": "Lämnar klassrummet på matten", "adaptations": "Checklista och kortare pass"])
            #expect(sent.status == .seeOther || sent.status == .found)
            #expect(sent.location == "/barn/\(child)?steg1=1")
            #expect(try await mentor.get(sent.location ?? "/").body.contains("Anmälan (Steg 1) är skickad till elevhälsoteamet."))
            let id = try await h.store.withConnection { db in try await db.raw("SELECT id FROM eht_referrals WHERE child_id = \(bind: child)").first()!.int64("id") }
            // The mentor is not in the team: the same answer as for a referral that does not exist.
            let hidden = try await mentor.get("/elevhalsa/\(id)")
            let missing = try await mentor.get("/elevhalsa/999999")
            #expect(hidden.status == .notFound && missing.status == .notFound && hidden.body == missing.body)

            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            #expect(try await rektor.get("/arbetslista").body.contains("Anmälan till elevhälsoteamet (Steg 1) väntar på ditt beslut"))
            let page = try await rektor.get("/elevhalsa/\(id)")
            #expect(page.status == .ok && page.body.contains("Checklista och kortare pass") && page.body.contains("name=\"outcome\""))
            let noReasons = try await rektor.post("/elevhalsa/\(id)/beslut", ["_csrf": page.csrf ?? "", "outcome": "taken-up", "decision_date": Stockholm.date(of: h.clock.now()).iso, "reasons": ""])
            #expect(noReasons.status == .unprocessableContent && noReasons.body.contains(StudentHealthMessages.reasonsMissing))
            let decided = try await rektor.post("/elevhalsa/\(id)/beslut", ["_csrf": page.csrf ?? "", "outcome": "taken-up", "decision_date": Stockholm.date(of: h.clock.now()).iso,
                                                                          "reasons": "Specialpedagogen kartlägger"])
            #expect(decided.location == "/elevhalsa/\(id)?beslut=1")
            let after = try await rektor.get("/elevhalsa/\(id)?beslut=1")
            #expect(after.body.contains("Beslutet är sparat.") && after.body.contains("Specialpedagogen kartlägger") && !after.body.contains("name=\"outcome\""))
            // The team's forum page lists it; the kurator (a member) reads it.
            let kurator = Browser(client)
            try await kurator.signIn("kurator.ekbacken")
            #expect(try await kurator.get("/elevhalsa/\(id)").status == .ok)
            let rows = try await h.auditRows().filter { $0.recordType == AuditRecordType.ehtReferral.rawValue && $0.childID == child }
            #expect(rows.contains { $0.action == .create } && rows.contains { $0.action == .update } && rows.contains { $0.action == .accessDenied })
        }
    }

    @Test("the directory: filtered by the child's age, a letter with the chosen entries; the administrator edits an entry and the responsibilities")
    func directoryAndResponsibilities() async throws {
        try await WebHarness.run { h, client in
            let staff = Browser(client)
            try await staff.signIn("mentor.ekbacken")
            let teen = try await staff.get("/stod?alder=14")
            #expect(teen.status == .ok && teen.body.contains("Ungdomsmottagningen (UMO)") && !teen.body.contains("Familjecentralen"))
            let umo = try await h.store.withConnection { db in try await db.raw("SELECT id FROM help_entries WHERE name LIKE '%UMO%'").first()!.int64("id") }
            // As a GET form sends it: "+" is a space.
            let letter = try await staff.get("/stod/brev?e_\(umo)=1&till=Familjen+Ek&meddelande=Hej%21+V%C3%A4lkomna")
            #expect(letter.body.contains("Till Familjen Ek") && letter.body.contains("Hej! Välkomna") && letter.body.contains("Ungdomsmottagningen (UMO)") && !letter.body.contains("Första linjen"))
            #expect(try await staff.get("/admin/stodkatalog").status == .forbidden)

            let admin = Browser(client)
            try await admin.signIn("admin")
            let edit = try await admin.get("/admin/stodkatalog/\(umo)")
            #expect(edit.status == .ok && edit.body.contains("Ungdomsmottagningen (UMO)"))
            let bad = try await admin.post("/admin/stodkatalog/\(umo)", ["_csrf": edit.csrf ?? "", "name": "UMO", "offers": "Samtal", "contact": "", "age_from": "13", "age_to": "25"])
            #expect(bad.status == .unprocessableContent && bad.body.contains(DirectoryMessages.contactMissing))
            let saved = try await admin.post("/admin/stodkatalog/\(umo)", ["_csrf": edit.csrf ?? "", "name": "UMO Exempelby", "offers": "Samtal om kropp och relationer",
                                                                          "contact": "Ring 0100-123 45", "age_from": "13", "age_to": "25", "link": "https://www.umo.se/"])
            #expect(saved.location == "/admin/stodkatalog?sparad=1")
            #expect(try await staff.get("/stod").body.contains("Ring 0100-123 45"))

            let resp = try await admin.get("/admin/ansvar")
            #expect(resp.status == .ok && resp.body.contains("Vi finns tillgängliga för anonym konsultation"))
            let changed = try await admin.post("/admin/ansvar/information-school", ["_csrf": resp.csrf ?? "", "responsible_information-school": "Rektor och förskolechef",
                                                                                    "ensures_information-school": "Vi bjuder in familjeteamet till föräldramöten."])
            #expect(changed.location == "/admin/ansvar?sparad=1")
            let empty = try await admin.post("/admin/ansvar/information-school", ["_csrf": resp.csrf ?? "", "responsible_information-school": "Rektor", "ensures_information-school": ""])
            #expect(empty.status == .unprocessableContent && empty.body.contains("id=\"ensures_information-school-error\""))
            #expect(try await staff.get("/rutiner/ansvar").body.contains("Vi bjuder in familjeteamet till föräldramöten."))
            #expect(try await h.auditRows().contains { $0.recordType == AuditRecordType.responsibility.rawValue && $0.action == .update && $0.recordID == "information-school" })
        }
    }
}
