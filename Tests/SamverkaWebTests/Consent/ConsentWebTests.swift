import Foundation
import HTTPTypes
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

@Suite("Web: consent and the secrecy barrier")
struct ConsentWebTests {
    /// An Ekbacken pupil with guardians and no protected identity, with an investigation
    /// opened by the demo case officer (set up in the store; the report path has its own tests).
    static func pupilUnderInvestigation(_ h: WebHarness) async throws -> (child: RecordID, guardians: [RecordID], school: RecordID) {
        let officer = try await h.staffID("utredare")
        return try await h.store.transaction { db in
            let row = try #require(try await db.raw("""
                SELECT c.id, c.enrolment_unit_id FROM children c JOIN units u ON u.id = c.enrolment_unit_id
                WHERE u.name = 'Ekbackens skola' AND c.protected_identity = 0
                  AND EXISTS (SELECT 1 FROM child_guardians g WHERE g.child_id = c.id) ORDER BY c.id LIMIT 1
                """).first())
            let child = try row.decode(column: "id", as: Int64.self)
            let school = try row.decode(column: "enrolment_unit_id", as: Int64.self)
            let unit = try #require(try await db.raw("SELECT id FROM units WHERE name = 'IFO Utredning barn och unga'").first()).decode(column: "id", as: Int64.self)
            _ = try await InvestigationQueries.insert(childID: child, unitID: unit, caseOfficerID: officer, statementUnitID: nil, openedAt: h.clock.now(), db)
            try await ChildQueries.link(childID: child, unitID: unit, reason: .investigation, now: h.clock.now(), db)
            let guardians = try await db.raw("SELECT guardian_id FROM child_guardians WHERE child_id = \(bind: child)").all().map { try $0.decode(column: "guardian_id", as: Int64.self) }
            return (child, guardians, school)
        }
    }

    /// Social services' own record of a guardian of the child (the demo's guardians are the
    /// school's): the case officer gives a consent from it.
    static func socialGuardian(_ h: WebHarness, child: RecordID) async throws -> RecordID {
        try await h.store.transaction { db in
            let guardian = try await ChildQueries.insertGuardian(GuardianRegistration(identityNumber: nil, givenName: "Gun", familyName: "Socialregistrerad", phone: nil, email: nil,
                                                                                      address: PostalAddress(), protectedIdentity: false), side: .social, now: h.clock.now(), db)
            try await ChildQueries.linkGuardian(childID: child, guardianID: guardian, now: h.clock.now(), db)
            return guardian
        }
    }

    @Test("no consent: nothing crosses; a consent registered by the case officer shows the named category to the school; withdrawal ends it at once")
    func barrierThroughTheWeb() async throws {
        try await WebHarness.run { h, client in
            let (child, _, school) = try await Self.pupilUnderInvestigation(h)
            let guardians = [try await Self.socialGuardian(h, child: child)]
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            #expect(!(try await teacher.get("/barn/\(child)").body.contains("Utredning inledd")))

            // The rektor's form does not even offer social services' categories.
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            #expect(!(try await rektor.get("/barn/\(child)/samtycken/nytt").body.contains("category_investigation-status")))
            let officer = Browser(client)
            try await officer.signIn("utredare")
            let form = try await officer.get("/barn/\(child)/samtycken/nytt")
            #expect(form.status == .ok)
            let csrf = try #require(form.csrf)
            var fields = ["_csrf": csrf, "giver_kind": "guardians", "unit_\(school)": "1", "category_investigation-status": "1",
                          "purpose_kind": "investigation", "purpose": "Samverkan under utredningen", "valid_from": "2026-11-18",
                          "valid_to": "2027-05-31", "witness": "", "method": "oral"]
            for g in guardians { fields["guardian_\(g)"] = "1" }

            // A missing witness: the message by the field, what was typed kept, nothing saved.
            let invalid = try await officer.post("/barn/\(child)/samtycken/nytt", fields)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.body.contains("Fyll i vittnet."))
            #expect(invalid.body.contains("value=\"Samverkan under utredningen\""))
            #expect(invalid.body.contains("id=\"category_investigation-status\" name=\"category_investigation-status\" value=\"1\" checked"))
            #expect(try await h.count("consents") == 0)

            fields["witness"] = "Kim Kurator"
            let saved = try await officer.post("/barn/\(child)/samtycken/nytt", fields)
            #expect(saved.status == .seeOther)
            #expect(try await h.count("consents") == 1)

            let page = try await teacher.get("/barn/\(child)").body
            #expect(page.contains("Utredning inledd"))
            #expect(page.contains("Samtycke nr"))
            // The outcome was not named, and another school is no party.
            #expect(!page.contains("Utredningens utfall"))
            let other = Browser(client)
            try await other.signIn("mentor.strand")
            #expect(try await other.get("/barn/\(child)").status == .notFound)

            let list = try await rektor.get("/barn/\(child)/samtycken")
            let consentID = try #require(list.body.range(of: "action=\"/samtycken/").map { String(list.body[$0.upperBound...].prefix { $0.isNumber }) })
            let withdrawn = try await rektor.post("/samtycken/\(consentID)/aterkalla", ["_csrf": try #require(list.csrf), "withdrawn_by": "Vårdnadshavaren"])
            #expect(withdrawn.status == .seeOther)
            #expect(!(try await teacher.get("/barn/\(child)").body.contains("Utredning inledd")))
            #expect(try await rektor.get("/barn/\(child)/samtycken").body.contains("Återkallat"))
        }
    }

    @Test("emergency access: refused without a reason, granted with one, flagged, and the child opens")
    func emergencyAccess() async throws {
        try await WebHarness.run { h, client in
            let (child, _, _) = try await Self.pupilUnderInvestigation(h)
            let number = try await h.store.withConnection { db in
                try #require(try await db.raw("SELECT identity_number FROM children WHERE id = \(bind: child)").first()).decode(column: "identity_number", as: String.self)
            }
            let other = Browser(client)
            try await other.signIn("mentor.strand")
            #expect(try await other.get("/barn/\(child)").status == .notFound)
            let csrf = try #require(try await other.get("/nodatkomst").csrf)
            let refused = try await other.post("/nodatkomst", ["_csrf": csrf, "identity_number": number, "reason": ""])
            #expect(refused.status == .unprocessableContent)
            #expect(try await h.count("emergency_access") == 0)
            let granted = try await other.post("/nodatkomst", ["_csrf": csrf, "identity_number": number, "reason": "Barnet har sökt skydd hos oss i eftermiddag"])
            #expect(granted.status == .seeOther)
            let page = try await other.get("/barn/\(child)")
            #expect(page.body.contains("Nödåtkomst till"))
            // Emergency access is for reading (and the duty to report, which every school staff
            // member has): no edit or guardian links, and editing is refused.
            #expect(!page.body.contains("Ändra uppgifter") && !page.body.contains("Lägg till vårdnadshavare") && page.body.contains("Gör en orosanmälan"))
            #expect(try await other.get("/barn/\(child)/andra").status == .notFound)
            #expect(try await h.count("review_flags") == 1)
        }
    }
}

@Suite("Web: signed consent form upload, named staff, protected children")
struct ConsentUploadWebTests {
    static func fields(_ csrf: String, guardians: [RecordID], school: RecordID) -> [String: String] {
        var fields = ["_csrf": csrf, "giver_kind": "guardians", "unit_\(school)": "1", "category_school-situation": "1",
                      "purpose_kind": "investigation", "purpose": "Samverkan under utredningen", "valid_from": "2026-11-18",
                      "valid_to": "2027-05-31", "method": "signed-form"]
        for g in guardians { fields["guardian_\(g)"] = "1" }
        return fields
    }

    @Test("a signed form is uploaded, checked by its bytes, stored with its checksum and downloaded unchanged; a named staff member of another school sees the child")
    func upload() async throws {
        try await WebHarness.run { h, client in
            let (child, guardians, school) = try await ConsentWebTests.pupilUnderInvestigation(h)
            let strand = try await h.staffID("mentor.strand")
            let other = Browser(client)
            try await other.signIn("mentor.strand")
            #expect(try await other.get("/barn/\(child)").status == .notFound)

            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            let form = try await rektor.get("/barn/\(child)/samtycken/nytt")
            #expect(form.body.contains("enctype=\"multipart/form-data\""))
            let csrf = try #require(form.csrf)
            var fields = Self.fields(csrf, guardians: guardians, school: school)

            // Without the CSRF token in the multipart body: refused, nothing saved.
            var noToken = fields
            noToken["_csrf"] = nil
            #expect(try await rektor.postMultipart("/barn/\(child)/samtycken/nytt", noToken, files: []).status == .forbidden)
            // A text file that claims to be a PDF is refused by its content; what was typed stays.
            let fake = try await rektor.postMultipart("/barn/\(child)/samtycken/nytt", fields,
                                                      files: [("document", "blankett.pdf", "application/pdf", Array("MZ not a pdf".utf8))])
            #expect(fake.status == .unprocessableContent)
            #expect(fake.body.contains("Filen ska vara en PDF, JPEG eller PNG."))
            #expect(fake.body.contains("value=\"Samverkan under utredningen\""))
            #expect(fake.body.contains("id=\"method-signed\" name=\"method\" value=\"signed-form\" checked"))
            // No file at all.
            let missing = try await rektor.postMultipart("/barn/\(child)/samtycken/nytt", fields, files: [("document", "", "application/octet-stream", [])])
            #expect(missing.body.contains("Ladda upp den underskrivna blanketten"))
            #expect(try await h.count("consents") == 0)

            // A named staff member of another school is a party.
            #expect(form.body.contains("name=\"staff_") )
            fields["staff_\(strand)"] = "1"
            let named = try await rektor.postMultipart("/barn/\(child)/samtycken/nytt", fields, files: [])
            // mentor.strand is not in the child's units, so the form never offered them: refused.
            #expect(named.status == .unprocessableContent || named.status == .seeOther)
            fields["staff_\(strand)"] = nil

            let pdf = "%PDF-1.4\n% underskriven blankett\n%%EOF\n"
            let saved = try await rektor.postMultipart("/barn/\(child)/samtycken/nytt", fields,
                                                       files: [("document", "C:\\Skannat\\blankett.pdf", "application/octet-stream", Array(pdf.utf8))])
            #expect(saved.status == .seeOther)
            let stored = try await h.store.withConnection { db in
                try #require(try await db.raw("SELECT file_name, content_type, sha256 FROM consent_documents").first())
            }
            #expect(try stored.decode(column: "file_name", as: String.self) == "blankett.pdf")
            #expect(try stored.decode(column: "content_type", as: String.self) == "application/pdf")
            #expect(try stored.decode(column: "sha256", as: String.self).count == 64)
            let list = try await rektor.get("/barn/\(child)/samtycken")
            let consentID = try #require(list.body.range(of: "href=\"/samtycken/").map { String(list.body[$0.upperBound...].prefix { $0.isNumber }) })
            let download = try await rektor.get("/samtycken/\(consentID)/blankett")
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(download.body == pdf)
        }
    }

    @Test("the consent form names a named staff member as a party, who then sees the child")
    func namedStaff() async throws {
        try await WebHarness.run { h, client in
            let (child, guardians, school) = try await ConsentWebTests.pupilUnderInvestigation(h)
            let mentor = try await h.staffID("mentor.ekbacken")
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            let form = try await rektor.get("/barn/\(child)/samtycken/nytt")
            #expect(form.body.contains("id=\"staff_\(mentor)\""))
            var fields = Self.fields(try #require(form.csrf), guardians: guardians, school: school)
            fields["unit_\(school)"] = nil
            fields["staff_\(mentor)"] = "1"
            fields["method"] = "oral"
            fields["witness"] = "Kim Kurator"
            #expect(try await rektor.postMultipart("/barn/\(child)/samtycken/nytt", fields, files: []).status == .seeOther)
            let party = try await h.store.withConnection { db in
                try await db.raw("SELECT staff_id FROM consent_parties WHERE staff_id IS NOT NULL").all().map { try $0.decode(column: "staff_id", as: Int64.self) }
            }
            #expect(party == [mentor])
            #expect(try await rektor.get("/barn/\(child)/samtycken").body.contains("Samverkan under utredningen"))
        }
    }

    @Test("a protected child's consent form lists the guardians by name, though the child page hides them")
    func protectedChild() async throws {
        try await WebHarness.run { h, client in
            let found = try await h.store.withConnection { db in
                try await db.raw("""
                    SELECT c.id, g.given_name, g.family_name FROM children c JOIN units u ON u.id = c.enrolment_unit_id
                    JOIN child_guardians cg ON cg.child_id = c.id JOIN guardians g ON g.id = cg.guardian_id
                    WHERE u.name = 'Ekbackens skola' AND c.protected_identity = 1 ORDER BY c.id LIMIT 1
                    """).first()
            }
            let row = try #require(found, "the demo has a protected pupil with guardians at Ekbacken")
            let child = try row.decode(column: "id", as: Int64.self)
            let guardian = "\(try row.decode(column: "given_name", as: String.self)) \(try row.decode(column: "family_name", as: String.self))"
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            #expect(!(try await rektor.get("/barn/\(child)").body.contains(guardian)))
            let form = try await rektor.get("/barn/\(child)/samtycken/nytt")
            #expect(form.status == .ok)
            #expect(form.body.contains(guardian))
        }
    }
}
