import Foundation
import SamverkaCore

/// The booking form's choice of chair, secretary, SIP-ansvarig and convener among the
/// professionals on the form: staff (by their checkbox, `staff_<id>`, so the rules can tell
/// when the person chosen is not ticked as invited) and the outside parties typed one per
/// line (`other_<line>`: a BUP doctor may chair, a region's coordinator be SIP-ansvarig).
enum BookingAssignments {
    /// The outside parties typed in the form, one per line: "Name, Organisation".
    static func outsideParties(_ values: [String: String]) -> [Participant] {
        (values["others"] ?? "").split(whereSeparator: \.isNewline).compactMap { line in
            let parts = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { return nil }
            return Participant(name: name, roles: [.region], organisation: parts.count > 1 ? parts[1] : nil)
        }
    }

    /// The choices of one select: staff listed on the form, then the outside parties.
    private static func candidates(staff: [Participant], values: [String: String]) -> [(key: String, person: Participant, label: String)] {
        staff.map { ("staff_\($0.staffID ?? 0)", $0, $0.name) }
            + outsideParties(values).enumerated().map { index, p in
                ("other_\(index + 1)", p, p.organisation.map { "\(p.name), \($0)" } ?? p.name)
            }
    }

    /// One select per assignment, with the types that require it (the form has no
    /// JavaScript: the booker sees the requirement in words).
    static func data(staff: [Participant], types: [MeetingType], values: [String: String], errors: FieldErrors) -> [[String: Any]] {
        let people = candidates(staff: staff, values: values)
        return MeetingAssignment.allCases.map { assignment in
            let chosen = values[assignment.field] ?? ""
            let requiring = types.filter { $0.requiredAssignments.contains(assignment) }.map(\.name)
            return ["field": assignment.field, "label": assignment.label, "error": errors[assignment.field] ?? false,
                    "requiredFor": requiring.isEmpty ? false : requiring.joined(separator: ", "),
                    "options": people.map { c -> [String: Any] in ["value": c.key, "label": c.label, "selected": c.key == chosen] }]
        }
    }

    /// The person chosen for each assignment, among all staff that could be invited and the
    /// outside parties typed.
    static func chosen(_ values: [String: String], staff: [Participant]) -> [MeetingAssignment: Participant] {
        let people = candidates(staff: staff, values: values)
        var chosen: [MeetingAssignment: Participant] = [:]
        for assignment in MeetingAssignment.allCases {
            guard let key = values[assignment.field], !key.isEmpty, let person = people.first(where: { $0.key == key })?.person else { continue }
            chosen[assignment] = person
        }
        return chosen
    }
}
