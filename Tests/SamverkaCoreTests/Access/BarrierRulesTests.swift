import Foundation
import Testing
@testable import SamverkaCore

/// Issue 14 in the policy: enrolment, whose registry entries a person sees, who records a
/// consent that releases a secret, which consents a person is shown, and own flags.
@Suite("The barrier in the policy: enrolment, registry sides, the holder of a secret")
struct BarrierRulesTests {
    static let school = OrgUnit(id: 1, name: "Skola A", kind: .school)
    static let otherSchool = OrgUnit(id: 2, name: "Skola B", kind: .school)
    static let intake = OrgUnit(id: 3, name: "IFO Mottagning", kind: .ifoIntake)
    static let now = Fx.at(2026, 11, 23, 10)

    static func actor(_ role: Role, _ unit: OrgUnit?, id: RecordID = 9) -> Actor {
        Actor(staffID: id, displayName: "P", assignments: [Assignment(role: role, unitID: unit?.id, unitKind: unit?.kind)])
    }

    static let inSchool = ChildAccessFacts(childID: 5, unitIDs: [1], protectedIdentity: false)
    static let inSchoolAndIntake = ChildAccessFacts(childID: 5, unitIDs: [1, 3], protectedIdentity: false)

    @Test(arguments: [
        (Role.principal, school, true), (.preschoolHead, school, true), (.teacher, school, false), (.schoolCounsellor, school, false),
        (.principal, otherSchool, false), (.intakeOfficer, intake, false),
    ])
    func enrolmentIsTheUnitHeadsAct(_ role: Role, _ unit: OrgUnit, _ allowed: Bool) {
        let decision = AccessPolicy.decide(Self.actor(role, unit), .enrolChild(unit: Self.school))
        #expect(decision.isAllowed == allowed)
        #expect(!decision.reason.text.isEmpty)
    }

    /// The enrolment form: the head of some school or preschool, or an administrator.
    @Test(arguments: [
        (Role.principal, school as OrgUnit?, true), (.preschoolHead, school, true), (.systemAdministrator, nil, true), (.teacher, school, false),
        (.intakeOfficer, intake, false), (.ifoHead, nil, false), (.logReviewer, nil, false),
    ])
    func enrolmentForm(_ role: Role, _ unit: OrgUnit?, _ allowed: Bool) {
        let decision = AccessPolicy.decide(Self.actor(role, unit), .enrolChild(unit: nil))
        #expect(decision.isAllowed == allowed)
        #expect(decision.reason.code == (allowed ? (role == .systemAdministrator ? "administrator-enrolment" : "unit-head-enrolment") : "not-unit-head"))
    }

    @Test func administratorsEnrolButNeverIntoAnIFOUnit() {
        #expect(AccessPolicy.decide(Self.actor(.systemAdministrator, nil), .enrolChild(unit: Self.otherSchool)).reason.code == "administrator-enrolment")
        #expect(AccessPolicy.decide(Self.actor(.systemAdministrator, nil), .enrolChild(unit: Self.intake)).reason.code == "not-enrolment-unit")
        #expect(!AccessPolicy.decide(Self.actor(.logReviewer, nil), .enrolChild(unit: Self.school)).isAllowed)
    }

    @Test func eachSideSeesItsOwnRegistryEntries() {
        let teacher = Self.actor(.teacher, Self.school), intake = Self.actor(.intakeOfficer, Self.intake)
        let allowTeacher = AccessPolicy.decide(teacher, .viewChild(Self.inSchoolAndIntake))
        #expect(RegistryAccess.visibleSides(teacher, Self.inSchoolAndIntake, decision: allowTeacher) == [.school])
        let allowIntake = AccessPolicy.decide(intake, .viewChild(Self.inSchoolAndIntake))
        #expect(RegistryAccess.visibleSides(intake, Self.inSchoolAndIntake, decision: allowIntake) == [.social])
        // A refusal sees nothing; a consent party sees no registry entries at all.
        #expect(RegistryAccess.visibleSides(intake, Self.inSchool, decision: AccessPolicy.decide(intake, .viewChild(Self.inSchool))).isEmpty)
        let consent = ConsentFacts(consentID: 1, parties: [.unit(2)], categories: [.attendance], validFrom: Fx.day("2026-01-01"), validTo: Fx.day("2027-01-01"))
        let party = ChildAccessFacts(childID: 5, unitIDs: [1], protectedIdentity: false, asOf: Self.now, consents: [consent])
        let other = Self.actor(.teacher, Self.otherSchool)
        let partyDecision = AccessPolicy.decide(other, .viewChild(party))
        #expect(partyDecision.reason.code == "consent-party")
        #expect(RegistryAccess.visibleSides(other, party, decision: partyDecision).isEmpty)
        // Emergency access shows the person's own side's entries.
        let emergency = ChildAccessFacts(childID: 5, unitIDs: [1], protectedIdentity: false, emergencyAccessUntil: Self.now.addingTimeInterval(60), asOf: Self.now)
        #expect(RegistryAccess.visibleSides(intake, emergency, decision: AccessPolicy.decide(intake, .viewChild(emergency))) == [.social])
    }

    @Test func registrationAndEntriesAreRecordedUnderTheirSide() {
        #expect(RegistryAccess.registeringSide(Self.actor(.teacher, Self.school)) == .school)
        #expect(RegistryAccess.registeringSide(Self.actor(.caseOfficer, Self.intake)) == .social)
        #expect(RegistryAccess.registeringSide(Self.actor(.systemAdministrator, nil)) == nil)
        let both = Actor(staffID: 9, displayName: "P", assignments: [Assignment(role: .teacher, unitID: 1, unitKind: .school), Assignment(role: .intakeOfficer, unitID: 3, unitKind: .ifoIntake)])
        #expect(RegistryAccess.entrySide(both, Self.inSchoolAndIntake) == .social)
        #expect(RegistryAccess.entrySide(both, Self.inSchool) == .school)
    }

    @Test func onlyTheHolderOfASecretRecordsTheConsentThatReleasesIt() {
        let teacher = Self.actor(.teacher, Self.school), intake = Self.actor(.intakeOfficer, Self.intake)
        let opening = AccessPolicy.decide(teacher, .registerConsent(child: Self.inSchoolAndIntake, releasing: [.attendance, .investigationStatus]))
        #expect(opening.reason.code == "not-holder")
        #expect(opening.reason.text.contains("socialtjänsten"))
        #expect(AccessPolicy.decide(teacher, .registerConsent(child: Self.inSchoolAndIntake, releasing: [.attendance, .studentHealth])).isAllowed)
        #expect(AccessPolicy.decide(intake, .registerConsent(child: Self.inSchoolAndIntake, releasing: [.investigationStatus, .outcome])).isAllowed)
        #expect(AccessPolicy.decide(intake, .registerConsent(child: Self.inSchoolAndIntake, releasing: [.studentHealth])).reason.code == "not-holder")
        // Keeping the registry (the form, a withdrawal) needs the child in one's own unit only.
        #expect(AccessPolicy.decide(teacher, .registerConsent(child: Self.inSchoolAndIntake)).isAllowed)
        #expect(!AccessPolicy.decide(Self.actor(.teacher, Self.otherSchool), .registerConsent(child: Self.inSchool, releasing: [.attendance])).isAllowed)
    }

    @Test func aConsentIsListedToItsSideAndItsParties() {
        let teacher = Self.actor(.teacher, Self.school)
        let toTreatment = ConsentFacts(consentID: 1, parties: [.unit(40)], categories: [.schoolInterventions], validFrom: Fx.day("2026-01-01"), validTo: Fx.day("2027-01-01"))
        #expect(!ConsentAccess.listsConsent(teacher, Self.inSchoolAndIntake, holder: .social, consent: toTreatment))
        #expect(ConsentAccess.listsConsent(teacher, Self.inSchoolAndIntake, holder: .school, consent: toTreatment))
        var toSchool = toTreatment
        toSchool.parties = [.unit(1)]
        #expect(ConsentAccess.listsConsent(teacher, Self.inSchoolAndIntake, holder: .social, consent: toSchool))
    }

    @Test func aReviewerNeverJudgesAFlagOnHerself() {
        let reviewer = Self.actor(.logReviewer, nil, id: 7)
        #expect(AccessPolicy.decide(reviewer, .resolveReviewFlag(raisedOn: 7)).reason.code == "own-flag")
        #expect(AccessPolicy.decide(reviewer, .resolveReviewFlag(raisedOn: 8)).isAllowed)
        #expect(AccessPolicy.decide(reviewer, .resolveReviewFlag(raisedOn: nil)).isAllowed)
        #expect(!AccessPolicy.decide(Self.actor(.teacher, Self.school, id: 8), .resolveReviewFlag(raisedOn: 7)).isAllowed)
    }

    @Test func anOpenAcuteReportSilencesTheGuardiansUntilSocialServicesLiftsIt() {
        typealias R = GuardianNoticeRules.ReportFacts
        #expect(GuardianNoticeRules.guardiansMustNotBeTold([R(isAcute: true, preAssessment: nil, liftedAt: nil)]))
        #expect(GuardianNoticeRules.guardiansMustNotBeTold([R(isAcute: true, preAssessment: .openInvestigation, liftedAt: nil)]))
        #expect(!GuardianNoticeRules.guardiansMustNotBeTold([R(isAcute: true, preAssessment: nil, liftedAt: Self.now)]))
        #expect(!GuardianNoticeRules.guardiansMustNotBeTold([R(isAcute: true, preAssessment: .notOpened, liftedAt: nil)]))
        #expect(!GuardianNoticeRules.guardiansMustNotBeTold([R(isAcute: false, preAssessment: nil, liftedAt: nil)]))
        var errors = FieldErrors()
        _ = GuardianNoticeRules.validateLift(reason: "kort", into: &errors)
        #expect(errors["lift_reason"] != nil)
    }

    @Test func noJointReportMeetingWhileTheGuardiansMustNotBeTold() {
        var input = MeetingBookingInput()
        input.date = "2026-12-03"
        input.startTime = "13:00"
        input.endTime = "14:00"
        input.place = "Skolan"
        input.participants = [Participant(name: "Gun", roles: [.guardian]), Participant(name: "Rut", roles: [.principal], staffID: 10, unitID: 1),
                              Participant(name: "Sara", roles: [.caseOfficer], staffID: 11, unitID: 3)]
        let silenced = MeetingBookingContext(type: .jointReportMeeting, now: Self.now, childBirthDate: Fx.day("2015-03-12"), consents: [], guardiansMustNotBeTold: true)
        guard case .failure(let errors) = MeetingBookingRules.validate(input, silenced) else { Issue.record("booked"); return }
        #expect(errors["type"] == GuardianNoticeRules.refusal)
        var lifted = silenced
        lifted.guardiansMustNotBeTold = false
        #expect((try? MeetingBookingRules.validate(input, lifted).get()) != nil)
        // Other meetings are not stopped by it.
        var other = silenced
        other.type = .bbicMeeting
        if case .failure(let e) = MeetingBookingRules.validate(input, other) { #expect(e["type"] == nil) }
    }

    @Test func everyAuditRecordTypeHasASwedishNameAndUnknownOnesAreNamedAsSuch() {
        #expect(AuditRecordType.allCases.allSatisfy { !$0.label.isEmpty && $0.label != $0.rawValue })
        #expect(Set(AuditRecordType.allCases.map(\.label)).count == AuditRecordType.allCases.count)
        #expect(AuditRecordType.label("child") == "Barn" && AuditRecordType.label("unknown-thing") == "Annan uppgift")
    }

    @Test func aProtectedChildsRelativesAreNamedNowhereInTheExtract() {
        let sections = [RegisterExtract.Section("Åtkomster", [RegisterExtract.Record([.init("Anledning", "Kallelse till Anna Nyström och Bo Nyström"), .init("Namn", "Elsa Nyström")])])]
        let withheld = RegisterExtract.withholding(["Anna Nyström", "Bo Nyström", " "], in: sections)
        let values = withheld[0].records[0].fields.map(\.value)
        #expect(!values[0].contains("Anna") && !values[0].contains("Bo Nyström"))
        #expect(values[1] == "Elsa Nyström")
    }
}
