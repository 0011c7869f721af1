import Foundation
import SamverkaCore

/// The booking form's choice of chair, secretary, SIP-ansvarig and convener among the staff
/// on the form. A choice names a participant by their checkbox (`staff_<id>`), so the rules
/// can tell when the person chosen is not ticked as invited.
enum BookingAssignments {
    /// One select per assignment, with the staff listed on the form and the types that
    /// require it (the form has no JavaScript: the booker sees the requirement in words).
    static func data(staff: [Participant], types: [MeetingType], values: [String: String], errors: FieldErrors) -> [[String: Any]] {
        MeetingAssignment.allCases.map { assignment in
            let chosen = values[assignment.field] ?? ""
            let requiring = types.filter { $0.requiredAssignments.contains(assignment) }.map(\.name)
            return ["field": assignment.field, "label": assignment.label, "error": errors[assignment.field] ?? false,
                    "requiredFor": requiring.isEmpty ? false : requiring.joined(separator: ", "),
                    "options": staff.map { p -> [String: Any] in
                        let key = "staff_\(p.staffID ?? 0)"
                        return ["value": key, "label": p.name, "selected": key == chosen]
                    }]
        }
    }

    /// The person chosen for each assignment, among all staff that could be invited.
    static func chosen(_ values: [String: String], staff: [Participant]) -> [MeetingAssignment: Participant] {
        var chosen: [MeetingAssignment: Participant] = [:]
        for assignment in MeetingAssignment.allCases {
            guard let key = values[assignment.field], !key.isEmpty,
                  let person = staff.first(where: { "staff_\($0.staffID ?? 0)" == key }) else { continue }
            chosen[assignment] = person
        }
        return chosen
    }
}
