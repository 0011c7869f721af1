import Foundation
import SamverkaCore
import SamverkaStore

/// One line of the work list as the page shows it: the store says what it is about, the
/// page words it and links it.
struct WorkItemRow {
    let title: String
    let child: String
    let link: String
    let due: String
    let state: String
    let stateLabel: String
    let source: String
    /// The person's own task: a button marks it done.
    let doneLink: String?

    init(_ item: WorkItem, inUnitOverview: Bool = false) {
        let kind = item.deadline?.kind
        let dueDay = item.dueDay?.iso ?? "–"
        var source = kind?.source.text ?? ""
        var doneLink: String? = nil
        switch item.subject {
        case .report(let id, let receipt, let reportKind):
            title = "\(kind?.label ?? "") – \(reportKind.label.lowercased()) \(receipt)"
            link = SiteURL.report(.value(id)).path
        case .writtenConfirmation(let id, let receipt):
            title = "Muntlig anmälan \(receipt) väntar på skriftlig bekräftelse"
            link = SiteURL.report(.value(id)).path
        case .investigation(let id, let officer):
            title = inUnitOverview ? "Utredning – ansvarig \(officer)" : "Utredning"
            link = SiteURL.investigation(.value(id)).path
        case .followUp(let id):
            title = "Uppföljning efter avslutad utredning (\(LegalReference.followUp.current))"
            link = SiteURL.investigation(.value(id)).path
        case .consentEnding(let consentID, let childID):
            title = "Samtycke nr \(consentID) upphör \(dueDay): förnya det eller avsluta samverkan"
            link = SiteURL.childConsents(.value(childID)).path
        case .collaborationClock(let caseID):
            title = "\(kind?.label ?? "") senast \(dueDay) (samverkansärende)"
            link = SiteURL.collaborationCase(.value(caseID)).path
        case .meetingAction(let meetingID, let caseID, let what):
            title = "Åtgärd: \(what)"
            link = caseID.map { SiteURL.collaborationCase(.value($0)).path } ?? SiteURL.meeting(.value(meetingID)).path
            if caseID == nil { source = "Åtgärd beslutad på möte" }
        case .task(let id, let text, let taskKind, let investigationID, let childID, let childCaseID):
            title = text
            if taskKind == .returnToSchool, let childID {
                // The return home: straight to booking the meeting (in the child's open case, or by opening one).
                link = childCaseID.map { SiteURL.newMeeting(caseID: .value($0)).path } ?? SiteURL.childNewCase(.value(childID)).path
                source = "Rutinen: samverkansmöte inför återgång till förskola/skola"
            } else {
                link = investigationID.map { SiteURL.investigation(.value($0)).path } ?? SiteURL.workList.path
                source = ""
            }
            doneLink = SiteURL.taskDone(.value(id)).path
        case .sipFollowUp(let sipID):
            title = "Uppföljningsmöte för SIP \(dueDay)"
            link = SiteURL.sip(.value(sipID)).path
        case .sipAction(let sipID, let what):
            title = "Åtgärd i SIP: \(what)"
            link = SiteURL.sip(.value(sipID)).path
        case .sipConsentEnding(let sipID):
            title = "Samtycket till SIP upphör \(dueDay): förnya det eller avsluta SIP:en"
            link = SiteURL.sip(.value(sipID)).path
        case .programme(let enrolmentID, let what):
            title = what.map { "Åtgärd: \($0)" } ?? "\(kind?.label ?? "") senast \(dueDay)"
            link = SiteURL.programmeEnrolment(.value(enrolmentID)).path
        case .forumMeetings(let forumID, let name, let what):
            title = "\(name): \(what)"
            link = SiteURL.forum(.value(forumID)).path
        case .cycleTask(let taskKind, let year):
            title = "\(taskKind.title) \(year), senast \(dueDay)"
            link = SiteURL.yearlyWheel.path + "?ar=\(year)"
            source = taskKind.source
        case .ehtReferral(let id, let stage, let decides):
            title = decides ? "Anmälan till elevhälsoteamet (Steg 1) väntar på ditt beslut" : "Anmälan till elevhälsoteamet (Steg 1): \(stage.label.lowercased())"
            link = SiteURL.ehtReferral(.value(id)).path
        }
        child = item.childName ?? ""
        due = item.dueLabel
        state = item.state.rawValue
        stateLabel = item.state.label
        self.source = source
        self.doneLink = doneLink
    }

    var data: [String: Any] {
        var values: [String: Any] = ["title": title, "child": child, "link": link, "due": due, "state": state, "stateLabel": stateLabel, "source": source]
        if let doneLink { values["doneLink"] = doneLink }
        return values
    }
}

/// The work list page: the person's own clocks and tasks, and the units' overdue ones.
struct WorkListPage {
    let items: [WorkItemRow]
    let overdue: [WorkItemRow]
    let total: Int
    let overdueTotal: Int
    /// Everything was read and shown.
    let complete: Bool
    /// A shorter list than the whole is shown.
    let more: Bool
    let doneMessage: Bool

    var data: [String: Any] {
        ["items": items.map(\.data), "none": items.isEmpty, "more": more, "complete": complete, "total": total,
         "overdueTotal": overdueTotal, "overdue": overdue.map(\.data), "hasOverdue": !overdue.isEmpty, "done": doneMessage,
         "allLink": SiteURL.workListAll.path]
    }
}
