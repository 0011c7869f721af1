import Hummingbird
import SamverkaCore
import SamverkaStore

/// A page the person's role does not open: answered "Ingen åtkomst" with the policy's reason
/// (403), never the stale-form page that a CSRF refusal shows. A record the person may not
/// see answers as a missing one (404) instead, so its existence is never told.
struct AccessRefused: Error {
    let reason: AccessReason
}

extension EntryDoor {
    /// Opens a role-level page only through the audited door.
    func require(_ request: AccessRequest, type: AuditRecordType, _ context: AppContext) async throws {
        let decision = try await enter(request, type: type, by: try context.origin())
        guard decision.isAllowed else { throw AccessRefused(reason: decision.reason) }
    }
}
