import Foundation

public enum InvestigationOutcome: String, Sendable, Hashable, CaseIterable {
    case withIntervention = "with-intervention"
    case withoutIntervention = "without-intervention"

    public var label: String {
        switch self {
        case .withIntervention: "Avslutad med insats"
        case .withoutIntervention: "Avslutad utan insats"
        }
    }
}

public enum InterventionKind: String, Sendable, Hashable, CaseIterable {
    case parentSupport = "parent-support"
    case contactPerson = "contact-person"
    case familyTreatment = "family-treatment"
    case fosterHome = "foster-home"
    case residentialCare = "residential-care"
    case other

    public var label: String {
        switch self {
        case .parentSupport: "Föräldrastöd"
        case .contactPerson: "Kontaktperson/kontaktfamilj"
        case .familyTreatment: "Familjebehandling"
        case .fosterHome: "Placering i familjehem"
        case .residentialCare: "Placering på HVB"
        case .other: "Annan insats"
        }
    }

    /// Placements take the child away from school: the school is told at once.
    public var isPlacement: Bool { self == .fosterHome || self == .residentialCare }
}

/// An investigation's state as the rules see it (DOMAIN §3.1 steps 8–10).
public struct InvestigationState: Sendable, Hashable {
    public var openedAt: Date
    public var clock: Deadline
    public var closedAt: Date?
    public var outcome: InvestigationOutcome?
    public var statementRequestedAt: Date?
    public var statementReturnedAt: Date?
    public var followUpUntil: SimpleDate?
    /// An optional joint meeting with the family about the BBIC statement (seed 002).
    public var jointBBICMeetingPlanned = false

    public init(openedAt: Date) {
        self.openedAt = openedAt
        self.clock = Deadline(kind: .investigation, startedAt: openedAt)
    }

    public var isOpen: Bool { closedAt == nil }

    /// Follow-up after closure without consent: at most six months (SoL 23:1–5).
    public var followUpClock: Deadline? {
        guard let closedAt, followUpUntil != nil else { return nil }
        return Deadline(kind: .followUp, startedAt: closedAt)
    }

    /// The latest day a follow-up may last.
    public var latestFollowUpDay: SimpleDate? {
        closedAt.map { Stockholm.date(of: $0).adding(months: 6) }
    }
}

public enum InvestigationStep: Sendable, Hashable {
    case extend(to: SimpleDate, DecisionRecord)
    case close(InvestigationOutcome, DecisionRecord)
    case requestStatement
    case returnStatement
    case addIntervention(InterventionKind, start: SimpleDate, end: SimpleDate?, DecisionRecord)
    case startFollowUp(until: SimpleDate, DecisionRecord)
    case planJointBBICMeeting
}

public enum InvestigationRules {
    public static func apply(_ step: InvestigationStep, to investigation: InvestigationState, at now: Date) -> Result<InvestigationState, StepRefusal> {
        var next = investigation
        switch step {
        case .extend(let day, let decision):
            guard investigation.isOpen else { return .failure(.init("Utredningen är avslutad och kan inte förlängas.")) }
            if let refusal = ReportRules.incomplete(decision) { return .failure(refusal) }
            switch investigation.clock.extended(to: day, reason: decision.reasons, at: now) {
            case .success(let clock): next.clock = clock
            case .failure(let error): return .failure(.init(error.message))
            }

        case .close(let outcome, let decision):
            guard investigation.isOpen else { return .failure(.init("Utredningen är redan avslutad.")) }
            if let refusal = ReportRules.incomplete(decision) { return .failure(refusal) }
            next.closedAt = now
            next.outcome = outcome
            next.clock.metAt = now

        case .requestStatement:
            guard investigation.isOpen else { return .failure(.init("Utredningen är avslutad; utlåtande kan inte begäras.")) }
            guard investigation.statementRequestedAt == nil else { return .failure(.init("Utlåtande är redan begärt.")) }
            next.statementRequestedAt = now

        case .returnStatement:
            guard investigation.statementRequestedAt != nil else { return .failure(.init("Inget utlåtande är begärt.")) }
            guard investigation.statementReturnedAt == nil else { return .failure(.init("Utlåtandet är redan återsänt.")) }
            next.statementReturnedAt = now

        case .addIntervention(_, let start, let end, let decision):
            if let refusal = ReportRules.incomplete(decision) { return .failure(refusal) }
            if let end, end < start { return .failure(.init("Slutdatum kan inte vara före startdatum.")) }
            // Support can start during the investigation; after closure only with intervention.
            if !investigation.isOpen, investigation.outcome != .withIntervention {
                return .failure(.init("Utredningen avslutades utan insats; en ny insats kräver ett nytt beslut i en utredning."))
            }

        case .planJointBBICMeeting:
            guard investigation.isOpen else { return .failure(.init("Utredningen är avslutad.")) }
            guard !investigation.jointBBICMeetingPlanned else { return .failure(.init("Ett gemensamt BBIC-möte är redan planerat.")) }
            next.jointBBICMeetingPlanned = true

        case .startFollowUp(let until, let decision):
            guard !investigation.isOpen, let latest = investigation.latestFollowUpDay else {
                return .failure(.init("Uppföljning kan beslutas först när utredningen är avslutad."))
            }
            guard investigation.followUpUntil == nil else { return .failure(.init("Uppföljning är redan beslutad.")) }
            if let refusal = ReportRules.incomplete(decision) { return .failure(refusal) }
            guard until <= latest else { return .failure(.init("Uppföljningen får pågå högst sex månader efter avslutet, till och med \(latest.iso).")) }
            guard until >= Stockholm.date(of: now) else { return .failure(.init("Slutdatum för uppföljningen har redan passerat.")) }
            next.followUpUntil = until
        }
        return .success(next)
    }
}
