import Foundation
import Testing
@testable import SamverkaCore

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
        let bytes = try Self.document().pdf(fonts: TestFonts.dejaVu)
        #expect(PDFProbe.text(bytes).hasPrefix("%PDF-1.4"))
        let text = try PDFProbe.extractedText(bytes)
        for (index, item) in MeetingType.collaborationMeeting.agenda.enumerated() {
            #expect(text.contains("\(index + 1). \(item)"))
        }
        #expect(text.contains("Barnets röst"))
        #expect(text.contains("Elsa vill gå till skolan"))
        #expect(text.contains("Gun Vårdnadshavare, Vårdnadshavare: närvarande"))
        #expect(text.contains("Fia Familjebehandlare, Familjebehandlare: anmält förhinder"))
        #expect(text.contains("Boka möte med skolsköterskan – ansvarig: Rut Rektor, klart senast 2026-12-10"))
        #expect(text.contains("Barnets utveckling"))
        #expect(text.contains("Ont i magen på morgnarna"))
        #expect(text.contains("2026-12-17 kl. 13:00"))
        #expect(text.contains(LegalReference.childsBestInterestsAndRightToBeHeard.current))
        #expect(PDFProbe.streamLengths(bytes).allSatisfy { $0.declared == $0.actual })
    }

    @Test func theSameMinutesGiveTheSameBytes() throws {
        let created = Fx.utc("2026-12-03T15:00:00Z")
        #expect(try Self.document().pdf(fonts: TestFonts.dejaVu, created: created) == Self.document().pdf(fonts: TestFonts.dejaVu, created: created))
    }
}
