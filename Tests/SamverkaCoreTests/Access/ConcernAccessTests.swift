import Testing
@testable import SamverkaCore

@Suite("Access to reports and investigations")
struct ConcernAccessTests {
    static let schoolA = OrgUnit(id: 1, name: "Skola A", kind: .school)
    static let schoolB = OrgUnit(id: 2, name: "Skola B", kind: .school)
    static let intake = OrgUnit(id: 3, name: "IFO Mottagning", kind: .ifoIntake)
    static let investigationUnit = OrgUnit(id: 4, name: "IFO Utredning", kind: .ifoInvestigation)
    static let treatment = OrgUnit(id: 5, name: "IFO Öppenvård", kind: .ifoTreatment)
    static let preschool = OrgUnit(id: 6, name: "Förskola C", kind: .preschool)
    static let investigationUnit2 = OrgUnit(id: 7, name: "IFO Utredning 2", kind: .ifoInvestigation)

    static func actor(_ id: RecordID, _ assignments: [(Role, OrgUnit?)], active: Bool = true) -> Actor {
        Actor(staffID: id, displayName: "P\(id)", active: active, assignments: assignments.map { Assignment(role: $0.0, unitID: $0.1?.id, unitKind: $0.1?.kind) })
    }

    static let teacherA = actor(101, [(.teacher, schoolA)])
    static let principalA = actor(102, [(.principal, schoolA)])
    static let teacherB = actor(103, [(.teacher, schoolB)])
    static let intakeOfficer = actor(104, [(.intakeOfficer, intake)])
    static let caseOfficer = actor(105, [(.caseOfficer, investigationUnit)])
    static let familyTherapist = actor(106, [(.familyTherapist, treatment)])
    static let intakeManager = actor(107, [(.unitManager, intake)])
    static let admin = actor(108, [(.systemAdministrator, nil)])
    static let logReviewer = actor(109, [(.logReviewer, nil)])
    static let colleagueOfCaseOfficer = actor(110, [(.caseOfficer, investigationUnit)])
    static let preschoolHead = actor(111, [(.preschoolHead, preschool)])
    static let treatmentManager = actor(112, [(.unitManager, treatment)])
    static let inactiveIntakeOfficer = actor(113, [(.intakeOfficer, intake)], active: false)
    static let officerElsewhere = actor(114, [(.caseOfficer, investigationUnit2)])
    /// Artificial: a school person who happens to carry the case officer's id. The side
    /// check must still keep them out of the investigation.
    static let schoolPersonWithOfficersID = actor(105, [(.teacher, schoolA)])

    /// Filed by teacher A, received by intake.
    static let report = ReportAccessFacts(reportID: 1, reporterStaffID: 101, handlingUnitID: 3)
    /// Filed by teacher A, now in an investigation in unit 4 with case officer 105.
    static let reportInInvestigation = ReportAccessFacts(reportID: 2, reporterStaffID: 101, handlingUnitID: 3, investigationUnitID: 4, caseOfficerID: 105)
    /// In unit 4's investigation, but the case officer (114) works in unit 7.
    static let reportWithOfficerElsewhere = ReportAccessFacts(reportID: 3, reporterStaffID: nil, handlingUnitID: 3, investigationUnitID: 4, caseOfficerID: 114)
    /// From outside the municipality's staff (an agency, a private person or anonymous).
    static let externalReport = ReportAccessFacts(reportID: 4, reporterStaffID: nil, handlingUnitID: 3)
    static let investigation = InvestigationAccessFacts(investigationID: 1, unitID: 4, caseOfficerID: 105)
    static let childInA = ChildAccessFacts(childID: 1, unitIDs: [1], protectedIdentity: false)
    static let childWithoutUnits = ChildAccessFacts(childID: 2, unitIDs: [], protectedIdentity: false)

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let actor: Actor
        let request: AccessRequest
        let allowed: Bool
        let code: String
        var testDescription: String { name }
    }

    static func allow(_ name: String, _ actor: Actor, _ request: AccessRequest, _ code: String) -> Case {
        Case(name: name, actor: actor, request: request, allowed: true, code: code)
    }

    static func deny(_ name: String, _ actor: Actor, _ request: AccessRequest, _ code: String) -> Case {
        Case(name: name, actor: actor, request: request, allowed: false, code: code)
    }

    static let cases: [Case] = [
        // Reading a report: social-services handlers of the unit only.
        allow("intake officer reads a report to intake", intakeOfficer, .viewReport(report), "report-handler"),
        allow("intake's unit manager reads a report to intake", intakeManager, .viewReport(report), "report-handler"),
        deny("the teacher who reported does not read the report", teacherA, .viewReport(report), "not-handler"),
        deny("the teacher who reported does not read it in the investigation either", teacherA, .viewReport(reportInInvestigation), "not-handler"),
        deny("principal of the reporting school does not read the report", principalA, .viewReport(report), "not-handler"),
        deny("a school person with the case officer's id does not read the report", schoolPersonWithOfficersID, .viewReport(reportInInvestigation), "not-handler"),
        deny("teacher of another school does not read the report", teacherB, .viewReport(report), "not-handler"),
        deny("case officer does not read a report outside an investigation", caseOfficer, .viewReport(report), "not-handler"),
        allow("case officer reads a report in the unit's investigation", caseOfficer, .viewReport(reportInInvestigation), "investigating-unit"),
        allow("a colleague in the investigating unit reads it", colleagueOfCaseOfficer, .viewReport(reportInInvestigation), "investigating-unit"),
        allow("the assigned case officer of another unit reads it", officerElsewhere, .viewReport(reportWithOfficerElsewhere), "case-officer"),
        deny("a case officer of another unit, not assigned, does not", officerElsewhere, .viewReport(reportInInvestigation), "not-handler"),
        deny("family therapist does not read reports", familyTherapist, .viewReport(report), "not-handler"),
        deny("family therapist does not read reports in investigations", familyTherapist, .viewReport(reportInInvestigation), "not-handler"),
        deny("treatment unit manager does not read intake's reports", treatmentManager, .viewReport(report), "not-handler"),
        deny("administrator does not read reports", admin, .viewReport(report), "not-handler"),
        deny("log reviewer does not read reports", logReviewer, .viewReport(report), "not-handler"),
        deny("deactivated intake officer", inactiveIntakeOfficer, .viewReport(report), "inactive"),

        // The feedback the law allows: the reporter only.
        allow("the teacher who reported sees the feedback", teacherA, .viewReportFeedback(report), "own-report"),
        allow("the teacher who reported sees it during the investigation", teacherA, .viewReportFeedback(reportInInvestigation), "own-report"),
        deny("another teacher does not see the feedback", teacherB, .viewReportFeedback(report), "not-reporter"),
        deny("the principal does not see a teacher's feedback", principalA, .viewReportFeedback(report), "not-reporter"),
        deny("intake officer is not the reporter", intakeOfficer, .viewReportFeedback(report), "not-reporter"),
        deny("family therapist is not the reporter", familyTherapist, .viewReportFeedback(report), "not-reporter"),
        deny("nobody on staff reported an external report", teacherA, .viewReportFeedback(externalReport), "not-reporter"),

        // Handling the reports of a unit.
        allow("intake officer handles intake's reports", intakeOfficer, .handleReports(unitID: 3), "report-handler"),
        allow("intake's unit manager handles intake's reports", intakeManager, .handleReports(unitID: 3), "report-handler"),
        deny("intake officer does not handle another unit's reports", intakeOfficer, .handleReports(unitID: 4), "not-handler"),
        allow("case officer handles the investigating unit's reports", caseOfficer, .handleReports(unitID: 4), "report-handler"),
        deny("case officer does not handle intake's reports", caseOfficer, .handleReports(unitID: 3), "not-handler"),
        deny("family therapist does not handle reports", familyTherapist, .handleReports(unitID: 5), "not-handler"),
        deny("teacher does not handle reports", teacherA, .handleReports(unitID: 1), "not-handler"),
        deny("principal does not handle reports", principalA, .handleReports(unitID: 1), "not-handler"),
        deny("administrator does not handle reports", admin, .handleReports(unitID: 3), "not-handler"),
        deny("deactivated intake officer does not handle reports", inactiveIntakeOfficer, .handleReports(unitID: 3), "inactive"),

        // Working on an investigation.
        allow("the case officer", caseOfficer, .handleInvestigation(investigation), "case-officer"),
        allow("a colleague in the investigating unit", colleagueOfCaseOfficer, .handleInvestigation(investigation), "investigating-unit"),
        deny("a case officer of another unit", officerElsewhere, .handleInvestigation(investigation), "not-investigating-unit"),
        deny("intake officer", intakeOfficer, .handleInvestigation(investigation), "not-investigating-unit"),
        deny("intake's unit manager", intakeManager, .handleInvestigation(investigation), "not-investigating-unit"),
        deny("family therapist", familyTherapist, .handleInvestigation(investigation), "not-investigating-unit"),
        deny("teacher", teacherA, .handleInvestigation(investigation), "not-investigating-unit"),
        deny("principal", principalA, .handleInvestigation(investigation), "not-investigating-unit"),
        deny("a school person with the case officer's id", schoolPersonWithOfficersID, .handleInvestigation(investigation), "not-investigating-unit"),
        deny("administrator", admin, .handleInvestigation(investigation), "not-investigating-unit"),

        // The school's statement goes through the principal or preschool head.
        allow("principal of the school returns the statement", principalA, .returnSchoolStatement(schoolUnitID: 1), "principal"),
        allow("preschool head of the preschool returns the statement", preschoolHead, .returnSchoolStatement(schoolUnitID: 6), "principal"),
        deny("principal of another school", principalA, .returnSchoolStatement(schoolUnitID: 2), "not-principal"),
        deny("preschool head, for a school", preschoolHead, .returnSchoolStatement(schoolUnitID: 1), "not-principal"),
        deny("teacher of the school", teacherA, .returnSchoolStatement(schoolUnitID: 1), "not-principal"),
        deny("teacher of another school", teacherB, .returnSchoolStatement(schoolUnitID: 1), "not-principal"),
        deny("case officer", caseOfficer, .returnSchoolStatement(schoolUnitID: 1), "not-principal"),
        deny("a unit manager of social services", intakeManager, .returnSchoolStatement(schoolUnitID: 1), "not-principal"),
        deny("administrator", admin, .returnSchoolStatement(schoolUnitID: 1), "not-principal"),

        // Every clock of a unit: its manager only.
        allow("intake's unit manager sees intake's clocks", intakeManager, .viewUnitClocks(unitID: 3), "unit-manager"),
        deny("intake's unit manager does not see another unit's clocks", intakeManager, .viewUnitClocks(unitID: 4), "not-unit-manager"),
        deny("treatment unit manager does not see intake's clocks", treatmentManager, .viewUnitClocks(unitID: 3), "not-unit-manager"),
        deny("intake officer", intakeOfficer, .viewUnitClocks(unitID: 3), "not-unit-manager"),
        deny("case officer", caseOfficer, .viewUnitClocks(unitID: 4), "not-unit-manager"),
        deny("principal, for intake", principalA, .viewUnitClocks(unitID: 3), "not-unit-manager"),
        deny("principal, for the own school (no report clocks there)", principalA, .viewUnitClocks(unitID: 1), "not-unit-manager"),
        deny("administrator", admin, .viewUnitClocks(unitID: 3), "not-unit-manager"),

        // Råd och stöd: counted in the treatment unit.
        allow("family therapist counts in the own unit", familyTherapist, .recordSupportConversations(unitID: 5), "support-count"),
        allow("treatment unit manager counts in the own unit", treatmentManager, .recordSupportConversations(unitID: 5), "support-count"),
        deny("family therapist, another unit", familyTherapist, .recordSupportConversations(unitID: 3), "not-family-therapist"),
        deny("intake officer", intakeOfficer, .recordSupportConversations(unitID: 5), "not-family-therapist"),
        deny("intake's unit manager, for treatment", intakeManager, .recordSupportConversations(unitID: 5), "not-family-therapist"),
        deny("teacher", teacherA, .recordSupportConversations(unitID: 5), "not-family-therapist"),
        deny("administrator", admin, .recordSupportConversations(unitID: 5), "not-family-therapist"),
        // The page itself: whoever counts in some social-services unit.
        allow("family therapist opens the page", familyTherapist, .recordSupportConversations(unitID: nil), "support-count"),
        allow("intake's unit manager opens the page (counts for intake)", intakeManager, .recordSupportConversations(unitID: nil), "support-count"),
        deny("intake officer, no page", intakeOfficer, .recordSupportConversations(unitID: nil), "not-family-therapist"),
        deny("teacher, no page", teacherA, .recordSupportConversations(unitID: nil), "not-family-therapist"),
        deny("administrator, no page", admin, .recordSupportConversations(unitID: nil), "not-family-therapist"),

        // Filing a report: school staff for a child of their unit; report handlers always.
        allow("teacher reports a child of the own school", teacherA, .fileReport(child: childInA), "duty-to-report"),
        allow("principal reports a child of the own school", principalA, .fileReport(child: childInA), "duty-to-report"),
        deny("teacher of another school", teacherB, .fileReport(child: childInA), "other-unit"),
        deny("teacher, a child of no unit", teacherA, .fileReport(child: childWithoutUnits), "other-unit"),
        allow("intake officer registers a report for any child", intakeOfficer, .fileReport(child: childInA), "intake-registration"),
        allow("intake officer registers a report for a child of no unit", intakeOfficer, .fileReport(child: childWithoutUnits), "intake-registration"),
        allow("intake's unit manager registers a report", intakeManager, .fileReport(child: childInA), "intake-registration"),
        deny("case officer neither files nor registers a report", caseOfficer, .fileReport(child: childInA), "no-reporting-role"),
        deny("family therapist does not file reports here", familyTherapist, .fileReport(child: childInA), "no-reporting-role"),
        deny("administrator never files reports", admin, .fileReport(child: childInA), "no-reporting-role"),
        deny("log reviewer does not file reports", logReviewer, .fileReport(child: childInA), "no-reporting-role"),
        deny("deactivated intake officer", inactiveIntakeOfficer, .fileReport(child: childInA), "inactive"),

        // Anonymous consultation: anyone working with children.
        allow("teacher consults", teacherA, .logConsultation, "consultation"),
        allow("intake officer records a consultation", intakeOfficer, .logConsultation, "consultation"),
        deny("administrator", admin, .logConsultation, "no-child-role"),
        deny("log reviewer", logReviewer, .logConsultation, "no-child-role"),
    ]

    @Test(arguments: cases)
    func decide(_ c: Case) {
        let decision = AccessPolicy.decide(c.actor, c.request)
        #expect(decision.isAllowed == c.allowed)
        #expect(decision.reason.code == c.code)
        #expect(!decision.reason.text.isEmpty)
    }

    /// Nothing of social services' work crosses to the school side: no school role, in the
    /// reporting school or any other, reads a report, handles one or works on an investigation,
    /// even as the reporter.
    @Test(arguments: Role.allCases.filter { $0.side == .school })
    func schoolRolesNeverSeeTheAssessment(role: Role) {
        for unit in [Self.schoolA, Self.schoolB, Self.preschool] {
            let person = Self.actor(101, [(role, unit)])
            for facts in [Self.report, Self.reportInInvestigation, Self.reportWithOfficerElsewhere, Self.externalReport] {
                #expect(!AccessPolicy.decide(person, .viewReport(facts)).isAllowed)
            }
            for unitID: RecordID in 1...7 {
                #expect(!AccessPolicy.decide(person, .handleReports(unitID: unitID)).isAllowed)
                #expect(!AccessPolicy.decide(person, .viewUnitClocks(unitID: unitID)).isAllowed)
                #expect(!AccessPolicy.decide(person, .handleInvestigation(InvestigationAccessFacts(investigationID: 1, unitID: unitID, caseOfficerID: 105))).isAllowed)
            }
        }
    }

    /// The child page skips reading reports for whom `mayViewSomeReports` is false: that must
    /// never hide a report the policy would allow.
    @Test(arguments: Role.allCases)
    func mayViewSomeReportsNeverHidesAnAllowedReport(role: Role) {
        for unit in [Self.schoolA, Self.intake, Self.investigationUnit, Self.treatment, Self.preschool, nil] {
            for id: RecordID in [101, 105, 114] {
                let person = Self.actor(id, [(role, unit)])
                let anyAllowed = [Self.report, Self.reportInInvestigation, Self.reportWithOfficerElsewhere, Self.externalReport]
                    .contains { AccessPolicy.decide(person, .viewReport($0)).isAllowed }
                if anyAllowed { #expect(AccessPolicy.mayViewSomeReports(person), "\(role) in \(unit?.name ?? "–")") }
                if role.side == .school { #expect(!AccessPolicy.mayViewSomeReports(person)) }
            }
        }
        #expect(AccessPolicy.mayViewSomeReports(Self.intakeOfficer))
        #expect(AccessPolicy.mayViewSomeReports(Self.caseOfficer))
        #expect(!AccessPolicy.mayViewSomeReports(Self.inactiveIntakeOfficer))
    }

    @Test func reportHandlingRoles() {
        #expect(Role.allCases.filter(\.handlesReports) == [.intakeOfficer, .caseOfficer, .unitManager, .deputyIfoHead, .ifoHead])
        #expect(Self.intakeManager.reportHandlingUnitIDs == [3])
        #expect(Self.familyTherapist.reportHandlingUnitIDs.isEmpty)
        #expect(Self.teacherA.reportHandlingUnitIDs.isEmpty)
    }
}
