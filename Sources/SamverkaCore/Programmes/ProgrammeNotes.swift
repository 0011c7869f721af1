import Foundation

/// What a short note records (seed 000 "Övriga uppföljningsmöten"): the weekly check-in of
/// behandlingsassistent and skolsocionom, or a side's follow-up before a joint meeting
/// (`ProgrammePreMeetingFollowUp.key`). Stored as "check-in" or "pre-meeting:<key>".
public enum ProgrammeNoteKind: Sendable, Hashable, Codable {
    case checkIn
    case preMeeting(String)

    public init?(rawValue: String) {
        if rawValue == "check-in" { self = .checkIn; return }
        let prefix = "pre-meeting:"
        guard rawValue.hasPrefix(prefix), rawValue.count > prefix.count else { return nil }
        self = .preMeeting(String(rawValue.dropFirst(prefix.count)))
    }

    public var rawValue: String {
        switch self {
        case .checkIn: "check-in"
        case .preMeeting(let key): "pre-meeting:\(key)"
        }
    }

    public func label(_ definition: ProgrammeDefinition) -> String {
        switch self {
        case .checkIn: "Veckoavstämning"
        case .preMeeting(let key):
            definition.preMeetingFollowUps.first { $0.key == key }.map { "Uppföljning inför månadsmötet: \($0.heldBy.label.lowercased()) med \($0.with.map { $0.label.lowercased() }.joined(separator: " och "))" }
                ?? "Uppföljning inför möte"
        }
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let kind = ProgrammeNoteKind(rawValue: raw) else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: raw)) }
        self = kind
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// A short dated note: what works, what does not.
public struct ProgrammeNote: Sendable, Hashable, Codable {
    public var id: RecordID
    public var kind: ProgrammeNoteKind
    public var heldOn: SimpleDate
    /// Who took part, as typed ("Lisa Lind, Per Holm").
    public var participants: String
    public var works: String
    public var doesNotWork: String
    public var by: StaffRef

    public init(id: RecordID, kind: ProgrammeNoteKind, heldOn: SimpleDate, participants: String, works: String, doesNotWork: String, by: StaffRef) {
        self.id = id
        self.kind = kind
        self.heldOn = heldOn
        self.participants = participants
        self.works = works
        self.doesNotWork = doesNotWork
        self.by = by
    }
}

public struct ProgrammeNoteInput: Sendable, Hashable {
    public var kind: String = ""
    public var heldOn: String = ""
    public var participants: String = ""
    public var works: String = ""
    public var doesNotWork: String = ""

    public init(kind: String = "", heldOn: String = "", participants: String = "", works: String = "", doesNotWork: String = "") {
        self.kind = kind
        self.heldOn = heldOn
        self.participants = participants
        self.works = works
        self.doesNotWork = doesNotWork
    }
}

/// A validated note, ready to store.
public struct ProgrammeNoteRecord: Sendable, Hashable {
    public var kind: ProgrammeNoteKind
    public var heldOn: SimpleDate
    public var participants: String
    public var works: String
    public var doesNotWork: String
}

/// Field keys: `kind`, `held_on`, `participants`, `works`, `does_not_work`.
public enum ProgrammeNoteRules {
    public static let maxLength = 2000

    /// Notes are kept while the programme runs; one check-in a day is enough.
    public static func validate(_ input: ProgrammeNoteInput, definition: ProgrammeDefinition, enrolment: ProgrammeEnrolment, today: SimpleDate) -> Result<ProgrammeNoteRecord, FieldErrors> {
        var errors = FieldErrors()
        if enrolment.stage != .running { errors.add("kind", "Avstämningar antecknas medan insatsen pågår.") }
        let kind = ProgrammeNoteKind(rawValue: TextRules.trimmed(input.kind))
        switch kind {
        case .checkIn?: if definition.checkIn == nil { errors.add("kind", "\(definition.name) har inga veckoavstämningar.") }
        case .preMeeting(let key)?: if !definition.preMeetingFollowUps.contains(where: { $0.key == key }) { errors.add("kind", "Välj vilken uppföljning det är.") }
        case nil: errors.add("kind", "Välj vilken sorts avstämning det är.")
        }
        let day = ProgrammeNominationRules.pastDay(input.heldOn, field: "held_on", what: "vilken dag avstämningen hölls", today: today, into: &errors)
        if let day, let started = enrolment.startedOn, day < started { errors.add("held_on", "Avstämningen kan inte vara före beslutet om insatsen (\(started.iso)).") }
        if let day, let kind, enrolment.notes.contains(where: { $0.kind == kind && $0.heldOn == day }) {
            errors.add("held_on", "Det finns redan en sådan anteckning för \(day.iso).")
        }
        let participants = TextRules.required(input.participants, field: "participants", label: "Vilka som deltog", max: 300, into: &errors)
        let works = ProgrammeNominationRules.text(input.works, field: "works", missing: "Skriv vad som fungerar.", max: maxLength, into: &errors)
        let doesNot = ProgrammeNominationRules.text(input.doesNotWork, field: "does_not_work", missing: "Skriv vad som inte fungerar (eller att allt fungerar).", max: maxLength, into: &errors)
        guard errors.isEmpty, let kind, let day else { return .failure(errors) }
        return .success(ProgrammeNoteRecord(kind: kind, heldOn: day, participants: participants, works: works, doesNotWork: doesNot))
    }
}
