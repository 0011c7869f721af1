import Foundation

/// The year's action plan as a PDF (seed 002 "Årlig handlingsplan"): each goal of the
/// ledningsgrupp with the LSGs' activities under it (who answers for each, its status), then
/// the May follow-up and the November summary. The same content as the page.
public struct ActionPlanDocument: Sendable {
    public let plan: ActionPlan
    /// The local collaboration groups' names, by forum id.
    public let groupNames: [RecordID: String]
    public let municipality: String

    public init(plan: ActionPlan, groupNames: [RecordID: String], municipality: String) {
        self.plan = plan
        self.groupNames = groupNames
        self.municipality = municipality
    }

    public var title: String { "Handlingsplan \(plan.year) för samverkan" }

    public func pdf(fonts: PDFFonts, created: Date? = nil) -> [UInt8] {
        var w = PDFWriter(title: title, footer: "\(municipality) – \(title)", fonts: fonts)
        w.documentTitle(title)
        w.field("Kommun:", municipality)
        w.field("Antagen av:", "Ledningsgruppen")
        if plan.goals.isEmpty { w.paragraph("Ledningsgruppen har inte antagit några mål för året ännu.") }
        for (index, goal) in plan.goals.enumerated() {
            w.heading("Mål \(index + 1): \(goal.text)")
            let activities = plan.activities(of: goal.id)
            if activities.isEmpty { w.paragraph("Inga aktiviteter ännu.") }
            for activity in activities {
                w.subheading(activity.what)
                w.field("Samverkansgrupp:", groupNames[activity.forumID] ?? "–")
                w.field("Ansvarig:", activity.responsibleName)
                w.field("Status:", activity.status.label)
                if let note = activity.note, !note.isEmpty { w.field("Kommentar:", note) }
            }
        }
        w.heading("Uppföljning i maj")
        w.paragraph(plan.followUp.flatMap { $0.isEmpty ? nil : $0 } ?? "Inte gjord ännu.")
        w.heading("Summering i november")
        w.paragraph(plan.summary.flatMap { $0.isEmpty ? nil : $0 } ?? "Inte gjord ännu.")
        return w.render(created: created)
    }
}
