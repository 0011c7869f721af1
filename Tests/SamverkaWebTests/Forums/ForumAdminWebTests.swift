import Foundation
import HTTPTypes
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

@Suite("Web: the administrator keeps the forums and their members")
struct ForumAdminWebTests {
    @Test("an administrator sets up an LSG from its template, adds two chairs and a member; a third chair and the last chair's removal are refused by the field; nobody else gets the pages")
    func keepMembers() async throws {
        try await WebHarness.run { h, client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            let list = try await admin.get(SiteURL.adminForums.path)
            #expect(list.status == .ok)
            let csrf = try #require(list.csrf)
            let blank = try await admin.post(SiteURL.adminForums.path, ["_csrf": csrf, "template": "local-collaboration-group", "name": "LSG Öst", "covers": ""])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.body.contains("covers-error") && blank.body.contains("value=\"LSG Öst\""), "the message by the field, the name kept")
            let forums = try await h.count("forums")
            let created = try await admin.post(SiteURL.adminForums.path, ["_csrf": csrf, "template": ForumKind.localCollaborationGroup.rawValue, "name": "LSG Öst", "covers": "Östra området"])
            #expect(created.status == .seeOther)
            #expect(try await h.count("forums") == forums + 1)
            let page = try #require(created.location?.components(separatedBy: "?").first)
            let forumID = try #require(RecordID(page.split(separator: "/").last.map(String.init) ?? ""))

            let rektor = try await h.staffID("rektor.strand"), ifo = try await h.staffID("enhetschef"), mentor = try await h.staffID("mentor.strand")
            let add = SiteURL.adminForumMembers(.value(forumID)).path
            for (staff, role) in [(rektor, "chair"), (ifo, "chair"), (mentor, "member")] {
                #expect(try await admin.post(add, ["_csrf": csrf, "staff_id": String(staff), "member_role": role]).status == .seeOther)
            }
            let third = try await admin.post(add, ["_csrf": csrf, "staff_id": String(try await h.staffID("rektor.ekbacken")), "member_role": "chair"])
            #expect(third.status == .unprocessableContent && third.body.contains("member_role-error"))
            let shown = try await admin.get(page)
            #expect(shown.body.contains("Rolf Strandberg") && shown.body.contains("Eva Enhetsdotter") && shown.body.contains("Mira Mentorsdotter"))

            // One chair leaves; the other, now the last, cannot.
            #expect(try await admin.post(SiteURL.adminForumMemberRemove(.value(forumID), staff: .value(ifo)).path, ["_csrf": csrf]).status == .seeOther)
            let last = try await admin.post(SiteURL.adminForumMemberRemove(.value(forumID), staff: .value(rektor)).path, ["_csrf": csrf])
            #expect(last.status == .unprocessableContent && last.body.contains("enda ordförande"))
            let changes = try await h.auditRows(.init(staffID: try await h.staffID("admin"), action: .update)).filter { $0.recordType == AuditRecordType.forum.rawValue && $0.recordID == String(forumID) }
            #expect(changes.count == 4, "three added, one removed, each audited")

            // The new chair books the forum's meetings; a rektor is no administrator.
            let chair = Browser(client)
            try await chair.signIn("rektor.strand")
            #expect(try await chair.get(SiteURL.forumNewMeeting(.value(forumID)).path).status == .ok)
            #expect(try await chair.get(SiteURL.adminForums.path).status == .notFound)
            #expect(try await chair.post(add, ["_csrf": try await chair.csrf(), "staff_id": String(mentor), "member_role": "chair"]).status == .notFound)
        }
    }
}
