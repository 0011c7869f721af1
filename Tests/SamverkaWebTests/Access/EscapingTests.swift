import Foundation
import Testing
@testable import SamverkaCore
@testable import SamverkaWeb

@Suite("HTML escaping")
struct EscapingTests {
    @Test(arguments: [
        ("", ""),
        ("Åsa Öberg-Ärlig", "Åsa Öberg-Ärlig"),
        ("<script>alert(\"x\")</script>", "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
        ("Tom & 'Jerry'", "Tom &amp; &#39;Jerry&#39;"),
        ("&lt;", "&amp;lt;"),
        ("<\u{0338} ≠ 😀 \u{00A0}>", "&lt;\u{0338} ≠ 😀 \u{00A0}&gt;"),
    ])
    func escapesTheFiveCharacters(_ input: String, _ expected: String) {
        #expect(FastHTMLContentType.escape(input) == expected)
    }

    @Test("what a user typed reaches the child page, search and the layout escaped")
    func userDataIsEscapedOnPages() async throws {
        try await WebHarness.run { _, client in
            let mentor = Browser(client)
            try await mentor.signIn("mentor.ekbacken")
            let form = try await mentor.get("/barn/ny")
            let unitID = form.firstOptionID!
            let created = try await mentor.post("/barn/ny", ["_csrf": form.csrf!, "identity_number": "150312-9825", "given_name": "Ida<script>x()</script>",
                                                             "family_name": "O'Hara & \"Co\"", "unit_id": String(unitID)])
            #expect(created.status == .seeOther)
            let page = try await mentor.get(String(created.location!.split(separator: "?")[0]))
            #expect(page.body.contains("<h1>Ida&lt;script&gt;x()&lt;/script&gt; O&#39;Hara &amp; &quot;Co&quot;</h1>"))
            #expect(page.body.contains("<title>Ida&lt;script&gt;x()&lt;/script&gt; O&#39;Hara &amp; &quot;Co&quot; – Samverka</title>"))
            #expect(!page.body.contains("<script>"))
            let search = try await mentor.get("/sok?q=o%27hara+%3Cb%3E")
            #expect(search.body.contains("value=\"o&#39;hara &lt;b&gt;\""), "a GET form sends a space as +")
            let found = try await mentor.get("/sok?q=hara")
            #expect(found.body.contains("Ida&lt;script&gt;x()&lt;/script&gt; O&#39;Hara &amp; &quot;Co&quot;</a>"))
            #expect(!found.body.contains("<script>"))
        }
    }

    @Test("a clock's sentence, with the original due day when extended")
    func clockSentence() throws {
        let opened = Stockholm.startOfDay(SimpleDate(year: 2026, month: 10, day: 31)!).addingTimeInterval(10 * 3600)
        let clock = Deadline(kind: .investigation, startedAt: opened)
        let plain = ConcernViews.clock(clock, now: opened)
        #expect(plain["text"] as? String == "Utredning: senast 2027-02-28")
        #expect(plain["basis"] as? String == "4 månader, " + LegalReference.investigationTime.current)
        let extended = try clock.extended(to: SimpleDate(year: 2027, month: 4, day: 30)!, reason: "Väntar på utlåtande", at: opened).get()
        #expect(ConcernViews.clock(extended, now: opened)["text"] as? String == "Utredning: senast 2027-04-30 (förlängd, ursprungligen 2027-02-28)")
    }
}
