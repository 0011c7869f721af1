/// A task someone has in one meeting, assigned among the invited when it is booked: who
/// chairs, who writes the minutes, who is responsible for the SIP, who calls the meeting.
/// Unlike `MeetingRole` (what a person is), an assignment is what they do at this meeting.
/// Raw values are stored in meeting types and participant rows, so they are never renamed.
public enum MeetingAssignment: String, Sendable, Hashable, Codable, CaseIterable {
    case chair
    case secretary
    case sipResponsible = "sip-responsible"
    case convener

    public var label: String {
        switch self {
        case .chair: "Ordförande"
        case .secretary: "Sekreterare"
        case .sipResponsible: "SIP-ansvarig"
        case .convener: "Sammankallande"
        }
    }

    /// The word inside a sentence ("Välj vem som är ordförande").
    public var phrase: String { self == .sipResponsible ? label : label.lowercased() }

    /// The form field the assignment is chosen in.
    public var field: String { "assign_" + rawValue.replacingOccurrences(of: "-", with: "_") }

    /// The role the assignment gives its holder in the meeting: a SIP type invites a
    /// SIP-ansvarig, and assigning one is how that person is invited as such.
    public var role: MeetingRole? { self == .sipResponsible ? .sipResponsible : nil }

    /// The roles the type lets hold the assignment; empty means any professional.
    func allowedRoles(in type: MeetingType) -> [MeetingRole] {
        switch self {
        case .chair: type.chairRole.map { [$0] } ?? []
        case .secretary: type.secretaryRole.map { [$0] } ?? []
        case .convener: type.convenerRoles
        case .sipResponsible: []
        }
    }

    /// The assignments a type stored before they existed must have filled: a type that
    /// invites a SIP-ansvarig needs one assigned (nothing else could invite one).
    static func defaults(invitedRoles: [MeetingRole]) -> [MeetingAssignment] {
        invitedRoles.contains(.sipResponsible) ? [.sipResponsible] : []
    }
}

/// Assigns the booking form's choices among the invited. Field keys: `assign_chair`,
/// `assign_secretary`, `assign_sip_responsible`, `assign_convener`.
enum MeetingAssignmentRules {
    /// The participants with the roles their assignments give, and each one's assignments
    /// (by position). `chosen`: the person picked for each assignment on the form.
    static func assign(_ chosen: [MeetingAssignment: Participant], among participants: [Participant], type: MeetingType,
                       into errors: inout FieldErrors) -> (participants: [Participant], assignments: [[MeetingAssignment]]) {
        var people = participants
        var assignments = Array(repeating: [MeetingAssignment](), count: participants.count)
        var held: [(MeetingAssignment, Int)] = []
        for assignment in MeetingAssignment.allCases {
            guard let person = chosen[assignment] else {
                if type.requiredAssignments.contains(assignment) {
                    errors.add(assignment.field, "\(type.name) kräver en \(assignment.phrase): välj vem bland deltagarna.")
                }
                continue
            }
            let name = TextRules.trimmed(person.name)
            guard let index = position(of: person, in: participants) else {
                errors.add(assignment.field, "\(name) är inte kallad till mötet. Kryssa i \(name) bland deltagarna eller välj någon annan som \(assignment.phrase).")
                continue
            }
            if participants[index].isFamily {
                errors.add(assignment.field, "Välj en yrkesperson som \(assignment.phrase), inte någon ur familjen.")
                continue
            }
            assignments[index].append(assignment)
            if let role = assignment.role, !people[index].roles.contains(role) { people[index].roles.append(role) }
            held.append((assignment, index))
        }
        // The type's own words on who holds an assignment, checked on the roles the
        // assignments gave (the SIP-ansvarig chairs a SIP).
        for (assignment, index) in held {
            let allowed = assignment.allowedRoles(in: type)
            guard !allowed.isEmpty, !people[index].roles.contains(where: { role in allowed.contains { role.covers($0) } }) else { continue }
            errors.add(assignment.field, "Enligt mötestypen \(type.name) är \(assignment.phrase) någon som är: \(allowed.map(\.label).joined(separator: " eller ")). \(people[index].name) är inte det.")
        }
        return (people, assignments)
    }

    /// The invited person the form's choice is: the same account, or for someone without
    /// one the same name and roles.
    private static func position(of person: Participant, in participants: [Participant]) -> Int? {
        if let id = person.staffID { return participants.firstIndex { $0.staffID == id } }
        let name = TextRules.trimmed(person.name)
        return participants.firstIndex { $0.staffID == nil && $0.name == name && $0.roles == person.roles }
    }
}
