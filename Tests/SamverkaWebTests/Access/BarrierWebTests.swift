import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

/// The outside test's requests against the barrier (issue 14), replayed through the web.
@Suite("Web: the holes in the barrier")
struct BarrierWebTests {
    static let intakeNumber = IdentityNumber.make(birthDate: SimpleDate(year: 2016, month: 4, day: 14)!, serial: 982).formatted

    /// Intake registers a child of its own, with an address; Ekbackens skola is named as school.
    static func intakeOnlyChild(_ client: any TestClientProtocol) async throws -> RecordID {
        let intake = Browser(client)
        try await intake.signIn("mottagning")
        let form = try await intake.get("/barn/ny")
        let ekbacken = try #require(form.body.components(separatedBy: "<option value=\"").dropFirst().first { $0.contains(">Ekbackens skola<") })
        let unit = String(ekbacken.prefix { $0 != "\"" })
        let created = try await intake.post("/barn/ny", ["_csrf": form.csrf ?? "", "identity_number": intakeNumber, "given_name": "Hemlig", "family_name": "Intagsson",
                                                         "unit_id": unit, "street_address": "HEMLIGA VÄGEN 7"])
        #expect(created.status == .seeOther)
        let location = try #require(created.location)
        return try #require(RecordID(location.dropFirst("/barn/".count).prefix { $0.isNumber }))
    }

    @Test("a teacher registering an intake-only child's number gets a message by the field; the child stays hidden")
    func registeringAnotherSidesChild() async throws {
        try await WebHarness.run { h, client in
            let child = try await Self.intakeOnlyChild(client)
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            let form = try await teacher.get("/barn/ny")
            let links = try await h.count("child_units")
            let answer = try await teacher.post("/barn/ny", ["_csrf": form.csrf ?? "", "identity_number": Self.intakeNumber, "given_name": "Påhittat",
                                                             "family_name": "Namn", "unit_id": String(try #require(form.firstOptionID))])
            #expect(answer.status == .unprocessableContent)
            #expect(answer.body.contains("Rektor eller förskolechef skriver in barnet"))
            #expect(!answer.body.contains("HEMLIGA VÄGEN") && !answer.body.contains("Intagsson"))
            #expect(try await h.count("child_units") == links)
            #expect(try await teacher.get("/barn/\(child)").status == .notFound)
            // The rektor enrols the child: the school sees the name, never intake's address.
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            let enrolForm = try await rektor.get("/inskrivning")
            #expect(enrolForm.status == .ok)
            let enrolled = try await rektor.post("/inskrivning", ["_csrf": enrolForm.csrf ?? "", "identity_number": Self.intakeNumber, "unit_id": String(try #require(enrolForm.firstOptionID))])
            #expect(enrolled.location == "/barn/\(child)?inskriven=1")
            let page = try await teacher.get("/barn/\(child)")
            #expect(page.status == .ok && page.body.contains("Hemlig Intagsson"))
            #expect(!page.body.contains("HEMLIGA VÄGEN"))
            // A teacher cannot enrol: no link on the children's list, a refusal with its reason
            // at the address, logged like every refusal at the door.
            #expect(try await rektor.get(SiteURL.children.path).body.contains("href=\"/inskrivning\""))
            #expect(!(try await teacher.get(SiteURL.children.path).body.contains("href=\"/inskrivning\"")))
            let teacherID = try await h.staffID("mentor.ekbacken")
            func refusals(_ type: AuditRecordType) async throws -> Int {
                try await h.auditRows(.init(staffID: teacherID, action: .accessDenied)).filter { $0.recordType == type.rawValue }.count
            }
            let before = try await refusals(.enrolment)
            let refused = try await teacher.get("/inskrivning")
            #expect(refused.status == .forbidden && refused.body.contains("Bara rektor eller förskolechef skriver in barn"))
            #expect(try await refusals(.enrolment) == before + 1)
            // Råd och stöd the same: counted by social services' family therapists.
            let supportBefore = try await refusals(.supportCount)
            let support = try await teacher.get(SiteURL.support.path)
            #expect(support.status == .forbidden && support.body.contains("Råd och stöd räknas av familjebehandlare"))
            #expect(try await refusals(.supportCount) == supportBefore + 1)
        }
    }

    @Test("/logg with a malformed filter shows no one but the log reviewer the staff list, and logs the refusal")
    func logFilterAsksThePolicy() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            let before = try await h.auditRows(.init(action: .accessDenied)).count
            for query in ["/logg?from=garbage", "/logg?identity_number=123", "/logg"] {
                let page = try await teacher.get(query)
                #expect(page.status == .forbidden)
                #expect(!page.body.contains("(loggranskare)") && !page.body.contains("Moa Mottagningsson"))
            }
            #expect(try await h.auditRows(.init(action: .accessDenied)).count >= before + 3)
            let reviewer = Browser(client)
            try await reviewer.signIn("loggranskare")
            let page = try await reviewer.get("/logg?from=garbage")
            #expect(page.status == .unprocessableContent && page.body.contains("Moa Mottagningsson (mottagning)"))
        }
    }

    @Test("the log shows its record types in Swedish")
    func logInSwedish() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            let list = try await teacher.get("/barn")
            let child = try #require(list.body.components(separatedBy: "href=\"/barn/").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }.first)
            _ = try await teacher.get("/barn/\(child)")
            let reviewer = Browser(client)
            try await reviewer.signIn("loggranskare")
            let page = try await reviewer.get("/logg")
            #expect(page.body.contains("Barn nr \(child)"))
            #expect(!page.body.contains(">child \(child)<") && !page.body.contains("child-list"))
        }
    }

    @Test("handing over a case one cannot see answers exactly like a case that does not exist")
    func handoverIsNoOracle() async throws {
        try await WebHarness.run { h, client in
            let caseID = try await h.openEkbackenCase()
            let stranger = Browser(client)
            try await stranger.signIn("mentor.strand")
            let csrf = try await stranger.csrf()
            let existing = try await stranger.post("/samverkan/\(caseID)/overlamna", ["_csrf": csrf, "new_owner": "1", "handover_reason": "Test"])
            let missing = try await stranger.post("/samverkan/999999/overlamna", ["_csrf": csrf, "new_owner": "1", "handover_reason": "Test"])
            #expect(existing.status == .notFound && missing.status == .notFound)
            #expect(!existing.body.contains("processbäraren") && existing.body == missing.body)
        }
    }
}
