import Foundation
import SamverkaCore
import SamverkaStore

/// Reading the programme forms' posted fields into Core's inputs (field names are the
/// Core rules' field keys, so each message lands next to its field).
enum ProgrammeForms {
    static let childRows = 4
    static let goalRows = 3
    static let actionRows = 3
    static let experienceRows = 3

    static func nomination(_ v: [String: String]) -> ProgrammeNominationInput {
        var input = ProgrammeNominationInput()
        input.nominatedBy = v["nominated_by"] ?? ""
        input.studentHealthMeetingOn = v["eht_meeting_on"] ?? ""
        input.children = (1...childRows).compactMap { n in
            guard v["child_\(n)_include"] != nil, let id = RecordID(v["child_\(n)_id"] ?? "") else { return nil }
            return ProgrammeChildInput(childID: id, name: v["child_\(n)_name"] ?? "", level: v["child_\(n)_level"] ?? "")
        }
        input.concernSince = v["concern_since"] ?? ""
        input.concern = v["concern"] ?? ""
        input.earlierMeasures = v["earlier_measures"] ?? ""
        input.needsAtSchool = v["needs_at_school"] != nil
        input.needsAtHome = v["needs_at_home"] != nil
        input.needsDescription = v["needs_description"] ?? ""
        input.familyApplied = v["applied"] != nil
        input.appliedOn = v["applied_on"] ?? ""
        return input
    }

    static func decision(_ v: [String: String]) -> ProgrammeDecisionInput {
        ProgrammeDecisionInput(decidedBy: RecordID(v["decided_by"] ?? ""), date: v["decision_date"] ?? "", reasons: v["reasons"] ?? "", priority: v["priority"] ?? "")
    }

    static func response(_ v: [String: String], candidates: [ProgrammeTeamMember]) -> ProgrammeFamilyResponseInput {
        var input = ProgrammeFamilyResponseInput()
        input.answer = v["answer"] ?? ""
        input.respondedOn = v["responded_on"] ?? ""
        input.informedBy = v["informed_by"] ?? ""
        input.note = v["note"] ?? ""
        input.consentGivenBy = v["consent_given_by"] ?? ""
        input.team = candidates.map(\.id).filter { v["team_\($0)"] != nil }
        input.mayShare = v["may_share"] ?? ""
        input.validTo = v["valid_to"] ?? ""
        return input
    }

    static func document(_ v: [String: String], people: [ProgrammeTeamMember]) -> ProgrammeDocumentInput {
        var input = ProgrammeDocumentInput()
        input.key = v["document_key"] ?? ""
        input.childID = RecordID(v["child_id"] ?? "")
        input.writtenOn = v["written_on"] ?? ""
        input.summary = v["summary"] ?? ""
        input.goals = (1...goalRows).map { v["goal_\($0)"] ?? "" }.filter { !TextRules.trimmed($0).isEmpty }
        input.actions = (1...actionRows).compactMap { n in
            let what = v["action_\(n)_what"] ?? "", due = v["action_\(n)_due_on"] ?? "", who = v["action_\(n)_responsible"] ?? ""
            if TextRules.trimmed(what).isEmpty && TextRules.trimmed(due).isEmpty && who.isEmpty { return nil }
            let person = RecordID(who).flatMap { id in people.first { $0.id == id } }
            return ActionInput(what: what, responsibleStaffID: person?.id, responsibleName: person?.name ?? "", dueOn: due)
        }
        input.anchoredOn = v["anchored_on"] ?? ""
        input.anchoredWith = v["anchored_with"] ?? ""
        return input
    }

    static func note(_ v: [String: String]) -> ProgrammeNoteInput {
        var input = ProgrammeNoteInput()
        input.kind = v["kind"] ?? ""
        input.heldOn = v["held_on"] ?? ""
        input.participants = v["participants"] ?? ""
        input.works = v["works"] ?? ""
        input.doesNotWork = v["does_not_work"] ?? ""
        return input
    }

    static func closure(_ v: [String: String], children: [ProgrammeChild], outcomes: [ProgrammeOutcomeKind]) -> ProgrammeClosureInput {
        var input = ProgrammeClosureInput()
        input.heldOn = v["held_on"] ?? ""
        input.participants = v["participants"] ?? ""
        input.situationAtStart = v["situation_at_start"] ?? ""
        input.situationNow = v["situation_now"] ?? v["situation"] ?? ""
        input.againstGoal = v["against_goal"] ?? ""
        input.experiences = (1...experienceRows).map { v["experience_\($0)"] ?? "" }
        input.keep = v["keep"] ?? ""
        input.improve = v["improve"] ?? ""
        input.furtherSupport = v["further_support"] ?? ""
        for child in children {
            for kind in outcomes {
                if let answer = v["outcome_\(child.childID)_\(kind.rawValue)"], !answer.isEmpty { input.outcomes[child.childID, default: [:]][kind] = answer }
            }
        }
        return input
    }

    /// A monthly follow-up booked from the family page: the team chosen from the consent,
    /// the family and others typed one per line.
    static func booking(_ v: [String: String], team: [ProgrammeTeamMember], children: [ProgrammeChild]) -> (MeetingBookingInput, ProgrammeChildAttendanceInput) {
        var input = MeetingBookingInput()
        input.date = v["date"] ?? ""
        input.startTime = v["start_time"] ?? ""
        input.endTime = v["end_time"] ?? ""
        input.place = v["place"] ?? ""
        let staff = team.filter { v["staff_\($0.id)"] != nil }.map { Participant(name: $0.name, roles: MeetingRole(staffRole: $0.role).map { [$0] } ?? [], staffID: $0.id) }
        input.participants = staff
        for line in (v["guardians"] ?? "").split(whereSeparator: \.isNewline) {
            let name = line.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { input.participants.append(Participant(name: name, roles: [.guardian])) }
        }
        input.childIDs = children.map(\.childID).filter { v["child_\($0)"] != nil }
        for child in children where input.childIDs.contains(child.childID) {
            input.participants.append(Participant(name: child.name, roles: [.child]))
        }
        func pick(_ key: String) -> Participant? { RecordID(v[key] ?? "").flatMap { id in staff.first { $0.staffID == id } } }
        var assignments: [MeetingAssignment: Participant] = [:]
        if let p = pick("assign_chair") { assignments[.chair] = p }
        if let p = pick("assign_secretary") { assignments[.secretary] = p }
        if let p = pick("assign_convener") { assignments[.convener] = p }
        input.assignments = assignments
        let attendance = ProgrammeChildAttendanceInput(principalAgrees: v["principal_agrees"] != nil, caseOfficerAgrees: v["case_officer_agrees"] != nil,
                                                       reason: v["attendance_reason"] ?? "")
        return (input, attendance)
    }
}
