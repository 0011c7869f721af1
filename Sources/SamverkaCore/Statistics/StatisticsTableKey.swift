/// One row or column of a statistics table: a stable key (what the store counts under) and
/// the words shown.
public struct StatisticsHeading: Sendable, Hashable {
    public let key: String
    public let label: String

    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}

/// The count tables of the statistics page. The store counts under the keys; the page, the
/// CSV and the evaluation PDF take titles and headings from here. Each table is counted by
/// exactly one module (a coverage test holds that).
public enum StatisticsTableKey: String, Sendable, Hashable, CaseIterable {
    case reportsByReporter = "reports-by-reporter"
    case reportsByChannel = "reports-by-channel"
    case reportsByMonth = "reports-by-month"
    case reportsBySchoolUnit = "reports-by-school-unit"
    case preAssessmentOutcomes = "pre-assessment-outcomes"
    case investigations
    case interventions
    case decisions
    case consultations
    case collaboration
    case sips
    case programmeFamilies = "programme-families"
    case forumMeetings = "forum-meetings"

    public var title: String {
        switch self {
        case .reportsByReporter: "Anmälningar och ansökningar efter vem som anmält"
        case .reportsByChannel: "Anmälningar och ansökningar efter hur de kom in"
        case .reportsByMonth: "Anmälningar och ansökningar per månad"
        case .reportsBySchoolUnit: "Anmälningar från kommunens förskolor och skolor, per enhet"
        case .preAssessmentOutcomes: "Förhandsbedömningarnas utfall"
        case .investigations: "Utredningar"
        case .interventions: "Beslutade insatser efter slag"
        case .decisions: "Beslut med beslutsfattare, datum och motivering"
        case .consultations: "Konsultationer och råd och stöd"
        case .collaboration: "Samverkansärenden och möten"
        case .sips: "Samordnad individuell plan (SIP)"
        case .programmeFamilies: "Familjer i gemensamma program efter var de står"
        case .forumMeetings: "Forumens möten: hållna mot planerade"
        }
    }

    /// The tables each part of the page shows, in order.
    public var section: StatisticsSection {
        switch self {
        case .reportsByReporter, .reportsByChannel, .reportsByMonth, .reportsBySchoolUnit: .reports
        case .preAssessmentOutcomes, .investigations, .interventions: .outcomes
        case .decisions: .decisions
        case .consultations: .consultations
        case .collaboration: .collaboration
        case .sips: .sip
        case .programmeFamilies: .programmes
        case .forumMeetings: .forums
        }
    }

    /// Whether the rows split one whole (each report in exactly one row), so that row and
    /// column totals are shown and suppression must protect against subtraction from them.
    /// Tables of separate figures show no totals.
    public var isPartition: Bool {
        switch self {
        case .reportsByReporter, .reportsByChannel, .reportsByMonth, .reportsBySchoolUnit, .preAssessmentOutcomes, .interventions, .decisions, .programmeFamilies: true
        case .investigations, .consultations, .collaboration, .sips, .forumMeetings: false
        }
    }

    public var columns: [StatisticsHeading] {
        switch self {
        case .reportsByReporter, .reportsBySchoolUnit: [.init("acute", "Akut oro"), .init("not-acute", "Inte akut")]
        case .reportsByChannel, .reportsByMonth: ReportKind.allCases.map { .init($0.rawValue, $0.label) }
        case .decisions: [.init("complete", "Med allt"), .init("lacking", "Saknar något")]
        case .forumMeetings: [.init("planned", "Planerade"), .init("held", "Hållna")]
        case .preAssessmentOutcomes, .investigations, .interventions, .consultations, .collaboration, .sips, .programmeFamilies: [.init("count", "Antal")]
        }
    }

    /// The rows, in order; nil for rows that come from the data (units, forums), shown in the
    /// order of their labels.
    public func rows(in period: StatisticsPeriod) -> [StatisticsHeading]? {
        switch self {
        case .reportsByReporter: ReporterKind.allCases.map { .init($0.rawValue, $0.label) }
        case .reportsByChannel: ReportChannel.allCases.map { .init($0.rawValue, $0.label) }
        case .reportsByMonth: period.months.map { .init($0.monthKey, $0.label) }
        case .reportsBySchoolUnit, .forumMeetings: nil
        case .preAssessmentOutcomes: PreAssessmentOutcome.allCases.map { .init($0.rawValue, $0.label) } + [.init("pending", "Inte beslutad ännu")]
        case .investigations: StatisticsRows.investigations
        case .interventions: InterventionKind.allCases.map { .init($0.rawValue, $0.label) }
        case .decisions: StatisticsRows.decisions
        case .consultations: StatisticsRows.consultations
        case .collaboration: StatisticsRows.collaboration
        case .sips: StatisticsRows.sips
        case .programmeFamilies: ProgrammeStage.allCases.map { .init($0.rawValue, $0.label) }
        }
    }

    /// The chart drawn beside the table: bars of the rows' totals, or none for tables whose
    /// rows are not alike.
    public var hasBars: Bool {
        switch self {
        case .reportsByReporter, .reportsByChannel, .reportsByMonth, .reportsBySchoolUnit, .preAssessmentOutcomes, .interventions, .programmeFamilies, .forumMeetings: true
        case .investigations, .decisions, .consultations, .collaboration, .sips: false
        }
    }
}

/// The keys of the fixed rows of the tables of separate figures.
public enum StatisticsRows {
    public static let investigations: [StatisticsHeading] = [
        .init("opened", "Utredningar som inletts"),
        .init("closed-with-intervention", InvestigationOutcome.withIntervention.label),
        .init("closed-without-intervention", InvestigationOutcome.withoutIntervention.label),
        .init("extended", "Utredningstiden förlängd"),
        .init("placements", "Placeringar (familjehem eller HVB)"),
        .init("follow-ups", "Uppföljningar efter avslut beslutade"),
    ]
    public static let decisions: [StatisticsHeading] = [
        .init("protection-assessment", "Skyddsbedömning"),
        .init("pre-assessment", "Förhandsbedömning"),
        .init("investigation-opened", "Att inleda utredning"),
        .init("extension", "Förlängd utredningstid"),
        .init("intervention", "Insats"),
        .init("closure", "Avslut av utredning"),
        .init("follow-up", "Uppföljning efter avslut"),
    ]
    public static let consultations: [StatisticsHeading] = [
        .init("consultations", "Anonyma konsultationer"),
        .init("led-to-report", "Konsultationer som ledde till anmälan"),
        .init("support-conversations", "Samtal i råd och stöd"),
    ]
    public static let collaboration: [StatisticsHeading] = [
        .init("cases-opened", "Samverkansärenden som öppnats"),
        .init("cases-closed", "Samverkansärenden som avslutats"),
        .init("meetings-held", "Samverkansmöten hållna (protokoll fastställt)"),
        .init("child-voice", "Möten där barnets röst finns med i protokollet"),
        .init("actions-decided", "Åtgärder beslutade på möten"),
    ]
    public static let sips: [StatisticsHeading] = [
        .init("started", "SIP:ar som inletts"),
        .init("with-region", "Varav med regionen som part"),
    ] + SIPClosureReason.allCases.map { .init("closed-\($0.rawValue)", "Avslutad: " + $0.label.prefix(1).lowercased() + $0.label.dropFirst()) }
}

/// The parts of the statistics page, in order.
public enum StatisticsSection: String, Sendable, Hashable, CaseIterable {
    case reports, clocks, decisions, outcomes, consultations, collaboration, sip, programmes, forums

    public var title: String {
        switch self {
        case .reports: "Anmälningar och ansökningar"
        case .clocks: "Lagens tidsfrister"
        case .decisions: "Beslut"
        case .outcomes: "Utfall"
        case .consultations: "Konsultationer och råd och stöd"
        case .collaboration: "Samverkan kring barn"
        case .sip: "SIP"
        case .programmes: "Gemensamma program"
        case .forums: "Forum och årshjul"
        }
    }

    /// The clocks measured in this part (each clock in one part).
    public var clocks: [ClockKind] {
        switch self {
        case .clocks: [.protectionAssessment, .preAssessment, .investigation, .feedback]
        case .collaboration: [.firstCollaborationMeeting, .secondCollaborationMeeting, .meetingAction]
        case .sip: [.sipAction]
        case .programmes: [.programmeFollowUpMeeting, .programmeCheckIn, .programmeAfterClosure, .programmePlanAction]
        case .reports, .decisions, .outcomes, .consultations, .forums: []
        }
    }
}

extension StatisticsPeriod {
    /// "2026-03": the key of a month's row.
    public var monthKey: String { String(from.iso.prefix(7)) }
}
