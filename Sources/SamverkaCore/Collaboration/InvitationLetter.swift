import Foundation

/// A kallelse to one participant: the letter's lines, the same as a PDF, and a calendar
/// event. Plain data in; the recipient's address is printed only when the recipient is not
/// protected, and no other address is ever taken.
public struct InvitationLetter: Sendable, Hashable {
    public struct Contact: Sendable, Hashable {
        public var name: String
        public var role: String?
        public var phone: String?
        public var email: String?

        public init(name: String, role: String? = nil, phone: String? = nil, email: String? = nil) {
            self.name = name
            self.role = role
            self.phone = phone
            self.email = email
        }
    }

    /// The sending organisation ("Ragunda kommun, Bildningsförvaltningen").
    public var sender: String
    public var letterDate: SimpleDate
    public var recipientName: String
    public var recipientAddress: PostalAddress?
    /// The recipient, or someone they live with, has protected personal data: no address.
    public var recipientProtected: Bool
    public var meetingTypeName: String
    public var purpose: String?
    /// Whom the meeting is about ("Elsa Andersson"); nil for meetings not about a child.
    public var about: String?
    public var schedule: MeetingSchedule
    public var agenda: [String]
    public var contact: Contact
    /// Said to guardians of a youth of 18 or more, who are offered to take part.
    public var offeredNote: String?

    public init(sender: String, letterDate: SimpleDate, recipientName: String, recipientAddress: PostalAddress? = nil, recipientProtected: Bool, meetingTypeName: String, purpose: String? = nil, about: String? = nil, schedule: MeetingSchedule, agenda: [String], contact: Contact, offeredNote: String? = nil) {
        self.sender = sender
        self.letterDate = letterDate
        self.recipientName = recipientName
        self.recipientAddress = recipientAddress
        self.recipientProtected = recipientProtected
        self.meetingTypeName = meetingTypeName
        self.purpose = purpose
        self.about = about
        self.schedule = schedule
        self.agenda = agenda
        self.contact = contact
        self.offeredNote = offeredNote
    }

    /// From a meeting type: its name, purpose and agenda.
    public init(sender: String, letterDate: SimpleDate, recipient: Participant, recipientAddress: PostalAddress?, type: MeetingType, about: String?, schedule: MeetingSchedule, contact: Contact, offeredNote: String? = nil) {
        self.init(
            sender: sender, letterDate: letterDate, recipientName: recipient.name, recipientAddress: recipientAddress,
            recipientProtected: recipient.protectedIdentity, meetingTypeName: type.name,
            purpose: type.purpose.isEmpty ? nil : type.purpose, about: about, schedule: schedule, agenda: type.agenda,
            contact: contact, offeredNote: offeredNote
        )
    }

    /// The address block: the name, and the address lines only when not protected.
    public var addressLines: [String] {
        var lines = [recipientName]
        guard !recipientProtected, let address = recipientAddress else { return lines }
        if let street = address.street { lines.append(street) }
        let town = [address.postalCode, address.city].compactMap { $0 }.joined(separator: " ")
        if !town.isEmpty { lines.append(town) }
        return lines
    }

    public var subject: String { "Kallelse till \(meetingTypeName.lowercased())" }

    /// The letter, line by line (an empty string is a blank line).
    public func lines() -> [String] {
        var lines = [sender, letterDate.iso, ""]
        lines += addressLines
        lines += ["", subject, ""]
        lines.append("Du kallas till \(meetingTypeName.lowercased())\(about.map { " som gäller \($0)" } ?? "").")
        if let purpose { lines += ["", purpose] }
        if let offeredNote { lines += ["", offeredNote] }
        lines += ["", "Datum och tid: \(schedule.whenText)"]
        if let place = schedule.place { lines.append("Plats: \(place)") }
        if let link = schedule.videoLink { lines.append("Länk till videomöte: \(link)") }
        if !agenda.isEmpty {
            lines += ["", "Dagordning:"]
            lines += agenda.enumerated().map { "\($0.offset + 1). \($0.element)" }
        }
        lines += ["", "Kontakta \(contactText) om du inte kan komma eller har frågor.", "", "Välkommen!", contact.name]
        if let role = contact.role { lines.append(role) }
        return lines
    }

    private var contactText: String {
        var parts = [contact.name]
        if let role = contact.role { parts[0] += " (\(role.lowercased()))" }
        if let phone = contact.phone { parts.append("telefon \(phone)") }
        if let email = contact.email { parts.append("e-post \(email)") }
        return parts.joined(separator: ", ")
    }

    /// The printable letter.
    public func pdf(fonts: PDFFonts, created: Date? = nil) -> [UInt8] {
        var w = PDFWriter(title: subject, footer: sender, fonts: fonts)
        w.paragraph(sender, font: .bold)
        w.paragraph(letterDate.iso)
        w.space(24)
        for line in addressLines { w.paragraph(line) }
        w.space(24)
        w.documentTitle(subject)
        w.paragraph("Du kallas till \(meetingTypeName.lowercased())\(about.map { " som gäller \($0)" } ?? "").")
        if let purpose { w.space(6); w.paragraph(purpose) }
        if let offeredNote { w.space(6); w.paragraph(offeredNote) }
        w.space(8)
        w.field("Datum och tid:", schedule.whenText)
        if let place = schedule.place { w.field("Plats:", place) }
        if let link = schedule.videoLink { w.field("Videomöte:", link) }
        if !agenda.isEmpty {
            w.heading("Dagordning")
            for (index, item) in agenda.enumerated() { w.paragraph("\(index + 1). \(item)") }
        }
        w.space(12)
        w.paragraph("Kontakta \(contactText) om du inte kan komma eller har frågor.")
        w.space(12)
        w.paragraph("Välkommen!")
        w.paragraph(contact.name)
        if let role = contact.role { w.paragraph(role) }
        return w.render(created: created)
    }

    /// The calendar file's event. The location is the meeting place (never an address of a
    /// person); the description carries the agenda and the contact.
    public func calendarEvent(uid: String, stamp: Date, sequence: Int = 0) -> ICalendarEvent {
        var description: [String] = []
        if let about { description.append("Gäller: \(about)") }
        if !agenda.isEmpty {
            description.append("Dagordning:")
            description += agenda.enumerated().map { "\($0.offset + 1). \($0.element)" }
        }
        if let link = schedule.videoLink { description.append("Länk till videomöte: \(link)") }
        description.append("Kontakt: \(contactText)")
        return ICalendarEvent(
            uid: uid, stamp: stamp, date: schedule.date, start: schedule.start, end: schedule.end,
            summary: meetingTypeName, location: schedule.whereText.isEmpty ? nil : schedule.whereText,
            description: description.joined(separator: "\n"), url: schedule.videoLink, sequence: sequence
        )
    }
}
