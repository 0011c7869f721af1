import Foundation
import HTTPTypes
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

/// The child page asks the policy each question it shows a button for (issue 16).
@Suite("Web: the child page offers what the policy allows, nothing more")
struct ChildPageWebTests {
    @Test("a teacher's child page offers a report of concern; the case officer's does not, and the form refuses them too")
    func reportButtonAsThePolicySays() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            let child = try await ReportWebTests.firstChild(teacher)
            let teachersPage = try await teacher.get("/barn/\(child)")
            #expect(teachersPage.body.contains("href=\"/barn/\(child)/anmalan\">Gör en orosanmälan"))
            #expect(try await teacher.get("/barn/\(child)/anmalan").status == .ok)
            _ = try await EverydayWebTests.send(teacher, child: child)

            // Intake opens an investigation with the case officer, who then sees the child.
            let intake = Browser(client)
            try await intake.signIn("mottagning")
            let report = try ReportWebTests.reportID(from: try await intake.get("/mottagning").body)
            let token = try await intake.csrf()
            #expect(try await intake.post("/anmalningar/\(report)/steg/bekrafta", ["_csrf": token]).status == .seeOther)
            #expect(try await intake.post("/anmalningar/\(report)/steg/skyddsbedomning", ["_csrf": token, "protection_needed": "no", "decision_date": "2026-11-18", "reasons": "Inget akut"]).status == .seeOther)
            let officer = try await h.staffID("utredare")
            let options = try await intake.get("/anmalningar/\(report)").body
            let value = try #require(options.range(of: #"option value="\#(officer):\d+""#, options: .regularExpression)).lowerBound
            let choice = String(options[value...].dropFirst("option value=\"".count).prefix { $0 != "\"" })
            #expect(try await intake.post("/anmalningar/\(report)/steg/forhandsbedomning", ["_csrf": token, "outcome": "open", "decision_date": "2026-11-18",
                                                                                           "reasons": "Behöver utredas", "case_officer": choice]).status == .seeOther)

            let caseOfficer = Browser(client)
            try await caseOfficer.signIn("utredare")
            let officersPage = try await caseOfficer.get("/barn/\(child)")
            #expect(officersPage.status == .ok)
            #expect(!officersPage.body.contains("Gör en orosanmälan"))
            #expect(try await caseOfficer.get("/barn/\(child)/anmalan").status == .notFound)
            // What the page offers is what the policy answers, question by question.
            let (actor, facts) = try await h.store.withConnection { db in
                (try #require(try await OrganisationQueries.actor(staffID: officer, db)), try #require(try await ChildQueries.childWithFacts(id: RecordID(child)!, db)).1)
            }
            #expect(!AccessPolicy.decide(actor, .fileReport(child: facts)).isAllowed)
            #expect(officersPage.body.contains("Öppna samverkansärende") == AccessPolicy.decide(actor, .openCollaborationCase(child: facts)).isAllowed)
        }
    }
}
