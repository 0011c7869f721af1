/// What the policy knows about a report when it decides.
public struct ReportAccessFacts: Sendable, Hashable {
    public var reportID: RecordID
    public var reporterStaffID: RecordID?
    /// The social-services unit that received the report (intake).
    public var handlingUnitID: RecordID
    /// The investigating unit and case officer, once an investigation covers the report.
    public var investigationUnitID: RecordID?
    public var caseOfficerID: RecordID?

    public init(reportID: RecordID, reporterStaffID: RecordID?, handlingUnitID: RecordID, investigationUnitID: RecordID? = nil, caseOfficerID: RecordID? = nil) {
        self.reportID = reportID
        self.reporterStaffID = reporterStaffID
        self.handlingUnitID = handlingUnitID
        self.investigationUnitID = investigationUnitID
        self.caseOfficerID = caseOfficerID
    }
}

public struct InvestigationAccessFacts: Sendable, Hashable {
    public var investigationID: RecordID
    public var unitID: RecordID
    public var caseOfficerID: RecordID

    public init(investigationID: RecordID, unitID: RecordID, caseOfficerID: RecordID) {
        self.investigationID = investigationID
        self.unitID = unitID
        self.caseOfficerID = caseOfficerID
    }
}

extension Role {
    /// Social-services roles that receive, assess and investigate reports (DOMAIN §1).
    /// Treatment staff work with families after a decision and do not read reports.
    public var handlesReports: Bool {
        switch self {
        case .intakeOfficer, .caseOfficer, .unitManager, .deputyIfoHead, .ifoHead: true
        default: false
        }
    }

    /// Social-services roles that register a report received by phone or letter, on the
    /// reporter's behalf: the intake and its managers. A case officer investigates reports
    /// others registered; they neither register nor file them.
    public var registersReports: Bool {
        switch self {
        case .intakeOfficer, .unitManager, .deputyIfoHead, .ifoHead: true
        default: false
        }
    }

    /// Managers see every overdue clock of their unit (escalation).
    public var managesUnit: Bool {
        switch self {
        case .unitManager, .deputyIfoHead, .ifoHead, .principal, .preschoolHead: true
        default: false
        }
    }
}

extension Actor {
    /// Social-services units where this person handles reports.
    public var reportHandlingUnitIDs: Set<RecordID> {
        Set(assignments.filter { $0.role.handlesReports }.compactMap(\.unitID))
    }

    /// Registers reports on a reporter's behalf (their kind, channel and reporter are chosen).
    public var registersReportsForOthers: Bool {
        sides.contains(.social) && assignments.contains { $0.role.registersReports && $0.unitID != nil }
    }

    public func holds(_ predicate: (Role) -> Bool, in unitID: RecordID) -> Bool {
        assignments.contains { predicate($0.role) && $0.unitID == unitID }
    }
}

/// Reports, investigations and their surroundings (issue: reports of concern). School
/// staff see their own reports and the feedback the law allows; social-services handlers
/// see the reports and investigations of their units; nothing of the assessment crosses
/// to the school side (OSL 26:1; SoL 19:6 and OSL 26:9 a allow the feedback).
enum ConcernAccess {
    static func decide(_ actor: Actor, _ request: AccessRequest) -> AccessDecision? {
        switch request {
        case .fileReport(let child):
            if actor.registersReportsForOthers {
                return .allow(.init(code: "intake-registration", text: "Anmälan registrerad av socialtjänsten"))
            }
            guard actor.sides.contains(.school) else {
                return .deny(.init(code: "no-reporting-role", text: "Din roll gör inte anmälningar i Samverka."))
            }
            let decision = AccessPolicy.decide(actor, .viewChild(child))
            guard decision.isAllowed else { return decision }
            return .allow(.init(code: "duty-to-report", text: "Anmälan om oro för barn i din enhet (\(LegalReference.dutyToReport.current))"))

        case .fileReportByNumber:
            guard actor.sides.contains(.school) else {
                return .deny(.init(code: "no-reporting-role", text: "Din roll gör inte anmälningar i Samverka."))
            }
            return .allow(.init(code: "duty-to-report", text: "Anmälan om oro för barn (\(LegalReference.dutyToReport.current))"))

        case .handleReports(let unitID):
            guard actor.holds(\.handlesReports, in: unitID) else {
                return .deny(.init(code: "not-handler", text: "Du handlägger inte anmälningar i den här enheten."))
            }
            return .allow(.init(code: "report-handler", text: "Handläggare i mottagande enhet"))

        case .viewReport(let facts):
            if actor.holds(\.handlesReports, in: facts.handlingUnitID) {
                return .allow(.init(code: "report-handler", text: "Anmälan till din enhet"))
            }
            if let unit = facts.investigationUnitID, actor.holds(\.handlesReports, in: unit) {
                return .allow(.init(code: "investigating-unit", text: "Anmälan i en utredning i din enhet"))
            }
            if let officer = facts.caseOfficerID, officer == actor.staffID, actor.sides.contains(.social) {
                return .allow(.init(code: "case-officer", text: "Du är ansvarig socialsekreterare"))
            }
            return .deny(.init(code: "not-handler", text: "Anmälan hör inte till din enhet."))

        case .viewReportFeedback(let facts):
            if let reporter = facts.reporterStaffID, reporter == actor.staffID {
                return .allow(.init(code: "own-report", text: "Din egen anmälan; återkoppling enligt \(LegalReference.feedbackToReporter.current)"))
            }
            return .deny(.init(code: "not-reporter", text: "Du gjorde inte den här anmälan."))

        case .handleInvestigation(let facts):
            if facts.caseOfficerID == actor.staffID, actor.sides.contains(.social) {
                return .allow(.init(code: "case-officer", text: "Du är ansvarig socialsekreterare"))
            }
            if actor.holds(\.handlesReports, in: facts.unitID) {
                return .allow(.init(code: "investigating-unit", text: "Utredning i din enhet"))
            }
            return .deny(.init(code: "not-investigating-unit", text: "Utredningen hör inte till din enhet."))

        case .returnSchoolStatement(let schoolUnitID):
            // The statement always goes through the rektor / förskolechef (seed 002).
            if actor.holds({ $0 == .principal || $0 == .preschoolHead }, in: schoolUnitID) {
                return .allow(.init(code: "principal", text: "Rektor/förskolechef för barnets skola"))
            }
            return .deny(.init(code: "not-principal", text: "Utlåtandet skickas till och återsänds av rektor eller förskolechef."))

        case .logConsultation:
            guard !actor.childWorkUnitIDs.isEmpty else {
                return .deny(.init(code: "no-child-role", text: "Du har ingen roll som arbetar med barn."))
            }
            return .allow(.init(code: "consultation", text: "Anonym konsultation"))

        case .recordSupportConversations(let unitID):
            let counts: (Role) -> Bool = { $0 == .familyTherapist || $0 == .unitManager }
            let holds = unitID.map { actor.holds(counts, in: $0) }
                ?? actor.assignments.contains { counts($0.role) && $0.unitID != nil && $0.unitKind?.side == .social }
            guard holds else {
                return .deny(.init(code: "not-family-therapist", text: "Råd och stöd räknas av familjebehandlare i enheten."))
            }
            return .allow(.init(code: "support-count", text: "Råd och stöd, antal samtal"))

        case .viewUnitClocks(let unitID):
            guard actor.holds(\.managesUnit, in: unitID), actor.holds(\.handlesReports, in: unitID) else {
                return .deny(.init(code: "not-unit-manager", text: "Endast enhetens chef ser enhetens alla förfallna tidsfrister."))
            }
            return .allow(.init(code: "unit-manager", text: "Chef för enheten"))

        default:
            return nil
        }
    }
}
