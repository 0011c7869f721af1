import Foundation

/// A programme's clocks, on plain days, run by the one engine (`Deadline`). The recurring
/// ones are chains: the first starts when the support was granted; each held meeting (or
/// check-in) meets the clock running then and starts the next. A clock met after its due day
/// is met late; one still unmet after it is missed (overdue). The cadence is the
/// definition's; the kinds carry the source and the warning window.
public enum ProgrammeClocks {
    /// The monthly follow-up meetings' clocks, oldest first. `keepingMissed`: see `chain`.
    public static func followUpMeetings(_ enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition, keepingMissed: Bool = false) -> [Deadline] {
        guard let cadence = definition.recurringMeeting?.cadence else { return [] }
        return chain(.programmeFollowUpMeeting, enrolment, cadence: cadence, events: enrolment.heldMeetings.compactMap(\.heldOn), keepingMissed: keepingMissed)
    }

    /// The weekly check-ins' clocks, oldest first. `keepingMissed`: see `chain`.
    public static func checkIns(_ enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition, keepingMissed: Bool = false) -> [Deadline] {
        guard let cadence = definition.checkIn?.cadence else { return [] }
        return chain(.programmeCheckIn, enrolment, cadence: cadence, events: enrolment.notes.filter { $0.kind == .checkIn }.map(\.heldOn), keepingMissed: keepingMissed)
    }

    /// The follow-up meeting after closure, from the day the closing meeting was held.
    public static func afterClosure(_ enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition) -> Deadline? {
        guard let cadence = definition.followUpAfterClosure, let closed = enrolment.closure?.closingMeetingOn else { return nil }
        return Deadline(kind: .programmeAfterClosure, startedOn: closed, dueOn: cadence.due(after: closed), metOn: enrolment.followUp?.heldOn)
    }

    /// Every open plan action, with the day its plan was written.
    public static func planActions(_ enrolment: ProgrammeEnrolment) -> [(action: ProgrammePlanAction, deadline: Deadline)] {
        enrolment.documents.flatMap { document in
            document.actions.map { (action: $0, deadline: $0.deadline(decidedOn: document.writtenOn)) }
        }
    }

    /// Every clock the programme has had, met or not, for the statistics: the chains with a
    /// link missed before closure, the follow-up after closure, and the plan actions, except
    /// those still undone that fell due after the programme closed (closing ended them).
    public static func all(_ enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition) -> [Deadline] {
        let closed = enrolment.closure?.closingMeetingOn
        let actions = planActions(enrolment).map(\.deadline).filter { action in
            action.metAt != nil || closed.map { action.dueDay <= $0 } ?? true
        }
        return followUpMeetings(enrolment, definition: definition, keepingMissed: true) + checkIns(enrolment, definition: definition, keepingMissed: true)
            + [afterClosure(enrolment, definition: definition)].compactMap { $0 } + actions
    }

    /// The clocks that are someone's to act on now: the running chains' last links while the
    /// programme runs, the follow-up after closure until it is held, and the open actions.
    public static func open(_ enrolment: ProgrammeEnrolment, definition: ProgrammeDefinition, on today: SimpleDate) -> [Deadline] {
        var result: [Deadline] = []
        if enrolment.stage == .running {
            result += [followUpMeetings(enrolment, definition: definition).last, checkIns(enrolment, definition: definition).last].compactMap { $0 }
            result += planActions(enrolment).map(\.deadline)
        }
        if let after = afterClosure(enrolment, definition: definition) { result.append(after) }
        return result.filter { $0.state(on: today).isOpen }
    }

    /// A chain of clocks over the days things were done. After closure no new link starts:
    /// the programme keeps the clocks it had, the met ones and, `keepingMissed` (the
    /// statistics), the one that ran out before the closing meeting without being met.
    static func chain(_ kind: ClockKind, _ enrolment: ProgrammeEnrolment, cadence: ProgrammeCadence, events: [SimpleDate], keepingMissed: Bool = false) -> [Deadline] {
        guard let start = enrolment.startedOn else { return [] }
        let end = enrolment.closure?.closingMeetingOn
        var days = events.filter { $0 >= start }.sorted()
        if let end { days = days.filter { $0 <= end } }
        var clocks: [Deadline] = []
        var from = start
        for day in days {
            clocks.append(Deadline(kind: kind, startedOn: from, dueOn: cadence.due(after: from), metOn: day))
            from = day
        }
        let last = Deadline(kind: kind, startedOn: from, dueOn: cadence.due(after: from))
        if let end {
            if keepingMissed && last.dueDay < end { clocks.append(last) }
        } else {
            clocks.append(last)
        }
        return clocks
    }
}

extension ProgrammeClocks {
    /// Whether a team member in `role` acts on a clock of this kind: the follow-up meetings
    /// and the meeting after closure are the recurring meeting type's conveners' (Trampolinen:
    /// the socialsekreterare calls them), the check-ins those the definition names. A type
    /// that names no convener leaves the meeting clocks to the whole team, never to nobody.
    public static func holds(_ kind: ClockKind, role: Role, definition: ProgrammeDefinition, meetingTypes: [MeetingType]) -> Bool {
        switch kind {
        case .programmeFollowUpMeeting, .programmeAfterClosure:
            let type = definition.recurringMeeting.flatMap { meeting in meetingTypes.first { $0.key == meeting.meetingTypeKey } }
            guard let conveners = type?.convenerRoles, !conveners.isEmpty else { return definition.teamRoles.contains(role) }
            guard let meetingRole = MeetingRole(staffRole: role) else { return false }
            return conveners.contains { meetingRole.covers($0) }
        case .programmeCheckIn:
            return definition.checkIn?.between.contains(role) == true
        default:
            return false
        }
    }
}
