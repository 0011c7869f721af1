import Foundation

/// The dated tasks of the yearly cycle (årshjul): seed 002 "Årscykel för arbetet med
/// handlingsplanen" and seed 003 (the April and October meetings, the evaluation by 30 June).
public enum CycleTaskKind: String, Sendable, Hashable, Codable, CaseIterable {
    case aprilMeeting = "april-meeting"
    case planFollowUp = "plan-follow-up"
    case evaluation
    case octoberMeeting = "october-meeting"
    case collaborationDay = "collaboration-day"
    case yearSummary = "year-summary"

    public var title: String {
        switch self {
        case .aprilMeeting: "Samverkansmötet i april"
        case .planFollowUp: "Uppföljning av handlingsplanen"
        case .evaluation: "Utvärdering av samverkan"
        case .octoberMeeting: "Samverkansmötet i oktober"
        case .collaborationDay: "Kraftsamlingsdagen"
        case .yearSummary: "Årets summering och ny handlingsplan"
        }
    }

    /// The routine's words.
    public var routine: String {
        switch self {
        case .aprilMeeting, .octoberMeeting: "Elevhälsochef och enhetschef inom IFO kallar till ett samverkansmöte två gånger/år, april och oktober."
        case .planFollowUp: "I maj följer ledningsgruppen upp hur arbetet med handlingsplanen fortskrider."
        case .evaluation: "Utvärdering av samverkan sker senast den 30 juni varje år. Ansvariga är elevhälsochef och enhetschef inom IFO. Information samlas in av berörda parter."
        case .collaborationDay: "I oktober hålls den årliga Kraftsamlingsdagen. Ansvar för dagen ambuleras mellan de olika lokala samverkansgrupperna."
        case .yearSummary: "I november summerar ledningsgruppen året som gått och producerar en ny handlingsplan för nästa år."
        }
    }

    public var source: String {
        switch self {
        case .aprilMeeting, .octoberMeeting, .evaluation: "Samverkansrutin mellan skola och socialtjänst (2022)"
        case .planFollowUp, .collaborationDay, .yearSummary: "Kraftsamlings styrdokument, Botkyrka (2016): Årscykel för arbetet med handlingsplanen"
        }
    }

    /// The month the task is done in (its due day is the month's last, 30 June for the evaluation).
    public var month: Int {
        switch self {
        case .aprilMeeting: 4
        case .planFollowUp: 5
        case .evaluation: 6
        case .octoberMeeting, .collaborationDay: 10
        case .yearSummary: 11
        }
    }

    /// How many months before its month the task reaches the work list (a day is planned, people called).
    var leadMonths: Int {
        switch self {
        case .collaborationDay: 2
        default: 1
        }
    }
}

/// Who answers for the cycle's tasks, as the forums say.
public struct CycleResponsibles: Sendable, Hashable {
    /// The ledningsgrupp's chairs: the summary and the follow-up.
    public var managementChairs: [ForumMember]
    /// The chairs of the April/October meeting (elevhälsochef and IFO enhetschef): the two meetings and the evaluation.
    public var collaborationMeetingChairs: [ForumMember]
    /// The LSGs in the order they take turns with Kraftsamlingsdagen.
    public var localGroups: [Forum]

    public init(managementChairs: [ForumMember], collaborationMeetingChairs: [ForumMember], localGroups: [Forum]) {
        self.managementChairs = managementChairs
        self.collaborationMeetingChairs = collaborationMeetingChairs
        self.localGroups = localGroups
    }

    /// The LSG that organises the year's Kraftsamlingsdag (in turn, by year).
    public func organiser(of year: Int) -> Forum? {
        localGroups.isEmpty ? nil : localGroups[((year % localGroups.count) + localGroups.count) % localGroups.count]
    }
}

/// One year's task.
public struct CycleTask: Sendable, Hashable {
    public var kind: CycleTaskKind
    public var year: Int
    public var opensOn: SimpleDate
    public var dueOn: SimpleDate
    public var responsible: [ForumMember]
    /// The LSG organising Kraftsamlingsdagen.
    public var organiser: Forum?

    public var key: CycleTaskKey { CycleTaskKey(kind: kind, year: year) }

    /// Done on `doneOn` (nil: not yet): the one engine's clock.
    public func deadline(doneOn: SimpleDate?) -> Deadline {
        Deadline(kind: .yearlyCycleTask, startedOn: opensOn, dueOn: dueOn, metOn: doneOn)
    }
}

public struct CycleTaskKey: Sendable, Hashable {
    public var kind: CycleTaskKind
    public var year: Int

    public init(kind: CycleTaskKind, year: Int) {
        self.kind = kind
        self.year = year
    }
}

public enum YearlyCycle {
    /// The year's tasks, in date order.
    public static func tasks(year: Int, _ r: CycleResponsibles) -> [CycleTask] {
        CycleTaskKind.allCases.map { kind in
            let due = SimpleDate(year: year, month: kind.month, day: SimpleDate.daysInMonth(year: year, month: kind.month))!
            let opens = SimpleDate(year: year, month: kind.month, day: 1)!.adding(months: -kind.leadMonths)
            let organiser = kind == .collaborationDay ? r.organiser(of: year) : nil
            let responsible: [ForumMember] = switch kind {
            case .aprilMeeting, .octoberMeeting, .evaluation: r.collaborationMeetingChairs
            case .planFollowUp, .yearSummary: r.managementChairs
            case .collaborationDay: organiser?.chairs ?? []
            }
            return CycleTask(kind: kind, year: year, opensOn: opens, dueOn: due, responsible: responsible, organiser: organiser)
        }.sorted { ($0.dueOn, CycleTaskKind.allCases.firstIndex(of: $0.kind)!) < ($1.dueOn, CycleTaskKind.allCases.firstIndex(of: $1.kind)!) }
    }

    /// The tasks on work lists on `today`: of each kind the latest occurrence that has opened,
    /// until it is done (a later occurrence replaces an undone one when it opens).
    public static func open(on today: SimpleDate, done: Set<CycleTaskKey>, _ r: CycleResponsibles) -> [CycleTask] {
        let candidates = (today.year - 1...today.year + 1).flatMap { tasks(year: $0, r) }
        return CycleTaskKind.allCases.compactMap { kind in
            candidates.filter { $0.kind == kind && $0.opensOn <= today }.max { $0.opensOn < $1.opensOn }
        }.filter { !done.contains($0.key) }.sorted { $0.dueOn < $1.dueOn }
    }
}
