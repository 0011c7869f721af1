import Foundation
import Testing
@testable import SamverkaCore

/// Issue 17 point 8: every PDF carries every name, as written, for a reader and for
/// pdftotext alike.
@Suite("Names in PDFs")
struct PDFNamesTests {
    static let names = ["Łukasz Wiśniewski", "Çelik", "Nguyễn Thị Ánh", "Åsa Öberg", "Zoë SSander"]

    static func letter() -> InvitationLetter {
        InvitationLetter(
            sender: "Ragunda kommun, Bildningsförvaltningen", letterDate: Fx.day("2026-11-23"),
            recipient: Participant(name: names[0], roles: [.guardian]),
            recipientAddress: PostalAddress(street: "Storgatan 12", postalCode: "844 31", city: "Hammarstrand"),
            type: .collaborationMeeting, about: names[2], schedule: MeetingInvitationTests.schedule,
            contact: .init(name: names[3], role: "Rektor", phone: "0696-123 45"),
            offeredNote: "Även \(names[1]) och \(names[4]) är kallade."
        )
    }

    static func minutes() throws -> MinutesDocument {
        let minutes = try MinutesRules.close(MeetingMinutesTests.input(), MeetingMinutesTests.context()).get()
        var document = MinutesDocument(
            organisation: "Ragunda kommun", meetingTypeName: "Samverkansmöte", about: names[2],
            schedule: MeetingMinutesTests.schedule,
            participants: names.map { .init(name: $0, role: "Vårdnadshavare", attendance: "Närvarande") },
            minutes: minutes
        )
        document.chair = names[3]
        document.secretary = names[1]
        return document
    }

    @Test func anInvitationLetterPrintsEveryName() throws {
        let pdf = Self.letter().pdf(fonts: TestFonts.dejaVu)
        let text = try PDFProbe.extractedText(pdf)
        for name in Self.names { #expect(text.contains(name), "\(name) in \(text)") }
        #expect(!text.contains("?") && !text.contains("\u{FFFD}"))
    }

    @Test func minutesPrintEveryName() throws {
        let text = try PDFProbe.extractedText(try Self.minutes().pdf(fonts: TestFonts.dejaVu))
        for name in Self.names {
            #expect(text.contains("\(name), Vårdnadshavare: närvarande"), "\(name) in \(text)")
        }
        #expect(text.contains("Gäller: Nguyễn Thị Ánh"))
        #expect(text.contains("Ordförande: Åsa Öberg"))
        #expect(text.contains("Sekreterare: Çelik"))
    }

    @Test func aSIPProtocolPrintsEveryName() throws {
        let parties = [SIPParty(id: 1, kind: .school, organisation: "Hammarstrands skola", contactName: Self.names[3]),
                       SIPParty(id: 2, kind: .childPsychiatry, organisation: "BUP Östersund", contactName: Self.names[2])]
        let proto = try SIPProtocolRules.validate(SIPRulesTests.protocolInput(), parties: parties, consentInForce: true,
                                                  meetingOn: SIPRulesTests.today, today: SIPRulesTests.today).get()
        let document = SIPProtocolDocument(
            organisation: "Ragunda kommun", childName: Self.names[4], responsible: Self.names[0],
            meeting: SIPMeeting(id: 1, kind: .sip, schedule: MeetingInvitationTests.schedule), parties: parties,
            shares: [1: "Närvaro", 2: "Behandling"], proto: proto, recipient: Self.names[1], withReplySlip: true
        )
        let text = try PDFProbe.extractedText(document.pdf(fonts: TestFonts.dejaVu))
        for name in Self.names { #expect(text.contains(name), "\(name) in \(text)") }
        #expect(text.contains("BUP Östersund (Nguyễn Thị Ánh)"))
    }

    @Test func aDecomposedNamePrintsAsThePrecomposedOne() throws {
        var w = PDFWriter(title: "x", fonts: TestFonts.dejaVu)
        w.paragraph("Nguye\u{302}\u{303}n Thi\u{323} A\u{301}nh")
        let text = try PDFProbe.extractedText(w.render())
        #expect(text.contains("Nguyễn Thị Ánh"))
    }

    @Test func aLetterBeyondTheBMPReadsBackThroughASurrogatePair() throws {
        var w = PDFWriter(title: "x", fonts: TestFonts.dejaVu)
        w.paragraph("Old Italic \u{10300}\u{10301}")
        let bytes = w.render()
        #expect(PDFProbe.text(bytes).contains("<D800DF00>"))
        #expect(try PDFProbe.extractedText(bytes).contains("Old Italic \u{10300}\u{10301}"))
    }

    /// ToUnicode maps each glyph back to one code point; that is exact because no glyph of
    /// the shipped fonts stands for two characters.
    @Test func everyGlyphOfTheShippedFontsHasOneCharacter() {
        for font in [TestFonts.regular, TestFonts.bold] {
            #expect(font.cmap.count == font.unicodeOfGlyph.count)
        }
    }

    @Test func theFontsAreEmbeddedAndPopplerReadsThemWithoutComplaint() throws {
        let pdf = Self.letter().pdf(fonts: TestFonts.dejaVu)
        let fonts = try PDFProbe.run("pdffonts", ["{}"], on: pdf)
        // name  type  encoding  emb sub uni object ID
        let rows = fonts.output.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.count == 2)
        for row in rows {
            #expect(row[0].range(of: #"^[A-Z]{6}\+DejaVuSans(-Bold)?$"#, options: .regularExpression) != nil)
            #expect(row[1...3] == ["CID", "TrueType", "Identity-H"])
            #expect(row[4...6] == ["yes", "yes", "yes"]) // embedded, subset, ToUnicode
        }
        #expect(fonts.errors.isEmpty)
        #expect(try PDFProbe.run("pdftotext", ["{}", "-"], on: pdf).errors.isEmpty)
    }

    @Test func theSubsetKeepsALetterSmall() {
        let pdf = Self.letter().pdf(fonts: TestFonts.dejaVu)
        #expect(pdf.count < 200_000)
        // A small part of the two whole fonts it draws from: subset and compressed.
        #expect(pdf.count < (TestFonts.regular.data.bytes.count + TestFonts.bold.data.bytes.count) / 20)
    }
}
