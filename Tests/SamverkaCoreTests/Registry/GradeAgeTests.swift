import Testing
@testable import SamverkaCore

@Suite("A grade that does not fit the child's age is questioned")
struct GradeAgeTests {
    static let autumn = SimpleDate(year: 2026, month: 11, day: 18)!
    static let spring = SimpleDate(year: 2027, month: 3, day: 1)!

    @Test func gradesAreRead() {
        #expect(GradeAge.schoolGrade("3") == 3 && GradeAge.schoolGrade("åk 3") == 3 && GradeAge.schoolGrade("Årskurs 9") == 9)
        #expect(GradeAge.schoolGrade("F") == 0 && GradeAge.schoolGrade("förskoleklass") == 0)
        #expect(GradeAge.schoolGrade("Avdelning Humlan") == nil && GradeAge.schoolGrade("3B") == nil && GradeAge.schoolGrade("") == nil)
    }

    @Test func aChildBorn1920InGrade3IsQuestioned() {
        let message = GradeAge.mismatch(grade: "3", born: SimpleDate(year: 1920, month: 5, day: 1)!, today: Self.autumn)
        #expect(message?.contains("fyller barnet 106 år") == true)
        #expect(message?.contains("årskurs 3 brukar barn fylla 9") == true)
    }

    @Test func aYearEitherWayIsAccepted() {
        for year in [2016, 2017, 2018] {
            #expect(GradeAge.mismatch(grade: "3", born: SimpleDate(year: year, month: 5, day: 1)!, today: Self.autumn) == nil, "born \(year)")
        }
        #expect(GradeAge.mismatch(grade: "3", born: SimpleDate(year: 2015, month: 5, day: 1)!, today: Self.autumn) != nil)
        // In spring the school year began the autumn before.
        #expect(GradeAge.mismatch(grade: "3", born: SimpleDate(year: 2017, month: 5, day: 1)!, today: Self.spring) == nil)
        #expect(GradeAge.mismatch(grade: "F", born: SimpleDate(year: 2020, month: 5, day: 1)!, today: Self.autumn) == nil)
        #expect(GradeAge.mismatch(grade: "Avdelning Myran", born: SimpleDate(year: 1920, month: 5, day: 1)!, today: Self.autumn) == nil)
    }

    @Test func theRegistrationAsksAndAConfirmationLetsItThrough() {
        let units = [OrgUnit(id: 1, name: "Skola A", kind: .school)]
        let number = IdentityNumber.make(birthDate: SimpleDate(year: 1920, month: 5, day: 1)!, serial: 981).formatted
        var input = ChildInput(identityNumber: number, givenName: "Ester", familyName: "Ek", unitID: "1", grade: "3")
        guard case .failure(let errors) = ChildRegistration.validate(input, enrolmentUnits: units, unitRequired: true, today: Self.autumn) else { Issue.record("accepted"); return }
        #expect(errors["grade"] != nil)
        input.gradeConfirmed = true
        #expect((try? ChildRegistration.validate(input, enrolmentUnits: units, unitRequired: true, today: Self.autumn).get()) != nil)
    }
}
