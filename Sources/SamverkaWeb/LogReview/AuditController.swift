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

    static func row(_ row: AuditRecord) -> [String: Any] {
        var child = ""
        if let name = row.childName {
            child = name + " (" + (row.childIdentityNumber?.formatted ?? "") + ")"
        }
        let record = AuditRecordType.label(row.recordType) + (row.recordID.map { " nr \($0)" } ?? "")
        return ["at": Stockholm.format(row.at), "staff": row.staffName, "action": row.action?.label ?? row.actionRaw,
                "child": child, "record": record, "reason": row.reason, "address": row.clientAddress ?? ""]
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
        var data = state.data
        guard case .ok(let staff) = try await audit.staffChoices(by: try context.origin()) else {
            return await renderer.page("error", title: "Ingen åtkomst", ["message": "Endast loggranskare får läsa loggen."], context: context, status: .forbidden)
        }
        data["staff"] = staff.map { ["id": $0.id, "name": "\($0.displayName) (\($0.username))", "selected": String($0.id) == value("staff_id")] }
        data["actions"] = AuditAction.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0.rawValue == value("action")] }
        data["law"] = LegalReference.accessControlAndLogReview.current
        if state.errors.isEmpty {
            switch try await audit.review(filter, identityNumber: number, page: page, by: try context.origin()) {
            case .ok(let result):
                data["rows"] = result.rows.map(Self.row)
                data["total"] = result.total
                data["none"] = result.rows.isEmpty
            case .denied(let reason):
                return await renderer.page("error", title: "Ingen åtkomst", ["message": reason.text], context: context, status: .forbidden)
            case .invalid: throw HTTPError(.badRequest)
            }
        }
        return await renderer.page("audit", title: "Loggranskning", data, context: context, status: state.errors.isEmpty ? .ok : .unprocessableContent)
    }
}
