import Foundation

/// When and where a meeting is: a Swedish date, start and end in Stockholm time, and a
/// place or a video link (or both).
public struct MeetingSchedule: Sendable, Hashable, Codable {
    public var date: SimpleDate
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var place: String?
    public var videoLink: String?

    public init(date: SimpleDate, start: TimeOfDay, end: TimeOfDay, place: String? = nil, videoLink: String? = nil) {
        self.date = date
        self.start = start
        self.end = end
        self.place = place
        self.videoLink = videoLink
    }

    /// "2026-12-03 kl. 13:00–14:30".
    public var whenText: String { "\(date.iso) kl. \(start.text)–\(end.text)" }

    /// The place, "Videomöte", or both.
    public var whereText: String {
        switch (place, videoLink) {
        case (let place?, nil): place
        case (nil, .some): "Videomöte"
        case (let place?, .some): "\(place) eller videomöte"
        case (nil, nil): ""
        }
    }
}

public enum Attendance: String, Sendable, Hashable, Codable, CaseIterable {
    /// Called, not yet marked: a meeting cannot be closed with anyone still here.
    case invited
    case present
    case absent
    /// Absent with notice ("anmält förhinder").
    case excused

    public var label: String {
        switch self {
        case .invited: "Kallad"
        case .present: "Närvarande"
        case .absent: "Frånvarande"
        case .excused: "Anmält förhinder"
        }
    }
}

public struct MeetingParticipant: Sendable, Hashable, Codable {
    public var person: Participant
    public var attendance: Attendance
    /// What the person does at this meeting (chair, secretary, SIP-ansvarig, convener).
    public var assignments: [MeetingAssignment]

    public init(_ person: Participant, attendance: Attendance = .invited, assignments: [MeetingAssignment] = []) {
        self.person = person
        self.attendance = attendance
        self.assignments = assignments
    }

    private enum CodingKeys: String, CodingKey { case person, attendance, assignments }

    /// Participants stored before assignments existed have none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        person = try c.decode(Participant.self, forKey: .person)
        attendance = try c.decode(Attendance.self, forKey: .attendance)
        assignments = try c.decodeIfPresent([MeetingAssignment].self, forKey: .assignments) ?? []
    }

    public var assignmentLabel: String { assignments.map(\.label).joined(separator: ", ") }
}

/// What a person typed into the booking form.
public struct MeetingBookingInput: Sendable, Hashable {
    public var date: String = ""
    public var startTime: String = ""
    public var endTime: String = ""
    public var place: String = ""
    public var videoLink: String = ""
    public var participants: [Participant] = []
    /// The person chosen for each assignment; checked to be among `participants`.
    public var assignments: [MeetingAssignment: Participant] = [:]
    /// For types where the child attends only on a joint decision of chair and secretary.
    public var childAttendanceDecided = false
    /// The children the meeting concerns, chosen among the case's (the child and siblings);
    /// empty means the context's own child.
    public var childIDs: [RecordID] = []
    /// The form asked which children (a case with siblings): then none chosen is an error,
    /// not the case's own child by default.
    public var childrenAsked = false

    public init() {}
}

/// What the booking check knows besides the form.
public struct MeetingBookingContext: Sendable {
    public var type: MeetingType
    public var now: Date
    /// nil when the meeting is not about one child.
    public var childBirthDate: SimpleDate?
    public var consents: [MeetingConsent]
    /// The case clock this meeting would meet, to warn when it would be late.
    public var clock: CollaborationClock?
    /// An open acute report forbids telling the guardians (`GuardianNoticeRules`).
    public var guardiansMustNotBeTold: Bool
    /// The children the meeting concerns, each with their own consents: when set, the
    /// consent check runs once per child (siblings; a forum's agenda) instead of on
    /// `childBirthDate` and `consents`.
    public var children: [MeetingChild] = []

    public init(type: MeetingType, now: Date, childBirthDate: SimpleDate?, consents: [MeetingConsent], clock: CollaborationClock? = nil, guardiansMustNotBeTold: Bool = false) {
        self.type = type
        self.now = now
        self.childBirthDate = childBirthDate
        self.consents = consents
        self.clock = clock
        self.guardiansMustNotBeTold = guardiansMustNotBeTold
    }
}

/// A child the meeting concerns, as the per-child consent check needs it.
public struct MeetingChild: Sendable, Hashable {
    /// Shown before a refusal when the meeting concerns several children.
    public var name: String?
    public var birthDate: SimpleDate?
    public var consents: [MeetingConsent]

    public init(name: String?, birthDate: SimpleDate?, consents: [MeetingConsent]) {
        self.name = name
        self.birthDate = birthDate
        self.consents = consents
    }
}

/// A booking that passed every check, ready to store and to send invitations for.
public struct MeetingBooking: Sendable, Hashable {
    public var typeKey: String
    public var schedule: MeetingSchedule
    public var participants: [MeetingParticipant]
    public var consentIDs: [RecordID]
    public var offerGuardians: Bool
    public var childAttendanceDecided: Bool
    /// Things to tell the person that do not stop the booking.
    public var notes: [String]

    public init(typeKey: String, schedule: MeetingSchedule, participants: [MeetingParticipant], consentIDs: [RecordID], offerGuardians: Bool, childAttendanceDecided: Bool, notes: [String] = []) {
        self.typeKey = typeKey
        self.schedule = schedule
        self.participants = participants
        self.consentIDs = consentIDs
        self.offerGuardians = offerGuardians
        self.childAttendanceDecided = childAttendanceDecided
        self.notes = notes
    }
}

/// Field keys: `date`, `start_time`, `end_time`, `place`, `video_link`, `participants`,
/// `participant_<n>`, `child_attendance_decision`, `consent`, and the assignments'
/// (`MeetingAssignment.field`).
public enum MeetingBookingRules {
    public static func validate(_ input: MeetingBookingInput, _ context: MeetingBookingContext) -> Result<MeetingBooking, FieldErrors> {
        var errors = FieldErrors()
        let type = context.type
        let today = Stockholm.date(of: context.now)
        let schedule = validateSchedule(input, today: today, into: &errors)

        let (participants, assignments) = MeetingAssignmentRules.assign(
            input.assignments, among: ParticipantRules.validate(input.participants, into: &errors), type: type, into: &errors)
        let roles = participants.flatMap(\.roles)
        let adult = schedule.flatMap { s in context.childBirthDate.map { $0.age(on: s.date) >= ConsentRules.adultAge } } ?? false
        let missing = type.missingInvitees(among: roles, youthIsAdult: adult)
        if !missing.isEmpty {
            errors.add("participants", "Till \(type.name.lowercased()) kallas alltid: \(missing.map(\.label).joined(separator: ", ")).")
        }
        if context.guardiansMustNotBeTold, type.tellsGuardiansOfReport {
            errors.add("type", GuardianNoticeRules.refusal)
        }
        let childInvited = roles.contains(.child)
        if childInvited, type.childAttendance == .notAboutAChild {
            errors.add("participants", "Mötet gäller inte ett enskilt barn: barnet kallas inte.")
        }
        if childInvited, type.childAttendance == .onDecision, !input.childAttendanceDecided {
            errors.add("child_attendance_decision", "Barnet deltar bara om \(roleName(type.chairRole, "ordföranden")) och \(roleName(type.secretaryRole, "sekreteraren")) gemensamt har beslutat att det är till barnets bästa. Markera beslutet eller ta bort barnet från kallelsen.")
        }

        var clearance = ConsentClearance(consentIDs: [], offerGuardians: false)
        if type.requiresConsent, let schedule {
            // Each child's part rests on a consent in force that covers it.
            let children = context.children.isEmpty
                ? [MeetingChild(name: nil, birthDate: context.childBirthDate, consents: context.consents)] : context.children
            var refusals: [String] = []
            for child in children {
                switch MeetingConsentCheck.check(
                    consents: child.consents, participants: participants, meetingOn: schedule.date,
                    childBirthDate: child.birthDate, acceptedPurposes: type.consentPurposes, asOf: context.now
                ) {
                case .success(let c):
                    clearance.consentIDs = (clearance.consentIDs + c.consentIDs).sorted()
                    clearance.offerGuardians = clearance.offerGuardians || c.offerGuardians
                case .failure(let refusal):
                    refusals.append(child.name.map { "\($0): \(refusal.message)" } ?? refusal.message)
                }
            }
            if !refusals.isEmpty { errors.add("consent", refusals.joined(separator: " ")) }
        }

        guard errors.isEmpty, let schedule else { return .failure(errors) }
        var notes: [String] = []
        if clearance.offerGuardians {
            notes.append("Den unge är myndig och har själv samtyckt. Erbjud vårdnadshavarna att ändå delta.")
        }
        if let clock = context.clock, clock.heldOn == nil, clock.isLate(bookedOn: schedule.date) {
            notes.append("\(clock.kind.label) skulle hållas senast \(clock.dueOn.iso) (\(clock.kind.source.lowercased())). Det här mötet ligger senare.")
        }
        return .success(MeetingBooking(
            typeKey: type.key, schedule: schedule, participants: zip(participants, assignments).map { MeetingParticipant($0, assignments: $1) },
            consentIDs: clearance.consentIDs, offerGuardians: clearance.offerGuardians,
            childAttendanceDecided: childInvited && input.childAttendanceDecided, notes: notes
        ))
    }

    private static func roleName(_ role: MeetingRole?, _ fallback: String) -> String {
        role.map { $0.label.lowercased() } ?? fallback
    }

    static func validateSchedule(_ input: MeetingBookingInput, today: SimpleDate, into errors: inout FieldErrors) -> MeetingSchedule? {
        let date = SimpleDate(iso: TextRules.trimmed(input.date))
        if date == nil {
            errors.add("date", "Ange mötets datum (ÅÅÅÅ-MM-DD).")
        } else if let date, date < today {
            errors.add("date", "Ett möte kan inte bokas bakåt i tiden.")
        }
        let start = TimeOfDay(text: input.startTime)
        let end = TimeOfDay(text: input.endTime)
        if start == nil { errors.add("start_time", "Ange när mötet börjar (TT:MM).") }
        if end == nil {
            errors.add("end_time", "Ange när mötet slutar (TT:MM).")
        } else if let start, let end, end <= start {
            errors.add("end_time", "Mötet måste sluta efter att det börjar.")
        }
        let place = TextRules.optional(input.place, field: "place", label: "Platsen", max: 200, into: &errors)
        let link = validateLink(input.videoLink, into: &errors)
        if place == nil, link == nil, errors["place"] == nil, errors["video_link"] == nil {
            errors.add("place", "Ange plats eller länk till videomöte.")
        }
        guard let date, let start, let end else { return nil }
        return MeetingSchedule(date: date, start: start, end: end, place: place, videoLink: link)
    }

    /// Only https links: the invitation must not lead anyone to an unencrypted meeting.
    private static func validateLink(_ raw: String, into errors: inout FieldErrors) -> String? {
        let link = TextRules.trimmed(raw)
        if link.isEmpty { return nil }
        let lower = link.lowercased()
        if !lower.hasPrefix("https://") || lower.count <= "https://".count || link.contains(where: { $0.isWhitespace }) {
            errors.add("video_link", "Länken ska börja med https:// och inte innehålla mellanslag.")
        } else if link.count > 500 {
            errors.add("video_link", "Länken får vara högst 500 tecken.")
        }
        return link
    }
}
