import Hummingbird
import SamverkaCore

/// A path segment that is a record's id: `.key` when registering a route ("/barn/:id"),
/// `.value(id)` when building a link ("/barn/12").
enum Parameter<Value: CustomStringConvertible & Sendable>: Sendable {
    case key
    case value(Value)

    func segment(_ name: String) -> String {
        switch self {
        case .key: ":" + name
        case .value(let value): value.description
        }
    }
}

/// The site's paths, used both to register routes and to build links, so a link cannot
/// point at a route that does not exist (after SwiftPackageIndex-Server's `SiteURL`).
enum SiteURL: Sendable {
    case home
    case workList
    case workListAll
    case taskDone(Parameter<RecordID>)
    case children
    case child(Parameter<RecordID>)
    case childReport(Parameter<RecordID>)
    case childConsents(Parameter<RecordID>)
    case childNewConsent(Parameter<RecordID>)
    case childNewCase(Parameter<RecordID>)
    case childEdit(Parameter<RecordID>)
    case childNewGuardian(Parameter<RecordID>)
    case report(Parameter<RecordID>)
    case investigation(Parameter<RecordID>)
    case collaborationCases
    case collaborationCase(Parameter<RecordID>)
    case newMeeting(caseID: Parameter<RecordID>)
    case meeting(Parameter<RecordID>)
    case meetingPreparationDone(Parameter<RecordID>, step: Parameter<Int>)
    case meetingChildTalks(Parameter<RecordID>)
    case sips
    case sip(Parameter<RecordID>)
    /// A family's enrolment in a joint programme (issue 18).
    case programmeEnrolment(Parameter<RecordID>)
    /// One of the family page's forms, by its name ("styrgrupp", "svar", "dokument", …).
    case programmeForm(Parameter<RecordID>, form: Parameter<String>)
    /// The nomination form, or the choice of programme when there are several.
    case childNominate(Parameter<RecordID>)
    /// The nomination form of one programme, by its key.
    case childNominateFor(Parameter<RecordID>, programme: Parameter<String>)
    case programmes
    /// The steering group's queue, reports and summary: the one programme, or the choice of
    /// programme when there are several; the `…For` paths name the programme by its key.
    case programmeQueue
    case programmeQueueFor(Parameter<String>)
    case programmeTermReport
    case programmeTermReportFor(Parameter<String>)
    case programmeTermReportPDF
    case programmeTermReportPDFFor(Parameter<String>)
    case programmeYearSummary
    case programmeYearSummaryFor(Parameter<String>)
    case programmeDefinitions
    case programmeDefinitionNew
    case programmeDefinition(Parameter<String>)
    case childNewSIP(Parameter<RecordID>)
    case sipConsent(Parameter<RecordID>)
    case sipWithdrawal(Parameter<RecordID>)
    case sipStep(Parameter<RecordID>, step: Parameter<String>)
    case sipMeetings(Parameter<RecordID>)
    case sipProtocol(Parameter<RecordID>, meeting: Parameter<RecordID>)
    case sipProtocolSent(Parameter<RecordID>, meeting: Parameter<RecordID>)
    case sipReplySlip(Parameter<RecordID>, meeting: Parameter<RecordID>)
    case sipActionDone(Parameter<RecordID>, meeting: Parameter<RecordID>, position: Parameter<Int>)
    case sipClose(Parameter<RecordID>)
    /// `{partyID}.pdf` (the letter) or `{partyID}.ics` (the calendar file).
    case sipInvitation(Parameter<RecordID>, meeting: Parameter<RecordID>, file: Parameter<String>)
    case sipProtocolPDF(Parameter<RecordID>, meeting: Parameter<RecordID>)
    /// Forums, the yearly cycle and the action plan (issue 19).
    case forums
    case forum(Parameter<RecordID>)
    case forumNewMeeting(Parameter<RecordID>)
    case forumAgendaItem(Parameter<RecordID>, meeting: Parameter<RecordID>)
    case yearlyWheel
    case yearlyTaskDone(year: Parameter<Int>, kind: Parameter<String>)
    case actionPlan(Parameter<Int>)
    case actionPlanPDF(Parameter<Int>)
    /// The administrator's forums: set one up from a template, keep its members.
    case adminForums
    case adminForum(Parameter<RecordID>)
    case adminForumMembers(Parameter<RecordID>)
    case adminForumMemberRemove(Parameter<RecordID>, staff: Parameter<RecordID>)
    /// One of the plan's forms: "mal", "aktivitet", "uppfoljning", "summering", "status-{id}".
    case actionPlanForm(Parameter<Int>, form: Parameter<String>)
    /// Referrals to the student health team, the directory of help, the routines' responsibilities (issue 19 points 5–7).
    case childEHTReferral(Parameter<RecordID>)
    case ehtReferral(Parameter<RecordID>)
    case ehtReferralForm(Parameter<RecordID>, form: Parameter<String>)
    case helpDirectory
    case statistics
    case statisticsCSV
    case statisticsPDF
    case helpLetter
    case responsibilities
    case adminHelpDirectory
    case adminHelpEntryNew
    case adminHelpEntry(Parameter<RecordID>)
    case adminResponsibilities
    case adminResponsibility(Parameter<String>)
    case emergencyAccess
    case search
    case intake
    case myReports
    case statements
    case consultations
    case support
    case admin
    case logReview
    case auditLog

    var path: String {
        switch self {
        case .home: "/"
        case .workList: "/arbetslista"
        case .workListAll: "/arbetslista?alla=1"
        case .taskDone(let id): "/arbetslista/uppgifter/\(id.segment("id"))/klar"
        case .children: "/barn"
        case .child(let id): "/barn/\(id.segment("id"))"
        case .childReport(let id): "/barn/\(id.segment("id"))/anmalan"
        case .childConsents(let id): "/barn/\(id.segment("id"))/samtycken"
        case .childNewConsent(let id): "/barn/\(id.segment("id"))/samtycken/nytt"
        case .childNewCase(let id): "/barn/\(id.segment("id"))/samverkan/nytt"
        case .childEdit(let id): "/barn/\(id.segment("id"))/andra"
        case .childNewGuardian(let id): "/barn/\(id.segment("id"))/vardnadshavare/ny"
        case .report(let id): "/anmalningar/\(id.segment("id"))"
        case .investigation(let id): "/utredningar/\(id.segment("id"))"
        case .collaborationCases: "/samverkan"
        case .collaborationCase(let id): "/samverkan/\(id.segment("id"))"
        case .newMeeting(let id): "/samverkan/\(id.segment("id"))/moten/nytt"
        case .meeting(let id): "/moten/\(id.segment("id"))"
        case .meetingPreparationDone(let id, let step): "/moten/\(id.segment("id"))/forberedelser/\(step.segment("step"))"
        case .meetingChildTalks(let id): "/moten/\(id.segment("id"))/samtal"
        case .sips: "/sip"
        case .sip(let id): "/sip/\(id.segment("id"))"
        case .programmeEnrolment(let id): "/program/familjer/\(id.segment("id"))"
        case .programmeForm(let id, let form): "/program/familjer/\(id.segment("id"))/\(form.segment("form"))"
        case .childNominate(let id): "/barn/\(id.segment("id"))/program/ny"
        case .childNominateFor(let id, let key): "/barn/\(id.segment("id"))/program/\(key.segment("programme"))/ny"
        case .programmes: "/program"
        case .programmeQueue: "/program/styrgrupp"
        case .programmeQueueFor(let key): "/program/styrgrupp/\(key.segment("programme"))"
        case .programmeTermReport: "/program/terminsrapport"
        case .programmeTermReportFor(let key): "/program/terminsrapport/\(key.segment("programme"))"
        case .programmeTermReportPDF: "/program/terminsrapport.pdf"
        case .programmeTermReportPDFFor(let key): "/program/terminsrapport/\(key.segment("programme"))/pdf"
        case .programmeYearSummary: "/program/arssammanstallning"
        case .programmeYearSummaryFor(let key): "/program/arssammanstallning/\(key.segment("programme"))"
        case .programmeDefinitions: "/admin/program"
        case .programmeDefinitionNew: "/admin/program/ny"
        case .programmeDefinition(let key): "/admin/program/\(key.segment("key"))"
        case .childNewSIP(let id): "/barn/\(id.segment("id"))/sip/ny"
        case .sipConsent(let id): "/sip/\(id.segment("id"))/samtycke"
        case .sipWithdrawal(let id): "/sip/\(id.segment("id"))/samtycke/aterkalla"
        case .sipStep(let id, let step): "/sip/\(id.segment("id"))/formote/\(step.segment("step"))"
        case .sipMeetings(let id): "/sip/\(id.segment("id"))/moten"
        case .sipProtocol(let id, let m): "/sip/\(id.segment("id"))/moten/\(m.segment("mid"))/protokoll"
        case .sipProtocolSent(let id, let m): "/sip/\(id.segment("id"))/moten/\(m.segment("mid"))/skickat"
        case .sipReplySlip(let id, let m): "/sip/\(id.segment("id"))/moten/\(m.segment("mid"))/svarstalong"
        case .sipActionDone(let id, let m, let pos): "/sip/\(id.segment("id"))/moten/\(m.segment("mid"))/atgarder/\(pos.segment("pos"))/klar"
        case .sipClose(let id): "/sip/\(id.segment("id"))/avsluta"
        case .sipInvitation(let id, let m, let file): "/sip/\(id.segment("id"))/moten/\(m.segment("mid"))/kallelse/\(file.segment("file"))"
        case .sipProtocolPDF(let id, let m): "/sip/\(id.segment("id"))/moten/\(m.segment("mid"))/protokoll.pdf"
        case .forums: "/forum"
        case .forum(let id): "/forum/\(id.segment("id"))"
        case .forumNewMeeting(let id): "/forum/\(id.segment("id"))/moten/nytt"
        case .forumAgendaItem(let id, let m): "/forum/\(id.segment("id"))/moten/\(m.segment("mid"))/dagordning"
        case .yearlyWheel: "/arshjul"
        case .yearlyTaskDone(let year, let kind): "/arshjul/\(year.segment("year"))/\(kind.segment("kind"))/klar"
        case .actionPlan(let year): "/handlingsplan/\(year.segment("year"))"
        case .actionPlanPDF(let year): "/handlingsplan/\(year.segment("year"))/pdf"
        case .adminForums: "/admin/forum"
        case .adminForum(let id): "/admin/forum/\(id.segment("id"))"
        case .adminForumMembers(let id): "/admin/forum/\(id.segment("id"))/ledamoter"
        case .adminForumMemberRemove(let id, let staff): "/admin/forum/\(id.segment("id"))/ledamoter/\(staff.segment("sid"))/ta-bort"
        case .actionPlanForm(let year, let form): "/handlingsplan/\(year.segment("year"))/\(form.segment("form"))"
        case .childEHTReferral(let id): "/barn/\(id.segment("id"))/elevhalsa/ny"
        case .ehtReferral(let id): "/elevhalsa/\(id.segment("id"))"
        case .ehtReferralForm(let id, let form): "/elevhalsa/\(id.segment("id"))/\(form.segment("form"))"
        case .helpDirectory: "/stod"
        case .statistics: "/statistik"
        case .statisticsCSV: "/statistik/csv"
        case .statisticsPDF: "/statistik/utvardering"
        case .helpLetter: "/stod/brev"
        case .responsibilities: "/rutiner/ansvar"
        case .adminHelpDirectory: "/admin/stodkatalog"
        case .adminHelpEntryNew: "/admin/stodkatalog/ny"
        case .adminHelpEntry(let id): "/admin/stodkatalog/\(id.segment("id"))"
        case .adminResponsibilities: "/admin/ansvar"
        case .adminResponsibility(let key): "/admin/ansvar/\(key.segment("key"))"
        case .emergencyAccess: "/nodatkomst"
        case .search: "/sok"
        case .intake: "/mottagning"
        case .myReports: "/anmalningar"
        case .statements: "/utlatanden"
        case .consultations: "/konsultationer"
        case .support: "/rad-och-stod"
        case .admin: "/admin"
        case .logReview: "/loggkontroll"
        case .auditLog: "/logg"
        }
    }

    /// The page a meeting's context is shown on.
    static func context(_ context: MeetingContext) -> SiteURL {
        switch context.kind {
        case .collaborationCase: .collaborationCase(.value(context.id))
        case .report: .report(.value(context.id))
        case .investigation: .investigation(.value(context.id))
        case .programmeEnrolment: .programmeEnrolment(.value(context.id))
        case .forum: .forum(.value(context.id))
        }
    }

    /// The responsibilities page at one routine's section.
    static func responsibilities(routine: ResponsibilityRoutine) -> String { responsibilities.path + "#routine-\(routine.rawValue)-heading" }

    /// The path as a route pattern for the router.
    var route: RouterPath { RouterPath(stringLiteral: path) }
}
