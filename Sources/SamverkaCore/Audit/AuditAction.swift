/// What an audit row records. Raw values are stored and never renamed.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case read
    case search
    case create
    case update
    case export
    case signIn = "sign-in"
    case signInFailed = "sign-in-failed"
    case signOut = "sign-out"
    case accessDenied = "access-denied"
    case passwordChanged = "password-changed"

    public var label: String {
        switch self {
        case .read: "Läsning"
        case .search: "Sökning"
        case .create: "Registrering"
        case .update: "Ändring"
        case .export: "Export"
        case .signIn: "Inloggning"
        case .signInFailed: "Misslyckad inloggning"
        case .signOut: "Utloggning"
        case .accessDenied: "Nekad åtkomst"
        case .passwordChanged: "Byte av lösenord"
        }
    }
}

/// One audit row to append: who, what, which child, which record, why.
public struct AuditEvent: Sendable, Hashable {
    public var staffID: RecordID?
    public var staffName: String
    public var action: AuditAction
    public var childID: RecordID?
    public var recordType: AuditRecordType
    public var recordID: String?
    public var reason: String
    public var clientAddress: String?

    public init(
        staffID: RecordID?, staffName: String, action: AuditAction, childID: RecordID? = nil,
        recordType: AuditRecordType, recordID: String? = nil, reason: String, clientAddress: String? = nil
    ) {
        self.staffID = staffID
        self.staffName = staffName
        self.action = action
        self.childID = childID
        self.recordType = recordType
        self.recordID = recordID
        self.reason = reason
        self.clientAddress = clientAddress
    }
}
