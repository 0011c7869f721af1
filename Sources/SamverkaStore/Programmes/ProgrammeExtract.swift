import Foundation
import SQLKit
import SamverkaCore

/// The child's programme enrolments in a register extract: the nomination, the decisions,
/// the family's answer and consent, the documents with their plans, the notes and the closure.
/// The follow-up meetings are in the meetings' own sections.
enum ProgrammeExtract {
    typealias Field = RegisterExtract.Field
    typealias L = ProgrammeExtractLabels

    static let enrolments = ExtractSection(tables: ["programme_enrolments", "programme_children", "programme_decisions", "programme_team",
                                                    "programme_documents", "programme_plan_actions", "programme_notes"]) { subject, db in
        var records: [RegisterExtract.Record] = []
        for record in try await ProgrammeQueries.records(ids: try await ProgrammeQueries.ids(childID: subject.childID, db).reversed(), db) {
            let e = record.enrolment
            let d = record.definition
            let n = e.nomination
            var fields = [Field(L.programme, d.name), Field(L.family, String(e.id)), Field(L.stage, e.stage.label),
                          Field(L.children, e.children.map { "\($0.name) (\($0.level.label.lowercased()), \($0.role.label.lowercased()))" }.joined(separator: ", ")),
                          Field(L.nominated, "\(L.at(Stockholm.format(e.nominatedAt), by: e.nominatedBy.name)), \(n.nominatedBy.label)"),
                          Field(L.concernSince, n.concernSince.iso), Field(L.concern, n.concern), Field(L.earlierMeasures, n.earlierMeasures),
                          Field(L.needs, n.needsDescription), Field(L.applied, n.appliedOn?.iso)]
            if let r = e.referral { fields.append(Field(L.referred, L.referral(on: r.on, principal: r.principal.name, caseOfficer: r.caseOfficer.name))) }
            fields += e.decisions.map { Field(L.steeringGroup, "\($0.kind.label) \(L.at($0.date.iso, by: $0.decidedBy.name)): \($0.reasons)") }
            if let response = e.familyResponse {
                fields.append(Field(L.familyResponse, "\(L.yesNo(response.accepted)) \(response.respondedOn.iso), \(L.informedBy(response.informedBy))"))
                if let c = response.consent {
                    var text = L.consent(givenBy: c.givenBy, from: c.validFrom, to: c.validTo, team: c.team.map { "\($0.name) (\($0.role.label))" }.joined(separator: ", "), mayShare: c.mayShare)
                    if let withdrawn = c.withdrawnAt { text += L.withdrawn(Stockholm.format(withdrawn)) }
                    fields.append(Field(L.consent, text))
                }
            }
            for doc in e.documents {
                let name = d.document(doc.key)?.name ?? doc.key
                let child = doc.childID.flatMap { id in e.children.first { $0.childID == id }?.name }.map { " (\($0))" } ?? ""
                fields.append(Field(name + child, "\(L.at(doc.writtenOn.iso, by: doc.writtenBy.name)): \(doc.summary)\(doc.anchoredOn.map { L.anchored(on: $0, with: doc.anchoredWith) } ?? "")"))
                fields += doc.goals.map { Field(L.goal, $0) }
                fields += doc.actions.map { Field(L.action, L.action($0.what, responsible: $0.responsible.name, dueOn: $0.dueOn, doneOn: $0.doneOn)) }
            }
            if let grant = e.grant {
                fields.append(Field(L.grant, "\(L.at(grant.date.iso, by: grant.decidedBy.name)): \(grant.reasons)\(ProgrammeGrantRules.legalBasisText(d).map { " (\($0))" } ?? "")"))
            }
            fields += e.notes.map { Field($0.kind.label(d), "\($0.heldOn.iso), \(L.note(participants: $0.participants, works: $0.works, doesNotWork: $0.doesNotWork))") }
            if let c = e.closure {
                fields.append(Field(L.closure, "\(c.closingMeetingOn.iso): \(L.closure(situationNow: c.situationNow, againstGoal: c.againstGoal, experiences: c.experiences))"))
                fields += outcomes(c.outcomes, e, L.atClosure)
            }
            if let f = e.followUp {
                fields.append(Field(L.followUp, "\(f.heldOn.iso): \(f.situation)\(L.furtherSupport(f.furtherSupportNeeded))"))
                fields += outcomes(f.outcomes, e, L.atFollowUp)
            }
            records.append(RegisterExtract.Record(fields))
        }
        return .init(L.title, records)
    }

    static func outcomes(_ list: [ProgrammeOutcome], _ e: ProgrammeEnrolment, _ when: String) -> [Field] {
        list.map { o in Field(L.outcome(when), "\(e.children.first { $0.childID == o.childID }?.name ?? ""): \(o.kind.label): \(o.answer.label)") }
    }
}
