import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// Log review for the log reviewer (SoLPuL 10 §).
struct AuditController {
    let renderer: Renderer
    let audit: AuditService
    let store: Store
    let clock: any TimeSource

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get("/logg", use: review)
    }

    @Sendable func review(_ request: Request, context: AppContext) async throws -> Response {
        let q = request.uri.queryParameters
        let value = { (key: String) -> String in (q.get(key) ?? "").trimmingCharacters(in: .whitespaces) }
        var state = FormState(values: ["staff_id": value("staff_id"), "identity_number": value("identity_number"), "from": value("from"), "to": value("to"), "action": value("action")])
        var filter = AuditFilter()
        filter.staffID = RecordID(value("staff_id"))
        filter.action = AuditAction(rawValue: value("action"))
        if !value("from").isEmpty {
            if let day = SimpleDate(iso: value("from")) { filter.from = Stockholm.startOfDay(day) } else { state.errors.add("from", "Skriv datum som ÅÅÅÅ-MM-DD.") }
        }
        if !value("to").isEmpty {
            // The whole last day counts: up to the start of the next day in Stockholm.
            if let day = SimpleDate(iso: value("to")) {
                filter.until = Stockholm.calendar.date(byAdding: .day, value: 1, to: Stockholm.startOfDay(day))
            } else {
                state.errors.add("to", "Skriv datum som ÅÅÅÅ-MM-DD.")
            }
        }
        var number: IdentityNumber?
        if !value("identity_number").isEmpty {
            switch IdentityNumber.parse(value("identity_number"), today: Stockholm.date(of: clock.now())) {
            case .success(let parsed): number = parsed
            case .failure(let error): state.errors.add("identity_number", error.message)
            }
        }
        let page = max(1, Int(value("sida")) ?? 1)
        let origin = try context.origin()
        let staff: [StaffRecord]
        switch try await audit.staffChoices(by: origin) {
        case .ok(let found): staff = found
        case .denied(let reason): throw AccessRefused(reason: reason)
        case .invalid: throw HTTPError(.badRequest)
        }
        var result: (rows: [AuditRecord], total: Int)?
        if state.errors.isEmpty {
            switch try await audit.review(filter, identityNumber: number, page: page, by: origin) {
            case .ok(let found): result = found
            case .denied(let reason): throw AccessRefused(reason: reason)
            case .invalid: throw HTTPError(.badRequest)
            }
        }
        let model = AuditLogPageModel(state: state, staff: staff, result: result)
        return await renderer.page("audit", title: "Loggranskning", model.data, context: context, status: state.errors.isEmpty ? .ok : .unprocessableContent)
    }
}
