/// The kinds of record an audit row is about, as stored in `audit_log.record_type`, with the
/// Swedish words the log review and the register extract show (a reader never sees the
/// stored English key). Every type is declared by the module that writes it (a store
/// coverage test holds each case to one module).
public enum AuditRecordType: String, Sendable, Hashable, CaseIterable, Codable {
    case area
    case auditLog = "audit-log"
    case child
    case childList = "child-list"
    case childSearch = "child-search"
    case collaborationCase = "collaboration-case"
    case consent
    case consentDocument = "consent-document"
    case consultation
    case emergencyAccess = "emergency-access"
    case enrolment
    case forum
    case forumAgendaItem = "forum-agenda-item"
    case yearlyCycle = "yearly-cycle"
    case actionPlan = "action-plan"
    case statistics
    case ehtReferral = "eht-referral"
    case helpEntry = "help-entry"
    case responsibility
    case guardian
    case intakeQueue = "intake-queue"
    case investigation
    case meeting
    case meetingInvitation = "meeting-invitation"
    case meetingMinutes = "meeting-minutes"
    case meetingType = "meeting-type"
    case municipality
    case myReports = "my-reports"
    case organisation
    case programmeDefinition = "programme-definition"
    case programmeEnrolment = "programme-enrolment"
    case programmeReport = "programme-report"
    case referenceConversation = "reference-conversation"
    case registerExtract = "register-extract"
    case report
    case reportForm = "report-form"
    case request
    case reviewFlag = "review-flag"
    case reviewSample = "review-sample"
    case reviewScan = "review-scan"
    case reviewSummary = "review-summary"
    case schoolNotices = "school-notices"
    case session
    case sharedInformation = "shared-information"
    case sip
    case sipProtocol = "sip-protocol"
    case sipInvitation = "sip-invitation"
    case staff
    case statement
    case statementRequests = "statement-requests"
    case supportCount = "support-count"
    case task
    case unit
    case workList = "work-list"

    public var label: String {
        switch self {
        case .area: "Område"
        case .auditLog: "Loggen"
        case .child: "Barn"
        case .childList: "Barnlista"
        case .childSearch: "Sökning efter barn"
        case .collaborationCase: "Samverkansärende"
        case .consent: "Samtycke"
        case .consentDocument: "Samtyckesblankett"
        case .consultation: "Konsultation"
        case .emergencyAccess: "Nödåtkomst"
        case .enrolment: "Inskrivning"
        case .forum: "Forum"
        case .forumAgendaItem: "Punkt på forumets dagordning"
        case .yearlyCycle: "Årshjulet"
        case .actionPlan: "Handlingsplan för samverkan"
        case .statistics: "Statistik"
        case .ehtReferral: "Anmälan till elevhälsoteamet (Steg 1)"
        case .helpEntry: "Stödkatalogen"
        case .responsibility: "Ansvar enligt samverkansrutinen"
        case .guardian: "Vårdnadshavare"
        case .intakeQueue: "Mottagningens kö"
        case .investigation: "Utredning"
        case .meeting: "Möte"
        case .meetingInvitation: "Kallelse"
        case .meetingMinutes: "Minnesanteckningar"
        case .meetingType: "Mötestyp"
        case .municipality: "Kommun"
        case .myReports: "Mina anmälningar"
        case .organisation: "Organisation"
        case .programmeDefinition: "Programbeskrivning"
        case .programmeEnrolment: "Familj i gemensamt program"
        case .programmeReport: "Rapport från gemensamt program"
        case .referenceConversation: "Referenssamtal"
        case .registerExtract: "Registerutdrag"
        case .report: "Anmälan"
        case .reportForm: "Anmälningsformulär"
        case .request: "Förfrågan"
        case .reviewFlag: "Granskningsflagga"
        case .reviewSample: "Stickprov"
        case .reviewScan: "Automatisk loggkontroll"
        case .reviewSummary: "Sammanställning av loggkontroll"
        case .schoolNotices: "Meddelanden till skolan"
        case .session: "Inloggning"
        case .sip: "SIP"
        case .sipProtocol: "SIP-protokoll"
        case .sipInvitation: "Kallelse till SIP-möte"
        case .sharedInformation: "Uppgift med samtycke"
        case .staff: "Personal"
        case .statement: "Utlåtande"
        case .statementRequests: "Begärda utlåtanden"
        case .supportCount: "Råd och stöd"
        case .task: "Uppgift"
        case .unit: "Enhet"
        case .workList: "Arbetslista"
        }
    }

    /// The Swedish name of a stored record type ("Annan uppgift" for one this version does not know).
    public static func label(_ raw: String) -> String { AuditRecordType(rawValue: raw)?.label ?? "Annan uppgift" }
}
