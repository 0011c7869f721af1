import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

/// Issue 16 item 6: a meeting about two siblings of one case, each child's part under a
/// consent of that child's own (checked on both engines, as every store test).
@Suite("A meeting about siblings: each child's consent checked on its own")
struct SiblingMeetingTests {
    @Test("two siblings in one case: refused while only one has a consent, naming the other; booked for both once each has one")
    func siblingsEachNeedTheirConsent() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let saga = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let olle = try await f.registerChild(Numbers.make(2012, 2, 2), "Olle", "Ek")
            let parent = GuardianInput(identityNumber: Numbers.make(1980, 1, 1), givenName: "Gun", familyName: "Ek")
            let sagasGuardian = try requireOK(await f.registry.addGuardian(childID: saga, parent, by: f.origin(f.teacherA)))
            let ollesGuardian = try requireOK(await f.registry.addGuardian(childID: olle, parent, by: f.origin(f.teacherA)))
            let service = CollaborationService(store: store, clock: f.clock)
            var opened = CollaborationCaseInput()
            opened.reason = "Syskonen har hög frånvaro; familjen behöver stöd"
            opened.knownOn = f.todayISO
            opened.siblingIDs = [olle]
            let caseID = try requireOK(await service.openCase(childID: saga, opened, by: f.origin(s.principalA)))
            _ = try await CollaborationServiceTests.consent(f, child: saga, guardian: sagasGuardian, units: [f.schoolA, s.treatmentUnit], by: s.principalA)

            var input = CollaborationServiceTests.booking(f, s, on: f.today.adding(days: 7))
            input.childIDs = [saga, olle]
            input.childrenAsked = true
            let refused = try requireInvalid(await service.bookMeeting(caseID: caseID, typeKey: MeetingType.collaborationMeeting.key, input, by: f.origin(s.principalA)))
            #expect(refused["consent"]?.contains("Olle Ek") == true)
            #expect(refused["consent"]?.contains("Saga Ek") == false)
            #expect(try await f.count("meetings") == 0)
            // Only Saga: her consent is enough.
            input.childIDs = [saga]
            let (sagaOnly, _) = try requireOK(await service.bookMeeting(caseID: caseID, typeKey: MeetingType.collaborationMeeting.key, input, by: f.origin(s.principalA)))
            #expect(try await store.withConnection { db in try await CollaborationQueries.meetingChildren(meetingID: sagaOnly, db) } == [saga])

            var ollesConsent = ConsentServiceTests.oralConsent(guardian: ollesGuardian, units: [f.schoolA, s.treatmentUnit], categories: [.schoolSituation, .attendance],
                                                               from: f.todayISO, to: f.today.adding(months: 6).iso)
            ollesConsent.purposeKind = ConsentPurposeKind.collaborationCase.rawValue
            ollesConsent.childView = "Olle vill att skolan och familjebehandlaren pratar med varandra."
            _ = try requireOK(await ConsentService(store: store, clock: f.clock).register(childID: olle, ollesConsent, document: nil, by: f.origin(s.principalA)))
            input.childIDs = [olle, saga]
            let (both, _) = try requireOK(await service.bookMeeting(caseID: caseID, typeKey: MeetingType.collaborationMeeting.key, input, by: f.origin(s.principalA)))
            #expect(try await store.withConnection { db in try await CollaborationQueries.meetingChildren(meetingID: both, db) }.sorted() == [saga, olle].sorted())
            // The case's own child stays the meeting's first child.
            #expect(try await store.withConnection { db in try await db.raw("SELECT child_id FROM meetings WHERE id = \(bind: both)").first()!.int64("child_id") } == saga)

            // A child outside the case, or no child when the form asked, is refused.
            let stranger = try await f.registerChild(Numbers.make(2014, 4, 4), "Ali", "Berg")
            input.childIDs = [saga, stranger]
            #expect(try requireInvalid(await service.bookMeeting(caseID: caseID, typeKey: MeetingType.collaborationMeeting.key, input, by: f.origin(s.principalA)))["children"] != nil)
            input.childIDs = []
            #expect(try requireInvalid(await service.bookMeeting(caseID: caseID, typeKey: MeetingType.collaborationMeeting.key, input, by: f.origin(s.principalA)))["children"] != nil)
        }
    }
}
