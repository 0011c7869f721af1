import Foundation
import SamverkaCore
import SamverkaStore

/// The booking form (`meeting-new`) for a meeting of a collaboration case, a report or an
/// investigation: the types, the family, the staff the form lists, the children when the
/// case has siblings, and the assignments. What was typed stays (`state`).
struct MeetingBookingPageModel {
    struct Child {
        let id: RecordID
        let name: String
    }

    /// Where the meeting belongs: its page, its title (nil: the case's own form), the form's
    /// action, and the child's consents.
    let child: String
    let contextTitle: String?
    let formAction: String
    let back: String
    let consentsLink: String
    let consentNeeded: Bool
    let types: [MeetingType]
    let defaultType: String
    let family: [Participant]
    /// The staff the form lists (see `StaffListing`) and the search's number of matches.
    let listing: StaffListing
    /// Staff ticked when the form is new (the booker, or the case's owner).
    let preselectedStaffID: RecordID?
    /// Siblings in the case: the meeting may concern several of them, each under its own consent.
    let children: [Child]
    let state: FormState
    /// Whether the form is shown for the first time (nothing posted yet).
    let fresh: Bool

    var data: [String: Any] {
        let values = state.values
        let selectedType = values["type"] ?? defaultType
        var data = state.data
        data["child"] = child
        data["contextTitle"] = contextTitle ?? false
        data["formAction"] = formAction
        data["back"] = back
        data["consentsLink"] = consentsLink
        data["consentNeeded"] = consentNeeded
        data["types"] = types.map { ["value": $0.key, "label": $0.name, "selected": $0.key == selectedType] as [String: Any] }
        data["typeInfo"] = types.map { ["name": $0.name, "invited": $0.invitedRoles.map(\.label).joined(separator: ", "), "child": $0.childAttendance.label] as [String: Any] }
        data["hasSiblings"] = children.count > 1
        data["children"] = children.map { c in
            ["key": "child_\(c.id)", "name": c.name, "checked": fresh || values["child_\(c.id)"] != nil] as [String: Any]
        }
        data["family"] = family.enumerated().map { index, p in
            ["key": "family_\(index)", "name": p.name, "role": p.roleLabel, "checked": values["family_\(index)"] != nil] as [String: Any]
        }
        data["staff"] = listing.listed.map { p in
            let key = "staff_\(p.staffID ?? 0)"
            let unit = p.unitID.flatMap { listing.unitNames[$0] }.map { ", \($0)" } ?? ""
            return ["key": key, "name": p.name, "role": p.roleLabel + unit, "checked": values[key] != nil || (fresh && p.staffID == preselectedStaffID)] as [String: Any]
        }
        data["assignments"] = BookingAssignments.data(staff: listing.listed, types: types, values: values, errors: state.errors)
        data["searched"] = listing.searched
        data["found"] = listing.found
        data["foundMax"] = listing.found >= StaffSearch.limit
        return data
    }
}

/// Thousands of staff in a real municipality: a booking form lists those it should (the
/// booker's own units' colleagues, whoever is already chosen, and what the context names) and
/// finds the rest by name, unit and role, at most `StaffSearch.limit` at a time.
struct StaffListing {
    let listed: [Participant]
    let found: Int
    let searched: Bool
    let unitNames: [RecordID: String]

    init(_ staff: [Participant], values: [String: String], unitNames: [RecordID: String], keep: (Participant) -> Bool) {
        let query = values["staff_search"] ?? ""
        var found = 0
        listed = staff.filter { p in
            if values["staff_\(p.staffID ?? 0)"] != nil || keep(p) { return true }
            guard found < StaffSearch.limit, StaffSearch.matches(query, name: p.name, unit: p.unitID.flatMap { unitNames[$0] }, role: p.roleLabel) else { return false }
            found += 1
            return true
        }
        self.found = found
        searched = !StaffSearch.words(query).isEmpty
        self.unitNames = unitNames
    }
}
