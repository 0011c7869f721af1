import Foundation
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Anonymous consultations and råd och stöd")
struct ConsultationServiceTests {
    static func input(_ f: Fixture, topic: String, advice: String = "Gör en orosanmälan.") -> ConsultationInput {
        var input = ConsultationInput()
        input.date = f.todayISO
        input.socialUnitID = String(f.intake)
        input.topic = topic
        input.advice = advice
        return input
    }

    @Test("a consultation that names a child (number or registered name) is held back with a warning until confirmed")
    func identifyingWarning() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            _ = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let teacher = f.origin(f.teacherA)
            let before = try await f.concernCounts()

            let number = try requireInvalid(await f.consultations.log(Self.input(f, topic: "Gäller elev 150312-1234 i åk 4"), by: teacher))
            #expect(number["topic"]?.contains("personnummer") == true)
            #expect(number["identifying_confirmed"] != nil)
            let name = try requireInvalid(await f.consultations.log(Self.input(f, topic: "Saga i åk 4 verkar hungrig"), by: teacher))
            #expect(name["topic"]?.contains("namn som finns i registret") == true)
            #expect(name["topic"]?.contains("Saga") == false, "the warning never says which child matched")
            #expect(name["identifying_confirmed"] != nil)
            let inAdvice = try requireInvalid(await f.consultations.log(Self.input(f, topic: "Elev verkar hungrig", advice: "Prata med Ek-familjen"), by: teacher))
            #expect(inAdvice["topic"] != nil)
            #expect(try await f.concernCounts() == before)
            #expect(try await f.auditRows(type: .consultation).isEmpty)

            var confirmed = Self.input(f, topic: "Gäller elev 150312-1234 i åk 4")
            confirmed.identifyingConfirmed = true
            try requireOK(await f.consultations.log(confirmed, by: teacher))
            #expect(try await f.count("consultations") == 1)
            #expect(try await f.auditRows(type: .consultation, .init(action: .create)).count == 1)
            // Text with no number and no registered name is saved at once.
            try requireOK(await f.consultations.log(Self.input(f, topic: "Elev i åk 4 verkar hungrig på måndagar"), by: teacher))
            #expect(try await f.count("consultations") == 2)
            let recent = try await f.consultations.recent(by: teacher)
            #expect(recent.count == 2 && recent.allSatisfy { $0.schoolUnitName == "Skola A" && $0.socialUnitName == "IFO Mottagning" })
            #expect(try await f.consultations.recent(by: f.origin(f.teacherB)).isEmpty)
        }
    }

    @Test("a consultation needs a date, a social-services unit and a topic; the administrator cannot log one")
    func consultationValidation() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            var input = Self.input(f, topic: " ")
            input.date = f.today.adding(days: 1).iso
            input.socialUnitID = String(f.schoolA)
            let errors = try requireInvalid(await f.consultations.log(input, by: f.origin(f.teacherA)))
            #expect(errors["date"] != nil && errors["social_unit_id"] != nil && errors["topic"] != nil)
            try requireDenied(await f.consultations.log(Self.input(f, topic: "Fråga"), by: f.origin(f.admin)))
            #expect(try await f.count("consultations") == 0)
        }
    }

    @Test("råd och stöd: a family therapist counts conversations, at most five, with no personal data")
    func supportCounts() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let therapist = f.origin(s.familyTherapist)
            #expect(try await f.consultations.supportUnits(for: s.familyTherapist).map(\.id) == [s.treatmentUnit])
            var input = SupportCountInput()
            input.date = f.todayISO
            input.unitID = String(s.treatmentUnit)
            input.conversations = "6"
            #expect(try requireInvalid(await f.consultations.recordSupport(input, by: therapist))["conversations"] != nil)
            try requireDenied(await f.consultations.recordSupport(input, by: f.origin(f.teacherA)))
            #expect(try await f.count("support_counts") == 0)
            input.conversations = "3"
            try requireOK(await f.consultations.recordSupport(input, by: therapist))
            input.conversations = "2"
            try requireOK(await f.consultations.recordSupport(input, by: therapist))
            let summary = try await f.consultations.supportSummary(by: therapist)
            #expect(summary == [SupportSummary(unitName: "IFO Öppenvård", month: "2026-11", occasions: 2, conversations: 5)])
        }
    }
}
