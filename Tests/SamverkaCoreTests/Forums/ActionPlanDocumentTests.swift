import Foundation
import Testing
@testable import SamverkaCore

@Suite("Forums: the action plan as a PDF")
struct ActionPlanDocumentTests {
    @Test("goals with their LSGs' activities, responsible and status, then the May follow-up and the November summary")
    func content() {
        let plan = ActionPlan(year: 2027, goals: [ActionPlanGoal(id: 1, text: "Tidig upptäckt av oro")],
                              activities: [ActionPlanActivity(id: 5, goalID: 1, forumID: 9, what: "Gemensam utbildning om orosanmälan", responsibleStaffID: 3,
                                                              responsibleName: "Rut Rektorsdotter", status: .ongoing, note: nil)],
                              followUp: "Utbildningen är halvvägs.", summary: nil)
        let pdf = PDFProbe.text(ActionPlanDocument(plan: plan, groupNames: [9: "LSG Norr"], municipality: "Exempelby kommun").pdf(fonts: TestFonts.dejaVu))
        #expect(pdf.hasPrefix("%PDF-"))
        for text in ["Mål 1: Tidig upptäckt av oro"] { #expect(pdf.contains(PDFProbe.shown(text, font: .bold) + " Tj"), "\(text)") }
        for text in ["LSG Norr", "Rut Rektorsdotter", "Pågår", "Utbildningen är halvvägs.", "Inte gjord ännu."] {
            #expect(pdf.contains(PDFProbe.shown(text) + " Tj"), "\(text)")
        }
    }
}
