import Foundation
import Testing
@testable import SamverkaCore

/// Reads back what the writer produced: enough of PDF to check the structure.
enum PDFProbe {
    /// Byte for byte as text (Latin-1), so offsets and contents can be searched.
    static func text(_ bytes: [UInt8]) -> String { String(bytes.map { Character(Unicode.Scalar($0)) }) }

    /// How a string shows inside a content stream: WinAnsi bytes, escaped.
    static func shown(_ text: String) -> String { String(PDFWriter.literal(WinAnsi.encode(text)).dropFirst().dropLast()) }

    static func startxref(_ bytes: [UInt8]) -> Int? {
        let t = text(bytes)
        guard let r = t.range(of: "startxref\n", options: .backwards) else { return nil }
        return Int(t[r.upperBound...].prefix { $0.isNumber })
    }

    /// The offsets in the cross-reference table, object 1 first.
    static func xrefOffsets(_ bytes: [UInt8]) -> [Int] {
        guard let start = startxref(bytes) else { return [] }
        let lines = text(Array(bytes[start...])).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "xref", let count = lines[1].split(separator: " ").last.flatMap({ Int($0) }) else { return [] }
        return lines[3..<(2 + count)].map { Int($0.prefix(10))! }
    }

    /// Every stream's declared /Length and its actual byte count.
    static func streamLengths(_ bytes: [UInt8]) -> [(declared: Int, actual: Int)] {
        let t = text(bytes)
        var result: [(Int, Int)] = []
        var search = t.startIndex
        while let l = t.range(of: "/Length ", range: search..<t.endIndex) {
            let declared = Int(t[l.upperBound...].prefix { $0.isNumber })!
            let s = t.range(of: ">>\nstream\n", range: l.upperBound..<t.endIndex)!
            let e = t.range(of: "\nendstream", range: s.upperBound..<t.endIndex)!
            result.append((declared, t.utf8.distance(from: s.upperBound, to: e.lowerBound)))
            search = e.upperBound
        }
        return result
    }
}

@Suite("PDF writer")
struct PDFWriterTests {
    static func sample() -> [UInt8] {
        var w = PDFWriter(title: "Minnesanteckningar – Samverkansmöte", footer: "Samverkansmöte 2026-12-03")
        w.documentTitle("Minnesanteckningar")
        w.field("Plats:", "Ekbackens skola (rum 2)")
        w.heading("Dagordning")
        w.subheading("1. Sekretess")
        w.paragraph("Nulägesbeskrivning: Åsa och Örjan berättade om läget hemma. Back\\slash.")
        w.bullet("Ring BUP – ansvarig: Fia")
        return w.render(created: Fx.utc("2026-12-03T14:00:00Z"))
    }

    @Test func headerTrailerAndEOF() {
        let pdf = PDFProbe.text(Self.sample())
        #expect(pdf.hasPrefix("%PDF-1.4\n"))
        #expect(pdf.hasSuffix("%%EOF\n"))
        #expect(pdf.contains("/Root 1 0 R"))
        #expect(pdf.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"))
        #expect(pdf.contains("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"))
        #expect(pdf.contains("/CreationDate (D:20261203140000Z)"))
        #expect(pdf.contains("/MediaBox [0 0 595.28 841.89]"))
    }

    @Test func xrefOffsetsPointAtTheirObjects() throws {
        let bytes = Self.sample()
        let start = try #require(PDFProbe.startxref(bytes))
        #expect(PDFProbe.text(Array(bytes[start..<(start + 4)])) == "xref")
        let offsets = PDFProbe.xrefOffsets(bytes)
        #expect(offsets.count == 7) // catalog, pages, two fonts, info, one page and its content
        for (index, offset) in offsets.enumerated() {
            let header = "\(index + 1) 0 obj"
            #expect(PDFProbe.text(Array(bytes[offset..<(offset + header.utf8.count)])) == header)
        }
        #expect(PDFProbe.text(bytes).contains("trailer\n<< /Size 8 "))
        // Each xref entry is exactly 20 bytes.
        let table = PDFProbe.text(Array(bytes[start...]))
        #expect(table.split(separator: "\n").dropFirst(2).prefix(8).allSatisfy { $0.utf8.count == 19 })
    }

    @Test func streamLengthsAreExact() {
        let lengths = PDFProbe.streamLengths(Self.sample())
        #expect(!lengths.isEmpty)
        #expect(lengths.allSatisfy { $0.declared == $0.actual })
    }

    @Test func textAppearsInTheContentStream() {
        let pdf = PDFProbe.text(Self.sample())
        #expect(pdf.contains("(Dagordning) Tj"))
        #expect(pdf.contains("(1. Sekretess) Tj"))
        #expect(pdf.contains(#"(Ekbackens skola \(rum 2\)) Tj"#))
        // Å is 0xC5 in WinAnsi: octal 305; ä is 0xE4: 344; Ö is 0xD6: 326.
        #expect(pdf.contains(#"Nul\344gesbeskrivning: \305sa och \326rjan"#))
        #expect(pdf.contains(#"Back\\slash."#))
        #expect(pdf.contains(#"Ring BUP \226 ansvarig: Fia"#))
        #expect(pdf.contains("(Samverkansm\\366te 2026-12-03 \\226 Sida 1 av 1) Tj"))
        // The title is UTF-16 so any character survives in the document information.
        #expect(pdf.contains("/Title <FEFF004D0069006E006E00650073"))
    }

    @Test func winAnsiEncodesSwedishAndReplacesTheRest() {
        #expect(WinAnsi.encode("åäöÅÄÖé€–”•") == [0xE5, 0xE4, 0xF6, 0xC5, 0xC4, 0xD6, 0xE9, 0x80, 0x96, 0x94, 0x95])
        #expect(WinAnsi.encode("a\u{30A}") == [0xE5]) // decomposed å
        #expect(WinAnsi.encode("😀 ж") == [0x3F, 0x20, 0x3F])
        #expect(WinAnsi.encode("a\tb") == [0x61, 0x20, 0x62])
        #expect(PDFWriter.literal([0x28, 0x61, 0x29, 0x5C, 0x0A]) == #"(\(a\)\\\012)"#)
    }

    @Test func longTextWrapsAndBreaksPages() {
        var w = PDFWriter(title: "Lång")
        let sentence = "Barnet berättade om skolan, rasterna och vad som fungerar bra och mindre bra hemma. "
        for n in 1...120 { w.paragraph("\(n). " + String(repeating: sentence, count: 3)) }
        #expect(w.pageCount > 5)
        let bytes = w.render()
        let pdf = PDFProbe.text(bytes)
        #expect(pdf.contains("/Count \(w.pageCount)"))
        #expect(pdf.contains("(Sida \(w.pageCount) av \(w.pageCount)) Tj"))
        #expect(PDFProbe.xrefOffsets(bytes).count == 5 + 2 * w.pageCount)
        for line in w.wrap(String(repeating: sentence, count: 3), font: .regular, size: 10, width: w.contentWidth) {
            #expect(PDFFont.regular.width(line, size: 10) <= w.contentWidth)
        }
        // No body text below the bottom margin; only the footer sits under it.
        let baselines = pdf.components(separatedBy: " Tm ").dropLast().compactMap { Double($0.split(separator: " ").last!) }
        #expect(baselines.count > 100)
        #expect(baselines.allSatisfy { $0 >= PDFWriter.margin || $0 < 30 }) // body, or the footer
    }

    @Test func anOverlongWordIsSplit() {
        let w = PDFWriter(title: "x")
        let lines = w.wrap(String(repeating: "m", count: 300), font: .bold, size: 10, width: 100)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { PDFFont.bold.width($0, size: 10) <= 100 })
        #expect(lines.reduce(0) { $0 + $1.count } == 300)
        #expect(w.wrap("rad ett\n\nrad tre", font: .regular, size: 10, width: 400).count == 3)
    }
}

@Suite("Minutes as PDF")
struct MinutesDocumentTests {
    static func document() throws -> MinutesDocument {
        let minutes = try MinutesRules.close(MeetingMinutesTests.input {
            $0.needs = ["health": "Ont i magen på morgnarna"]
        }, MeetingMinutesTests.context()).get()
        return MinutesDocument(
            organisation: "Ragunda kommun", type: .collaborationMeeting, about: "Elsa Andersson, åk 2",
            schedule: MeetingMinutesTests.schedule, participants: MeetingMinutesTests.participants, minutes: minutes
        )
    }

    @Test func theMinutesCarryEveryAgendaItemAndTheChildsVoice() throws {
        let pdf = PDFProbe.text(try Self.document().pdf())
        #expect(pdf.hasPrefix("%PDF-1.4"))
        for (index, item) in MeetingType.collaborationMeeting.agenda.enumerated() where item.count < 60 {
            #expect(pdf.contains("(\(PDFProbe.shown("\(index + 1). \(item)"))) Tj"))
        }
        #expect(pdf.contains(PDFProbe.shown("Barnets röst")))
        #expect(pdf.contains(PDFProbe.shown("Elsa vill gå till skolan")))
        #expect(pdf.contains(PDFProbe.shown("Gun Vårdnadshavare, Vårdnadshavare: närvarande")))
        #expect(pdf.contains(PDFProbe.shown("Fia Familjebehandlare, Familjebehandlare: anmält förhinder")))
        #expect(pdf.contains(PDFProbe.shown("Boka möte med skolsköterskan – ansvarig: Rut Rektor, klart senast 2026-12-10")))
        #expect(pdf.contains(PDFProbe.shown("Barnets utveckling")))
        #expect(pdf.contains(PDFProbe.shown("Ont i magen på morgnarna")))
        #expect(pdf.contains(PDFProbe.shown("2026-12-17 kl. 13:00")))
        #expect(pdf.contains(PDFProbe.shown(LegalReference.childsBestInterestsAndRightToBeHeard.current)))
        #expect(PDFProbe.streamLengths(try Self.document().pdf()).allSatisfy { $0.declared == $0.actual })
    }

    @Test func theSameMinutesGiveTheSameBytes() throws {
        let created = Fx.utc("2026-12-03T15:00:00Z")
        #expect(try Self.document().pdf(created: created) == Self.document().pdf(created: created))
    }
}
