import Foundation
import Testing
@testable import SamverkaCore

@Suite("Preparation steps done and talks with the child around a meeting")
struct MeetingPreparationAndTalkTests {
    static let staff = StaffRef(id: 7, name: "Sam SIP")
    static let now = CollabFx.now

    @Test func aPreparationStepIsDoneOnceWithWhoAndWhen() throws {
        let done = try MeetingPreparationRules.markDone(step: 3, of: .sipMeeting, done: [], by: Self.staff, at: Self.now).get()
        #expect(done == PreparationStepDone(step: 3, text: "Samtycke inhämtas.", doneBy: Self.staff, doneAt: Self.now))
        guard case .failure(let again) = MeetingPreparationRules.markDone(step: 3, of: .sipMeeting, done: [done], by: StaffRef(id: 8, name: "Other"), at: Self.now) else {
            Issue.record("done twice"); return
        }
        #expect(again["preparation_3"] == "Förberedelsen är redan gjord, av Sam SIP.")
        guard case .failure(let missing) = MeetingPreparationRules.markDone(step: 6, of: .sipMeeting, done: [], by: Self.staff, at: Self.now) else {
            Issue.record("no such step"); return
        }
        #expect(missing["preparation_6"] != nil)
        guard case .failure = MeetingPreparationRules.markDone(step: 1, of: .collaborationMeeting, done: [], by: Self.staff, at: Self.now) else {
            Issue.record("a type without preparation"); return
        }
    }

    static func talk(_ change: (inout ChildTalkInput) -> Void = { _ in }) -> ChildTalkInput {
        var input = ChildTalkInput()
        input.timing = "before"
        input.talkedBy = " Lisa Lind, skolsocionom "
        input.talkedOn = "2026-12-01"
        input.childView = "Vill ha lugnare raster."
        change(&input)
        return input
    }

    static func validate(_ input: ChildTalkInput, children: [RecordID] = [4]) -> Result<ChildTalk, FieldErrors> {
        ChildTalkRules.validate(input, children: children, meetingOn: Fx.day("2026-12-03"), today: Fx.day("2026-12-05"))
    }

    static func errors(_ input: ChildTalkInput, children: [RecordID] = [4]) -> FieldErrors {
        if case .failure(let e) = validate(input, children: children) { return e }
        return FieldErrors()
    }

    @Test func aTalkBeforeTheMeetingIsRecordedForTheMeetingsChild() throws {
        let talk = try Self.validate(Self.talk()).get()
        #expect(talk == ChildTalk(childID: 4, timing: .before, talkedBy: "Lisa Lind, skolsocionom", talkedOn: Fx.day("2026-12-01"), childView: "Vill ha lugnare raster."))
    }

    @Test func eachFieldSaysWhatIsMissingInSwedish() {
        let e = Self.errors(ChildTalkInput())
        #expect(e["talk_timing"] == "Välj om samtalet hölls före eller efter mötet.")
        #expect(e["talk_by"] == "Fyll i vem som samtalade med barnet.")
        #expect(e["talk_on"] == "Ange vilken dag samtalet hölls (ÅÅÅÅ-MM-DD).")
        #expect(e["talk_view"] == "Skriv barnets syn i korthet.")
        #expect(e["talk_child"] == nil)
    }

    @Test func theDayFitsBeforeOrAfterAndIsNotAhead() {
        #expect(Self.errors(Self.talk { $0.talkedOn = "2026-12-04" })["talk_on"] == "Ett samtal före mötet hålls senast på mötesdagen 2026-12-03.")
        #expect(Self.errors(Self.talk { $0.timing = "after"; $0.talkedOn = "2026-12-02" })["talk_on"] == "Ett samtal efter mötet hålls tidigast på mötesdagen 2026-12-03.")
        #expect(Self.errors(Self.talk { $0.timing = "after"; $0.talkedOn = "2026-12-06" })["talk_on"] == "Ett samtal kan inte antecknas innan det har hållits: dagen ligger efter i dag.")
        #expect(Self.errors(Self.talk { $0.talkedOn = "1 dec" })["talk_on"] == "Skriv dagen som ÅÅÅÅ-MM-DD, till exempel 2026-12-05.")
        #expect(Self.errors(Self.talk { $0.timing = "after"; $0.talkedOn = "2026-12-03" }).isEmpty)
    }

    @Test func withSiblingsTheChildIsChosenAmongTheMeetingsChildren() throws {
        #expect(Self.errors(Self.talk(), children: [4, 5])["talk_child"] == "Välj vilket barn samtalet var med.")
        #expect(Self.errors(Self.talk { $0.childID = "9" }, children: [4, 5])["talk_child"] == "Välj vilket barn samtalet var med.")
        #expect(try Self.validate(Self.talk { $0.childID = "5" }, children: [4, 5]).get().childID == 5)
        #expect(Self.errors(Self.talk(), children: [])["talk_child"] == "Mötet gäller inget enskilt barn.")
    }
}
