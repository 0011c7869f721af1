import Foundation
import HTTPTypes
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

@Suite("Web: the action plan as a PDF")
struct ActionPlanPDFWebTests {
    @Test("the plan's page links its PDF; the PDF comes to those who see the plan, never cached; others get what a missing page gets")
    func planPDF() async throws {
        try await WebHarness.run { h, client in
            let head = Browser(client)
            try await head.signIn("elevhalsochef")
            let page = try await head.get(SiteURL.actionPlan(.value(2026)).path)
            #expect(page.status == .ok)
            #expect(page.body.contains("href=\"\(SiteURL.actionPlanPDF(.value(2026)).path)\""))
            let pdf = try await head.get(SiteURL.actionPlanPDF(.value(2026)).path)
            #expect(pdf.status == .ok)
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.body.hasPrefix("%PDF-"))
            #expect(pdf.headers[.cacheControl]?.contains("no-store") == true)
            let reads = try await h.auditRows(.init(staffID: try await h.staffID("elevhalsochef"), action: .read))
            #expect(reads.filter { $0.recordType == AuditRecordType.actionPlan.rawValue && $0.recordID == "2026" }.count == 2, "the page and the PDF each read audited")

            let reviewer = Browser(client)
            try await reviewer.signIn("loggranskare")
            #expect(try await reviewer.get(SiteURL.actionPlanPDF(.value(2026)).path).status == .notFound)
        }
    }
}
