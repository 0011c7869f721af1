import Foundation
import SQLKit
import SamverkaCore

extension StoreModule {
    /// Forums, the yearly cycle (årshjul) and the action plan (issue 19).
    static let forums = StoreModule(
        name: "Forum och årshjul",
        migrations: [Migrations.forums],
        recordTypes: [.forum, .forumAgendaItem, .yearlyCycle, .actionPlan],
        extract: [ForumExtract.agendaItems],
        workList: [ForumWorkList.clocks],
        statistics: [ForumStatistics.meetings],
        connected: [.forums])
}

extension ConnectedClause {
    /// The person brought an item about the child to a forum's agenda, or sits in the forum
    /// whose meeting took it up.
    public static let forums = ConnectedClause(name: "forums", sql: """
        EXISTS (SELECT 1 FROM forum_agenda_items i WHERE i.child_id = pair.child_id AND (i.added_by = pair.staff_id
                OR EXISTS (SELECT 1 FROM forum_members fm WHERE fm.forum_id = i.forum_id AND fm.member_staff_id = pair.staff_id)))
        """)
}

/// A child's items on forums' agendas in a register extract (the meetings are in the meetings' sections).
enum ForumExtract {
    typealias L = ForumExtractLabels

    static let agendaItems = ExtractSection(tables: ["forum_agenda_items"]) { subject, db in
        var records: [RegisterExtract.Record] = []
        for item in try await ForumQueries.agendaItems(childID: subject.childID, db) {
            let forum = try await db.raw("SELECT f.name FROM forums f JOIN forum_agenda_items i ON i.forum_id = f.id WHERE i.id = \(bind: item.id)").first().map { try $0.string("name") }
            records.append(RegisterExtract.Record([
                .init(L.forum, forum), .init(L.meetingNumber, String(item.meetingID)), .init(L.item, item.title), .init(L.description, item.text),
                .init(L.consentNumbers, item.consentIDs.map(String.init).joined(separator: ", ")), .init(L.added, L.at(Stockholm.format(item.addedAt), by: item.addedByName)),
            ]))
        }
        return RegisterExtract.Section(L.title, records)
    }
}
