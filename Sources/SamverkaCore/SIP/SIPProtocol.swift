import Foundation

/// One action of the plan: what, which party answers for it, and when (seed 004 §6:
/// "vad som ska göras, vem som har ansvaret och när ska det ske").
public struct SIPAction: Sendable, Hashable, Codable {
    public var what: String
    public var partyID: RecordID
    public var dueOn: SimpleDate
    public var doneAt: Date?

    public init(what: String, partyID: RecordID, dueOn: SimpleDate, doneAt: Date? = nil) {
        self.what = what
        self.partyID = partyID
        self.dueOn = dueOn
        self.doneAt = doneAt
    }
}

/// A party at the meeting: present or not, and the role it presented itself with.
public struct SIPAttendance: Sendable, Hashable, Codable {
    public var partyID: RecordID
    public var present: Bool
    public var role: String?
    /// What the party said about the current situation (every party is heard).
    public var view: String?

    public init(partyID: RecordID, present: Bool, role: String?, view: String?) {
        self.partyID = partyID
        self.present = present
        self.role = role
        self.view = view
    }
}

/// The SIP protocol of one meeting, in the seed's order: introductions, the current
/// situation, the needs, the plan, what the family does itself, the summary, the child's
/// voice, and the follow-up.
public struct SIPProtocol: Sendable, Hashable, Codable {
    /// Who of the family took part ("Sara Nilsson (mamma), Elsa").
    public var familyPresent: String
    public var attendance: [SIPAttendance]
    public var worksWell: String
    public var harder: String
    public var currentSupport: String
    public var needs: String
    public var actions: [SIPAction]
    public var familyOwn: String
    public var summary: String
    public var childVoice: String?
    public var childVoiceMissingReason: String?
    public var followUp: MeetingSchedule

    /// The protocol's parts, in order, as headed in the page and the PDF.
    public static let parts = [
        "1. Sammanhangsmarkering: närvarande och deras roller",
        "2. Nuläget",
        "3. Behov",
        "4. Planering: vad, vem och när",
        "5. Det här gör barnet och familjen själva",
        "6. Den SIP-ansvariges sammanfattning",
        "7. Barnets röst",
        "8. Uppföljning",
    ]
}

/// The protocol form as typed.
public struct SIPProtocolInput: Sendable, Hashable {
    public struct Action: Sendable, Hashable {
        public var what: String
        public var partyID: String
        public var dueOn: String
        public init(what: String = "", partyID: String = "", dueOn: String = "") {
            self.what = what
            self.partyID = partyID
            self.dueOn = dueOn
        }
        var isBlank: Bool { [what, partyID, dueOn].allSatisfy { TextRules.trimmed($0).isEmpty } }
    }

    public var familyPresent = ""
    /// Per party id: present, role, view.
    public var present: Set<RecordID> = []
    public var roles: [RecordID: String] = [:]
    public var views: [RecordID: String] = [:]
    public var worksWell = ""
    public var harder = ""
    public var currentSupport = ""
    public var needs = ""
    public var actions: [Action] = []
    public var familyOwn = ""
    public var summary = ""
    public var childVoice = ""
    public var childVoiceMissingReason = ""
    public var followUp = SIPMeetingInput()
    /// Open actions of the earlier meeting followed up here and found done.
    public var actionsDone: Set<SIPActionRef> = []

    public init() {}
}

/// One action of a protocol: its meeting and its place in the plan.
public struct SIPActionRef: Sendable, Hashable {
    public var meetingID: RecordID
    public var position: Int

    public init(meetingID: RecordID, position: Int) {
        self.meetingID = meetingID
        self.position = position
    }
}

public enum SIPProtocolRules {
    static let maxText = 4000

    /// `parties` are those the consent in force names. The meeting can be held only under a
    /// consent in force, and only from its day.
    public static func validate(_ input: SIPProtocolInput, parties: [SIPParty], consentInForce: Bool, meetingOn: SimpleDate, today: SimpleDate, alreadyHeld: Bool = false) -> Result<SIPProtocol, FieldErrors> {
        var errors = FieldErrors()
        if alreadyHeld { errors.add("consent", "Protokollet för mötet är redan skrivet.") }
        if !consentInForce { errors.add("consent", "SIP-mötet kan inte hållas innan ett samtycke som namnger alla parter gäller.") }
        if today < meetingOn { errors.add("consent", "Protokollet skrivs när mötet hålls (\(meetingOn.iso)).") }
        let familyPresent = text(input.familyPresent, "family_present", "Vilka från familjen som var med", required: true, &errors)
        var attendance: [SIPAttendance] = []
        for party in parties {
            let present = input.present.contains(party.id)
            let role = TextRules.trimmed(input.roles[party.id])
            let view = TextRules.trimmed(input.views[party.id])
            if present && role.isEmpty { errors.add("role_\(party.id)", "Skriv vilken roll \(party.organisation) har i SIP:en.") }
            if present && view.isEmpty { errors.add("view_\(party.id)", "Alla parter ska komma till tals: skriv vad \(party.organisation) ser fungerar och vilka utmaningar parten ser.") }
            if view.count > maxText { errors.add("view_\(party.id)", "Texten får vara högst \(maxText) tecken.") }
            attendance.append(SIPAttendance(partyID: party.id, present: present, role: role.isEmpty ? nil : role, view: view.isEmpty ? nil : view))
        }
        if !attendance.contains(where: \.present) { errors.add("attendance", "Markera vilka parter som var med på mötet.") }
        let worksWell = text(input.worksWell, "works_well", "Vad som fungerar bra", required: true, &errors)
        let harder = text(input.harder, "harder", "Vad som är svårare", required: true, &errors)
        let support = text(input.currentSupport, "current_support", "Vilka stödinsatser som finns i dag och från vem", required: true, &errors)
        let needs = text(input.needs, "needs", "Behoven", required: true, &errors)
        var actions: [SIPAction] = []
        let partyIDs = Set(parties.map(\.id))
        for (index, row) in input.actions.enumerated() where !row.isBlank {
            let key = "action_\(index + 1)"
            let what = text(row.what, "\(key)_what", "Vad som ska göras", required: true, &errors)
            let partyID = RecordID(TextRules.trimmed(row.partyID))
            if partyID.map({ !partyIDs.contains($0) }) ?? true {
                errors.add("\(key)_party", "Välj vilken part som ansvarar: bara parter som samtycket namnger kan få en åtgärd.")
            }
            let due = SimpleDate(iso: TextRules.trimmed(row.dueOn))
            if due == nil { errors.add("\(key)_due_on", "Ange när åtgärden ska vara klar (ÅÅÅÅ-MM-DD).") }
            else if let due, due < meetingOn { errors.add("\(key)_due_on", "Datumet kan inte ligga före mötet.") }
            if let partyID, let due { actions.append(SIPAction(what: what, partyID: partyID, dueOn: due)) }
        }
        if actions.isEmpty && !input.actions.contains(where: { !$0.isBlank }) {
            errors.add("action_1_what", "Planen behöver minst en åtgärd: vad, vem och när.")
        }
        let familyOwn = text(input.familyOwn, "family_own", "Vad barnet och familjen gör själva", required: true, &errors)
        let summary = text(input.summary, "summary", "Sammanfattningen", required: true, &errors)
        let voice = text(input.childVoice, "child_voice", "Barnets röst", required: false, &errors)
        let missing = text(input.childVoiceMissingReason, "child_voice_missing", "Varför barnets röst saknas", required: false, &errors)
        if voice.isEmpty && missing.isEmpty {
            errors.add("child_voice", "Skriv barnets egen syn, eller varför den inte kunde inhämtas (barnkonventionen art. 12).")
        }
        var followUp: MeetingSchedule?
        switch SIPMeetingRules.validate(input.followUp, consentInForce: true, openMeeting: false, today: meetingOn) {
        case .success(let schedule):
            if schedule.date <= meetingOn { errors.add("follow_up_date", "Uppföljningen bokas till en dag efter mötet.") }
            followUp = schedule
        case .failure(let e):
            for field in e.fields { if let message = e[field] { errors.add("follow_up_\(field)", message) } }
        }
        guard errors.isEmpty, let followUp else { return .failure(errors) }
        return .success(SIPProtocol(
            familyPresent: familyPresent, attendance: attendance, worksWell: worksWell, harder: harder, currentSupport: support,
            needs: needs, actions: actions, familyOwn: familyOwn, summary: summary,
            childVoice: voice.isEmpty ? nil : voice, childVoiceMissingReason: voice.isEmpty ? missing : nil, followUp: followUp))
    }

    private static func text(_ value: String, _ field: String, _ label: String, required: Bool, _ errors: inout FieldErrors) -> String {
        let text = TextRules.trimmed(value)
        if required && text.isEmpty { errors.add(field, "Fyll i: \(label.lowercased()).") }
        if text.count > maxText { errors.add(field, "\(label) får vara högst \(maxText) tecken.") }
        return text
    }
}
