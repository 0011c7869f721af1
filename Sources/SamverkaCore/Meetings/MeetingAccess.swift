/// What the policy knows about the context of a meeting outside a collaboration case.
public enum MeetingContextFacts: Sendable, Hashable {
    case report(ReportAccessFacts)
    case investigation(InvestigationAccessFacts)
    case programme(ProgrammeAccessFacts)
    case forum(ForumAccessFacts)
}

/// A meeting outside a collaboration case: its context and the staff invited to it.
public struct MeetingAccessFacts: Sendable, Hashable {
    public var context: MeetingContextFacts
    public var participantStaffIDs: Set<RecordID>

    public init(context: MeetingContextFacts, participantStaffIDs: Set<RecordID>) {
        self.context = context
        self.participantStaffIDs = participantStaffIDs
    }
}

/// Meetings booked from a report or an investigation (seed 002). The joint report meeting
/// is agreed between the school that reported and social services: the reporter and the
/// report's handlers book it. The BBIC meeting is social services': those who handle the
/// investigation book it. Invited staff see and work in the meeting they were invited to;
/// nothing else of the report or investigation opens to them.
enum MeetingAccess {
    static func decide(_ actor: Actor, _ request: AccessRequest) -> AccessDecision? {
        switch request {
        case .bookMeeting(let context):
            return decideContext(actor, context)
        case .viewMeeting(let facts), .workInMeeting(let facts):
            // A forum's meeting is its members' (some sit in no unit: a verksamhetschef).
            if case .forum(let forum) = facts.context {
                if facts.participantStaffIDs.contains(actor.staffID) { return .allow(.init(code: "meeting-participant", text: "Kallad till mötet")) }
                return AccessPolicy.decide(actor, .workInForum(forum))
            }
            guard !actor.childWorkUnitIDs.isEmpty else {
                return .deny(.init(code: "no-child-role", text: "Du har ingen roll som arbetar med barn."))
            }
            if facts.participantStaffIDs.contains(actor.staffID) {
                return .allow(.init(code: "meeting-participant", text: "Kallad till mötet"))
            }
            return decideContext(actor, facts.context)
        default:
            return nil
        }
    }

    private static func decideContext(_ actor: Actor, _ context: MeetingContextFacts) -> AccessDecision {
        switch context {
        case .report(let report):
            if let reporter = report.reporterStaffID, reporter == actor.staffID, actor.active {
                return .allow(.init(code: "reporter", text: "Du gjorde anmälan; anmälningsmötet planeras gemensamt med socialtjänsten"))
            }
            return AccessPolicy.decide(actor, .viewReport(report))
        case .investigation(let investigation):
            return AccessPolicy.decide(actor, .handleInvestigation(investigation))
        case .programme(let programme):
            // The family's team books and keeps its meetings.
            return AccessPolicy.decide(actor, .workInProgramme(programme))
        case .forum(let forum):
            return AccessPolicy.decide(actor, .bookForumMeeting(forum))
        }
    }
}
