import Foundation
import SamverkaCore
import SamverkaStore

/// The forms of the SIP page, each with what was typed and its messages.
struct SIPPageForms {
    var consent = FormState()
    var withdrawal = FormState()
    var step = FormState()
    var booking = FormState()
    var proto = FormState()
    var protoMeetingID: RecordID?
    var replySlip = FormState()
    var closing = FormState()
}

/// The SIP page as the template reads it: the store's SIP, worded and linked here.
struct SIPPageModel {
    let page: SIPPage
    let forms: SIPPageForms
    let notice: String?
    let today: SimpleDate
    /// The person looking: a party's account gets its own protocol copy and its own actions.
    let actorID: RecordID

    private var sip: SIP { page.record.sip }

    var data: [String: Any] {
        let now = page.now
        let consent = sip.consentInForce(at: now)
        let consented = sip.consentedParties(at: now)
        var values: [String: Any] = [
            "id": sip.id, "childID": sip.childID, "childLink": SiteURL.child(.value(sip.childID)).path,
            "child": page.record.childName, "number": page.record.childIdentityNumber?.formatted ?? "",
            "need": sip.need, "raisedBy": sip.raisedBy.label, "responsible": sip.responsible.name, "openedBy": sip.openedBy.name,
            "openedAt": Stockholm.format(sip.openedAt), "open": sip.isOpen, "mayWork": page.mayWork, "notice": notice ?? false,
            "accessReason": page.reason.text,
            "consentAction": SiteURL.sipConsent(.value(sip.id)).path, "withdrawalAction": SiteURL.sipWithdrawal(.value(sip.id)).path,
            "bookAction": SiteURL.sipMeetings(.value(sip.id)).path, "closeAction": SiteURL.sipClose(.value(sip.id)).path,
            "closure": sip.closure.map { ["reason": $0.reason.label, "at": Stockholm.format($0.at), "by": $0.by.name, "note": $0.note ?? false] as [String: Any] } ?? false,
            "consentStatus": consent.map { "Samtycke nr \($0.id) gäller till och med \($0.validTo.iso)" } ?? "Inget samtycke som namnger alla parter gäller. Parterna ser inget förrän det finns.",
            "hasConsent": consent != nil,
        ]
        values["parties"] = sip.parties.map { p -> [String: Any] in
            ["name": p.organisation, "kind": p.kind.label, "principal": p.kind.principal.label, "contact": p.contactName ?? "–",
             "account": p.staffID != nil, "share": consent?.shares[p.id] ?? "Inte namngiven i ett samtycke som gäller"]
        }
        values["consents"] = sip.consents.reversed().map { c -> [String: Any] in
            ["id": c.id, "giver": c.giver.label, "givenBy": c.givenBy, "period": "\(c.validFrom.iso)–\(c.validTo.iso)",
             "status": c.statusLabel(at: now), "recordedBy": c.recordedBy.name, "recordedAt": Stockholm.format(c.recordedAt),
             "shares": c.shares.sorted { $0.key < $1.key }.map { ["party": sip.party($0.key)?.organisation ?? "–", "share": $0.value] }]
        }
        values["hasConsents"] = !sip.consents.isEmpty
        values["preMeeting"] = sip.preMeeting.map { entry -> [String: Any] in
            ["key": entry.step.rawValue, "label": entry.step.label, "action": SiteURL.sipStep(.value(sip.id), step: .value(entry.step.rawValue)).path,
             "done": entry.done.map { ["by": $0.by.name, "at": Stockholm.format($0.at), "note": $0.note ?? false] as [String: Any] } ?? false,
             "markable": entry.done == nil && !entry.step.isRecordedByItself && page.mayWork,
             "error": forms.step.errors["step_\(entry.step.rawValue)"] ?? false]
        }
        values["meetings"] = sip.meetings.map { meetingData($0, consented: consented) }
        values["hasMeetings"] = !sip.meetings.isEmpty
        values["actions"] = actionRows(consented: consented)
        values["hasActions"] = !sip.openActions.isEmpty
        values["consentForm"] = consentForm(consent)
        values["withdrawal"] = forms.withdrawal.data
        values["booking"] = bookingForm
        values["mayBook"] = page.mayWork && sip.openMeeting == nil
        values["closing"] = closingForm
        values["replySlipForm"] = forms.replySlip.data
        return values
    }

    private func consentForm(_ consent: SIPConsent?) -> [String: Any] {
        let state = forms.consent
        let from = today
        var data = state.data
        data["giverOptions"] = SIPConsentGiver.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": state.values["giver"] == $0.rawValue] as [String: Any] }
        data["fields"] = [FormField("given_by", "Namn på dem som ger samtycket", state, hint: "Till exempel båda vårdnadshavarna, och barnet när det är aktuellt.").data,
                          FormField("valid_from", "Gäller från (ÅÅÅÅ-MM-DD)", state, defaultValue: from.iso).data,
                          FormField("valid_to", "Gäller till och med (ÅÅÅÅ-MM-DD)", state, hint: "Högst ett år, senast \(SIPConsentRules.lastDay(from: from).iso).",
                                    defaultValue: SIPConsentRules.lastDay(from: from).iso).data]
        data["shares"] = sip.parties.map { p in
            FormField("share_\(p.id)", "Vad \(p.organisation) får dela med de andra parterna", state, long: true, defaultValue: consent?.shares[p.id] ?? "").data
        }
        data["newParties"] = (1...SIPForms.newPartyRows).map { SIPForms.partyRow($0, state, accounts: nil, withShare: true) }
        data["partiesError"] = state.errors["parties"] ?? false
        return data
    }

    private func meetingData(_ m: SIPMeeting, consented: [SIPParty]) -> [String: Any] {
        let (id, meeting) = (Parameter.value(sip.id), Parameter.value(m.id))
        var data: [String: Any] = ["id": m.id, "kind": m.kind.label, "when": m.schedule.whenText, "where": m.schedule.whereText,
                                   "held": m.heldAt.map(Stockholm.format) ?? false,
                                   "protocolAction": SiteURL.sipProtocol(id, meeting: meeting).path, "sentAction": SiteURL.sipProtocolSent(id, meeting: meeting).path,
                                   "slipAction": SiteURL.sipReplySlip(id, meeting: meeting).path,
                                   "cancelled": m.heldAt == nil && !sip.isOpen]
        data["invitations"] = m.heldAt == nil && page.mayWork
            ? consented.map { ["party": $0.displayName, "pdf": SiteURL.sipInvitation(id, meeting: meeting, file: .value("\($0.id).pdf")).path,
                              "ics": SiteURL.sipInvitation(id, meeting: meeting, file: .value("\($0.id).ics")).path] } : []
        if let proto = sip.protocols[m.id] {
            let doc = SIPProtocolDocument(organisation: "", childName: page.record.childName, responsible: sip.responsible.name, meeting: m, parties: sip.parties,
                                          shares: [:], proto: proto, recipient: "", withReplySlip: false)
            data["protocol"] = ["sections": doc.sections().map { ["heading": $0.heading, "lines": $0.lines] }] as [String: Any]
            // The responsible keeps the protocol and sends it; a party gets its own copy. Links
            // only to the copies the person is given (`SIPService.protocolDocument`).
            let keeps = sip.responsible.id == actorID
            let partyPDFs = consented.filter { keeps || $0.staffID == actorID }.map {
                ["party": $0.displayName, "link": SiteURL.sipProtocolPDF(id, meeting: meeting).path + "?part=\($0.id)"]
            }
            data["guardiansPDF"] = keeps ? SiteURL.sipProtocolPDF(id, meeting: meeting).path : false
            data["partyPDFs"] = partyPDFs
            data["hasPDFs"] = keeps || !partyPDFs.isEmpty
            data["sentOn"] = sip.protocolSentOn[m.id]?.iso ?? false
            data["maySend"] = page.mayWork && sip.protocolSentOn[m.id] == nil
            data["slip"] = sip.replySlips[m.id].map { s -> [String: Any] in
                ["received": s.receivedOn.iso, "signed": s.signed ? "Underskriven" : "Inte underskriven", "agreement": s.agreement.label, "comment": s.comment ?? false]
            } ?? false
            data["mayRecordSlip"] = page.mayWork && sip.protocolSentOn[m.id] != nil && sip.replySlips[m.id] == nil
            data["slipAgreements"] = SIPReplySlip.Agreement.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": forms.replySlip.values["agreement"] == $0.rawValue] as [String: Any] }
        } else {
            data["protocol"] = false
            data["protocolForm"] = page.mayWork ? protocolForm(m, consented: consented) : false
        }
        return data
    }

    private func protocolForm(_ m: SIPMeeting, consented: [SIPParty]) -> [String: Any] {
        let state = forms.protoMeetingID == m.id ? forms.proto : FormState()
        var data = state.data
        data["consentError"] = state.errors["consent"] ?? false
        data["attendanceError"] = state.errors["attendance"] ?? false
        data["family"] = FormField("family_present", "Från familjen deltog", state, hint: "Namn och relation till barnet, till exempel \"Sara Nilsson (mamma), Elsa\".").data
        data["parties"] = consented.map { p -> [String: Any] in
            ["id": p.id, "name": p.displayName, "present": state.values.isEmpty || state.values["present_\(p.id)"] != nil,
             "role": FormField("role_\(p.id)", "Roll i SIP:en", state).data,
             "view": FormField("view_\(p.id)", "Vad \(p.organisation) ser fungerar bra och vilka utmaningar parten ser", state, long: true).data]
        }
        data["situation"] = [FormField("works_well", "Det här fungerar bra", state, long: true).data,
                             FormField("harder", "Det här är svårare", state, long: true).data,
                             FormField("current_support", "Stöd och insatser i dag, och från vem", state, long: true).data]
        data["needs"] = FormField("needs", "Behov som identifierats för att det ska bli bättre för barnet", state, long: true).data
        data["actions"] = (1...SIPForms.actionRows).map { n -> [String: Any] in
            let key = "action_\(n)"
            return ["n": n, "what": FormField("\(key)_what", "Vad ska göras", state).data,
                    "partyName": "\(key)_party", "partyError": state.errors["\(key)_party"] ?? false,
                    "options": consented.map { ["value": $0.id, "label": $0.displayName, "selected": state.values["\(key)_party"] == String($0.id)] as [String: Any] },
                    "due": FormField("\(key)_due_on", "Senast (ÅÅÅÅ-MM-DD)", state).data]
        }
        data["previous"] = sip.openActions.map { open -> [String: Any] in
            let name = "done_\(open.meetingID)_\(open.index)"
            return ["name": name, "label": "\(open.action.what) – \(sip.party(open.action.partyID)?.displayName ?? "–"), senast \(open.action.dueOn.iso)",
                    "checked": state.values[name] != nil]
        }
        data["hasPrevious"] = !sip.openActions.isEmpty
        data["familyOwn"] = FormField("family_own", "Det här gör barnet och familjen själva", state, long: true).data
        data["summary"] = FormField("summary", "Den SIP-ansvariges sammanfattning av det ni enats om", state, long: true).data
        data["voice"] = [FormField("child_voice", "Barnets egen syn", state, long: true).data,
                         FormField("child_voice_missing", "Eller: varför barnets syn inte kunde inhämtas", state, long: true).data]
        data["followUp"] = [FormField("follow_up_date", "Uppföljningsmöte, datum (ÅÅÅÅ-MM-DD)", state).data,
                            FormField("follow_up_start", "Starttid (TT:MM)", state).data,
                            FormField("follow_up_end", "Sluttid (TT:MM)", state).data,
                            FormField("follow_up_place", "Plats", state, defaultValue: m.schedule.place ?? "").data]
        return data
    }

    private var bookingForm: [String: Any] {
        let state = forms.booking
        var data = state.data
        data["fields"] = [FormField("date", "Datum (ÅÅÅÅ-MM-DD)", state).data, FormField("start", "Starttid (TT:MM)", state).data,
                          FormField("end", "Sluttid (TT:MM)", state).data, FormField("place", "Plats", state).data]
        return data
    }

    private var closingForm: [String: Any] {
        let state = forms.closing
        var data = state.data
        data["reasons"] = SIPClosureReason.chosen.map { ["value": $0.rawValue, "label": $0.label, "checked": state.values["reason"] == $0.rawValue] as [String: Any] }
        data["note"] = FormField("closing_note", "Anteckning", state, long: true).data
        return data
    }

    private func actionRows(consented: [SIPParty]) -> [[String: Any]] {
        sip.openActions.map { open -> [String: Any] in
            let party = sip.party(open.action.partyID)
            return ["what": open.action.what, "party": party?.displayName ?? "–", "due": open.action.dueOn.iso,
                    "overdue": open.action.dueOn < today,
                    "doneLink": SiteURL.sipActionDone(.value(sip.id), meeting: .value(open.meetingID), position: .value(open.index)).path,
                    "mayMark": sip.isOpen && (page.mayWork || (party?.staffID == actorID && consented.contains { $0.id == party?.id })),
                    "outside": party?.staffID == nil]
        }
    }
}
