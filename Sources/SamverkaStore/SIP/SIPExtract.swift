import Foundation
import SQLKit
import SamverkaCore

/// The child's SIPs in a register extract: parties, every consent (replaced and withdrawn
/// ones too), the pre-meeting, meetings with their protocols, plan actions, reply slips and
/// the closure.
enum SIPExtract {
    typealias Field = RegisterExtract.Field
    typealias L = SIPExtractLabels

    static let sips = ExtractSection(tables: ["sips", "sip_parties", "sip_consents", "sip_consent_parties", "sip_steps", "sip_meetings", "sip_actions", "sip_reply_slips"]) { subject, db in
        var records: [RegisterExtract.Record] = []
        for record in try await SIPQueries.records(ids: try await SIPQueries.ids(childID: subject.childID, db).reversed(), db) {
            let sip = record.sip
            let id = sip.id
            let name: (RecordID) -> String = { sip.party($0)?.displayName ?? "–" }
            var fields = [Field(L.number, String(id)), Field(L.need, sip.need), Field(L.raisedBy, sip.raisedBy.label),
                          Field(L.opened, L.at(Stockholm.format(sip.openedAt), by: sip.openedBy.name)), Field(L.responsible, sip.responsible.name),
                          Field(L.parties, sip.parties.map { "\($0.displayName) (\($0.kind.label))" }.joined(separator: ", "))]
            for c in sip.consents {
                let shares = c.shares.sorted { $0.key < $1.key }.map { "\(name($0.key)): \($0.value)" }.joined(separator: "; ")
                var text = L.consent(c.id, giver: c.giver.label, givenBy: c.givenBy, from: c.validFrom, to: c.validTo, recordedBy: c.recordedBy.name, shares: shares)
                if let withdrawn = c.withdrawnAt { text += L.withdrawn(Stockholm.format(withdrawn)) }
                if let replaced = c.replacedBy { text += L.replacedBy(replaced) }
                fields.append(Field(L.consent, text))
            }
            fields += sip.steps.map { Field(L.preMeeting, "\($0.step.label), \(L.at(Stockholm.format($0.at), by: $0.by.name))\($0.note.map { ": \($0)" } ?? "")") }
            for meeting in sip.meetings {
                fields.append(Field(meeting.kind.label, "\(meeting.schedule.whenText), \(meeting.schedule.whereText)\(meeting.heldAt.map { L.held(Stockholm.format($0)) } ?? "")"))
                if let proto = sip.protocols[meeting.id] {
                    fields.append(Field(L.protocolNeeds, proto.needs))
                    fields += proto.actions.map { Field(L.action, L.action($0.what, responsible: name($0.partyID), dueOn: $0.dueOn, doneAt: $0.doneAt.map(Stockholm.format))) }
                    fields.append(Field(L.childVoice, proto.childVoice ?? L.childVoiceMissing(proto.childVoiceMissingReason)))
                }
                if let sent = sip.protocolSentOn[meeting.id] { fields.append(Field(L.protocolSent, sent.iso)) }
                if let slip = sip.replySlips[meeting.id] {
                    fields.append(Field(L.replySlip, "\(slip.receivedOn.iso), \(L.signed(slip.signed)), \(slip.agreement.label)\(slip.comment.map { ": \($0)" } ?? "")"))
                }
            }
            if let closure = sip.closure {
                fields.append(Field(L.closed, "\(L.at(Stockholm.format(closure.at), by: closure.by.name)): \(closure.reason.label)\(closure.note.map { ". \($0)" } ?? "")"))
            }
            records.append(RegisterExtract.Record(fields))
        }
        return .init(L.title, records)
    }
}
