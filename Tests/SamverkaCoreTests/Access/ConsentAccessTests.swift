import Foundation
import Testing
@testable import SamverkaCore

/// The secrecy barrier as a table (issue 4): roles, sides, units, consent states (none, in
/// force, expired, withdrawn, not yet valid, wrong category, wrong party), emergency access and
/// protected identity.
@Suite("Consent and the secrecy barrier")
struct ConsentAccessTests {
    static let school = OrgUnit(id: 1, name: "Skola A", kind: .school)
    static let otherSchool = OrgUnit(id: 2, name: "Skola B", kind: .school)
    static let investigation = OrgUnit(id: 3, name: "IFO Utredning", kind: .ifoInvestigation)
    static let now = Fx.at(2026, 11, 23, 10)

    static func actor(_ role: Role, _ unit: OrgUnit?, id: RecordID = 9) -> Actor {
        Actor(staffID: id, displayName: "P", assignments: [Assignment(role: role, unitID: unit?.id, unitKind: unit?.kind)])
    }

    static func consent(_ parties: Set<ConsentParty> = [.unit(1)], _ categories: Set<ConsentCategory> = [.investigationStatus, .outcome],
                        from: String = "2026-09-01", to: String = "2027-08-31", withdrawn: Date? = nil) -> ConsentFacts {
        ConsentFacts(consentID: 41, parties: parties, categories: categories, validFrom: Fx.day(from), validTo: Fx.day(to), withdrawnAt: withdrawn)
    }

    static func shared(_ category: ConsentCategory, _ consents: [ConsentFacts], at: Date = now) -> AccessRequest {
        .viewSharedInformation(SharedInformationFacts(childID: 5, category: category, consents: consents, asOf: at))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let actor: Actor
        let request: AccessRequest
        let allowed: Bool
        let code: String
        var testDescription: String { name }
    }

    static let teacher = actor(.teacher, school)
    static let principal = actor(.principal, school)
    static let caseOfficer = actor(.caseOfficer, investigation)
    static let childInSchool = ChildAccessFacts(childID: 5, unitIDs: [1], protectedIdentity: false)

    static let cases: [Case] = [
        // Social services' information reaching the school.
        .init(name: "no consent: the school sees nothing of the investigation", actor: teacher, request: shared(.investigationStatus, []), allowed: false, code: "no-consent"),
        .init(name: "consent in force naming the school: status shown", actor: teacher, request: shared(.investigationStatus, [consent()]), allowed: true, code: "consent"),
        .init(name: "consent in force: outcome shown to the principal", actor: principal, request: shared(.outcome, [consent()]), allowed: true, code: "consent"),
        .init(name: "wrong category: interventions not named", actor: teacher, request: shared(.schoolInterventions, [consent()]), allowed: false, code: "category-not-covered"),
        .init(name: "wrong party: another school", actor: actor(.teacher, otherSchool), request: shared(.investigationStatus, [consent()]), allowed: false, code: "not-a-party"),
        .init(name: "named staff member, not the unit", actor: actor(.teacher, otherSchool, id: 77), request: shared(.investigationStatus, [consent([.staff(77)])]), allowed: true, code: "consent"),
        .init(name: "an outside party named does not open it to the school", actor: teacher, request: shared(.investigationStatus, [consent([.external("BUP")])]), allowed: false, code: "not-a-party"),
        .init(name: "expired yesterday: access ends", actor: teacher, request: shared(.investigationStatus, [consent(to: "2026-11-22")]), allowed: false, code: "consent-expired"),
        .init(name: "last day of validity: still in force", actor: teacher, request: shared(.investigationStatus, [consent(to: "2026-11-23")]), allowed: true, code: "consent"),
        .init(name: "not yet valid", actor: teacher, request: shared(.investigationStatus, [consent(from: "2026-11-24")]), allowed: false, code: "consent-not-yet-valid"),
        .init(name: "withdrawn a minute ago: access ends at once", actor: teacher, request: shared(.investigationStatus, [consent(withdrawn: now.addingTimeInterval(-60))]), allowed: false, code: "consent-withdrawn"),
        .init(name: "withdrawal recorded for later: still in force now", actor: teacher, request: shared(.investigationStatus, [consent(withdrawn: now.addingTimeInterval(60))]), allowed: true, code: "consent"),
        .init(name: "a withdrawn consent beside one in force: the one in force counts", actor: teacher,
              request: shared(.investigationStatus, [consent(withdrawn: now.addingTimeInterval(-60)), consent()]), allowed: true, code: "consent"),
        .init(name: "social services' own information is not asked across the barrier", actor: caseOfficer, request: shared(.outcome, [consent([.unit(3)])]), allowed: false, code: "wrong-side"),
        .init(name: "administrator: no side", actor: actor(.systemAdministrator, nil), request: shared(.outcome, [consent()]), allowed: false, code: "wrong-side"),
        // The school's information reaching social services.
        .init(name: "school attendance to the named IFO unit", actor: caseOfficer, request: shared(.attendance, [consent([.unit(3)], [.attendance])]), allowed: true, code: "consent"),
        .init(name: "student health not named: refused", actor: caseOfficer, request: shared(.studentHealth, [consent([.unit(3)], [.attendance])]), allowed: false, code: "category-not-covered"),
        .init(name: "school information without consent: refused", actor: caseOfficer, request: shared(.schoolSituation, []), allowed: false, code: "no-consent"),
        // The child's record: need-to-know and emergency access.
        .init(name: "another school's teacher without anything: denied", actor: actor(.teacher, otherSchool), request: .viewChild(childInSchool), allowed: false, code: "other-unit"),
        .init(name: "consent party from another unit sees the child", actor: caseOfficer,
              request: .viewChild(ChildAccessFacts(childID: 5, unitIDs: [1], protectedIdentity: false, asOf: now, consents: [consent([.unit(3)])])), allowed: true, code: "consent-party"),
        .init(name: "withdrawn consent: the party no longer sees the child", actor: caseOfficer,
              request: .viewChild(ChildAccessFacts(childID: 5, unitIDs: [1], protectedIdentity: false, asOf: now, consents: [consent([.unit(3)], withdrawn: now)])), allowed: false, code: "other-unit"),
        .init(name: "emergency access in force", actor: actor(.teacher, otherSchool),
              request: .viewChild(ChildAccessFacts(childID: 5, unitIDs: [1], protectedIdentity: true, emergencyAccessUntil: now.addingTimeInterval(60), asOf: now)), allowed: true, code: "emergency-access"),
        .init(name: "emergency access ended", actor: actor(.teacher, otherSchool),
              request: .viewChild(ChildAccessFacts(childID: 5, unitIDs: [1], protectedIdentity: false, emergencyAccessUntil: now, asOf: now)), allowed: false, code: "other-unit"),
        .init(name: "administrator cannot take emergency access", actor: actor(.systemAdministrator, nil), request: .requestEmergencyAccess, allowed: false, code: "no-child-role"),
        .init(name: "a teacher can ask for emergency access", actor: teacher, request: .requestEmergencyAccess, allowed: true, code: "emergency-access"),
        // The consent registry itself.
        .init(name: "own school registers a consent", actor: principal, request: .registerConsent(child: childInSchool), allowed: true, code: "own-unit"),
        .init(name: "emergency access does not open the consent registry", actor: actor(.teacher, otherSchool),
              request: .registerConsent(child: ChildAccessFacts(childID: 5, unitIDs: [1], protectedIdentity: false, emergencyAccessUntil: now.addingTimeInterval(60), asOf: now)), allowed: false, code: "other-unit"),
        .init(name: "protected child in own unit: consents readable", actor: principal, request: .viewConsents(child: ChildAccessFacts(childID: 5, unitIDs: [1], protectedIdentity: true)), allowed: true, code: "own-unit"),
    ]

    @Test(arguments: cases)
    func decides(_ c: Case) {
        let decision = AccessPolicy.decide(c.actor, c.request)
        #expect(decision.isAllowed == c.allowed)
        #expect(decision.reason.code == c.code)
        #expect(!decision.reason.text.isEmpty)
    }

    @Test func refusalNamesTheSecrecyParagraph() {
        let decision = AccessPolicy.decide(Self.teacher, Self.shared(.outcome, []))
        #expect(decision.reason.text.contains(LegalReference.socialServicesSecrecy.current))
    }

    @Test func statusOverTime() {
        let c = Self.consent(from: "2026-11-01", to: "2026-12-31")
        #expect(c.status(at: Fx.at(2026, 10, 31, 23, 59)) == .notYetValid)
        #expect(c.status(at: Fx.at(2026, 11, 1, 0, 0)) == .inForce)
        #expect(c.status(at: Fx.at(2026, 12, 1, 12)) == .inForce)
        #expect(c.status(at: Fx.at(2026, 12, 2, 12)) == .expiringSoon)
        #expect(c.status(at: Fx.at(2026, 12, 31, 23, 59)) == .expiringSoon)
        #expect(c.status(at: Fx.at(2027, 1, 1, 0, 0)) == .expired)
    }
}
