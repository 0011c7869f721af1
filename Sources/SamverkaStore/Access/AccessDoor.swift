import Foundation
import SQLKit
import SamverkaCore

/// The one door into the access policy for entry decisions (may this person open this page,
/// make this change). Every refusal leaves an audit row; lists that filter row by row and
/// buttons ask `AccessPolicy.allows` instead, since the page they are on went through here.
/// A source test holds `AccessPolicy.decide` to this file.
extension RequestOrigin {
    /// Asks the policy inside the caller's transaction; a refusal is written to the audit log
    /// at once, so every service logs denials the same way.
    func decide(_ request: AccessRequest, child: RecordID? = nil, type: AuditRecordType, record: String? = nil, at now: Date, _ db: any SQLDatabase) async throws -> AccessDecision {
        let decision = AccessPolicy.decide(actor, request)
        if !decision.isAllowed {
            try await AuditQueries.append(event(.accessDenied, child: child, type: type, record: record, reason: decision.reason.text), at: now, db)
        }
        return decision
    }

    /// For a page that reads without a transaction: the decision and the visit row to write
    /// with the page's reads (a read when allowed, the refusal when not). The first of
    /// `requests` that is allowed opens the page; a refusal gives the first one's reason.
    func enter(_ requests: AccessRequest..., child: RecordID?, type: AuditRecordType, record: String?) -> (decision: AccessDecision, visit: AuditEvent, openedBy: Int?) {
        let decisions = requests.map { AccessPolicy.decide(actor, $0) }
        let openedBy = decisions.firstIndex { $0.isAllowed }
        let decision = openedBy.map { decisions[$0] } ?? decisions[0]
        return (decision, event(decision.isAllowed ? .read : .accessDenied, child: child, type: type, record: record, reason: decision.reason.text), openedBy)
    }
}

/// The door for pages whose only question is the person's role (admin pages, the register
/// extract, the report form by number): decides and logs a refusal in one statement.
public struct EntryDoor: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public func enter(_ request: AccessRequest, type: AuditRecordType, by origin: RequestOrigin) async throws -> AccessDecision {
        let decision = AccessPolicy.decide(origin.actor, request)
        if !decision.isAllowed {
            let now = clock.now()
            try await store.singleStatement { db in
                try await AuditQueries.append(origin.event(.accessDenied, type: type, reason: decision.reason.text), at: now, db)
            }
        }
        return decision
    }
}
