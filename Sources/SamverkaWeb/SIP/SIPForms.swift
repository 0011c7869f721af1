import Foundation
import SamverkaCore

/// One labelled form field as the `sip-field` partial draws it: every key always set, so a
/// missing one never falls through to an outer context's value of the same name.
struct FormField {
    let name: String
    let label: String
    let value: String
    let error: String?
    let hint: String?
    let long: Bool

    init(_ name: String, _ label: String, _ state: FormState, long: Bool = false, hint: String? = nil, defaultValue: String = "") {
        self.name = name
        self.label = label
        self.value = state.values[name] ?? defaultValue
        self.error = state.errors[name]
        self.hint = hint
        self.long = long
    }

    var data: [String: Any] {
        ["name": name, "label": label, "value": value, "error": error ?? false, "hint": hint ?? false, "long": long]
    }
}

/// Reading the SIP forms' posted fields into Core's inputs.
enum SIPForms {
    static let partyRows = 5
    static let newPartyRows = 2
    static let actionRows = 6

    /// One party row of a form, as `sip-party-row` draws it: the account choice only on the
    /// start form, what the party may share only on the consent form.
    static func partyRow(_ n: Int, _ state: FormState, accounts: [(id: RecordID, name: String)]?, withShare: Bool) -> [String: Any] {
        let key = "party_\(n)"
        return [
            "n": n,
            "kinds": SIPPartyKind.allCases.map { ["value": $0.rawValue, "label": "\($0.label) (\($0.principal.label.lowercased()))", "selected": state.values["\(key)_kind"] == $0.rawValue] as [String: Any] },
            "kindName": "\(key)_kind", "kindError": state.errors["\(key)_kind"] ?? false,
            "accountName": accounts == nil ? false : "\(key)_account", "accountError": state.errors["\(key)_account"] ?? false,
            "accounts": (accounts ?? []).map { ["id": $0.id, "name": $0.name, "selected": state.values["\(key)_account"] == String($0.id)] as [String: Any] },
            "organisation": FormField("\(key)_organisation", "Verksamhet eller person", state).data,
            "contact": FormField("\(key)_contact", "Kontaktperson", state).data,
            "email": FormField("\(key)_email", "E-post (för kallelse och protokoll)", state).data,
            "share": withShare ? FormField("\(key)_share", "Vad parten får dela med de andra", state, long: true).data : false,
        ]
    }

    static func parties(_ values: [String: String], rows: Int, prefix: String = "party") -> [SIPPartyInput] {
        (1...rows).map { n in
            SIPPartyInput(kind: values["\(prefix)_\(n)_kind"] ?? "", organisation: values["\(prefix)_\(n)_organisation"] ?? "",
                          contactName: values["\(prefix)_\(n)_contact"] ?? "", contactEmail: values["\(prefix)_\(n)_email"] ?? "",
                          staffID: RecordID(values["\(prefix)_\(n)_account"] ?? ""))
        }
    }

    static func start(_ values: [String: String]) -> SIPStartInput {
        var input = SIPStartInput()
        input.raisedBy = values["raised_by"] ?? ""
        input.need = values["need"] ?? ""
        input.responsibleStaffID = RecordID(values["responsible"] ?? "")
        input.parties = parties(values, rows: partyRows)
        return input
    }

    static func consent(_ values: [String: String], parties: [SIPParty]) -> SIPConsentInput {
        var input = SIPConsentInput()
        input.giver = values["giver"] ?? ""
        input.givenBy = values["given_by"] ?? ""
        input.validFrom = values["valid_from"] ?? ""
        input.validTo = values["valid_to"] ?? ""
        for party in parties { input.shares[party.id] = values["share_\(party.id)"] ?? "" }
        input.newParties = Self.parties(values, rows: newPartyRows)
        input.newPartyShares = (1...newPartyRows).map { values["party_\($0)_share"] ?? "" }
        return input
    }

    static func meeting(_ values: [String: String], prefix: String = "") -> SIPMeetingInput {
        SIPMeetingInput(date: values["\(prefix)date"] ?? "", start: values["\(prefix)start"] ?? "", end: values["\(prefix)end"] ?? "", place: values["\(prefix)place"] ?? "")
    }

    static func protocolInput(_ values: [String: String], parties: [SIPParty]) -> SIPProtocolInput {
        var p = SIPProtocolInput()
        p.familyPresent = values["family_present"] ?? ""
        for party in parties {
            if values["present_\(party.id)"] != nil { p.present.insert(party.id) }
            p.roles[party.id] = values["role_\(party.id)"] ?? ""
            p.views[party.id] = values["view_\(party.id)"] ?? ""
        }
        p.worksWell = values["works_well"] ?? ""
        p.harder = values["harder"] ?? ""
        p.currentSupport = values["current_support"] ?? ""
        p.needs = values["needs"] ?? ""
        p.actions = (1...actionRows).map { n in
            .init(what: values["action_\(n)_what"] ?? "", partyID: values["action_\(n)_party"] ?? "", dueOn: values["action_\(n)_due_on"] ?? "")
        }
        p.familyOwn = values["family_own"] ?? ""
        p.summary = values["summary"] ?? ""
        p.childVoice = values["child_voice"] ?? ""
        p.childVoiceMissingReason = values["child_voice_missing"] ?? ""
        p.followUp = meeting(values, prefix: "follow_up_")
        // "done_<meeting>_<position>": an earlier action found done at this meeting.
        for key in values.keys where key.hasPrefix("done_") {
            let parts = key.dropFirst("done_".count).split(separator: "_")
            if parts.count == 2, let meetingID = RecordID(parts[0]), let position = Int(parts[1]) {
                p.actionsDone.insert(SIPActionRef(meetingID: meetingID, position: position))
            }
        }
        return p
    }
}
