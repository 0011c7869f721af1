import Foundation
import Hummingbird
import SamverkaCore
import SamverkaStore

/// SIP, the coordinated individual plan (issue 17): the list, opening from the child page,
/// the SIP page with its consent, pre-meeting, meetings, protocol and plan, the documents
/// (invitation letters and calendar files per party, the protocol per recipient) and closing.
struct SIPController {
    let renderer: Renderer
    let sips: SIPService
    let registry: RegistryService
    let clock: any TimeSource
    let fonts: PDFFonts

    func addRoutes(to group: RouterGroup<AppContext>) {
        group.get(SiteURL.sips.route, use: list)
        group.get(SiteURL.childNewSIP(.key).route, use: newForm)
        group.post(SiteURL.childNewSIP(.key).route, use: create)
        group.get(SiteURL.sip(.key).route, use: show)
        group.post(SiteURL.sipConsent(.key).route, use: recordConsent)
        group.post(SiteURL.sipWithdrawal(.key).route, use: withdraw)
        group.post(SiteURL.sipStep(.key, step: .key).route, use: markStep)
        group.post(SiteURL.sipMeetings(.key).route, use: book)
        group.post(SiteURL.sipProtocol(.key, meeting: .key).route, use: saveProtocol)
        group.post(SiteURL.sipProtocolSent(.key, meeting: .key).route, use: markSent)
        group.post(SiteURL.sipReplySlip(.key, meeting: .key).route, use: replySlip)
        group.post(SiteURL.sipActionDone(.key, meeting: .key, position: .key).route, use: actionDone)
        group.post(SiteURL.sipClose(.key).route, use: close)
        group.get(SiteURL.sipInvitation(.key, meeting: .key, file: .key).route, use: invitation)
        group.get(SiteURL.sipProtocolPDF(.key, meeting: .key).route, use: protocolPDF)
    }

    private func int(_ name: String, _ context: AppContext) throws -> RecordID {
        guard let value = context.parameters.get(name, as: RecordID.self) else { throw HTTPError(.notFound) }
        return value
    }

    private var today: SimpleDate { Stockholm.date(of: clock.now()) }

    // MARK: List and opening

    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        let records = try await sips.mySIPs(by: try context.origin())
        return await renderer.page("sip-list", title: "SIP", [
            "sips": records.map { r -> [String: Any] in
                ["link": SiteURL.sip(.value(r.sip.id)).path, "child": r.childName, "responsible": r.sip.responsible.name,
                 "parties": r.sip.parties.map(\.organisation).joined(separator: ", "),
                 "status": r.sip.closure.map { "Avslutad: \($0.reason.label.lowercased())" } ?? "Pågår"]
            },
            "none": records.isEmpty,
        ], context: context)
    }

    private func form(childID: RecordID, state: FormState, context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let origin = try context.origin()
        guard case .ok(let view) = try await registry.view(childID: childID, by: origin) else { throw HTTPError(.notFound) }
        let staff = try await sips.responsibleChoices()
        let accounts = try await sips.partyAccountChoices()
        var values = state.values
        if values.isEmpty {
            // The unit the family turned to is the first party, the person opening it SIP-ansvarig.
            let mine = origin.actor.assignments.first { $0.role.worksWithChildren }
            values["responsible"] = String(origin.actor.staffID)
            values["party_1_kind"] = mine?.role.side == .social ? SIPPartyKind.socialServices.rawValue : SIPPartyKind.school.rawValue
            values["party_1_organisation"] = mine?.unitName ?? ""
            values["party_1_contact"] = origin.actor.displayName
            values["party_1_account"] = String(origin.actor.staffID)
        }
        let filled = FormState(values: values, errors: state.errors)
        var data = filled.data
        data["id"] = childID
        data["child"] = view.child.fullName
        data["action"] = SiteURL.childNewSIP(.value(childID)).path
        data["childLink"] = SiteURL.child(.value(childID)).path
        data["newCaseLink"] = SiteURL.childNewCase(.value(childID)).path
        data["raisedByOptions"] = SIPRaisedBy.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": values["raised_by"] == $0.rawValue] as [String: Any] }
        data["need"] = FormField("need", "Vilka behov av insatser finns från kommunen och från regionen?", filled, long: true,
                                 hint: "Utgå från barnets och familjens frågeställningar.").data
        data["staff"] = staff.map { ["id": $0.id, "name": $0.name, "selected": values["responsible"] == String($0.id)] as [String: Any] }
        data["partiesError"] = state.errors["parties"] ?? false
        data["rows"] = (1...SIPForms.partyRows).map { SIPForms.partyRow($0, filled, accounts: accounts, withShare: false) }
        return await renderer.page("sip-new", title: "Ny SIP", data, context: context, status: status)
    }

    @Sendable func newForm(_ request: Request, context: AppContext) async throws -> Response {
        try await form(childID: try int("id", context), state: FormState(), context: context)
    }

    @Sendable func create(_ request: Request, context: AppContext) async throws -> Response {
        let childID = try int("id", context)
        var request = request
        let values = try await request.form()
        switch try await sips.open(childID: childID, SIPForms.start(values), by: try context.origin()) {
        case .ok(let id): return Renderer.redirect(SiteURL.sip(.value(id)).path + "?ny=1")
        case .invalid(let errors): return try await form(childID: childID, state: FormState(values: values, errors: errors), context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    // MARK: The SIP page

    private func page(_ sipID: RecordID, notice: String? = nil, forms: SIPPageForms = SIPPageForms(), context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let origin = try context.origin()
        guard case .ok(let page) = try await sips.page(sipID: sipID, by: origin) else { throw HTTPError(.notFound) }
        let model = SIPPageModel(page: page, forms: forms, notice: notice, today: today, actorID: origin.actor.staffID)
        return await renderer.page("sip", title: "SIP för \(page.record.childName)", model.data, context: context, status: status)
    }

    private static let notices = [
        "ny": "SIP:en är öppnad. Nästa steg är förmötet med barnet och vårdnadshavarna.",
        "samtycke": "Samtycket är registrerat.", "aterkallat": "Samtycket är återkallat och SIP:en avslutad för alla parter.",
        "steg": "Steget är registrerat.", "bokat": "Mötet är bokat. Skriv ut kallelserna till parterna nedan.",
        "protokoll": "Protokollet är sparat och uppföljningsmötet bokat.", "skickat": "Protokollet är registrerat som skickat till vårdnadshavarna.",
        "talong": "Svarstalongen är registrerad.", "klar": "Åtgärden är markerad som klar.", "avslutad": "SIP:en är avslutad.",
    ]

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        let query = request.uri.queryParameters
        let notice = Self.notices.first { query[Substring($0.key)] != nil }?.value
        return try await page(try int("id", context), notice: notice, context: context)
    }

    /// Answers a form: back to the page with a notice, or the page again with what was typed.
    private func answer(_ outcome: Outcome<some Sendable>, sipID: RecordID, notice: String, context: AppContext, forms: (FieldErrors) -> SIPPageForms) async throws -> Response {
        switch outcome {
        case .ok: return Renderer.redirect(SiteURL.sip(.value(sipID)).path + "?\(notice)=1")
        case .invalid(let errors): return try await page(sipID, forms: forms(errors), context: context, status: .unprocessableContent)
        case .denied: throw HTTPError(.notFound)
        }
    }

    @Sendable func recordConsent(_ request: Request, context: AppContext) async throws -> Response {
        let sipID = try int("id", context)
        var request = request
        let values = try await request.form()
        let origin = try context.origin()
        guard case .ok(let current) = try await sips.page(sipID: sipID, by: origin) else { throw HTTPError(.notFound) }
        let outcome = try await sips.recordConsent(sipID: sipID, SIPForms.consent(values, parties: current.record.sip.parties), by: origin)
        return try await answer(outcome, sipID: sipID, notice: "samtycke", context: context) { var f = SIPPageForms(); f.consent = FormState(values: values, errors: $0); return f }
    }

    @Sendable func withdraw(_ request: Request, context: AppContext) async throws -> Response {
        let sipID = try int("id", context)
        var request = request
        let values = try await request.form()
        let outcome = try await sips.withdrawConsent(sipID: sipID, note: values["withdrawal_note"], by: try context.origin())
        return try await answer(outcome, sipID: sipID, notice: "aterkallat", context: context) { var f = SIPPageForms(); f.withdrawal = FormState(values: values, errors: $0); return f }
    }

    @Sendable func markStep(_ request: Request, context: AppContext) async throws -> Response {
        let sipID = try int("id", context)
        var request = request
        let values = try await request.form()
        let step = context.parameters.get("step") ?? ""
        let outcome = try await sips.markStep(sipID: sipID, step: step, note: values["note"], by: try context.origin())
        return try await answer(outcome, sipID: sipID, notice: "steg", context: context) { var f = SIPPageForms(); f.step = FormState(values: values, errors: $0); return f }
    }

    @Sendable func book(_ request: Request, context: AppContext) async throws -> Response {
        let sipID = try int("id", context)
        var request = request
        let values = try await request.form()
        let outcome = try await sips.bookMeeting(sipID: sipID, SIPForms.meeting(values), by: try context.origin())
        return try await answer(outcome, sipID: sipID, notice: "bokat", context: context) { var f = SIPPageForms(); f.booking = FormState(values: values, errors: $0); return f }
    }

    @Sendable func saveProtocol(_ request: Request, context: AppContext) async throws -> Response {
        let sipID = try int("id", context)
        let meetingID = try int("mid", context)
        var request = request
        let values = try await request.form()
        let origin = try context.origin()
        guard case .ok(let current) = try await sips.page(sipID: sipID, by: origin) else { throw HTTPError(.notFound) }
        let parties = current.record.sip.consentedParties(at: current.now)
        let outcome = try await sips.saveProtocol(sipID: sipID, meetingID: meetingID, SIPForms.protocolInput(values, parties: parties), by: origin)
        return try await answer(outcome, sipID: sipID, notice: "protokoll", context: context) {
            var f = SIPPageForms(); f.proto = FormState(values: values, errors: $0); f.protoMeetingID = meetingID; return f
        }
    }

    @Sendable func markSent(_ request: Request, context: AppContext) async throws -> Response {
        let sipID = try int("id", context)
        let outcome = try await sips.markProtocolSent(sipID: sipID, meetingID: try int("mid", context), by: try context.origin())
        return try await answer(outcome, sipID: sipID, notice: "skickat", context: context) { _ in SIPPageForms() }
    }

    @Sendable func replySlip(_ request: Request, context: AppContext) async throws -> Response {
        let sipID = try int("id", context)
        var request = request
        let values = try await request.form()
        let outcome = try await sips.recordReplySlip(sipID: sipID, meetingID: try int("mid", context), receivedOn: values["received_on"] ?? "", signed: values["signed"] ?? "",
                                                     agreement: values["agreement"] ?? "", comment: values["reply_comment"], by: try context.origin())
        return try await answer(outcome, sipID: sipID, notice: "talong", context: context) { var f = SIPPageForms(); f.replySlip = FormState(values: values, errors: $0); return f }
    }

    @Sendable func actionDone(_ request: Request, context: AppContext) async throws -> Response {
        let sipID = try int("id", context)
        let outcome = try await sips.markActionDone(sipID: sipID, meetingID: try int("mid", context), position: Int(try int("pos", context)), by: try context.origin())
        return try await answer(outcome, sipID: sipID, notice: "klar", context: context) { _ in SIPPageForms() }
    }

    @Sendable func close(_ request: Request, context: AppContext) async throws -> Response {
        let sipID = try int("id", context)
        var request = request
        let values = try await request.form()
        let outcome = try await sips.close(sipID: sipID, reason: values["reason"] ?? "", note: values["closing_note"], by: try context.origin())
        return try await answer(outcome, sipID: sipID, notice: "avslutad", context: context) { var f = SIPPageForms(); f.closing = FormState(values: values, errors: $0); return f }
    }

    // MARK: Documents

    /// `/sip/{id}/moten/{mid}/kallelse/{partyID}.pdf` (letter) or `.ics` (calendar file).
    @Sendable func invitation(_ request: Request, context: AppContext) async throws -> Response {
        let sipID = try int("id", context)
        let meetingID = try int("mid", context)
        let file = context.parameters.get("file") ?? ""
        let isCalendar = file.hasSuffix(".ics")
        guard isCalendar || file.hasSuffix(".pdf"), let partyID = RecordID(file.dropLast(4)) else { throw HTTPError(.notFound) }
        guard case .ok(let inv) = try await sips.invitation(sipID: sipID, meetingID: meetingID, partyID: partyID, by: try context.origin()) else { throw HTTPError(.notFound) }
        let now = clock.now()
        let letter = InvitationLetter(
            sender: inv.municipality, letterDate: Stockholm.date(of: now), recipientName: inv.party.displayName, recipientProtected: true,
            meetingTypeName: inv.meeting.kind.label,
            purpose: "SIP-mötet är barnets och familjens möte. Vi går igenom nuläget, vad som fungerar och vad som är svårare, vilka behov som finns och vem som ansvarar för vad.",
            about: inv.record.childProtected ? nil : inv.record.childName, schedule: inv.meeting.schedule,
            agenda: ["Sammanhangsmarkering: alla presenterar sig och sin roll", "Nuläget: vad fungerar bra, vad är svårare, vilket stöd finns i dag",
                     "Behov", "Planering: vad, vem och när", "Sammanfattning", "Uppföljning"],
            contact: .init(name: inv.record.sip.responsible.name, role: "SIP-ansvarig"))
        if isCalendar {
            let event = letter.calendarEvent(uid: "samverka-sip-\(meetingID)@samverka", stamp: now)
            return Renderer.download(Array(ICalendar.document(event).utf8), type: "text/calendar; charset=utf-8", name: "kallelse-sip-\(meetingID).ics")
        }
        return Renderer.download(letter.pdf(fonts: fonts, created: now), type: "application/pdf", name: "kallelse-sip-\(meetingID)-\(partyID).pdf")
    }

    /// The guardians' copy with the reply slip, or `?part=ID` for one party's copy.
    @Sendable func protocolPDF(_ request: Request, context: AppContext) async throws -> Response {
        let sipID = try int("id", context)
        let meetingID = try int("mid", context)
        let partyID = request.uri.queryParameters["part"].flatMap { RecordID(String($0)) }
        guard case .ok(let copy) = try await sips.protocolDocument(sipID: sipID, meetingID: meetingID, partyID: partyID, by: try context.origin()) else { throw HTTPError(.notFound) }
        let doc = SIPProtocolDocument(organisation: copy.municipality, childName: copy.record.childName, responsible: copy.record.sip.responsible.name,
                                      meeting: copy.meeting, parties: copy.record.sip.parties, shares: copy.shares, proto: copy.proto,
                                      recipient: copy.party?.displayName ?? "Vårdnadshavarna", withReplySlip: copy.party == nil)
        return Renderer.download(doc.pdf(fonts: fonts, created: clock.now()), type: "application/pdf", name: "sip-protokoll-\(meetingID).pdf")
    }
}
