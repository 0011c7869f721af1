import Foundation
import SamverkaCore
import SamverkaStore

/// One entry of the directory as the pages show it.
struct HelpEntryRow {
    let entry: HelpEntry

    var data: [String: Any] {
        ["id": entry.id, "key": "e_\(entry.id)", "name": entry.name, "offers": entry.offers, "ages": entry.agesText, "contact": entry.contact,
         "link": entry.link ?? false]
    }
}

/// The directory for staff: every entry in use, or those for the child's age; each can be
/// chosen for a letter to the family.
struct HelpDirectoryPage {
    let entries: [HelpEntry]
    let age: Int?

    var data: [String: Any] {
        let shown = age.map { age in entries.filter { $0.isFor(age: age) } } ?? entries
        return ["entries": shown.map { HelpEntryRow(entry: $0).data }, "hasEntries": !shown.isEmpty,
                "filtered": age.map { "Visar stöd för barn som är \($0) år." } ?? false,
                "allLink": SiteURL.helpDirectory.path, "letterAction": SiteURL.helpLetter.path, "responsibilitiesLink": SiteURL.responsibilities.path]
    }
}

/// The printable letter for a family: the chosen entries and the words the person typed.
struct HelpLetterPage {
    let entries: [HelpEntry]
    let to: String
    let message: String
    let sender: String

    var data: [String: Any] {
        ["entries": entries.map { HelpEntryRow(entry: $0).data }, "hasEntries": !entries.isEmpty, "to": to.isEmpty ? false : to,
         "message": message.isEmpty ? false : message, "sender": sender, "back": SiteURL.helpDirectory.path]
    }
}

/// The responsibilities of one routine, per side.
struct ResponsibilityRows {
    static func data(_ responsibilities: [Responsibility], routines: [ResponsibilityRoutine]) -> [[String: Any]] {
        routines.map { routine in
            ["title": routine.title, "id": routine.rawValue,
             "sides": responsibilities.filter { $0.routine == routine }.map { r -> [String: Any] in
                 ["administration": r.administration, "responsible": r.responsible, "ensures": r.ensures]
             }]
        }
    }
}

/// Every routine's responsibilities, for staff.
struct ResponsibilitiesPage {
    let responsibilities: [Responsibility]
    let routines: [ResponsibilityRoutine]

    var data: [String: Any] {
        ["routines": ResponsibilityRows.data(responsibilities, routines: routines), "source": "Samverkansrutin mellan skola och socialtjänst (2022)"]
    }
}

/// The administrator's page: one form per side's responsibility.
struct ResponsibilitiesAdminPage {
    let responsibilities: [Responsibility]
    let state: FormState
    let posted: String?
    let saved: Bool

    var data: [String: Any] {
        // A message, or false so the template's section stays closed.
        func message(_ text: String?) -> Any { text.map { $0 as Any } ?? false }
        var d = state.data
        d["notice"] = saved ? "Texten är sparad." : false
        d["items"] = responsibilities.map { r -> [String: Any] in
            let mine = posted == r.key
            return ["key": r.key, "routine": r.routine.title, "administration": r.administration,
                    "responsible": mine ? state.values["responsible_\(r.key)"] ?? "" : r.responsible,
                    "ensures": mine ? state.values["ensures_\(r.key)"] ?? "" : r.ensures.joined(separator: "\n"),
                    "responsibleError": message(mine ? state.errors["responsible_\(r.key)"] : nil),
                    "ensuresError": message(mine ? state.errors["ensures_\(r.key)"] : nil),
                    "action": SiteURL.adminResponsibility(.value(r.key)).path]
        }
        return d
    }
}

/// The administrator's form for one entry.
struct HelpEntryFormPage {
    let id: RecordID?
    let state: FormState

    static func values(_ input: HelpEntryInput) -> [String: String] {
        var v = ["name": input.name, "offers": input.offers, "age_from": input.ageFrom, "age_to": input.ageTo, "contact": input.contact, "link": input.link]
        if input.retired { v["retired"] = "1" }
        return v
    }

    var data: [String: Any] {
        var d = state.data
        d["editing"] = id != nil
        d["action"] = id.map { SiteURL.adminHelpEntry(.value($0)).path } ?? SiteURL.adminHelpEntryNew.path
        d["retired"] = state.values["retired"] != nil
        d["back"] = SiteURL.adminHelpDirectory.path
        return d
    }
}
