import Foundation
import Testing
@testable import SamverkaCore

@Suite("Minutes sent and the case timeline")
struct CollaborationTimelineTests {
    @Test func dispatchesAreRecordedAndTheMissingRecipientsListed() throws {
        let sent = try MinutesDispatchRules.record(recipientName: "Gun Vårdnadshavare", role: .guardian, channel: "post", sentBy: CollabFx.rektor, at: CollabFx.now).get()
        #expect(sent.channel == .post)
        #expect(sent.sentAt == CollabFx.now)
        guard case .failure(let e) = MinutesDispatchRules.record(recipientName: "", role: nil, channel: "fax", sentBy: CollabFx.rektor, at: CollabFx.now) else {
            Issue.record("A dispatch without recipient was recorded")
            return
        }
        #expect(e["recipient"] != nil)
        #expect(e["channel"] != nil)
        let people = [MeetingBookingTests.guardian, MeetingBookingTests.rektor, MeetingBookingTests.therapist]
        let missing = MinutesDispatchRules.notYetSent(type: .collaborationMeeting, participants: people, dispatches: [sent])
        #expect(missing.map(\.name) == ["Rut Rektor"])
    }

    @Test func theTimelineIsInOrderAndShowsWhatIsDueNext() throws {
        var c = CollabFx.openCase(knownOn: "2026-11-20")
        c = try CollaborationCaseRules.handOver(c, to: CollabFx.therapist, reason: "Byte", by: CollabFx.rektor.id, at: Fx.at(2026, 12, 4, 9)).get()
        let entries = [
            TimelineEntry(date: Fx.day("2026-12-03"), kind: .action, title: "Boka skolsköterska"),
            TimelineEntry(date: Fx.day("2026-12-03"), kind: .meeting, title: "Samverkansmöte", recordID: 1),
            TimelineEntry(date: Fx.day("2026-11-21"), kind: .consent, title: "Samtycke från vårdnadshavarna"),
            TimelineEntry(date: Fx.day("2026-12-03"), kind: .decision, title: "Föräldrastöd erbjuds"),
        ]
        let action = MeetingAction(id: 4, what: "Boka skolsköterska", responsible: ActionResponsible(staffID: 10, name: "Rut Rektor"), dueOn: Fx.day("2026-12-10"))
        let timeline = CaseTimeline.build(
            for: c, entries: entries, heldMeetingDays: [Fx.day("2026-12-03")], openActions: [action],
            bookedMeetings: [(date: Fx.day("2026-12-17"), title: "Samverkansmöte")], today: Fx.day("2026-12-09")
        )
        #expect(timeline.entries.map(\.kind) == [.needKnown, .consent, .caseOpened, .meeting, .decision, .action, .handover])
        // The two days are each labelled: the need became known on the 20th, the case was opened on the 23rd.
        #expect(timeline.entries[0].date == Fx.day("2026-11-20") && timeline.entries[0].title == "Behovet av samverkan blev känt")
        #expect(timeline.entries[2].date == Fx.day("2026-11-23") && timeline.entries[2].title == "Ärendet öppnades av Rut Rektor")
        #expect(timeline.due.map(\.date) == [Fx.day("2026-12-10"), Fx.day("2026-12-17"), Fx.day("2026-12-17")])
        #expect(timeline.next?.title == "Boka skolsköterska (Rut Rektor)")
        #expect(timeline.next?.state == .dueSoon)
        #expect(timeline.due.contains { $0.title == "Andra samverkansmötet senast" && $0.responsibleID == CollabFx.therapist.id })
    }
}
