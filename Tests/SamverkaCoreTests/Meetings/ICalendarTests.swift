import Foundation
import Testing
@testable import SamverkaCore

@Suite("iCalendar invitation file")
struct ICalendarTests {
    static let event = ICalendarEvent(
        uid: "samverka-meeting-12-participant-3@ragunda.se",
        stamp: Fx.utc("2026-11-23T09:00:00Z"),
        date: Fx.day("2026-12-03"),
        start: TimeOfDay(hour: 13, minute: 0)!,
        end: TimeOfDay(hour: 14, minute: 30)!,
        summary: "Samverkansmöte",
        location: "Ekbackens skola, konferensrummet",
        description: "Dagordning:\n1. Sekreterare utses\n2. Presentation av deltagarna; alla\nKontakt: Rut Rektor, telefon 0696-123 45",
        url: "https://meet.example.se/abc?x=1"
    )

    /// Unfolds and splits into (name with parameters, value) pairs.
    static func properties(_ text: String) -> [(String, String)] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { line in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(after: colon)...]))
        }
    }

    @Test func escapingOfText() {
        #expect(ICalendar.escapeText(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendar.escapeText("rad 1\nrad 2\r\nrad 3\rrad 4") == #"rad 1\nrad 2\nrad 3\nrad 4"#)
        #expect(ICalendar.escapeText("flik\there\u{07}") == "flik here")
        #expect(ICalendar.escapeText("Åsa Öberg: möte") == "Åsa Öberg: möte")
    }

    @Test func foldingKeepsLinesWithin75Octets() {
        let long = "DESCRIPTION:" + String(repeating: "abcdefghij", count: 20)
        let folded = ICalendar.fold(long)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count == 3)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical[0].utf8.count == 75)
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == long)
        // Exactly 75 octets is not folded.
        let exact = String(repeating: "x", count: 75)
        #expect(ICalendar.fold(exact) == exact)
    }

    @Test(arguments: ["å", "€", "😀", "é"])
    func foldingNeverSplitsAUTF8Character(character: String) {
        for offset in 0..<4 {
            let line = "SUMMARY:" + String(repeating: "x", count: offset) + String(repeating: character, count: 60)
            let folded = ICalendar.fold(line)
            // Split the octets at CRLF: each physical line is valid UTF-8 on its own.
            var chunks: [[UInt8]] = [[]]
            for byte in Array(folded.utf8) {
                if byte == 0x0A, chunks[chunks.count - 1].last == 0x0D {
                    chunks[chunks.count - 1].removeLast()
                    chunks.append([])
                } else {
                    chunks[chunks.count - 1].append(byte)
                }
            }
            #expect(chunks.count > 1)
            for chunk in chunks {
                #expect(chunk.count <= 75)
                #expect(String(bytes: chunk, encoding: .utf8) != nil)
            }
            #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        }
    }

    @Test func utcStamps() {
        #expect(ICalendar.utcStamp(Fx.utc("2026-11-23T09:00:00Z")) == "20261123T090000Z")
        #expect(ICalendar.utcStamp(Fx.utc("2026-07-01T21:59:59Z")) == "20260701T215959Z")
        #expect(ICalendar.utcStamp(Fx.at(2026, 11, 23, 14, 5)) == "20261123T130500Z")
    }

    @Test func theDocumentHasTheRightStructure() throws {
        let text = ICalendar.document(Self.event)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
        // CRLF everywhere, no bare line feed, and no line over 75 octets.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })

        let props = Self.properties(text)
        func value(_ name: String) -> String? { props.first { $0.0 == name }?.1 }
        func count(_ name: String, _ value: String) -> Int { props.filter { $0.0 == name && $0.1 == value }.count }
        #expect(value("PRODID") == "-//Samverka//Samverka//SV")
        #expect(count("BEGIN", "VEVENT") == 1 && count("END", "VEVENT") == 1)
        #expect(count("BEGIN", "VTIMEZONE") == 1 && count("END", "VTIMEZONE") == 1)
        #expect(value("TZID") == "Europe/Stockholm")
        #expect(props.filter { $0.0 == "RRULE" }.map(\.1) == ["FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"])
        #expect(props.filter { $0.0 == "TZOFFSETTO" }.map(\.1) == ["+0200", "+0100"])
        #expect(value("UID") == "samverka-meeting-12-participant-3@ragunda.se")
        #expect(value("DTSTAMP") == "20261123T090000Z")
        #expect(value("DTSTART;TZID=Europe/Stockholm") == "20261203T130000")
        #expect(value("DTEND;TZID=Europe/Stockholm") == "20261203T143000")
        #expect(value("SUMMARY") == "Samverkansmöte")
        #expect(value("LOCATION") == #"Ekbackens skola\, konferensrummet"#)
        #expect(value("DESCRIPTION") == #"Dagordning:\n1. Sekreterare utses\n2. Presentation av deltagarna\; alla\nKontakt: Rut Rektor\, telefon 0696-123 45"#)
        #expect(value("URL") == "https://meet.example.se/abc?x=1")
        // Components are properly nested: every BEGIN has its END, in order.
        var stack: [String] = []
        for (name, v) in props where name == "BEGIN" || name == "END" {
            if name == "BEGIN" { stack.append(v) } else { #expect(stack.popLast() == v) }
        }
        #expect(stack.isEmpty)
    }

    @Test func optionalPartsAreLeftOutAndUnsafeLinksDropped() {
        var e = Self.event
        e.location = nil
        e.description = nil
        e.url = "http://insecure.example"
        let text = ICalendar.document(e)
        #expect(!text.contains("\r\nLOCATION:"))
        #expect(!text.contains("\r\nDESCRIPTION:"))
        #expect(!text.contains("\r\nURL:"))
        e.end = e.start
        #expect(ICalendar.document(e).contains("\r\nDURATION:PT1H\r\n"))
    }

    /// Issue 17 point 8: the calendar file carries the same names as the letter.
    @Test func namesSurviveEscapingAndFolding() {
        let names = ["Łukasz Wiśniewski", "Çelik", "Nguyễn Thị Ánh", "Åsa Öberg", "Zoë SSander"]
        let description = "Deltagare: " + names.joined(separator: ", ") + "; kontakt: " + names[2]
        var event = Self.event
        event.summary = "Samverkansmöte om Nguyễn Thị Ánh"
        event.description = description
        let ics = ICalendar.document(event)
        for line in ics.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75)
            // No continuation line starts with a combining mark torn from its letter.
            #expect(line.unicodeScalars.dropFirst().first.map { $0.properties.canonicalCombiningClass == .notReordered } ?? true)
        }
        let unfolded = Self.properties(ics)
        #expect(unfolded.contains { $0 == ("SUMMARY", "Samverkansmöte om Nguyễn Thị Ánh") })
        #expect(unfolded.contains { $0 == ("DESCRIPTION", #"Deltagare: Łukasz Wiśniewski\, Çelik\, Nguyễn Thị Ánh\, Åsa Öberg\, Zoë SSander\; kontakt: Nguyễn Thị Ánh"#) })
        // Decomposed input is composed, so the file holds the one spelling of each name.
        #expect(ICalendar.escapeText("Nguye\u{302}\u{303}n Thi\u{323} A\u{301}nh").unicodeScalars.elementsEqual("Nguyễn Thị Ánh".unicodeScalars))
    }

    @Test func foldingKeepsALetterWithItsAccents() {
        for offset in 0..<6 {
            // "ễ" decomposed is three code points, five octets: a fold may fall only before it.
            let line = "SUMMARY:" + String(repeating: "x", count: offset) + String(repeating: "e\u{302}\u{303}", count: 40)
            let physical = ICalendar.fold(line).components(separatedBy: "\r\n")
            #expect(physical.count > 1)
            for part in physical {
                #expect(part.utf8.count <= 75)
                let body = part.hasPrefix(" ") ? String(part.unicodeScalars.dropFirst()) : part
                #expect(body.unicodeScalars.first == "S" || body.unicodeScalars.first == "x" || body.unicodeScalars.first == "e")
            }
            #expect(ICalendar.fold(line).replacingOccurrences(of: "\r\n ", with: "").unicodeScalars.elementsEqual(line.unicodeScalars))
        }
        // A cluster longer than a line (a letter with many marks) is still folded within 75 octets.
        let heavy = "SUMMARY:a" + String(repeating: "\u{301}", count: 60)
        #expect(ICalendar.fold(heavy).components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }
}
