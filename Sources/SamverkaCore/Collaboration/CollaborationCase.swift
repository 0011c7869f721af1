import Foundation

/// A samverkansärende (DOMAIN §3.2, seed 003 process map): opened by whoever sees the need,
/// who becomes the process owner through the whole case; the owner calls, leads, follows up
/// and closes. Ownership can be handed over, and every handover is kept.
public struct CollaborationCase: Sendable, Hashable, Codable {
    public var childID: RecordID
    /// Siblings handled together with the child (a family is handled together).
    public var siblingIDs: [RecordID]
    public var reason: String
    /// The day the need became known: starts the two-week clock to the first meeting.
    public var knownOn: SimpleDate
    public var openedBy: StaffRef
    public var openedAt: Date
    /// The process owner now.
    public var owner: StaffRef
    public var handovers: [ProcessOwnerHandover]
    public var participants: [Participant]
    public var closure: CaseClosure?

    public init(childID: RecordID, siblingIDs: [RecordID] = [], reason: String, knownOn: SimpleDate, openedBy: StaffRef, openedAt: Date, participants: [Participant] = []) {
        self.childID = childID
        self.siblingIDs = siblingIDs
        self.reason = reason
        self.knownOn = knownOn
        self.openedBy = openedBy
        self.openedAt = openedAt
        self.owner = openedBy
        self.handovers = []
        self.participants = participants
        self.closure = nil
    }

    public var isOpen: Bool { closure == nil }
}

/// One change of process owner: kept forever, so the case shows who owned it when.
public struct ProcessOwnerHandover: Sendable, Hashable, Codable {
    public var from: StaffRef
    public var to: StaffRef
    public var at: Date
    public var reason: String

    public init(from: StaffRef, to: StaffRef, at: Date, reason: String) {
        self.from = from
        self.to = to
        self.at = at
        self.reason = reason
    }
}

/// The owner closes the case; the closure is documented in the minutes (seed 003 step 6).
public struct CaseClosure: Sendable, Hashable, Codable {
    public var closedBy: StaffRef
    public var closedOn: SimpleDate
    /// What the minutes record about the closure.
    public var note: String
    /// The meeting whose minutes record it, if closed at a meeting.
    public var meetingID: RecordID?

    public init(closedBy: StaffRef, closedOn: SimpleDate, note: String, meetingID: RecordID? = nil) {
        self.closedBy = closedBy
        self.closedOn = closedOn
        self.note = note
        self.meetingID = meetingID
    }
}

/// What a person typed into the form that opens a case.
public struct CollaborationCaseInput: Sendable, Hashable {
    public var reason: String = ""
    /// "YYYY-MM-DD": when the need became known (often today).
    public var knownOn: String = ""
    public var siblingIDs: [RecordID] = []
    public var participants: [Participant] = []

    public init() {}
}

/// The rules of a collaboration case. Who may open or see a case is the access policy's
/// business; these rules hold whoever asks.
///
/// Field keys: `reason`, `known_on`, `sibling_ids`, `participant_<n>`, `new_owner`,
/// `handover_reason`, `process_owner`, `case`, `closed_on`, `closing_note`.
public enum CollaborationCaseRules {
    public static func open(_ input: CollaborationCaseInput, childID: RecordID, siblingsInRegistry: Set<RecordID>, openedBy: StaffRef, at now: Date) -> Result<CollaborationCase, FieldErrors> {
        var errors = FieldErrors()
        let today = Stockholm.date(of: now)
        let reason = TextRules.trimmed(input.reason)
        if reason.isEmpty {
            errors.add("reason", "Skriv varför samverkan behövs.")
        } else if reason.count > 4000 {
            errors.add("reason", "Anledningen får vara högst 4000 tecken.")
        }
        let known = SimpleDate(iso: TextRules.trimmed(input.knownOn))
        if known == nil {
            errors.add("known_on", "Ange när behovet blev känt (ÅÅÅÅ-MM-DD).")
        } else if let known, known > today {
            errors.add("known_on", "Datumet kan inte vara i framtiden.")
        }
        let siblings = Array(Set(input.siblingIDs)).sorted()
        if siblings.contains(childID) || siblings.contains(where: { !siblingsInRegistry.contains($0) }) {
            errors.add("sibling_ids", "Välj syskon bland barnets registrerade syskon.")
        }
        let participants = ParticipantRules.validate(input.participants, into: &errors)
        guard errors.isEmpty, let known else { return .failure(errors) }
        return .success(CollaborationCase(childID: childID, siblingIDs: siblings, reason: reason, knownOn: known, openedBy: openedBy, openedAt: now, participants: participants))
    }

    /// Only the owner hands over, to someone else, with a reason.
    public static func handOver(_ c: CollaborationCase, to newOwner: StaffRef?, reason: String, by staffID: RecordID, at now: Date) -> Result<CollaborationCase, FieldErrors> {
        var errors = FieldErrors()
        guard c.isOpen else {
            errors.add("case", "Ärendet är avslutat och kan inte lämnas över.")
            return .failure(errors)
        }
        guard staffID == c.owner.id else {
            errors.add("process_owner", "Bara processbäraren (\(c.owner.name)) kan lämna över ärendet.")
            return .failure(errors)
        }
        if newOwner == nil {
            errors.add("new_owner", "Välj vem som tar över som processbärare.")
        } else if newOwner?.id == c.owner.id {
            errors.add("new_owner", "Välj någon annan än den nuvarande processbäraren.")
        }
        let why = TextRules.required(reason, field: "handover_reason", label: "Skälet", max: 500, into: &errors)
        guard errors.isEmpty, let newOwner else { return .failure(errors) }
        var next = c
        next.handovers.append(ProcessOwnerHandover(from: c.owner, to: newOwner, at: now, reason: why))
        next.owner = newOwner
        return .success(next)
    }

    /// Only the owner closes, documenting it in the minutes.
    public static func close(_ c: CollaborationCase, by staffID: RecordID, on day: SimpleDate, note: String, meetingID: RecordID? = nil, today: SimpleDate) -> Result<CollaborationCase, FieldErrors> {
        var errors = FieldErrors()
        guard c.isOpen else {
            errors.add("case", "Ärendet är redan avslutat.")
            return .failure(errors)
        }
        guard staffID == c.owner.id else {
            errors.add("process_owner", "Bara processbäraren (\(c.owner.name)) kan avsluta ärendet.")
            return .failure(errors)
        }
        if day < c.knownOn {
            errors.add("closed_on", "Ärendet kan inte avslutas före \(c.knownOn.iso), då behovet blev känt.")
        } else if day > today {
            errors.add("closed_on", "Avslutsdatumet kan inte vara i framtiden.")
        }
        let text = TextRules.trimmed(note)
        if text.isEmpty {
            errors.add("closing_note", "Skriv i minnesanteckningarna hur ärendet avslutas.")
        } else if text.count > 4000 {
            errors.add("closing_note", "Anteckningen får vara högst 4000 tecken.")
        }
        guard errors.isEmpty else { return .failure(errors) }
        var next = c
        next.closure = CaseClosure(closedBy: c.owner, closedOn: day, note: text, meetingID: meetingID)
        return .success(next)
    }
}
