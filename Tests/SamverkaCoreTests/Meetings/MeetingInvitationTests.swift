import Foundation
import Testing
@testable import SamverkaCore

@Suite("Invitation letters")
struct MeetingInvitationTests {
    static let address = PostalAddress(street: "Storgatan 12", postalCode: "844 31", city: "Hammarstrand")
    static let schedule = MeetingSchedule(date: Fx.day("2026-12-03"), start: TimeOfDay(hour: 13, minute: 0)!, end: TimeOfDay(hour: 14, minute: 30)!, place: "Ekbackens skola, konferensrummet")
    static let contact = InvitationLetter.Contact(name: "Rut Rektor", role: "Rektor", phone: "0696-123 45", email: "rut.rektor@ragunda.se")

    static func letter(protected: Bool, address: PostalAddress? = address) -> InvitationLetter {
        InvitationLetter(
            sender: "Ragunda kommun, Bildningsförvaltningen", letterDate: Fx.day("2026-11-23"),
            recipient: Participant(name: "Gun Vårdnadshavare", roles: [.guardian], protectedIdentity: protected),
            recipientAddress: address, type: .collaborationMeeting, about: "Elsa Andersson", schedule: schedule, contact: contact
        )
    }

    @Test func theLetterSaysWhoWhatWhenWhereAndWhomToContact() {
        let lines = Self.letter(protected: false).lines()
        #expect(lines.contains("Gun Vårdnadshavare"))
        #expect(lines.contains("Storgatan 12"))
        #expect(lines.contains("844 31 Hammarstrand"))
        #expect(lines.contains("Kallelse till samverkansmöte"))
        #expect(lines.contains("Du kallas till samverkansmöte som gäller Elsa Andersson."))
        #expect(lines.contains("Datum och tid: 2026-12-03 kl. 13:00–14:30"))
        #expect(lines.contains("Plats: Ekbackens skola, konferensrummet"))
        #expect(lines.contains("1. Sekreterare utses"))
        #expect(lines.contains("10. Tid för nytt samverkansmöte"))
        #expect(lines.contains("Kontakta Rut Rektor (rektor), telefon 0696-123 45, e-post rut.rektor@ragunda.se om du inte kan komma eller har frågor."))
    }

    @Test func aProtectedRecipientsAddressAppearsNowhere() throws {
        let letter = Self.letter(protected: true)
        #expect(letter.addressLines == ["Gun Vårdnadshavare"])
        let text = letter.lines().joined(separator: "\n")
        #expect(!text.contains("Storgatan"))
        #expect(!text.contains("844 31"))
        #expect(!text.contains("Hammarstrand"))
        let pdf = try PDFProbe.extractedText(letter.pdf(fonts: TestFonts.dejaVu))
        #expect(!pdf.contains("Storgatan"))
        #expect(!pdf.contains("Hammarstrand"))
        #expect(pdf.contains("Gun Vårdnadshavare"))
        let ics = ICalendar.document(letter.calendarEvent(uid: "m-1-p-2@ragunda.se", stamp: CollabFx.now))
        #expect(!ics.contains("Storgatan"))
        #expect(!ics.contains("Hammarstrand"))
    }

    @Test func anUnprotectedRecipientsAddressIsPrinted() throws {
        let bytes = Self.letter(protected: false).pdf(fonts: TestFonts.dejaVu)
        let pdf = PDFProbe.text(bytes)
        #expect(pdf.contains(PDFProbe.shown("Storgatan 12") + " Tj"))
        #expect(pdf.contains(PDFProbe.shown("844 31 Hammarstrand") + " Tj"))
        #expect(pdf.contains(PDFProbe.shown("1. Sekreterare utses") + " Tj"))
        #expect(try PDFProbe.extractedText(bytes).contains("Storgatan 12 844 31 Hammarstrand"))
        #expect(PDFProbe.streamLengths(bytes).allSatisfy { $0.declared == $0.actual })
    }

    @Test func theCalendarEventCarriesTheMeeting() {
        let event = Self.letter(protected: false).calendarEvent(uid: "m-1-p-2@ragunda.se", stamp: CollabFx.now)
        #expect(event.summary == "Samverkansmöte")
        #expect(event.location == "Ekbackens skola, konferensrummet")
        #expect(event.date == Fx.day("2026-12-03"))
        #expect(event.description?.contains("1. Sekreterare utses") == true)
        #expect(event.description?.contains("Kontakt: Rut Rektor (rektor)") == true)
        let ics = ICalendar.document(event)
        #expect(ics.contains("DTSTART;TZID=Europe/Stockholm:20261203T130000\r\n"))
        #expect(ics.contains("DTSTAMP:20261123T090000Z\r\n"))
    }

    @Test func aVideoMeetingGivesItsLink() {
        var letter = Self.letter(protected: false)
        letter.schedule.place = nil
        letter.schedule.videoLink = "https://meet.example.se/abc"
        #expect(letter.lines().contains("Länk till videomöte: https://meet.example.se/abc"))
        let event = letter.calendarEvent(uid: "m-1", stamp: CollabFx.now)
        #expect(event.location == "Videomöte")
        #expect(event.url == "https://meet.example.se/abc")
    }
}
