import Testing
@testable import SamverkaCore

@Suite("The short oral reference conversation with the pedagogue")
struct ReferenceConversationTests {
    static let today = SimpleDate(year: 2026, month: 11, day: 18)!

    @Test func whoWhenAndANoteAreNeeded() throws {
        let ok = try ReferenceConversationRules.validate(.init(withName: "Maja Mentorsson", withRole: "Mentor, Ekbackens skola", heldOn: "2026-11-17",
                                                               note: "Elias är trött på morgnarna.\nHar svårt med kamrater."), today: Self.today).get()
        #expect(ok.withName == "Maja Mentorsson" && ok.heldOn == SimpleDate(year: 2026, month: 11, day: 17)! && ok.note.contains("\n"))
        guard case .failure(let e) = ReferenceConversationRules.validate(.init(withName: "", heldOn: "2026-11-19", note: " "), today: Self.today) else { Issue.record("accepted"); return }
        #expect(e["ref_with"] != nil && e["ref_note"] != nil)
        #expect(e["ref_held_on"] == "Samtalet kan inte registreras före det har hållits.")
        guard case .failure(let bad) = ReferenceConversationRules.validate(.init(withName: "Anna\u{202E}", heldOn: "igår", note: "x"), today: Self.today) else { Issue.record("accepted"); return }
        #expect(bad["ref_with"] != nil && bad["ref_held_on"] == "Ange datum som ÅÅÅÅ-MM-DD.")
    }
}
