/// The meetings' words the store writes: the messages by a form's fields, the reasons in the
/// audit log, the titles of the records meetings are held about, and the register extract's
/// labels. Kept in Core so the store writes no text of its own.
public enum MeetingMessages {
    /// A meeting's record (or the record it is held about) is unknown, or not the person's to see.
    public static let notFound = "Uppgiften finns inte eller så saknar du behörighet."
    public static let programmeMeetingsFromProgramme = "Programmets uppföljningsmöten bokas från familjens sida i programmet."
    public static let typeMissing = "Välj vilken sorts möte som ska bokas."
    public static let alreadyHeld = "Mötet är redan hållet: förberedelserna kan inte längre markeras."
    public static let preparationDone = "Förberedelsen är redan gjord."

    // The titles of the records a meeting is held about.
    public static func reportTitle(receiptNumber: String) -> String { "Anmälan \(receiptNumber)" }
    public static func investigationTitle(_ id: RecordID) -> String { "Utredning nr \(id)" }
    public static func programmeFamilyTitle(programme: String, enrolment: RecordID) -> String { "\(programme), familj nr \(enrolment)" }
}

/// The meetings' reasons in the audit log.
public enum MeetingAuditReasons {
    public static func contextMissing(_ kind: String, id: RecordID) -> String { "\(kind) nr \(id) finns inte" }
    public static func bookingForm(_ title: String) -> String { "Bokningsformulär för möte, \(title)" }
    public static func booked(_ type: String, when: String, about title: String) -> String { "\(type) bokat \(when) (\(title))" }
    public static func preparationDone(_ step: Int, _ text: String) -> String { "Förberedelse \(step) gjord: \(text)" }
    public static func childTalk(_ timing: String, id: RecordID) -> String { "Samtal med barnet \(timing.lowercased()) antecknat (samtal nr \(id))" }
}

/// Meetings in a register extract: titles and field labels.
public enum MeetingExtractLabels {
    public static let meetingsTitle = "Möten"
    public static let actionsTitle = "Åtgärder från möten"
    public static let dispatchesTitle = "Skickade protokoll"
    public static let preparationTitle = "Förberedelser inför möten"
    public static let childTalksTitle = "Samtal med barnet kring möten"
    public static let meetingNumber = "Möte nr"
    public static let type = "Typ"
    public static let caseNumber = "Samverkansärende nr"
    public static let time = "Tid"
    public static let place = "Plats"
    public static let participants = "Deltagare"
    public static let booked = "Bokat"
    public static let minutesClosed = "Protokoll fastställt"
    public static let chair = "Ordförande"
    public static let secretary = "Sekreterare"
    public static let childVoice = "Barnets röst"
    public static let decision = "Beslut"
    public static let action = "Åtgärd"
    public static let decidedAtMeeting = "Beslutad på möte nr"
    public static let responsible = "Ansvarig"
    public static let dueOn = "Senast"
    public static let followUp = "Uppföljning"
    public static let note = "Anteckning"
    public static let minutesFromMeeting = "Protokoll från möte nr"
    public static let recipient = "Till"
    public static let how = "Hur"
    public static let sent = "Skickat"
    public static let notedBy = "Antecknat av"
    public static let preparation = "Förberedelse"
    public static let done = "Gjord"
    public static let when = "När"
    public static func timing(before: Bool) -> String { before ? "Före mötet" : "Efter mötet" }
    public static let talkedOn = "Samtal den"
    public static let talkedBy = "Samtalade"
    public static let childView = "Barnets syn"
    /// When and by whom: "2026-03-01 10:00 av Anna Berg".
    public static func at(_ time: String, by name: String) -> String { "\(time) av \(name)" }
}
