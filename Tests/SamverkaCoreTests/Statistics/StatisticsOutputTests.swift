import Foundation
import Testing
@testable import SamverkaCore

@Suite("Statistics: CSV, charts and periods")
struct StatisticsOutputTests {
    @Test("the CSV starts with a byte-order mark, separates with ;, quotes what needs it and neutralises formulas")
    func csv() {
        let bytes = StatisticsCSV.bytes([["Enhet", "Anmälningar"], ["Ekbackens skola; norr", "<5"], ["=HYPERLINK(\"x\")", "12"], ["-1+2", "@SUM"]])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Enhet;Anmälningar\r\n"))
        #expect(text.contains("\"Ekbackens skola; norr\";<5\r\n"))
        #expect(text.contains("\"'=HYPERLINK(\"\"x\"\")\";12\r\n"))
        #expect(text.contains("'-1+2;'@SUM\r\n"))
    }

    @Test("a bar chart has its title and description, no bar for a suppressed count, and escapes text")
    func bars() {
        let svg = StatisticsChart.bars(id: "anmalningar", title: "Anmälningar per enhet", [
            .init(label: "Ekbackens skola", value: .count(12)), .init(label: "<Strand & co>", value: .suppressed), .init(label: "Solrosen", value: .count(0)),
        ])
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        #expect(svg.contains(#"role="img""#) && svg.contains(#"aria-labelledby="anmalningar-title anmalningar-desc""#))
        #expect(svg.contains(#"<title id="anmalningar-title">Anmälningar per enhet</title>"#))
        #expect(svg.contains("Ekbackens skola: 12; &lt;Strand &amp; co&gt;: &lt;5; Solrosen: 0"))
        #expect(svg.components(separatedBy: "<rect").count - 1 == 1, "one bar: 12; none for <5 or 0")
    }

    @Test("a line of shares breaks where a month has nothing measured")
    func line() {
        let svg = StatisticsChart.line(id: "skydd", title: "Skyddsbedömningar i tid", [
            .init(label: "jan", share: Share(9, of: 10)), .init(label: "feb", share: Share(8, of: 10)), .init(label: "mar", share: nil), .init(label: "apr", share: Share(1, of: 2)),
        ])
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.contains("jan: 90 %; feb: 80 %; mar: inget mätt; apr: 50 %"))
    }

    @Test("periods: a month, the terms cover the year, a year's months; a period the wrong way round is refused")
    func periods() throws {
        let february = try #require(StatisticsPeriod.month(2028, 2))
        #expect(february.to == SimpleDate(year: 2028, month: 2, day: 29))
        #expect(february.label == "februari 2028")
        let spring = try #require(StatisticsPeriod.term(2026, spring: true)), autumn = try #require(StatisticsPeriod.term(2026, spring: false))
        #expect(spring.to.adding(days: 1) == autumn.from)
        #expect(try #require(StatisticsPeriod.year(2026)).months.count == 12)
        #expect(StatisticsPeriod(from: SimpleDate(year: 2026, month: 5, day: 2)!, to: SimpleDate(year: 2026, month: 5, day: 1)!) == nil)
        let span = try #require(StatisticsPeriod(from: SimpleDate(year: 2025, month: 11, day: 15)!, to: SimpleDate(year: 2026, month: 2, day: 3)!))
        #expect(span.months.map(\.label) == ["november 2025", "december 2025", "januari 2026", "februari 2026"])
    }
}
