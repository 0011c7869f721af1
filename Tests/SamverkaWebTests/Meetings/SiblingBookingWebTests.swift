import Foundation
import HTTPTypes
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

/// The case booking form with siblings (issue 16 item 6) and without the SIP type (issue 17).
@Suite("Web: booking a meeting for a case with siblings")
struct SiblingBookingWebTests {
    @Test("the form asks which of the case's children the meeting concerns; none chosen is refused by the field; no SIP type is offered")
    func siblingsOnTheForm() async throws {
        try await WebHarness.run { h, client in
            let rektorID = try await h.staffID("rektor.ekbacken")
            // A demo pupil of Ekbackens skola with a sibling the rektor sees.
            let (child, sibling, caseID) = try await h.store.withConnection { db -> (RecordID, RecordID, RecordID) in
                let actor = try #require(try await OrganisationQueries.actor(staffID: rektorID, db))
                let registry = RegistryService(store: h.store, clock: h.clock)
                let pupils = try await db.raw("SELECT c.id FROM children c JOIN units u ON u.id = c.enrolment_unit_id WHERE u.name = 'Ekbackens skola' AND c.protected_identity = 0 ORDER BY c.id").all()
                    .map { try $0.int64("id") }
                for pupil in pupils {
                    guard case .ok(let view) = try await registry.view(childID: pupil, by: RequestOrigin(actor: actor, clientAddress: nil)),
                          let sibling = view.siblings.first else { continue }
                    var input = CollaborationCaseInput()
                    input.reason = "Syskonen behöver planeras för tillsammans"
                    input.knownOn = Stockholm.date(of: h.clock.now()).iso
                    input.siblingIDs = [sibling.id]
                    guard case .ok(let caseID) = try await CollaborationService(store: h.store, clock: h.clock).openCase(childID: pupil, input, by: RequestOrigin(actor: actor, clientAddress: nil)) else { continue }
                    return (pupil, sibling.id, caseID)
                }
                throw StoreError.notFound
            }
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            let form = try await rektor.get("/samverkan/\(caseID)/moten/nytt")
            #expect(form.body.contains("Barn som mötet gäller"))
            #expect(form.body.contains("id=\"child_\(child)\" name=\"child_\(child)\" value=\"1\" checked") && form.body.contains("id=\"child_\(sibling)\" name=\"child_\(sibling)\" value=\"1\" checked"))
            #expect(!form.body.contains(MeetingType.sipMeeting.name))
            let refused = try await rektor.post("/samverkan/\(caseID)/moten/nytt", [
                "_csrf": try #require(form.csrf), "type": "samverkansmote", "date": Stockholm.date(of: h.clock.now()).iso, "start_time": "08:00", "end_time": "09:00",
                "place": "Ekbackens skola", "staff_\(rektorID)": "1", "children_asked": "1",
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Välj vilka barn mötet gäller.") && refused.body.contains("value=\"Ekbackens skola\""))
            #expect(!refused.body.contains("id=\"child_\(child)\" name=\"child_\(child)\" value=\"1\" checked"))
            #expect(try await h.count("meetings") == 0)
        }
    }
}
