import Foundation
import Testing
@testable import SamverkaCore

/// The collaboration routine's clocks ask for collaboration meetings (seed 003): a
/// Trampolinen follow-up or a SIP held in the case does not count.
@Suite("Collaboration clocks count only collaboration meetings")
struct CollaborationClockCategoryTests {
    @Test func aTrampolinenFollowUpDoesNotMeetTheFirstMeetingClock() {
        let held = [HeldMeeting(day: Fx.day("2026-12-01"), category: MeetingType.trampolinenFollowUp.category)]
        let clocks = CollabFx.openCase().clocks(heldMeetings: held)
        #expect(clocks.map(\.kind) == [.firstMeeting])
        #expect(clocks[0].heldOn == nil)
        #expect(clocks[0].state(on: Fx.day("2026-12-08")) == .overdue)
    }

    @Test func aCollaborationMeetingMeetsIt() {
        let held = [HeldMeeting(day: Fx.day("2026-12-01"), category: MeetingType.collaborationMeeting.category)]
        let clocks = CollabFx.openCase().clocks(heldMeetings: held)
        #expect(clocks.map(\.kind) == [.firstMeeting, .secondMeeting])
        #expect(clocks[0].heldOn == Fx.day("2026-12-01"))
        #expect(clocks[0].state(on: Fx.day("2026-12-08")) == .met)
    }

    @Test func otherKindsBetweenCollaborationMeetingsDoNotMeetTheSecondClock() {
        let held = [
            HeldMeeting(day: Fx.day("2026-12-01"), category: .collaboration),
            HeldMeeting(day: Fx.day("2026-12-05"), category: .sip),
            HeldMeeting(day: Fx.day("2026-12-10"), category: .programme),
        ]
        let second = CollabFx.openCase().clocks(heldMeetings: held)[1]
        #expect(second.heldOn == nil)
        #expect(CollabFx.openCase().openClocks(heldMeetings: held, on: Fx.day("2026-12-11")).map(\.kind) == [.secondMeeting])
    }

    @Test func onlyTheShippedCollaborationMeetingCounts() {
        #expect(MeetingType.shipped.filter(\.category.countsTowardsCollaborationClocks).map(\.key) == ["samverkansmote"])
    }

    @Test func typesStoredBeforeCategoriesTakeTheShippedCategory() throws {
        // A definition as stored by migration 5: no category field.
        let json = #"{"key":"trampolinen-uppfoljning","name":"Trampolinen","agenda":["Punkt"]}"#
        let type = try JSONDecoder().decode(MeetingType.self, from: Data(json.utf8))
        #expect(type.category == .programme)
        let own = #"{"key":"eget-mote","name":"Eget","agenda":["Punkt"]}"#
        #expect(try JSONDecoder().decode(MeetingType.self, from: Data(own.utf8)).category == .other)
    }

    @Test func theCategoryRoundTripsThroughTheAdministratorsForm() throws {
        var input = MeetingTypeInput(MeetingType.collaborationMeeting)
        input.key = "eget-samverkansmote"
        #expect(try MeetingTypeRules.validate(input, existingKeys: []).get().category == .collaboration)
        input.category = "nonsense"
        guard case .failure(let errors) = MeetingTypeRules.validate(input, existingKeys: []) else {
            Issue.record("An unknown category was accepted")
            return
        }
        #expect(errors["category"] != nil)
    }
}
