import Foundation
import SQLKit
import SamverkaCore

extension StoreModule {
    /// Referrals to the student health team, Steg 1 (issue 19 point 5).
    static let studentHealth = StoreModule(
        name: "Elevhälsa",
        migrations: [Migrations.studentHealth],
        recordTypes: [.ehtReferral],
        extract: [StudentHealthExtract.referrals],
        workList: [StudentHealthWorkList.referrals],
        connected: [.ehtReferrals])
}

extension ConnectedClause {
    /// The person sent, reflected on or decided a referral about the child, or sits in the
    /// team it went to.
    public static let ehtReferrals = ConnectedClause(name: "eht-referrals", sql: """
        EXISTS (SELECT 1 FROM eht_referrals r WHERE r.child_id = pair.child_id AND (r.sent_by = pair.staff_id OR r.decided_by = pair.staff_id
                OR EXISTS (SELECT 1 FROM eht_reflections x WHERE x.referral_id = r.id AND x.staff_id = pair.staff_id)
                OR EXISTS (SELECT 1 FROM forum_members fm WHERE fm.forum_id = r.forum_id AND fm.member_staff_id = pair.staff_id)))
        """)
}

/// A child's referrals in a register extract: what the mentor wrote, the team's
/// reflections and the rektor's decision.
enum StudentHealthExtract {
    typealias L = StudentHealthExtractLabels
    typealias Field = RegisterExtract.Field

    static let referrals = ExtractSection(tables: ["eht_referrals", "eht_reflections"]) { subject, db in
        let records = try await StudentHealthQueries.referrals(childID: subject.childID, db).reversed().map { r -> RegisterExtract.Record in
            var fields = [Field(L.number, String(r.id)), Field(L.team, r.forumName), Field(L.sent, L.at(Stockholm.format(r.sentAt), by: r.sentByName)),
                          Field(L.situation, r.situation), Field(L.adaptations, r.adaptations)]
            fields += r.reflections.map { Field(L.reflection, "\(L.at(Stockholm.format($0.at), by: $0.name)): \($0.text)") }
            if let d = r.decision {
                fields.append(Field(L.decision, L.decided(d.outcome.label, on: d.record.date.iso, by: d.record.decidedByName)))
                fields.append(Field(L.reasons, d.record.reasons))
            }
            return RegisterExtract.Record(fields)
        }
        return RegisterExtract.Section(L.title, records)
    }
}

/// Undecided referrals on the lists of the team's members and of the rektor who decides;
/// no clock of the routine's own, so each is a line without a day.
enum StudentHealthWorkList {
    static let referrals = WorkListSource(clocks: []) { request, db in
        var part = WorkListPart()
        let actor = request.actor
        let teams = try await ForumQueries.forums(ids: try await ForumQueries.forumIDs(memberStaffID: actor.staffID, db), db).filter { EHTTeam.kinds.contains($0.kind) }
        let headed = Set(actor.assignments.filter { $0.role == .principal || $0.role == .preschoolHead }.compactMap(\.unitID))
        var seen = Set<RecordID>()
        let found = try await StudentHealthQueries.referrals(forumIDs: teams.map(\.id), undecidedOnly: true, db) + (try await StudentHealthQueries.undecided(unitIDs: headed, db))
        var forums = Dictionary(uniqueKeysWithValues: teams.map { ($0.id, $0) })
        for referral in found where seen.insert(referral.id).inserted {
            if forums[referral.forumID] == nil, let forum = try await ForumQueries.forum(id: referral.forumID, db) { forums[forum.id] = forum }
            let facts = StudentHealthService.facts(referral, team: forums[referral.forumID])
            guard AccessPolicy.allows(actor, .viewEHTReferral(facts)) else { continue }
            let decides = AccessPolicy.allows(actor, .decideEHTReferral(facts))
            part.items.append(WorkItem(.ehtReferral(id: referral.id, stage: referral.stage, decides: decides), childName: referral.childName, deadline: nil, now: request.now))
        }
        return part
    }
}
