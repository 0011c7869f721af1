import Foundation

/// The minutes as a printable PDF, to send to the family and the rektor. It takes names,
/// roles and what was said, never an address: a protected person's address cannot end up in
/// it because there is no place for one.
public struct MinutesDocument: Sendable {
    public struct Person: Sendable, Hashable {
        public var name: String
        public var role: String
        public var attendance: String

        public init(name: String, role: String, attendance: String) {
            self.name = name
            self.role = role
            self.attendance = attendance
        }
    }

    /// The organisation heading the document ("Ragunda kommun").
    public var organisation: String?
    public var meetingTypeName: String
    /// Whom the meeting was about ("Elsa Andersson, åk 2"); nil for meetings not about a child.
    public var about: String?
    public var schedule: MeetingSchedule
    public var chair: String
    public var secretary: String
    public var participants: [Person]
    public var minutes: MeetingMinutes
    public var edition: BBICEdition

    public init(organisation: String?, meetingTypeName: String, about: String?, schedule: MeetingSchedule, participants: [Person], minutes: MeetingMinutes, edition: BBICEdition = .standard) {
        self.organisation = organisation
        self.meetingTypeName = meetingTypeName
        self.about = about
        self.schedule = schedule
        self.chair = minutes.chair
        self.secretary = minutes.secretary
        self.participants = participants
        self.minutes = minutes
        self.edition = edition
    }

    /// From the meeting's participants and their attendance in the minutes.
    public init(organisation: String?, type: MeetingType, about: String?, schedule: MeetingSchedule, participants: [MeetingParticipant], minutes: MeetingMinutes, edition: BBICEdition = .standard) {
        let people = participants.enumerated().map { index, p in
            Person(name: p.person.name, role: p.person.roleLabel, attendance: (index < minutes.attendance.count ? minutes.attendance[index] : p.attendance).label)
        }
        self.init(organisation: organisation, meetingTypeName: type.name, about: about, schedule: schedule, participants: people, minutes: minutes, edition: edition)
    }

    public var title: String { "Minnesanteckningar – \(meetingTypeName)" }

    public func pdf(fonts: PDFFonts, created: Date? = nil) -> [UInt8] {
        var w = PDFWriter(title: title, footer: "\(meetingTypeName) \(schedule.date.iso)", fonts: fonts)
        if let organisation, !organisation.isEmpty { w.paragraph(organisation, font: .bold, size: 9) }
        w.documentTitle("Minnesanteckningar")
        w.field("Möte:", meetingTypeName)
        if let about, !about.isEmpty { w.field("Gäller:", about) }
        w.field("Datum och tid:", schedule.whenText)
        if !schedule.whereText.isEmpty { w.field("Plats:", schedule.whereText) }
        w.field("Ordförande:", chair)
        w.field("Sekreterare:", secretary)

        w.heading("Deltagare")
        for p in participants { w.bullet("\(p.name), \(p.role): \(p.attendance.lowercased())") }

        if !minutes.followUps.isEmpty {
            w.heading("Uppföljning av åtgärder från föregående möte")
            for f in minutes.followUps {
                w.bullet("\(f.what): \(f.status.label.lowercased())" + (f.note.map { ". \($0)" } ?? ""))
            }
        }

        w.heading("Dagordning")
        for (index, note) in minutes.agenda.enumerated() {
            w.subheading("\(index + 1). \(note.item)")
            if !note.text.isEmpty { w.paragraph(note.text, indent: 14) }
        }

        if let voice = minutes.childVoice {
            w.heading("Barnets röst")
            w.paragraph("Barnets bästa och rätt att komma till tals: \(LegalReference.childsBestInterestsAndRightToBeHeard.current).", size: 8)
            w.field("Barnet deltog:", voice.attended ? "Ja" + (voice.attendanceDecided ? " (gemensamt beslut av ordförande och sekreterare)" : "") : "Nej")
            if let view = voice.view { w.field("Barnets syn:", view) }
            if let reason = voice.notObtainedReason { w.field("Barnets syn saknas:", reason) }
            if let before = voice.talkBefore { w.field("Samtal inför mötet:", before) }
            if let by = voice.talkAfterBy { w.field("Återkopplar till barnet efter mötet:", by) }
            if let after = voice.talkAfter { w.field("Samtal efter mötet:", after) }
        }

        if let needs = minutes.needsAnalysis {
            w.heading("Behovsanalys")
            for section in needs.sections(in: edition) {
                w.subheading(section.side.label)
                for entry in section.areas {
                    w.paragraph(entry.area.title, font: .bold, size: 10, indent: 14)
                    w.paragraph(entry.text, indent: 14)
                }
            }
            if let summary = needs.summary {
                w.subheading("Sammanfattning av barnets behov")
                w.paragraph(summary, indent: 14)
            }
        }

        if !minutes.decisions.isEmpty {
            w.heading("Beslut")
            for d in minutes.decisions { w.bullet(d) }
        }

        w.heading("Åtgärder")
        if minutes.actions.isEmpty {
            w.paragraph("Inga nya åtgärder.")
        } else {
            for a in minutes.actions { w.bullet("\(a.what) – ansvarig: \(a.responsible.name), klart senast \(a.dueOn.iso)") }
        }

        w.heading("Nästa möte")
        w.paragraph(minutes.nextMeeting.text)
        return w.render(created: created)
    }
}
