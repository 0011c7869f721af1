import Testing
@testable import SamverkaCore

@Suite("Access policy v1")
struct AccessPolicyTests {
    static let schoolA = OrgUnit(id: 1, name: "Skola A", kind: .school)
    static let schoolB = OrgUnit(id: 2, name: "Skola B", kind: .school)
    static let intake = OrgUnit(id: 3, name: "IFO Mottagning", kind: .ifoIntake)

    static func actor(_ assignments: [(Role, OrgUnit?)], active: Bool = true) -> Actor {
        Actor(staffID: 9, displayName: "P", active: active, assignments: assignments.map { Assignment(role: $0.0, unitID: $0.1?.id, unitKind: $0.1?.kind) })
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let actor: Actor
        let request: AccessRequest
        let allowed: Bool
        let code: String
        var testDescription: String { name }
    }

    static let childInA = ChildAccessFacts(childID: 1, unitIDs: [1], protectedIdentity: false)
    static let protectedInA = ChildAccessFacts(childID: 2, unitIDs: [1], protectedIdentity: true)
    static let childInAAndIntake = ChildAccessFacts(childID: 3, unitIDs: [1, 3], protectedIdentity: false)

    static let cases: [Case] = [
        .init(name: "teacher sees a child of own school", actor: actor([(.teacher, schoolA)]), request: .viewChild(childInA), allowed: true, code: "own-unit"),
        .init(name: "teacher of another school is denied", actor: actor([(.teacher, schoolB)]), request: .viewChild(childInA), allowed: false, code: "other-unit"),
        .init(name: "protected child, own unit: allowed (and noted)", actor: actor([(.principal, schoolA)]), request: .viewChild(protectedInA), allowed: true, code: "own-unit"),
        .init(name: "intake sees a child registered to intake", actor: actor([(.intakeOfficer, intake)]), request: .viewChild(childInAAndIntake), allowed: true, code: "own-unit"),
        .init(name: "intake does not see a school-only child", actor: actor([(.intakeOfficer, intake)]), request: .viewChild(childInA), allowed: false, code: "other-unit"),
        .init(name: "administrator never browses children", actor: actor([(.systemAdministrator, nil)]), request: .viewChild(childInA), allowed: false, code: "administrator-no-children"),
        .init(name: "administrator cannot search children", actor: actor([(.systemAdministrator, nil)]), request: .searchChildren, allowed: false, code: "administrator-no-children"),
        .init(name: "log reviewer does not browse children", actor: actor([(.logReviewer, nil)]), request: .viewChild(childInA), allowed: false, code: "no-child-role"),
        .init(name: "deactivated account is denied everything", actor: actor([(.teacher, schoolA)], active: false), request: .viewChild(childInA), allowed: false, code: "inactive"),
        .init(name: "teacher updates a child of own school", actor: actor([(.teacher, schoolA)]), request: .updateChild(childInA), allowed: true, code: "own-unit"),
        .init(name: "teacher may not update another school's child", actor: actor([(.teacher, schoolB)]), request: .updateChild(childInA), allowed: false, code: "other-unit"),
        .init(name: "teacher registers into own school", actor: actor([(.teacher, schoolA)]), request: .registerChild(enrolmentUnit: schoolA), allowed: true, code: "own-unit"),
        .init(name: "teacher may not register into another school", actor: actor([(.teacher, schoolA)]), request: .registerChild(enrolmentUnit: schoolB), allowed: false, code: "other-unit"),
        .init(name: "teacher must name a school", actor: actor([(.teacher, schoolA)]), request: .registerChild(enrolmentUnit: nil), allowed: false, code: "enrolment-required"),
        .init(name: "intake registers into any school", actor: actor([(.intakeOfficer, intake)]), request: .registerChild(enrolmentUnit: schoolB), allowed: true, code: "social-registration"),
        .init(name: "intake registers without a school", actor: actor([(.intakeOfficer, intake)]), request: .registerChild(enrolmentUnit: nil), allowed: true, code: "social-registration"),
        .init(name: "an IFO unit is no enrolment", actor: actor([(.intakeOfficer, intake)]), request: .registerChild(enrolmentUnit: intake), allowed: false, code: "not-enrolment-unit"),
        .init(name: "administrator manages organisation", actor: actor([(.systemAdministrator, nil)]), request: .manageOrganisation, allowed: true, code: "administrator"),
        .init(name: "principal does not manage organisation", actor: actor([(.principal, schoolA)]), request: .manageOrganisation, allowed: false, code: "not-administrator"),
        .init(name: "log reviewer reads the log", actor: actor([(.logReviewer, nil)]), request: .reviewAuditLog, allowed: true, code: "log-reviewer"),
        .init(name: "administrator does not read the log", actor: actor([(.systemAdministrator, nil)]), request: .reviewAuditLog, allowed: false, code: "not-log-reviewer"),
        .init(name: "a school person searches own units", actor: actor([(.schoolNurse, schoolA)]), request: .searchChildren, allowed: true, code: "own-units"),
    ]

    @Test(arguments: cases)
    func decide(_ c: Case) {
        let decision = AccessPolicy.decide(c.actor, c.request)
        #expect(decision.isAllowed == c.allowed)
        #expect(decision.reason.code == c.code)
        #expect(!decision.reason.text.isEmpty)
    }

    @Test func rolesFitUnits() {
        #expect(Role.teacher.fits(unitKind: .school))
        #expect(!Role.teacher.fits(unitKind: .ifoIntake))
        #expect(!Role.caseOfficer.fits(unitKind: .preschool))
        #expect(Role.logReviewer.fits(unitKind: nil))
        #expect(!Role.teacher.fits(unitKind: nil))
    }

    @Test func everyLegalReferenceHasATopicAndParagraph() {
        for reference in LegalReference.allCases {
            #expect(!reference.topic.isEmpty && !reference.current.isEmpty)
        }
        #expect(LegalReference.dutyToReport.current == "SoL (2025:400) 19 kap. 1 §")
        #expect(LegalReference.dutyToReport.previous == "SoL (2001:453) 14 kap. 1 §")
    }
}

@Suite("Name search and input rules")
struct NameSearchTests {
    static let today = SimpleDate(year: 2026, month: 11, day: 23)!

    @Test func tokens() {
        #expect(NameSearch.tokens("Anna-Karin", "Öberg Lund") == ["anna", "karin", "öberg", "lund"])
    }

    @Test func queries() {
        #expect(NameSearch.parse("  ", today: Self.today) == .empty)
        #expect(NameSearch.parse("a", today: Self.today) == .tooShort)
        #expect(NameSearch.parse("Öberg an", today: Self.today) == .words(["öberg", "an"]))
        #expect(NameSearch.parse("20150312", today: Self.today) == .numberPrefix("20150312"))
        #expect(NameSearch.parse("150312", today: Self.today) == .numberPrefix("20150312"))
        #expect(NameSearch.parse("1234", today: Self.today) == .tooShort)
        if case .identityNumber(let number) = NameSearch.parse("150312-9825", today: Self.today) {
            #expect(number.digits == "201503129825")
        } else {
            Issue.record("a full number is an identity number query")
        }
    }

    @Test func passwordRules() {
        #expect(PasswordRules.problem(password: "kort", username: "anna") != nil)
        #expect(PasswordRules.problem(password: "anna-har-ett-langt", username: "anna") != nil)
        #expect(PasswordRules.problem(password: "lång nog fras 2026", username: "anna") == nil)
    }

    @Test func throttleAndSessions() {
        let throttle = SignInThrottle(window: 900, maxFailuresPerAccount: 5, maxFailuresPerAddress: 20)
        #expect(throttle.verdict(recentAccountFailures: 4, recentAddressFailures: 19) == .allowed)
        #expect(throttle.verdict(recentAccountFailures: 5, recentAddressFailures: 0) == .accountLocked)
        #expect(throttle.verdict(recentAccountFailures: 0, recentAddressFailures: 20) == .addressLocked)
        let rules = SessionRules(idleTimeout: 1800, touchInterval: 60, absoluteLifetime: 43200)
        let start = Date(timeIntervalSince1970: 0)
        #expect(!rules.isExpired(createdAt: start, lastSeenAt: start, now: start + 1800))
        #expect(rules.isExpired(createdAt: start, lastSeenAt: start, now: start + 1801))
        #expect(rules.isExpired(createdAt: start, lastSeenAt: start + 43000, now: start + 43201))
    }

    @Test func postalCodes() {
        var errors = FieldErrors()
        #expect(PostalAddress.validate(street: "", postalCode: "12345", city: "", into: &errors).postalCode == "123 45")
        _ = PostalAddress.validate(street: "", postalCode: "1234", city: "", into: &errors)
        #expect(errors["postal_code"] != nil)
    }
}

import Foundation
