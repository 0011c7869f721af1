import Foundation
import Testing
@testable import SamverkaCore

/// Collaboration cases are need-to-know (owner and participants), and register extracts are
/// the log reviewer's: a table over roles and relations.
@Suite("Collaboration cases and register extracts in the access policy")
struct CollaborationAccessTests {
    typealias T = ConsentAccessTests
    static let child = ChildAccessFacts(childID: 5, unitIDs: [1], protectedIdentity: false)
    static let caseFacts = CollaborationCaseFacts(child: child, ownerID: 20, participantStaffIDs: [20, 21])

    static let owner = T.actor(.principal, T.school, id: 20)
    static let participant = T.actor(.familyTherapist, OrgUnit(id: 4, name: "IFO Familjebehandling", kind: .ifoTreatment), id: 21)
    static let colleague = T.actor(.teacher, T.school, id: 22)
    static let otherSchool = T.actor(.teacher, T.otherSchool, id: 23)
    static let reviewer = Actor(staffID: 30, displayName: "L", assignments: [Assignment(role: .logReviewer, unitID: nil, unitKind: nil)])
    static let admin = Actor(staffID: 31, displayName: "A", assignments: [Assignment(role: .systemAdministrator, unitID: nil, unitKind: nil)])

    static let cases: [T.Case] = [
        .init(name: "own-unit staff open a case", actor: colleague, request: .openCollaborationCase(child: child), allowed: true, code: "own-unit"),
        .init(name: "another school cannot open a case", actor: otherSchool, request: .openCollaborationCase(child: child), allowed: false, code: "other-unit"),
        .init(name: "the owner sees the case", actor: owner, request: .viewCollaborationCase(caseFacts), allowed: true, code: "process-owner"),
        .init(name: "a participant of the other side sees it", actor: participant, request: .viewCollaborationCase(caseFacts), allowed: true, code: "case-participant"),
        .init(name: "a colleague in the child's unit does not", actor: colleague, request: .viewCollaborationCase(caseFacts), allowed: false, code: "not-in-case"),
        .init(name: "another school does not", actor: otherSchool, request: .viewCollaborationCase(caseFacts), allowed: false, code: "not-in-case"),
        .init(name: "the administrator does not", actor: admin, request: .viewCollaborationCase(caseFacts), allowed: false, code: "no-child-role"),
        .init(name: "a participant books and writes minutes", actor: participant, request: .workInCollaborationCase(caseFacts), allowed: true, code: "case-participant"),
        .init(name: "only the owner hands over or closes", actor: participant, request: .manageCollaborationCase(caseFacts), allowed: false, code: "not-process-owner"),
        .init(name: "the owner manages", actor: owner, request: .manageCollaborationCase(caseFacts), allowed: true, code: "process-owner"),
        .init(name: "the log reviewer makes register extracts", actor: reviewer, request: .registerExtract, allowed: true, code: "log-reviewer"),
        .init(name: "a rektor does not", actor: owner, request: .registerExtract, allowed: false, code: "not-log-reviewer"),
        .init(name: "nor the administrator", actor: admin, request: .registerExtract, allowed: false, code: "not-log-reviewer"),
    ]

    @Test(arguments: cases) func decide(_ c: T.Case) {
        let decision = AccessPolicy.decide(c.actor, c.request)
        #expect(decision.isAllowed == c.allowed)
        #expect(decision.reason.code == c.code)
    }
}
