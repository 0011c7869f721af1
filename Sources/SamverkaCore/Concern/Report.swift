import Foundation

/// A report of concern (orosanmälan) or an application (ansökan) (DOMAIN §3.1).
public enum ReportKind: String, Sendable, Hashable, CaseIterable {
    case concern
    case application

    public var label: String {
        switch self {
        case .concern: "Orosanmälan"
        case .application: "Ansökan"
        }
    }
}

/// How the report reached social services.
public enum ReportChannel: String, Sendable, Hashable, CaseIterable {
    case written
    /// Urgent, by telephone: registered by intake and to be confirmed in writing.
    case oral
    case eService = "e-service"

    public var label: String {
        switch self {
        case .written: "Skriftlig"
        case .oral: "Muntlig (ska bekräftas skriftligt)"
        case .eService: "E-tjänst"
        }
    }
}

public enum ReporterKind: String, Sendable, Hashable, CaseIterable {
    /// Staff of the municipality with an account: they follow the report in "Mina anmälningar".
    case staff
    case agency
    case privatePerson = "private"
    case anonymous
    case guardian
    case youth

    public var label: String {
        switch self {
        case .staff: "Personal i kommunen"
        case .agency: "Annan myndighet eller verksamhet"
        case .privatePerson: "Privatperson"
        case .anonymous: "Anonym"
        case .guardian: "Vårdnadshavare"
        case .youth: "Den unge själv"
        }
    }
}

/// The grounds that make a concern acute: guardians must not be told, no joint report
/// meeting (seed 002 "Akut oro", seed 003 "Anmälan").
public enum AcuteGround: String, Sendable, Hashable, CaseIterable {
    case sexualAbuse = "sexual-abuse"
    case physicalAbuse = "physical-abuse"
    case honourViolence = "honour-violence"
    case closeRelationViolence = "close-relation-violence"

    public var label: String {
        switch self {
        case .sexualAbuse: "Misstänkta sexuella övergrepp"
        case .physicalAbuse: "Misstänkt barnmisshandel"
        case .honourViolence: "Hedersrelaterat våld"
        case .closeRelationViolence: "Våld i nära relation"
        }
    }
}

/// Whether the guardians were told that a report is made.
public enum GuardianNotice: String, Sendable, Hashable {
    case informed
    case notInformed = "not-informed"
    /// Acute concern: deliberately not told, as the routine requires.
    case withheldAcute = "withheld-acute"

    public var label: String {
        switch self {
        case .informed: "Vårdnadshavare har informerats om anmälan"
        case .notInformed: "Vårdnadshavare har inte informerats"
        case .withheldAcute: "Vårdnadshavare har inte informerats (akut oro: ska inte informeras)"
        }
    }
}

/// The pre-assessment's outcome (SoL 20:2), or joining an investigation already running.
public enum PreAssessmentOutcome: String, Sendable, Hashable, CaseIterable {
    case openInvestigation = "open"
    case notOpened = "not-opened"
    case alreadyRunning = "already-running"

    public var label: String {
        switch self {
        case .openInvestigation: "Utredning inleds"
        case .notOpened: "Utredning inleds inte"
        case .alreadyRunning: "Utredning pågår redan; anmälan kopplas till den"
        }
    }
}

/// Who decided, when, and why: a decision cannot be recorded without all three (the
/// supervisory authority's most common finding is decisions that lack them).
public struct DecisionRecord: Sendable, Hashable {
    public var decidedBy: RecordID
    public var decidedByName: String
    public var date: SimpleDate
    public var reasons: String

    public init(decidedBy: RecordID, decidedByName: String, date: SimpleDate, reasons: String) {
        self.decidedBy = decidedBy
        self.decidedByName = decidedByName
        self.date = date
        self.reasons = reasons
    }
}

/// A report's state as the rules see it.
public struct ReportState: Sendable, Hashable {
    public var kind: ReportKind
    public var channel: ReportChannel
    public var reporterKind: ReporterKind
    public var receivedAt: Date
    public var receiptConfirmedAt: Date?
    public var receiptConfirmedByName: String?
    /// The decisions themselves (who, when, why) are stored as decision records; the state
    /// keeps what the rules and clocks need.
    public var protectionAssessedAt: Date?
    public var immediateProtectionNeeded: Bool?
    public var preAssessment: PreAssessmentOutcome?
    public var decidedAt: Date?
    public var writtenConfirmationAt: Date?
    public var feedbackRequestedAt: Date?
    public var feedbackGivenAt: Date?
    public var feedbackWithheldReason: String?

    public init(kind: ReportKind, channel: ReportChannel, reporterKind: ReporterKind, receivedAt: Date) {
        self.kind = kind
        self.channel = channel
        self.reporterKind = reporterKind
        self.receivedAt = receivedAt
    }

    public var awaitsWrittenConfirmation: Bool { channel == .oral && writtenConfirmationAt == nil }
    public var isDecided: Bool { preAssessment != nil }

    /// Where the report stands, for queues and lists.
    public var stage: ReportStage {
        ReportStage(preAssessment: preAssessment, protectionAssessedAt: protectionAssessedAt, receiptConfirmedAt: receiptConfirmedAt)
    }

    // MARK: Clocks

    /// Protection assessment, at once: within 24 hours of receipt (SoL 20:1).
    public var protectionClock: Deadline {
        Deadline(kind: .protectionAssessment, startedAt: receivedAt, metAt: protectionAssessedAt)
    }

    /// Pre-assessment decision within 14 days of receipt (SoL 20:2). Joining a running
    /// investigation needs none, so it has no clock; an application opens one directly.
    public var preAssessmentClock: Deadline? {
        if preAssessment == .alreadyRunning || kind == .application { return nil }
        return Deadline(kind: .preAssessment, startedAt: receivedAt, metAt: decidedAt)
    }

    /// A reporter's request for feedback starts a one-week clock (SoL 19:6). It runs from the
    /// request, or from the decision if the request came first (there is nothing to tell
    /// before). It is met when feedback is given or recorded as inappropriate.
    public var feedbackClock: Deadline? {
        guard let requested = feedbackRequestedAt else { return nil }
        let start = max(requested, decidedAt ?? requested)
        return Deadline(kind: .feedback, startedAt: start, metAt: feedbackGivenAt)
    }

    public func clocks() -> [Deadline] {
        [protectionClock, preAssessmentClock, feedbackClock].compactMap { $0 }
    }
}

public enum ReportStage: Sendable, Hashable {
    case new
    case received
    case assessed
    case decided(PreAssessmentOutcome)

    /// Where a report stands, from the three steps that move it on.
    public init(preAssessment: PreAssessmentOutcome?, protectionAssessedAt: Date?, receiptConfirmedAt: Date?) {
        if let preAssessment {
            self = .decided(preAssessment)
        } else if protectionAssessedAt != nil {
            self = .assessed
        } else if receiptConfirmedAt != nil {
            self = .received
        } else {
            self = .new
        }
    }

    public var label: String {
        switch self {
        case .new: "Ny, mottagandet inte bekräftat"
        case .received: "Mottagen, skyddsbedömning återstår"
        case .assessed: "Förhandsbedömning pågår"
        case .decided(let outcome): outcome.label
        }
    }
}
