import Foundation

/// Every legal or routine clock Samverka keeps (DOMAIN §3.1, §4): what starts it, its rule,
/// and the law or routine it comes from. The one engine (`Deadline`) runs them all; each
/// kind is on somebody's work list (a coverage test in the store holds every kind to a
/// module that lists it).
public enum ClockKind: String, Sendable, Hashable, CaseIterable, Codable {
    case protectionAssessment = "protection-assessment"
    case preAssessment = "pre-assessment"
    case investigation
    case feedback
    case followUp = "follow-up"
    /// The collaboration case's first meeting, within two weeks of the case becoming known.
    case firstCollaborationMeeting = "first-collaboration-meeting"
    /// The second, within two weeks of the first.
    case secondCollaborationMeeting = "second-collaboration-meeting"
    /// An action decided at a meeting, due on its day.
    case meetingAction = "meeting-action"
    /// A consent's last day: renew it or end the sharing.
    case consentEnding = "consent-ending"
    /// A task given to a person (following up a genomförandeplan, the return to school).
    case task
    /// The SIP's follow-up meeting, on the day booked at the SIP meeting.
    case sipFollowUp = "sip-follow-up"
    /// An action of a SIP's plan, on the day set in the protocol.
    case sipAction = "sip-action"
    /// The SIP consent's last day (at most a year): renew it or close the SIP.
    case sipConsentEnding = "sip-consent-ending"
    /// A joint programme's follow-up meeting, a month after the last (or after the grant).
    case programmeFollowUpMeeting = "programme-follow-up-meeting"
    /// The staff's weekly check-in in a programme, a week after the last (or the grant).
    case programmeCheckIn = "programme-check-in"
    /// The follow-up meeting with the family three months after the programme closed.
    case programmeAfterClosure = "programme-after-closure"
    /// An action of a programme's genomförandeplan or handlingsplan, on its day.
    case programmePlanAction = "programme-plan-action"
    /// A forum below its number of meetings for the year (or school year): its chairs', due on the period's last day.
    case forumMeetings = "forum-meetings"
    /// A task of the yearly cycle (årshjul), due on the last day of its month.
    case yearlyCycleTask = "yearly-cycle-task"

    public var rule: ClockRule {
        switch self {
        case .protectionAssessment: .after(.hours(24))
        case .preAssessment: .after(.days(14))
        case .investigation: .after(.months(4))
        case .feedback: .after(.weeks(1))
        case .followUp: .after(.months(6))
        // Trampolinen's cadences; a programme with others sets the due day from its definition.
        case .programmeFollowUpMeeting: .after(.months(1))
        case .programmeCheckIn: .after(.weeks(1))
        case .programmeAfterClosure: .after(.months(3))
        case .firstCollaborationMeeting, .secondCollaborationMeeting: .after(.days(14))
        case .meetingAction, .consentEnding, .task, .sipFollowUp, .sipAction, .sipConsentEnding, .programmePlanAction, .forumMeetings, .yearlyCycleTask: .decidedDay
        }
    }

    /// The statutory duration (nil for clocks whose day a decision sets).
    public var duration: ClockDuration? {
        if case .after(let duration) = rule { return duration }
        return nil
    }

    /// How close to the due time counts as "due soon".
    public var dueSoon: DueSoon {
        switch self {
        // From two days before the due day, as the legal 14-day clocks.
        case .firstCollaborationMeeting, .secondCollaborationMeeting, .meetingAction, .task, .sipFollowUp, .sipAction, .programmePlanAction: .daysBefore(2)
        // A week's warning to book the month's meeting; a day for the week's check-in.
        case .programmeFollowUpMeeting: .daysBefore(7)
        case .programmeCheckIn: .daysBefore(1)
        case .programmeAfterClosure: .daysBefore(14)
        // Two months to book the meetings still missing; two weeks for a task of the cycle.
        case .forumMeetings: .daysBefore(60)
        case .yearlyCycleTask: .daysBefore(14)
        // Within the consent's last 30 days (`ConsentStatus.warningDays`).
        case .consentEnding, .sipConsentEnding: .daysBefore(ConsentStatus.warningDays - 1)
        case .followUp: .daysBefore(14)
        default: .before(duration?.dueSoonWindow ?? 86_400)
        }
    }

    public var source: ClockSource {
        switch self {
        case .protectionAssessment: .law(.protectionAssessment)
        case .preAssessment: .law(.preAssessment)
        case .investigation: .law(.investigationTime)
        case .feedback: .law(.feedbackToReporter)
        case .followUp: .law(.followUp)
        case .firstCollaborationMeeting: .routine("Samverkansrutinen: inom två veckor från att ärendet blev känt")
        case .secondCollaborationMeeting: .routine("Samverkansrutinen: inom två veckor från första samverkansmötet")
        case .meetingAction: .routine("Åtgärd beslutad på samverkansmöte")
        case .consentEnding: .routine("Samtycket upphör: förnya det eller avsluta samverkan")
        case .task: .routine("Uppgift")
        case .sipFollowUp: .law(.sip)
        case .sipAction: .routine("Åtgärd i SIP-planen")
        case .sipConsentEnding: .routine("Samtycket till SIP gäller högst ett år")
        case .programmeFollowUpMeeting: .routine("Programmets rutin: gemensamma uppföljningar en gång per månad (Ragunda Trampolinen)")
        case .programmeCheckIn: .routine("Programmets rutin: behandlingsassistent och skolsocionom stämmer av varje vecka (Ragunda Trampolinen)")
        case .programmeAfterClosure: .routine("Programmets rutin: uppföljningsmöte med familjen efter 3 månader (Ragunda Trampolinen)")
        case .programmePlanAction: .routine("Åtgärd i genomförandeplan eller handlingsplan")
        case .forumMeetings: .routine("Forumets rutin: antal möten per år eller läsår")
        case .yearlyCycleTask: .routine("Årshjulet för samverkan (Kraftsamling; samverkansrutinen)")
        }
    }

    public var label: String {
        switch self {
        case .protectionAssessment: "Skyddsbedömning"
        case .preAssessment: "Förhandsbedömning"
        case .investigation: "Utredning"
        case .feedback: "Återkoppling till anmälaren"
        case .followUp: "Uppföljning efter avslut"
        case .firstCollaborationMeeting: "Första samverkansmötet"
        case .secondCollaborationMeeting: "Andra samverkansmötet"
        case .meetingAction: "Åtgärd"
        case .consentEnding: "Samtycke upphör"
        case .task: "Uppgift"
        case .sipFollowUp: "Uppföljning av SIP"
        case .sipAction: "Åtgärd i SIP"
        case .sipConsentEnding: "Samtycke till SIP upphör"
        case .programmeFollowUpMeeting: "Månadsuppföljning"
        case .programmeCheckIn: "Veckoavstämning"
        case .programmeAfterClosure: "Uppföljningsmöte efter avslut"
        case .programmePlanAction: "Åtgärd i programmets plan"
        case .forumMeetings: "Forumets möten"
        case .yearlyCycleTask: "Uppgift i årshjulet"
        }
    }
}

/// How a clock's due time is found.
public enum ClockRule: Sendable, Hashable {
    /// A fixed time after its start event.
    case after(ClockDuration)
    /// On a day a decision set.
    case decidedDay

    public func due(from start: Date) -> Date {
        switch self {
        case .after(let duration): duration.due(from: start)
        case .decidedDay: start
        }
    }
}

/// Where a clock comes from: the law (shown with its reference) or the municipality's routine.
public enum ClockSource: Sendable, Hashable {
    case law(LegalReference)
    case routine(String)

    public var legal: LegalReference? {
        if case .law(let reference) = self { return reference }
        return nil
    }

    /// What the "Grund" column says.
    public var text: String {
        switch self {
        case .law(let reference): reference.current
        case .routine(let text): text
        }
    }
}

/// When a running clock turns "due soon".
public enum DueSoon: Sendable, Hashable {
    /// This long before the due time.
    case before(TimeInterval)
    /// From the start of the day this many days before the due day (calendar days in Stockholm).
    case daysBefore(Int)
}
