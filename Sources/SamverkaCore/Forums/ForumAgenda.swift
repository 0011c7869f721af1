import Foundation

/// What a member typed for an agenda item of a forum meeting.
public struct ForumAgendaItemInput: Sendable, Hashable {
    public var title = ""
    public var text = ""
    /// The child's personnummer, for an item about a named child.
    public var childNumber = ""
    /// The person saw the warning about identifying details and chose to save anyway.
    public var identifyingConfirmed = false

    public init() {}

    public var namesAChild: Bool { !TextRules.trimmed(childNumber).isEmpty }
}

/// The named child as the check needs it: looked up by number among the children the person
/// may see (nil when none: the same answer as a child that does not exist).
public struct ForumAgendaChild: Sendable, Hashable {
    public var id: RecordID
    public var birthDate: SimpleDate?
    public var consents: [MeetingConsent]

    public init(id: RecordID, birthDate: SimpleDate?, consents: [MeetingConsent]) {
        self.id = id
        self.birthDate = birthDate
        self.consents = consents
    }
}

public struct ForumAgendaItemDraft: Sendable, Hashable {
    public var title: String
    public var text: String
    public var childID: RecordID?
    public var consentIDs: [RecordID]
}

/// Seed 004 (Barnsamverkan, Elevsamverkan: individual children only with the guardians'
/// consent; SSPF: "Inga individärenden lyfts") and seed 002 (the contact persons' samråd
/// "avidentifierat"). An item about a named child is allowed only where the forum permits
/// it and a consent in force names the forum's members; every other item is a
/// de-identified consultation, warned like the anonymous consultation when its text looks
/// as if it names a child. Field keys: `title`, `text`, `child`, `identifying_confirmed`.
public enum ForumAgendaRules {
    /// The consents that may carry a child into a forum meeting.
    public static let consentPurposes: [ConsentPurposeKind] = [.meetingSeries, .collaborationCase]

    public static func validate(_ input: ForumAgendaItemInput, forum: Forum, meetingOn: SimpleDate, child: ForumAgendaChild?,
                                identifying: IdentifyingFinding?, asOf now: Date) -> Result<ForumAgendaItemDraft, FieldErrors> {
        var errors = FieldErrors()
        let title = TextRules.required(input.title, field: "title", label: "Rubriken", max: 200, into: &errors)
        let text = TextRules.optional(input.text, field: "text", label: "Beskrivningen", max: 4000, into: &errors) ?? ""
        var childID: RecordID?
        var consentIDs: [RecordID] = []
        if input.namesAChild {
            switch forum.childItems {
            case .never:
                errors.add("child", "\(forum.name) lyfter inga individärenden: samtalen sker på en övergripande grupp- och samhällsnivå. Ta bort personnumret.")
            case .deidentified:
                errors.add("child", "I \(forum.name) tas enskilda barn bara upp avidentifierat. Ta bort personnumret och beskriv frågan utan namn eller andra uppgifter som kan identifiera barnet.")
            case .withConsent:
                if let child {
                    switch MeetingConsentCheck.check(consents: child.consents, participants: forum.members.map(\.participant), meetingOn: meetingOn,
                                                     childBirthDate: child.birthDate, acceptedPurposes: consentPurposes, asOf: now) {
                    case .success(let clearance):
                        childID = child.id
                        consentIDs = clearance.consentIDs
                    case .failure(let refusal):
                        errors.add("child", "Ett enskilt barn tas upp i \(forum.name) bara med ett samtycke som gäller och namnger forumets ledamöter. \(refusal.message)")
                    }
                } else {
                    errors.add("child", "Det finns inget barn med det personnumret som du arbetar med.")
                }
            }
        } else if let identifying, !input.identifyingConfirmed {
            errors.add("text", identifying.warning("En avidentifierad punkt på dagordningen"))
            errors.add("identifying_confirmed", IdentifyingFinding.confirmPrompt)
        }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(ForumAgendaItemDraft(title: title, text: text, childID: childID, consentIDs: consentIDs))
    }
}
