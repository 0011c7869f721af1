import Foundation
import SQLKit
import SamverkaCore

/// The child's SIPs in a register extract: parties, every consent (replaced and withdrawn
/// ones too), the pre-meeting, meetings with their protocols, plan actions, reply slips and
/// the closure.
enum SIPExtract {
    typealias Field = RegisterExtract.Field

    static let sips = ExtractSection(tables: ["sips", "sip_parties", "sip_consents", "sip_consent_parties", "sip_steps", "sip_meetings", "sip_actions", "sip_reply_slips"]) { subject, db in
        var records: [RegisterExtract.Record] = []
        for record in try await SIPQueries.records(ids: try await SIPQueries.ids(childID: subject.childID, db).reversed(), db) {
            let sip = record.sip
            let id = sip.id
            let name: (RecordID) -> String = { sip.party($0)?.displayName ?? "–" }
            var fields = [Field("SIP nr", String(id)), Field("Behov", sip.need), Field("Behovet sågs av", sip.raisedBy.label),
                          Field("Öppnad", "\(Stockholm.format(sip.openedAt)) av \(sip.openedBy.name)"), Field("SIP-ansvarig", sip.responsible.name),
                          Field("Parter", sip.parties.map { "\($0.displayName) (\($0.kind.label))" }.joined(separator: ", "))]
            for c in sip.consents {
                let shares = c.shares.sorted { $0.key < $1.key }.map { "\(name($0.key)): \($0.value)" }.joined(separator: "; ")
                var text = "nr \(c.id), \(c.giver.label) (\(c.givenBy)), \(c.validFrom.iso)–\(c.validTo.iso), registrerat av \(c.recordedBy.name). Får dela: \(shares)"
                if let withdrawn = c.withdrawnAt { text += ". Återkallat \(Stockholm.format(withdrawn))" }
                if let replaced = c.replacedBy { text += ". Ersatt av nr \(replaced)" }
                fields.append(Field("Samtycke", text))
            }
            fields += sip.steps.map { Field("Förmöte", "\($0.step.label), \(Stockholm.format($0.at)) av \($0.by.name)\($0.note.map { ": \($0)" } ?? "")") }
            for meeting in sip.meetings {
                fields.append(Field(meeting.kind.label, "\(meeting.schedule.whenText), \(meeting.schedule.whereText)\(meeting.heldAt.map { ", hållet \(Stockholm.format($0))" } ?? "")"))
                if let proto = sip.protocols[meeting.id] {
                    fields.append(Field("Behov (protokoll)", proto.needs))
                    fields += proto.actions.map { Field("Åtgärd", "\($0.what), ansvarig \(name($0.partyID)), senast \($0.dueOn.iso)\($0.doneAt.map { ", klar \(Stockholm.format($0))" } ?? "")") }
                    fields.append(Field("Barnets röst", proto.childVoice ?? "Saknas: \(proto.childVoiceMissingReason ?? "")"))
                }
                if let sent = sip.protocolSentOn[meeting.id] { fields.append(Field("Protokoll skickat till vårdnadshavarna", sent.iso)) }
                if let slip = sip.replySlips[meeting.id] {
                    fields.append(Field("Svarstalong", "\(slip.receivedOn.iso), \(slip.signed ? "underskriven" : "ej underskriven"), \(slip.agreement.label)\(slip.comment.map { ": \($0)" } ?? "")"))
                }
            }
            if let closure = sip.closure {
                fields.append(Field("Avslutad", "\(Stockholm.format(closure.at)) av \(closure.by.name): \(closure.reason.label)\(closure.note.map { ". \($0)" } ?? "")"))
            }
            records.append(RegisterExtract.Record(fields))
        }
        return .init("SIP (samordnad individuell plan)", records)
    }
}
