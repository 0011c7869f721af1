import SamverkaCore
import SamverkaStore

/// The child page (`/barn/{id}`): the child's registry facts, guardians and siblings, the
/// reports this person handles, what a consent lets through, the child's SIPs and programme
/// enrolments, and the buttons the policy allows (`ChildPageActions`, each its own question).
struct ChildPageModel {
    struct Guardian {
        let name: String
        let number: String
        let phone: String
        let email: String
        /// "Skyddad" for protected identity: the address is never shown.
        let address: String
        let protected: Bool

        var data: [String: Any] {
            ["name": name, "number": number, "phone": phone, "email": email, "address": address, "protected": protected]
        }
    }

    struct Report {
        let id: RecordID
        let kind: String
        let receipt: String
        let received: String
        let stage: String
        let acute: Bool
        let investigationID: RecordID?

        var data: [String: Any] {
            ["id": id, "kind": kind, "receipt": receipt, "received": received, "stage": stage, "acute": acute, "investigationID": investigationID ?? false]
        }
    }

    struct Shared {
        let category: String
        let text: String
        let reason: String

        var data: [String: Any] { ["category": category, "text": text, "reason": reason] }
    }

    struct SIP {
        let link: String
        let responsible: String
        let parties: String
        let status: String

        var data: [String: Any] { ["link": link, "responsible": responsible, "parties": parties, "status": status] }
    }

    struct Enrolment {
        let link: String
        let programme: String
        let stage: String

        var data: [String: Any] { ["link": link, "programme": programme, "stage": stage] }
    }

    let view: ChildView
    let notice: String?
    let guardians: [Guardian]
    let reports: [Report]
    let shared: [Shared]
    let sips: [SIP]
    let enrolments: [Enrolment]
    /// The referrals to the student health team this person may read.
    let referrals: [EHTReferral]
    /// The child's age today, for the directory of help.
    let age: Int
    /// The programmes a nomination may go to (empty: no nomination offered).
    let offeredProgrammes: [ProgrammeOffer]

    init(view: ChildView, sips: [SIPRecord], enrolments: [ProgrammeRecord], referrals: [EHTReferral] = [], offeredProgrammes: [ProgrammeOffer], today: SimpleDate, notice: String?) {
        self.view = view
        self.referrals = referrals
        age = view.child.identityNumber.birthDate.age(on: today)
        self.notice = notice
        self.offeredProgrammes = offeredProgrammes
        guardians = view.guardians.map { g in
            Guardian(name: g.fullName, number: g.identityNumber?.formatted ?? "", phone: g.phone ?? "", email: g.email ?? "",
                     address: g.protectedIdentity ? "Skyddad" : [g.address.street, g.address.postalCode, g.address.city].compactMap { $0 }.joined(separator: ", "),
                     protected: g.protectedIdentity)
        }
        reports = view.reports.map { r in
            Report(id: r.id, kind: r.kind.label, receipt: r.receiptNumber, received: Stockholm.format(r.receivedAt), stage: r.stage.label,
                   acute: r.isAcute, investigationID: r.opensInvestigation ? r.investigationID : nil)
        }
        shared = view.shared.map { Shared(category: $0.category.label, text: $0.text, reason: $0.reason) }
        self.sips = sips.map { r in
            SIP(link: SiteURL.sip(.value(r.sip.id)).path, responsible: r.sip.responsible.name, parties: r.sip.parties.map(\.organisation).joined(separator: ", "),
                status: r.sip.closure.map { "avslutad: \($0.reason.label.lowercased())" } ?? "pågår")
        }
        self.enrolments = enrolments.map { r in
            Enrolment(link: SiteURL.programmeEnrolment(.value(r.enrolment.id)).path, programme: r.definition.name, stage: r.enrolment.stage.label.lowercased())
        }
    }

    /// The confirmation a redirect back to the page asks for (`?ny`, `?fanns`, `?sparad`, `?inskriven`).
    static func notice(_ query: (String) -> Bool) -> String? {
        var notice: String?
        if query("ny") { notice = "Barnet är registrerat." }
        if query("fanns") { notice = "Numret fanns redan i registret. Du har kommit till det befintliga barnet; inget nytt barn skapades." }
        if query("sparad") { notice = "Ändringarna är sparade." }
        if query("steg1") { notice = "Anmälan (Steg 1) är skickad till elevhälsoteamet. Den läses bara av elevhälsoteamet och rektor, som beslutar." }
        if query("inskriven") { notice = "Barnet är inskrivet i enheten. Du ser de uppgifter som förskolan/skolan har registrerat." }
        return notice
    }

    var title: String { view.child.fullName }

    /// One line of the child's address, or nil when none is registered.
    var address: String? {
        let a = view.child.address
        let parts = [a.street, [a.postalCode, a.city].compactMap { $0 }.joined(separator: " ")].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    var nominateLabel: String {
        offeredProgrammes.count == 1 ? "Föreslå till \(offeredProgrammes[0].name)" : "Föreslå till ett gemensamt program"
    }

    var data: [String: Any] {
        let child = view.child
        let id = child.id
        let actions = view.actions
        return [
            "id": id, "name": child.fullName, "number": child.identityNumber.formatted,
            "kind": child.identityNumber.kind.label, "birthDate": child.identityNumber.birthDate.iso,
            "unit": child.enrolmentUnitName ?? "Ingen skola/förskola registrerad", "grade": child.grade ?? "–",
            "protected": child.protectedIdentity, "address": address ?? false,
            "relativesHidden": view.relativesHidden,
            "guardians": guardians.map(\.data), "hasGuardians": !guardians.isEmpty,
            "siblings": view.siblings.map(ChildrenController.row), "hasSiblings": !view.siblings.isEmpty,
            "reason": view.accessReason.text, "notice": notice ?? false,
            "reports": reports.map(\.data), "hasReports": !reports.isEmpty,
            "shared": shared.map(\.data), "hasShared": !shared.isEmpty,
            "partyOnly": view.partyOnly,
            "mayEdit": actions.edit, "mayReport": actions.fileReport, "mayAddGuardian": actions.addGuardian,
            "mayViewConsents": actions.viewConsents, "mayOpenCase": actions.openCollaborationCase,
            "editLink": SiteURL.childEdit(.value(id)).path, "reportLink": SiteURL.childReport(.value(id)).path,
            "guardianLink": SiteURL.childNewGuardian(.value(id)).path, "consentsLink": SiteURL.childConsents(.value(id)).path,
            "newCaseLink": SiteURL.childNewCase(.value(id)).path,
            "mayOpenSIP": actions.openSIP, "newSIPLink": SiteURL.childNewSIP(.value(id)).path,
            "sips": sips.map(\.data), "hasSIPs": !sips.isEmpty,
            "programmes": enrolments.map(\.data), "hasProgrammes": !enrolments.isEmpty,
            "mayNominate": !offeredProgrammes.isEmpty, "nominateLink": SiteURL.childNominate(.value(id)).path,
            "nominateLabel": nominateLabel,
            "referrals": referrals.map { EHTReferralRow(referral: $0).data }, "hasReferrals": !referrals.isEmpty,
            "maySendReferral": actions.sendEHTReferral, "newReferralLink": SiteURL.childEHTReferral(.value(id)).path,
            "directoryLink": SiteURL.helpDirectory.path + "?alder=\(age)",
        ]
    }
}
