import Foundation
import SamverkaCore

/// The log review (SoLPuL 10 §): reading the log is itself logged.
public struct AuditService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    /// Appends one event on its own (refusals that touch no other data: a bad CSRF token).
    public func record(_ event: AuditEvent) async throws {
        let now = clock.now()
        try await store.transaction { db in try await AuditQueries.append(event, at: now, db) }
    }

    /// The staff the log review can be filtered by: only for the log reviewer (a refusal is
    /// logged). Asked before anything else, so a malformed filter shows no one else the list.
    public func staffChoices(by origin: RequestOrigin) async throws -> Outcome<[StaffRecord]> {
        let now = clock.now()
        return try await store.transaction { db in
            let decision = try await origin.decide(.reviewAuditLog, type: .auditLog, at: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            return .ok(try await OrganisationQueries.allStaff(db))
        }
    }

    public func review(_ filter: AuditFilter, identityNumber: IdentityNumber?, page: Int, pageSize: Int = 100, by origin: RequestOrigin) async throws -> Outcome<(rows: [AuditRecord], total: Int)> {
        let now = clock.now()
        return try await store.transaction { db in
            let decision = try await origin.decide(.reviewAuditLog, type: .auditLog, at: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            var filter = filter
            if let identityNumber {
                // A number that is in no record matches nothing (child id -1).
                filter.childID = try await ChildQueries.childID(identityNumber: identityNumber, db) ?? -1
            }
            let rows = try await AuditQueries.search(filter, limit: pageSize, offset: max(0, page - 1) * pageSize, db)
            let total = try await AuditQueries.count(filter, db)
            try await AuditQueries.append(origin.event(.read, child: filter.childID.flatMap { $0 > 0 ? $0 : nil }, type: .auditLog, reason: AuditReasons.logRead(rows: total)), at: now, db)
            return .ok((rows, total))
        }
    }
}
