import Foundation
import Testing
@testable import SamverkaCore

@Suite("PDF writer")
struct PDFWriterTests {
    static func sample() -> [UInt8] {
        var w = PDFWriter(title: "Minnesanteckningar – Samverkansmöte", footer: "Samverkansmöte 2026-12-03", fonts: TestFonts.dejaVu)
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
        #expect(pdf.contains("/Info 3 0 R"))
        #expect(pdf.contains("/CreationDate (D:20261203140000Z)"))
        #expect(pdf.contains("/MediaBox [0 0 595.28 841.89]"))
        #expect(pdf.contains("/Resources << /Font << /F1 4 0 R /F2 9 0 R >> >>"))
    }

    @Test func bothFontsAreEmbeddedAsCIDFontsWithToUnicode() {
        let pdf = PDFProbe.text(Self.sample())
        for name in ["DejaVuSans", "DejaVuSans-Bold"] {
            #expect(pdf.range(of: #"/Subtype /Type0 /BaseFont /[A-Z]{6}\+\#(name) /Encoding /Identity-H"#, options: .regularExpression) != nil)
            #expect(pdf.range(of: #"/FontName /[A-Z]{6}\+\#(name) "#, options: .regularExpression) != nil)
        }
        #expect(pdf.components(separatedBy: "/Subtype /CIDFontType2").count == 3)
        #expect(pdf.components(separatedBy: "/CIDToGIDMap /Identity").count == 3)
        #expect(pdf.components(separatedBy: "/FontFile2 ").count == 3)
        #expect(pdf.components(separatedBy: "/ToUnicode ").count == 3)
        #expect(pdf.contains("/Ordering (UCS)"))
        #expect(pdf.components(separatedBy: "/Filter /FlateDecode").count == 3) // the font files only
    }

    @Test func xrefOffsetsPointAtTheirObjects() throws {
        let bytes = Self.sample()
        let start = try #require(PDFProbe.startxref(bytes))
        #expect(PDFProbe.text(Array(bytes[start..<(start + 4)])) == "xref")
        let offsets = PDFProbe.xrefOffsets(bytes)
        #expect(offsets.count == 15) // catalog, pages, info, five objects per font, one page and its content
        for (index, offset) in offsets.enumerated() {
            let header = "\(index + 1) 0 obj"
            #expect(PDFProbe.text(Array(bytes[offset..<(offset + header.utf8.count)])) == header)
        }
        #expect(PDFProbe.text(bytes).contains("trailer\n<< /Size 16 "))
        // Each xref entry is exactly 20 bytes.
        let table = PDFProbe.text(Array(bytes[start...]))
        #expect(table.split(separator: "\n").dropFirst(2).prefix(16).allSatisfy { $0.utf8.count == 19 })
    }

    @Test func streamLengthsAreExact() {
        let lengths = PDFProbe.streamLengths(Self.sample())
        #expect(lengths.count == 5) // two font files, two ToUnicode maps, one page
        #expect(lengths.allSatisfy { $0.declared == $0.actual })
    }

    @Test func textIsDrawnAsGlyphIndices() {
        let pdf = PDFProbe.text(Self.sample())
        #expect(pdf.contains("/F2 12.50 Tf 1 0 0 1 56.69 "))
        #expect(pdf.contains(PDFProbe.shown("Dagordning", font: .bold) + " Tj"))
        #expect(pdf.contains(PDFProbe.shown("1. Sekretess", font: .bold) + " Tj"))
        #expect(pdf.contains(PDFProbe.shown("Ekbackens skola (rum 2)") + " Tj"))
        #expect(PDFProbe.shown("A") == "<0024>") // DejaVu Sans draws "A" with glyph 36
        // The title is UTF-16 so any character survives in the document information.
        #expect(pdf.contains("/Title <FEFF004D0069006E006E00650073"))
    }

    @Test func pdftotextReadsBackExactlyWhatWasWritten() throws {
        let text = try PDFProbe.extractedText(Self.sample())
        #expect(text.contains("Nulägesbeskrivning: Åsa och Örjan berättade om läget hemma. Back\\slash."))
        #expect(text.contains("Plats: Ekbackens skola (rum 2)"))
        #expect(text.contains("Ring BUP – ansvarig: Fia"))
        #expect(text.contains("Samverkansmöte 2026-12-03 – Sida 1 av 1"))
    }

    @Test func theToUnicodeMapUsesSurrogatePairsOutsideTheBMP() {
        let cmap = PDFEmbeddedFont.toUnicodeCMap([(36, "A"), (1200, "ễ"), (5000, "\u{1D400}")])
        #expect(cmap.contains("3 beginbfchar\n<0024> <0041>\n<04B0> <1EC5>\n<1388> <D835DC00>\nendbfchar"))
        #expect(cmap.contains("<0000> <FFFF>"))
        let many = PDFEmbeddedFont.toUnicodeCMap((1...250).map { (GlyphID($0), "a") })
        #expect(many.components(separatedBy: "beginbfchar").count == 4) // blocks of at most 100
        #expect(many.contains("50 beginbfchar"))
    }

    @Test func widthsListConsecutiveGlyphsTogether() {
        let embedded = PDFEmbeddedFont(font: TestFonts.regular, glyphs: [36, 37, 38, 3])
        let w = { TestFonts.regular.pdfWidth(of: $0) }
        #expect(embedded.widths == "[3 [\(w(3))] 36 [\(w(36)) \(w(37)) \(w(38))]]")
        #expect(embedded.unicode(of: 36) == "A")
        #expect(embedded.unicode(of: 0) == "\u{FFFD}")
    }

    @Test func longTextWrapsAndBreaksPages() {
        var w = PDFWriter(title: "Lång", fonts: TestFonts.dejaVu)
        let sentence = "Barnet berättade om skolan, rasterna och vad som fungerar bra och mindre bra hemma. "
        for n in 1...120 { w.paragraph("\(n). " + String(repeating: sentence, count: 3)) }
        #expect(w.pageCount > 5)
        let bytes = w.render()
        let pdf = PDFProbe.text(bytes)
        #expect(pdf.contains("/Count \(w.pageCount)"))
        #expect(pdf.contains(PDFProbe.shown("Sida \(w.pageCount) av \(w.pageCount)") + " Tj"))
        #expect(PDFProbe.xrefOffsets(bytes).count == 13 + 2 * w.pageCount)
        for line in w.wrap(String(repeating: sentence, count: 3), font: .regular, size: 10, width: w.contentWidth) {
            #expect(w.width(line, font: .regular, size: 10) <= w.contentWidth)
        }
        // No body text below the bottom margin; only the footer sits under it.
        let baselines = pdf.components(separatedBy: " Tm ").dropLast().compactMap { Double($0.split(separator: " ").last!) }
        #expect(baselines.count > 100)
        #expect(baselines.allSatisfy { $0 >= PDFWriter.margin || $0 < 30 }) // body, or the footer
    }

    @Test func anOverlongWordIsSplit() {
        let w = PDFWriter(title: "x", fonts: TestFonts.dejaVu)
        let lines = w.wrap(String(repeating: "m", count: 300), font: .bold, size: 10, width: 100)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { w.width($0, font: .bold, size: 10) <= 100 })
        #expect(lines.reduce(0) { $0 + $1.count } == 300)
        #expect(w.wrap("rad ett\n\nrad tre", font: .regular, size: 10, width: 400).count == 3)
        // A decomposed letter stays whole across the split: "ễ" is one precomposed glyph.
        let accents = w.wrap(String(repeating: "e\u{302}\u{303}", count: 200), font: .regular, size: 10, width: 100)
        #expect(accents.joined().allSatisfy { $0 == TestFonts.regular.glyph(for: "ễ") })
    }

    @Test func widthsComeFromTheFont() {
        let w = PDFWriter(title: "x", fonts: TestFonts.dejaVu)
        let font = TestFonts.regular
        let glyphs = font.glyphs(in: "Ål")
        let expected = Double(font.advance(of: glyphs[0]) + font.advance(of: glyphs[1])) * 1000 / Double(font.unitsPerEm) * 12 / 1000
        #expect(abs(w.width(glyphs, font: .regular, size: 12) - expected) < 0.02)
        #expect(w.width(glyphs, font: .bold, size: 12) != w.width(glyphs, font: .regular, size: 12))
    }
}
