import Foundation
import Testing
@testable import SamverkaCore

@Suite("Names: no hidden or steering characters")
struct NameRulesTests {
    /// Each would let a name in a list or the audit log read as something else, or hide.
    static let hidden: [(String, String)] = [
        ("right-to-left override U+202E", "Anna\u{202E}nossloK"),
        ("left-to-right override U+202D", "\u{202D}Anna"),
        ("right-to-left embedding U+202B", "Anna\u{202B}"),
        ("first strong isolate U+2068", "Anna\u{2068}Berg\u{2069}"),
        ("right-to-left mark U+200F", "Anna\u{200F}"),
        ("zero-width space U+200B", "An\u{200B}na"),
        ("zero-width non-joiner U+200C", "An\u{200C}na"),
        ("zero-width joiner U+200D", "An\u{200D}na"),
        ("word joiner U+2060", "An\u{2060}na"),
        ("byte-order mark U+FEFF", "\u{FEFF}Anna"),
        ("NUL", "Anna\u{0}"),
        ("escape", "Anna\u{1B}[31m"),
        ("tab", "An\tna"),
        ("delete U+007F", "Anna\u{7F}"),
        ("C1 control U+0085", "Anna\u{85}"),
        ("line separator U+2028", "Anna\u{2028}Berg"),
    ]

    @Test("hidden and control characters are found", arguments: hidden)
    func found(_ sample: (String, String)) {
        #expect(NameRules.hasHiddenCharacters(sample.1), "\(sample.0)")
        #expect(NameRules.problem(sample.1, label: "Förnamn") == "Förnamn får inte innehålla osynliga tecken, styrtecken eller tecken som vänder textriktningen.")
    }

    @Test("ordinary names from many languages pass")
    func ordinary() {
        for name in ["Åsa-Britt Öberg", "Zoë D'Arcy", "محمد", "Nguyễn Thị Hồng", "Ünal Çelik", "Łukasz Wąs", "李小龍", "Ἀλέξανδρος", "Märta af Klint"] {
            #expect(!NameRules.hasHiddenCharacters(name), "\(name)")
        }
    }

    @Test("a child's name with an override is refused next to the field")
    func childForm() {
        let today = SimpleDate(year: 2026, month: 11, day: 18)!
        let number = IdentityNumber.make(birthDate: SimpleDate(year: 2015, month: 3, day: 4)!, serial: 981).formatted
        let input = ChildInput(identityNumber: number, givenName: "Anna\u{202E}", familyName: "Be\u{200B}rg", unitID: "")
        guard case .failure(let errors) = ChildRegistration.validate(input, enrolmentUnits: [], unitRequired: false, today: today) else {
            Issue.record("accepted")
            return
        }
        #expect(errors["given_name"] == NameRules.message(label: "Förnamn"))
        #expect(errors["family_name"] == NameRules.message(label: "Efternamn"))
        let clean = ChildInput(identityNumber: number, givenName: "Anna", familyName: "Berg", unitID: "")
        guard case .success = ChildRegistration.validate(clean, enrolmentUnits: [], unitRequired: false, today: today) else { Issue.record("clean refused"); return }
    }

    @Test("a guardian's name with NUL or a zero-width joiner is refused next to the field")
    func guardianForm() {
        let input = GuardianInput(givenName: "Karl\u{0}", familyName: "Ek\u{200D}")
        guard case .failure(let errors) = GuardianRegistration.validate(input, today: SimpleDate(year: 2026, month: 11, day: 18)!) else {
            Issue.record("accepted")
            return
        }
        #expect(errors["given_name"] == NameRules.message(label: "Förnamn"))
        #expect(errors["family_name"] == NameRules.message(label: "Efternamn"))
    }
}
