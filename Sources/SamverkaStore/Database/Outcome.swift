import Foundation
import SQLKit
import SamverkaCore

/// The result of a service call a person made.
public enum Outcome<Value: Sendable>: Sendable {
    case ok(Value)
    /// Bad input: nothing was written; the messages go next to the fields.
    case invalid(FieldErrors)
    /// Refused by the policy (and logged). Also used for "does not exist", so a refusal
    /// never tells whether the record exists.
    case denied(AccessReason)
}

/// Where a request came from, for the audit log.
public struct RequestOrigin: Sendable {
    public var actor: Actor
    public var clientAddress: String?

    public init(actor: Actor, clientAddress: String?) {
        self.actor = actor
        self.clientAddress = clientAddress
    }

    func event(_ action: AuditAction, child: RecordID? = nil, type: AuditRecordType, record: String? = nil, reason: String) -> AuditEvent {
        AuditEvent(staffID: actor.staffID, staffName: actor.displayName, action: action, childID: child, recordType: type, recordID: record, reason: reason, clientAddress: clientAddress)
    }
}

public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
    /// Takes as long as a real verification (for unknown usernames).
    func spendVerificationTime(_ password: String) async
}
