import Foundation
import Testing
@testable import SamverkaCore

@Suite("Programmes: the criteria check and nomination (Trampolinen)")
struct ProgrammeCriteriaTests {
    let definition = ProgrammeDefinition.trampolinen
    let today = ProgrammeTestFamily.nominatedOn

    func validate(_ input: ProgrammeNominationInput) -> Result<ProgrammeNomination, FieldErrors> {
        ProgrammeNominationRules.validate(input, definition: definition, today: today)
    }

    @Test("a child in preschool, förskoleklass or grades 1–3 qualifies on its own", arguments: ["forskola", "F", "0", "1", "3"])
    func targetLevels(level: String) throws {
        let nomination = try validate(ProgrammeTestFamily.nominationInput(levels: [level])).get()
        #expect(nomination.children.map(\.role) == [.target])
    }

    @Test("a child in grade 4 or higher does not qualify alone, and is told why", arguments: ["4", "9"])
    func olderAlone(level: String) throws {
        guard case .failure(let errors) = validate(ProgrammeTestFamily.nominationInput(levels: [level])) else { Issue.record("accepted"); return }
        #expect(errors["child_1_level"] == nil)
        #expect(errors["children"]?.contains("Minst ett barn ska gå i förskola–årskurs 3") == true)
    }

    @Test("an older sibling in compulsory school comes along with a child in the programme's ages")
    func olderSibling() throws {
        let nomination = try validate(ProgrammeTestFamily.nominationInput(levels: ["2", "6", "9"])).get()
        #expect(nomination.children.map(\.role) == [.target, .olderSibling, .olderSibling])
        #expect(nomination.targetChildren.map(\.childID) == [1])
    }

    @Test("a sibling in upper-secondary or not in school is not included, with the reason next to that child")
    func siblingOutside() throws {
        guard case .failure(let errors) = validate(ProgrammeTestFamily.nominationInput(levels: ["1", "gymnasiet"])) else { Issue.record("accepted"); return }
        #expect(errors["child_2_level"]?.contains("Äldre syskon ingår om de går i grundskolan") == true)
        #expect(errors["child_1_level"] == nil)
        guard case .failure(let none) = validate(ProgrammeTestFamily.nominationInput(levels: ["1", "ingen"])) else { Issue.record("accepted"); return }
        #expect(none["child_2_level"] != nil)
    }

    @Test("without needs at both school and home the family is refused with the missing side named", arguments: [(false, true, "förskolan/skolan"), (true, false, "hemmet"), (false, false, "Inget")])
    func needsBothSides(school: Bool, home: Bool, named: String) throws {
        var input = ProgrammeTestFamily.nominationInput()
        input.needsAtSchool = school
        input.needsAtHome = home
        guard case .failure(let errors) = validate(input) else { Issue.record("accepted"); return }
        #expect(errors["needs"]?.contains(named) == true)
        #expect(errors.fields == ["needs"])
    }

    @Test("a family that has not applied is refused; with an application but no date the date is asked for")
    func familyApplied() throws {
        var input = ProgrammeTestFamily.nominationInput()
        input.familyApplied = false
        guard case .failure(let errors) = validate(input) else { Issue.record("accepted"); return }
        #expect(errors["applied"]?.contains("ansöker") == true)
        input.familyApplied = true
        input.appliedOn = ""
        guard case .failure(let noDate) = validate(input) else { Issue.record("accepted"); return }
        #expect(noDate["applied_on"] != nil && noDate["applied"] == nil)
    }

    @Test("a concern that started today has not lasted over time; a minimum set by the definition is enforced")
    func concernOverTime() throws {
        var input = ProgrammeTestFamily.nominationInput()
        input.concernSince = today.iso
        guard case .failure(let errors) = validate(input) else { Issue.record("accepted"); return }
        #expect(errors["concern_since"]?.contains("varat över tid") == true)
        var strict = definition
        strict.eligibility.concernMinimumMonths = 6
        input.concernSince = today.adding(months: -3).iso
        guard case .failure(let short) = ProgrammeNominationRules.validate(input, definition: strict, today: today) else { Issue.record("accepted"); return }
        #expect(short["concern_since"]?.contains("minst 6 månader") == true)
        input.concernSince = today.adding(months: -7).iso
        #expect((try? ProgrammeNominationRules.validate(input, definition: strict, today: today).get()) != nil)
    }

    @Test("every missing field gets its own message at once; measures that were not enough must be described")
    func allAtOnce() {
        var input = ProgrammeNominationInput()
        input.children = [ProgrammeChildInput(childID: 1, name: "Alva", level: "")]
        guard case .failure(let errors) = validate(input) else { Issue.record("accepted"); return }
        for field in ["nominated_by", "child_1_level", "concern_since", "concern", "earlier_measures", "needs", "needs_description", "applied"] {
            #expect(errors[field] != nil, "\(field)")
        }
        #expect(errors["earlier_measures"]?.contains("inte räckt till") == true)
    }

    @Test("the school nominates at an EHT meeting, whose day is asked for; preschool and IFO nominate without one")
    func nominators() throws {
        var input = ProgrammeTestFamily.nominationInput()
        input.studentHealthMeetingOn = ""
        guard case .failure(let errors) = validate(input) else { Issue.record("accepted"); return }
        #expect(errors["eht_meeting_on"] != nil)
        input.nominatedBy = ProgrammeNominator.socialServices.rawValue
        #expect(try validate(input).get().studentHealthMeetingOn == nil)
        input.nominatedBy = "granne"
        guard case .failure(let other) = validate(input) else { Issue.record("accepted"); return }
        #expect(other["nominated_by"] != nil)
    }

    @Test("the level is read from the registry: a preschool's child is in preschool whatever the group; grades as the registry writes them; the stored value reads back")
    func levels() throws {
        #expect(SchoolLevel.registered(unitKind: .preschool, grade: "Avdelning Humlan") == .preschool)
        #expect(SchoolLevel.registered(unitKind: .school, grade: "åk 3") == .grade(3) && SchoolLevel.registered(unitKind: .school, grade: "F") == .grade(0))
        #expect(SchoolLevel.registered(unitKind: .school, grade: "Klass Blå") == nil && SchoolLevel.registered(unitKind: nil, grade: nil) == nil)
        #expect(SchoolLevel.all.allSatisfy { SchoolLevel(rawValue: $0.rawValue) == $0 })
        #expect(SchoolLevel.preschool < .grade(0) && .grade(9) < .upperSecondary && SchoolLevel(rawValue: "10") == nil)
    }

    @Test("a child already in an unfinished enrolment of the programme is not nominated again")
    func alreadyEnrolled() {
        guard case .failure(let errors) = ProgrammeNominationRules.validate(ProgrammeTestFamily.nominationInput(), definition: definition, today: today, alreadyEnrolled: [2]) else {
            Issue.record("accepted"); return
        }
        #expect(errors["child_2_level"] == "Ebbe är redan med i Ragunda Trampolinen." && errors["child_1_level"] == nil)
    }

    @Test("bringing the family to the steering group names both rektor and socialsekreterare and re-checks the needs")
    func referral() throws {
        var e = try ProgrammeTestFamily.nominated()
        let f = ProgrammeTestFamily.self
        guard case .failure(let missing) = ProgrammeSteeringGroupRules.refer(principalID: 10, caseOfficerID: nil, on: "2026-09-01", principals: [f.principal], caseOfficers: [f.caseOfficer],
                                                                             enrolment: e, definition: definition, today: today) else { Issue.record("accepted"); return }
        #expect(missing["case_officer"] != nil && missing["principal"] == nil)
        // A stored nomination without needs at home (an older definition let it through) cannot go on.
        e.nomination.needsAtHome = false
        guard case .failure(let needs) = ProgrammeSteeringGroupRules.refer(principalID: 10, caseOfficerID: 11, on: "2026-09-01", principals: [f.principal], caseOfficers: [f.caseOfficer],
                                                                           enrolment: e, definition: definition, today: today) else { Issue.record("accepted"); return }
        #expect(needs["needs"] != nil)
        e.nomination.needsAtHome = true
        e.nomination.appliedOn = nil
        guard case .failure(let applied) = ProgrammeSteeringGroupRules.refer(principalID: 10, caseOfficerID: 11, on: "2026-09-01", principals: [f.principal], caseOfficers: [f.caseOfficer],
                                                                             enrolment: e, definition: definition, today: today) else { Issue.record("accepted"); return }
        #expect(applied["applied"] != nil)
        #expect(try ProgrammeTestFamily.atSteeringGroup().stage == .atSteeringGroup)
    }
}
