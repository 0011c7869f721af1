import Foundation
import SQLKit
import SamverkaCore

/// The child's programme enrolments in a register extract: the nomination, the decisions,
/// the family's answer and consent, the documents with their plans, the notes and the closure.
/// The follow-up meetings are in the meetings' own sections.
enum ProgrammeExtract {
    typealias Field = RegisterExtract.Field

    static let enrolments = ExtractSection(tables: ["programme_enrolments", "programme_children", "programme_decisions", "programme_team",
                                                    "programme_documents", "programme_plan_actions", "programme_notes"]) { subject, db in
        var records: [RegisterExtract.Record] = []
        for record in try await ProgrammeQueries.records(ids: try await ProgrammeQueries.ids(childID: subject.childID, db).reversed(), db) {
            let e = record.enrolment
            let d = record.definition
            let n = e.nomination
            var fields = [Field("Program", d.name), Field("Familj nr", String(e.id)), Field("Skede", e.stage.label),
                          Field("Barn", e.children.map { "\($0.name) (\($0.level.label.lowercased()), \($0.role.label.lowercased()))" }.joined(separator: ", ")),
                          Field("Nominerad", "\(Stockholm.format(e.nominatedAt)) av \(e.nominatedBy.name), \(n.nominatedBy.label)"),
                          Field("Oro sedan", n.concernSince.iso), Field("Oro", n.concern), Field("Tidigare åtgärder", n.earlierMeasures),
                          Field("Behov", n.needsDescription), Field("Familjen ansökte", n.appliedOn?.iso)]
            if let r = e.referral { fields.append(Field("Initierad till styrgruppen", "\(r.on.iso) av \(r.principal.name) och \(r.caseOfficer.name)")) }
            fields += e.decisions.map { Field("Styrgruppen", "\($0.kind.label) \($0.date.iso) av \($0.decidedBy.name): \($0.reasons)") }
            if let response = e.familyResponse {
                fields.append(Field("Familjens svar", "\(response.accepted ? "Ja" : "Nej") \(response.respondedOn.iso), informerade: \(response.informedBy)"))
                if let c = response.consent {
                    var text = "\(c.givenBy), \(c.validFrom.iso)–\(c.validTo.iso), team: \(c.team.map { "\($0.name) (\($0.role.label))" }.joined(separator: ", ")). Får dela: \(c.mayShare)"
                    if let withdrawn = c.withdrawnAt { text += ". Återkallat \(Stockholm.format(withdrawn))" }
                    fields.append(Field("Samtycke", text))
                }
            }
            for doc in e.documents {
                let name = d.document(doc.key)?.name ?? doc.key
                let child = doc.childID.flatMap { id in e.children.first { $0.childID == id }?.name }.map { " (\($0))" } ?? ""
                fields.append(Field(name + child, "\(doc.writtenOn.iso) av \(doc.writtenBy.name): \(doc.summary)\(doc.anchoredOn.map { ". Förankrad \($0.iso) med \(doc.anchoredWith ?? "")" } ?? "")"))
                fields += doc.goals.map { Field("Mål", $0) }
                fields += doc.actions.map { Field("Åtgärd", "\($0.what), ansvarig \($0.responsible.name), senast \($0.dueOn.iso)\($0.doneOn.map { ", klar \($0.iso)" } ?? "")") }
            }
            if let grant = e.grant {
                fields.append(Field("Beslut om insats", "\(grant.date.iso) av \(grant.decidedBy.name): \(grant.reasons)\(ProgrammeGrantRules.legalBasisText(d).map { " (\($0))" } ?? "")"))
            }
            fields += e.notes.map { Field($0.kind.label(d), "\($0.heldOn.iso), \($0.participants). Fungerar: \($0.works). Fungerar inte: \($0.doesNotWork)") }
            if let c = e.closure {
                fields.append(Field("Avslut med familjen", "\(c.closingMeetingOn.iso): nuläge \(c.situationNow); mot målet: \(c.againstGoal). Erfarenheter: \(c.experiences.joined(separator: "; "))"))
                fields += outcomes(c.outcomes, e, "vid avslut")
            }
            if let f = e.followUp {
                fields.append(Field("Uppföljning efter avslut", "\(f.heldOn.iso): \(f.situation)\(f.furtherSupportNeeded ? ". Behov av ytterligare stöd" : "")"))
                fields += outcomes(f.outcomes, e, "vid uppföljning")
            }
            records.append(RegisterExtract.Record(fields))
        }
        return .init("Gemensamma program (till exempel Ragunda Trampolinen)", records)
    }

    static func outcomes(_ list: [ProgrammeOutcome], _ e: ProgrammeEnrolment, _ when: String) -> [Field] {
        list.map { o in Field("Utfall \(when)", "\(e.children.first { $0.childID == o.childID }?.name ?? ""): \(o.kind.label): \(o.answer.label)") }
    }
}
