import Testing
@testable import SamverkaCore

@Suite("Forums: an administrator keeps the members")
struct ForumMembershipTests {
    static func forum(_ members: [ForumMember]) -> Forum {
        ForumTemplate.shipped.first { $0.kind == .localCollaborationGroup }!.forum(id: 1, covers: "Norr", members: members)
    }

    static let chairA = ForumMember(staffID: 1, name: "Anna Ordförande", role: .chair, unitID: nil)
    static let chairB = ForumMember(staffID: 2, name: "Bo Ordförande", role: .chair, unitID: nil)
    static let member = ForumMember(staffID: 3, name: "Cia Ledamot", role: .member, unitID: nil)

    @Test("a person is added once, with a role; a third chair is refused by the field")
    func add() throws {
        let forum = Self.forum([Self.chairA, Self.member])
        let added = try ForumMembership.validateAdd(staffID: 9, role: "chair", to: forum).get()
        #expect(added.0 == 9 && added.1 == .chair)
        guard case .failure(let twice) = ForumMembership.validateAdd(staffID: 3, role: "member", to: forum) else { Issue.record("added twice"); return }
        #expect(twice["staff_id"] == "Cia Ledamot ingår redan i forumet (ledamot).")
        guard case .failure(let third) = ForumMembership.validateAdd(staffID: 9, role: "chair", to: Self.forum([Self.chairA, Self.chairB])) else { Issue.record("third chair"); return }
        #expect(third["member_role"] != nil)
        guard case .failure(let blank) = ForumMembership.validateAdd(staffID: nil, role: "", to: forum) else { Issue.record("blank"); return }
        #expect(blank["staff_id"] != nil && blank["member_role"] != nil)
    }

    @Test("the last chair cannot leave; a member or one of two chairs can")
    func remove() {
        #expect(ForumMembership.validateRemove(staffID: 1, from: Self.forum([Self.chairA, Self.member]))["member"]?.contains("enda ordförande") == true)
        #expect(ForumMembership.validateRemove(staffID: 1, from: Self.forum([Self.chairA, Self.chairB])).isEmpty)
        #expect(ForumMembership.validateRemove(staffID: 3, from: Self.forum([Self.chairA, Self.member])).isEmpty)
        #expect(ForumMembership.validateRemove(staffID: 8, from: Self.forum([Self.chairA]))["member"] != nil)
    }
}

@Suite("Forums: a member is invited in the role they hold")
struct ForumMemberParticipantTests {
    @Test("the roles held at the unit the member sits for; else all their roles; joint roles only: Övrig")
    func roles() {
        let rektor = Assignment(role: .principal, unitID: 10, unitKind: .school)
        let elsewhere = Assignment(role: .caseOfficer, unitID: 20, unitKind: .ifoInvestigation)
        let lsg = Assignment(role: .localCollaborationGroupMember, unitID: nil, unitKind: nil)
        let atSchool = ForumMember(staffID: 1, name: "Rut Rektor", role: .chair, unitID: 10)
        #expect(atSchool.participant(assignments: [rektor, elsewhere, lsg]).roles == [.principal])
        #expect(atSchool.participant(assignments: [elsewhere]).roles == [.caseOfficer])
        let unplaced = ForumMember(staffID: 2, name: "Sam Socialsekreterare", role: .member, unitID: nil)
        #expect(unplaced.participant(assignments: [elsewhere, rektor, elsewhere]).roles == [.caseOfficer, .principal])
        #expect(unplaced.participant(assignments: [lsg]).roles == [.other])
        #expect(unplaced.participant(assignments: []).roles == [.other])
        #expect(unplaced.participant(assignments: [rektor]).staffID == 2)
    }
}
