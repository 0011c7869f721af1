import Foundation

/// The joint decision that a child attends a monthly follow-up (seed 000: "Rektor och
/// socialsekreterare kan ta ett gemensamt beslut om att barn/elev deltar vid
/// månadsuppföljning om det är till barnets bästa"). Both must agree; one is not enough.
public struct ProgrammeChildAttendanceInput: Sendable, Hashable {
    public var principalAgrees = false
    public var caseOfficerAgrees = false
    /// Why it is in the child's best interest.
    public var reason: String = ""

    public init(principalAgrees: Bool = false, caseOfficerAgrees: Bool = false, reason: String = "") {
        self.principalAgrees = principalAgrees
        self.caseOfficerAgrees = caseOfficerAgrees
        self.reason = reason
    }
}

/// What is missing around one of the programme's meetings: a talk with a child who did not
/// attend, before the meeting or after it.
public struct ProgrammeMissingTalk: Sendable, Hashable {
    public var childID: RecordID
    public var timing: ChildTalkTiming
}

/// The programme's rules on top of the meeting machinery's for its monthly follow-ups.
///
/// Field keys: `child_attendance_decision`, `assign_chair`, `assign_secretary`,
/// `assign_convener`, `meeting`, `next_meeting`.
public enum ProgrammeMeetingRules {
    public static let jointDecisionMessage =
        "Barnet deltar inte i månadsuppföljningen om inte rektor och socialsekreterare gemensamt har beslutat att det är till barnets bästa. Båda ska ha beslutat, med skäl, eller så tas barnet bort från kallelsen."

    /// Whether the booking may invite the child: only on the joint decision, with its reason.
    /// Returns the reason to keep with the meeting (nil when the child is not invited).
    public static func childAttendance(invitesChild: Bool, _ input: ProgrammeChildAttendanceInput, into errors: inout FieldErrors) -> String? {
        guard invitesChild else { return nil }
        let reason = TextRules.trimmed(input.reason)
        guard input.principalAgrees, input.caseOfficerAgrees, !reason.isEmpty else {
            errors.add("child_attendance_decision", jointDecisionMessage)
            return nil
        }
        if reason.count > 2000 { errors.add("child_attendance_decision", "Skälen får vara högst 2000 tecken.") }
        return reason
    }

    /// The booking of a monthly follow-up: the programme runs, socialsekreterare calls, rektor
    /// chairs and socialsekreterare writes the protocol (the meeting type checks the roles of
    /// whoever is chosen), and one meeting is booked at a time.
    public static func booking(_ input: MeetingBookingInput, enrolment: ProgrammeEnrolment, attendance: ProgrammeChildAttendanceInput) -> Result<MeetingBookingInput, FieldErrors> {
        var errors = FieldErrors()
        if enrolment.stage != .running { errors.add("meeting", "Månadsuppföljningar hålls medan insatsen pågår, efter beslutet i beslutsforum.") }
        if enrolment.meetings.contains(where: { $0.heldOn == nil }) { errors.add("meeting", "Det finns redan ett bokat möte som inte är hållet: håll det först.") }
        for (assignment, who) in [(MeetingAssignment.chair, "rektor är ordförande"), (.secretary, "socialsekreteraren är sekreterare"), (.convener, "socialsekreteraren kallar")]
            where input.assignments[assignment] == nil {
            errors.add(assignment.field, "Vid månadsuppföljningen \(who): välj vem bland deltagarna.")
        }
        let invitesChild = input.participants.contains { $0.roles.contains(.child) }
        _ = childAttendance(invitesChild: invitesChild, attendance, into: &errors)
        if input.childIDs.contains(where: { !enrolment.childIDs.contains($0) }) { errors.add("participants", "Välj barn ur familjen.") }
        guard errors.isEmpty else { return .failure(errors) }
        var checked = input
        // The meeting machinery asks only that the decision was made; it is made here.
        checked.childAttendanceDecided = invitesChild
        checked.childIDs = input.childIDs.isEmpty ? enrolment.childIDs : input.childIDs
        checked.childrenAsked = true
        return .success(checked)
    }

    /// The talks the routine asks for around a meeting: every child who did not attend is
    /// talked with before it (by skolsocionom or behandlingsassistent) and told after it.
    /// The talk after is due once the meeting is held.
    public static func missingTalks(_ meeting: ProgrammeMeetingSummary, children: [RecordID]) -> [ProgrammeMissingTalk] {
        var missing: [ProgrammeMissingTalk] = []
        for child in children where !meeting.childrenAttended.contains(child) {
            let talks = meeting.talks.filter { $0.childID == child }
            if !talks.contains(where: { $0.timing == .before }) { missing.append(ProgrammeMissingTalk(childID: child, timing: .before)) }
            if meeting.heldOn != nil, !talks.contains(where: { $0.timing == .after }) { missing.append(ProgrammeMissingTalk(childID: child, timing: .after)) }
        }
        return missing
    }

    /// "Nästa mötestillfälle bokas innan mötet avslutas": while the programme runs, a follow-up
    /// closes only with the next one booked. nil when it holds.
    public static func nextMeetingProblem(_ next: NextMeeting, stage: ProgrammeStage) -> String? {
        guard stage == .running, case .none = next else { return nil }
        return "Nästa mötestillfälle bokas innan mötet avslutas. Insatsen pågår: boka nästa månadsuppföljning."
    }
}
