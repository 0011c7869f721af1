import SamverkaCore

/// The choice of programme when several are active (issue 18 item 2): the nomination, the
/// steering group's queue and the reports each lead to the chosen programme's own path.
struct ProgrammePickerPage {
    let heading: String
    let intro: String
    let choices: [(name: String, purpose: String?, link: String)]
    let back: (link: String, label: String)?

    init(heading: String, intro: String, programmes: [ProgrammeDefinition], backLink: String? = nil, backLabel: String = "", link: (ProgrammeDefinition) -> String) {
        self.heading = heading
        self.intro = intro
        choices = programmes.map { d in (d.name, TextRules.trimmed(d.purpose).isEmpty ? nil : d.purpose, link(d)) }
        back = backLink.map { ($0, backLabel) }
    }

    var data: [String: Any] {
        ["heading": heading, "intro": intro,
         "choices": choices.map { ["name": $0.name, "purpose": $0.purpose ?? false, "link": $0.link] as [String: Any] },
         "back": back.map { ["link": $0.link, "label": $0.label] } ?? false]
    }
}
