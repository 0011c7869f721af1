import Foundation
import Testing
@testable import SamverkaCore

/// Issue 19 points 5–7 in Core: the Steg 1 referral's rules (no referral without the
/// adaptations already made; a decision needs its reasons), who reads and decides it
/// (elevhälsans sekretess, OSL 23:2), the team a pupil's referral goes to, and the
/// directory's and the responsibilities' rules and shipped texts.
@Suite("Student health referrals (Steg 1), the directory of help, the responsibilities")
struct StudentHealthRulesTests {
    static let school: RecordID = 10
    static let otherSchool: RecordID = 11
    static let today = SimpleDate(year: 2026, month: 11, day: 18)!
    static let sentAt = Stockholm.startOfDay(SimpleDate(year: 2026, month: 11, day: 10)!).addingTimeInterval(9 * 3600)

    static func actor(_ id: RecordID, _ role: Role, unit: RecordID?) -> Actor {
        Actor(staffID: id, displayName: "Person \(id)", assignments: [Assignment(role: role, unitID: unit, unitKind: unit == nil ? nil : .school)])
    }
    static let rektor = actor(1, .principal, unit: school)
    static let kurator = actor(2, .schoolCounsellor, unit: school)
    static let mentor = actor(3, .teacher, unit: school)
    static let otherRektor = actor(4, .principal, unit: otherSchool)
    static let otherTeacher = actor(5, .teacher, unit: otherSchool)
    static let caseOfficer = actor(6, .caseOfficer, unit: 30)

    static let team = ForumTemplate.shipped(.studentHealthTeam).forum(id: 7, covers: "Skola A", members: [
        ForumMember(staffID: 1, name: "Rektor", role: .chair, unitID: school), ForumMember(staffID: 2, name: "Kurator", role: .member, unitID: school),
    ])
    static let facts = EHTReferralAccessFacts(referralID: 5, unitID: school, teamMemberIDs: Set(team.members.map(\.staffID)))
    static let referral = EHTReferral(id: 5, childID: 99, childName: "Elev", unitID: school, forumID: 7, forumName: team.name, sentBy: 3, sentByName: "Mentor",
                                      sentAt: sentAt, situation: "Svårt att komma igång", adaptations: "Checklista på bänken")

    @Test("a referral without the adaptations already made is refused with the message by the adaptations field")
    func adaptationsRequired() {
        for missing in ["", "   \n "] {
            guard case .failure(let errors) = EHTReferralRules.validate(EHTReferralInput(situation: "Eleven lämnar klassrummet", adaptations: missing)) else {
                Issue.record("a referral without adaptations was accepted"); continue
            }
            #expect(errors.fields == ["adaptations"])
            #expect(errors["adaptations"] == StudentHealthMessages.adaptationsMissing)
            #expect(errors["adaptations"]?.contains("anpassningar") == true)
        }
        guard case .failure(let both) = EHTReferralRules.validate(EHTReferralInput()) else { Issue.record("an empty referral was accepted"); return }
        #expect(both.fields == ["situation", "adaptations"])
        guard case .success(let draft) = EHTReferralRules.validate(EHTReferralInput(situation: " Lämnar klassrummet\n", adaptations: "Bildstöd\nKortare pass ")) else {
            Issue.record("a complete referral was refused"); return
        }
        #expect(draft.situation == "Lämnar klassrummet" && draft.adaptations == "Bildstöd\nKortare pass")
    }

    @Test("the rektor's decision needs an outcome, a day not in the future and not before the referral, and the reasons; once")
    func decisionNeedsReasons() {
        let input = EHTDecisionInput(outcome: EHTDecisionOutcome.takenUp.rawValue, date: Self.today.iso, reasons: "")
        guard case .failure(let noReasons) = EHTReferralRules.decision(input, referral: Self.referral, by: Self.rektor, today: Self.today) else { Issue.record("a decision without reasons"); return }
        #expect(noReasons.fields == ["reasons"] && noReasons["reasons"] == StudentHealthMessages.reasonsMissing)
        guard case .failure(let bad) = EHTReferralRules.decision(EHTDecisionInput(outcome: "maybe", date: "2026-12-01", reasons: "Skäl"), referral: Self.referral, by: Self.rektor, today: Self.today)
        else { Issue.record("a future decision"); return }
        #expect(bad["outcome"] != nil && bad["decision_date"] == StudentHealthMessages.dateInFuture)
        guard case .failure(let early) = EHTReferralRules.decision(EHTDecisionInput(outcome: "other", date: "2026-11-01", reasons: "Skäl"), referral: Self.referral, by: Self.rektor, today: Self.today)
        else { Issue.record("a decision before the referral"); return }
        #expect(early["decision_date"] == StudentHealthMessages.dateBeforeReferral)
        guard case .success(let decision) = EHTReferralRules.decision(EHTDecisionInput(outcome: "taken-up", date: Self.today.iso, reasons: " Anpassningarna räcker inte. "),
                                                                     referral: Self.referral, by: Self.rektor, today: Self.today) else { Issue.record("a good decision refused"); return }
        #expect(decision.outcome == .takenUp && decision.record.decidedBy == 1 && decision.record.decidedByName == "Person 1" && decision.record.reasons == "Anpassningarna räcker inte.")
        var decided = Self.referral
        decided.decision = decision
        #expect(decided.stage == .decided)
        guard case .failure(let again) = EHTReferralRules.decision(EHTDecisionInput(outcome: "other", date: Self.today.iso, reasons: "Nytt"), referral: decided, by: Self.rektor, today: Self.today)
        else { Issue.record("decided twice"); return }
        #expect(again["outcome"] == StudentHealthMessages.alreadyDecided)
        guard case .failure = EHTReferralRules.reflection("Sent", referral: decided) else { Issue.record("a reflection after the decision"); return }
    }

    @Test("only the team's members and the unit's rektor read a referral; only the rektor decides; the mentor of the unit sends")
    func whoMayRead() {
        #expect(AccessPolicy.allows(Self.rektor, .viewEHTReferral(Self.facts)))
        #expect(AccessPolicy.allows(Self.kurator, .viewEHTReferral(Self.facts)))
        for outsider in [Self.mentor, Self.otherRektor, Self.otherTeacher, Self.caseOfficer] {
            let decision = AccessPolicy.decide(outsider, .viewEHTReferral(Self.facts))
            #expect(!decision.isAllowed && decision.reason.code == "not-student-health-team")
            #expect(decision.reason.text.contains(LegalReference.studentHealthSecrecy.current))
            #expect(!AccessPolicy.allows(outsider, .reflectOnEHTReferral(Self.facts)))
        }
        #expect(AccessPolicy.allows(Self.kurator, .reflectOnEHTReferral(Self.facts)))
        #expect(AccessPolicy.allows(Self.rektor, .decideEHTReferral(Self.facts)))
        #expect(!AccessPolicy.allows(Self.kurator, .decideEHTReferral(Self.facts)) && !AccessPolicy.allows(Self.otherRektor, .decideEHTReferral(Self.facts)))
        var inactive = Self.rektor
        inactive.active = false
        #expect(!AccessPolicy.allows(inactive, .viewEHTReferral(Self.facts)))
        let child = ChildAccessFacts(childID: 99, unitIDs: [Self.school], protectedIdentity: false)
        #expect(AccessPolicy.allows(Self.mentor, .sendEHTReferral(child: child)))
        #expect(!AccessPolicy.allows(Self.otherTeacher, .sendEHTReferral(child: child)) && !AccessPolicy.allows(Self.caseOfficer, .sendEHTReferral(child: child)))
        #expect(ChildPageActions.decide(Self.mentor, child).sendEHTReferral && !ChildPageActions.decide(Self.otherTeacher, child).sendEHTReferral)
    }

    @Test("the referral goes to the health team that sits for the pupil's unit")
    func theTeam() {
        let other = ForumTemplate.shipped(.studentHealthTeam).forum(id: 8, covers: "Skola B", members: [ForumMember(staffID: 4, name: "Annan rektor", role: .chair, unitID: Self.otherSchool)])
        let lsg = ForumTemplate.shipped(.localCollaborationGroup).forum(id: 6, covers: "Område", members: [ForumMember(staffID: 1, name: "Rektor", role: .chair, unitID: Self.school)])
        #expect(EHTTeam.team(forUnit: Self.school, among: [lsg, other, Self.team])?.id == 7)
        #expect(EHTTeam.team(forUnit: Self.otherSchool, among: [lsg, other, Self.team])?.id == 8)
        #expect(EHTTeam.team(forUnit: 99, among: [lsg, other, Self.team]) == nil)
    }

    @Test("the directory: the seed's nine entries shipped; an entry needs what they offer and how to reach them; ages and links checked; filtered by age")
    func directory() {
        let names = HelpEntry.shipped.map(\.name)
        for name in ["Första linjen", "En väg in", "BMM", "BVC", "UMO", "LSS", "HAB", "ABC", "Familjecentralen"] {
            #expect(names.contains { $0.contains(name) }, "\(name) missing")
        }
        #expect(HelpEntry.shipped.allSatisfy { entry in
            if case .success = HelpEntryRules.validate(HelpEntryInput(entry)) { true } else { false }
        })
        var input = HelpEntryInput()
        input.name = "Fritidsgården"
        input.ageFrom = "15"
        input.ageTo = "12"
        input.link = "www.example.se"
        guard case .failure(let errors) = HelpEntryRules.validate(input) else { Issue.record("a bad entry was accepted"); return }
        #expect(Set(errors.fields) == ["offers", "age_to", "contact", "link"])
        let umo = HelpEntry.shipped.first { $0.name.contains("UMO") }!
        #expect(umo.isFor(age: 13) && umo.isFor(age: 25) && !umo.isFor(age: 12) && umo.agesText == "13–25 år")
        #expect(HelpEntry.shipped.first { $0.name.contains("BMM") }!.isFor(age: 40))
    }

    @Test("the responsibilities: seed 003's words for rektor and IFO in each routine; shown with the forums; edited one point per line")
    func responsibilities() {
        for routine in ResponsibilityRoutine.allCases { #expect(Responsibility.shipped.contains { $0.routine == routine }) }
        #expect(Responsibility.shipped.first { $0.key == "report-social" }?.ensures.first == "Vi finns tillgängliga för anonym konsultation inför en eventuell anmälan.")
        #expect(Responsibility.shipped.first { $0.key == "information-school" }?.responsible == "Rektor")
        #expect(ResponsibilityRoutine.shown(with: .twiceYearlyMeeting) == [.information] && ResponsibilityRoutine.shown(with: .sspf).isEmpty)
        guard case .success(let saved) = ResponsibilityRules.validate(responsible: " Rektor ", ensures: "Punkt ett\n\n  Punkt två \n") else { Issue.record("refused"); return }
        #expect(saved.responsible == "Rektor" && saved.ensures == ["Punkt ett", "Punkt två"])
        guard case .failure(let errors) = ResponsibilityRules.validate(responsible: "", ensures: " \n ") else { Issue.record("empty accepted"); return }
        #expect(Set(errors.fields) == ["responsible", "ensures"])
    }
}
