import Foundation
import Testing
@testable import SamverkaCore

/// A form filled in correctly, then changed by `edit`: the field errors expected.
struct FormCase<Input>: Sendable, CustomTestStringConvertible {
    let name: String
    let edit: @Sendable (inout Input) -> Void
    let errors: [String: String]
    init(_ name: String, _ edit: @escaping @Sendable (inout Input) -> Void, _ errors: [String: String]) {
        self.name = name
        self.edit = edit
        self.errors = errors
    }
    var testDescription: String { name }
}

@Suite("Report form")
struct ReportValidationTests {
    /// A complete, non-acute report from a teacher.
    static func input(_ edit: (inout ReportInput) -> Void = { _ in }) -> ReportInput {
        var input = ReportInput()
        input.observations = "Eleven har blåmärken på armarna och säger att hon inte vill gå hem."
        input.reporterContact = "Mobil 070-000 00 00, alla dagar"
        input.guardiansInformed = "informed"
        edit(&input)
        return input
    }

    // MARK: - The acute path

    /// Acute concern: guardians are never told and no joint meeting is asked for, whatever
    /// the form said.
    @Test(arguments: AcuteGround.allCases, ["informed", "not-informed", ""])
    func acuteConcernWithholdsNoticeAndMeeting(ground: AcuteGround, guardians: String) throws {
        let draft = try ReportValidation.validate(Self.input {
            $0.acuteGrounds = [ground]
            $0.guardiansInformed = guardians
            $0.requestJointMeeting = true
        }).get()
        #expect(draft.guardianNotice == .withheldAcute)
        #expect(draft.jointMeetingRequested == false)
        #expect(draft.acuteGrounds == [ground])
        #expect(draft.isAcute)
    }

    @Test func everyAcuteGroundAtOnceInAFixedOrder() throws {
        let draft = try ReportValidation.validate(Self.input {
            $0.acuteGrounds = Set(AcuteGround.allCases)
            $0.requestJointMeeting = true
        }).get()
        #expect(draft.acuteGrounds == [.sexualAbuse, .physicalAbuse, .honourViolence, .closeRelationViolence])
        #expect(draft.guardianNotice == .withheldAcute)
        #expect(!draft.jointMeetingRequested)
    }

    @Test(arguments: [
        ("informed", true, ReporterKind.staff, GuardianNotice.informed, true),
        ("informed", false, .staff, .informed, false),
        ("not-informed", true, .staff, .notInformed, true),
        ("not-informed", true, .agency, .notInformed, false),
        ("", true, .agency, .notInformed, false),
        ("", false, .anonymous, .notInformed, false),
        ("something else", false, .privatePerson, .notInformed, false),
    ]) func notAcute(guardians: String, joint: Bool, reporter: ReporterKind, notice: GuardianNotice, meeting: Bool) throws {
        let draft = try ReportValidation.validate(Self.input {
            $0.guardiansInformed = guardians
            $0.requestJointMeeting = joint
            $0.reporterKind = reporter
            $0.reporterName = "Namn Namnsson"
        }).get()
        #expect(draft.guardianNotice == notice)
        #expect(draft.jointMeetingRequested == meeting, "a joint meeting is only for staff reports")
        #expect(!draft.isAcute)
        #expect(draft.acuteGrounds.isEmpty)
    }

    // MARK: - Field errors

    static let maxText = String(repeating: "a", count: 8000)

    @Test(arguments: [
        .init("empty observations", { i in i.observations = " \n " }, ["observations": "Beskriv vad du har sett eller hört."]),
        .init("too long observations", { i in i.observations = ReportValidationTests.maxText + "b" }, ["observations": "Beskrivningen får vara högst 8000 tecken."]),
        .init("too long actions", { i in i.actionsTaken = ReportValidationTests.maxText + "b" }, ["actions_taken": "Texten får vara högst 8000 tecken."]),
        .init("too long since", { i in i.since = String(repeating: "x", count: 201) }, ["since": "Sedan när får vara högst 200 tecken."]),
        .init("staff without contact", { i in i.reporterContact = "" }, ["reporter_contact": "Fyll i hur du nås de närmaste dagarna."]),
        .init("staff without guardian answer", { i in i.guardiansInformed = "" }, ["guardians_informed": "Ange om vårdnadshavare har informerats om anmälan."]),
        .init("agency without name", { i in i.reporterKind = .agency }, ["reporter_name": "Fyll i anmälarens namn."]),
        .init("name on two lines", { i in i.reporterKind = .guardian; i.reporterName = "Anna\nBerg" }, ["reporter_name": "Anmälarens namn ska stå på en rad."]),
        .init("application by staff", { i in i.kind = .application }, ["reporter_kind": "En ansökan görs av vårdnadshavare eller av den unge själv."]),
        .init("application by an agency", { i in i.kind = .application; i.reporterKind = .agency; i.reporterName = "BUP" }, ["reporter_kind": "En ansökan görs av vårdnadshavare eller av den unge själv."]),
        .init("everything missing", { i in i = ReportInput() }, [
            "observations": "Beskriv vad du har sett eller hört.",
            "reporter_contact": "Fyll i hur du nås de närmaste dagarna.",
            "guardians_informed": "Ange om vårdnadshavare har informerats om anmälan.",
        ]),
    ] as [FormCase<ReportInput>]) func fieldErrors(_ c: FormCase<ReportInput>) {
        switch ReportValidation.validate(Self.input(c.edit)) {
        case .success(let draft): Issue.record("accepted \(draft)")
        case .failure(let found): #expect(found.messages == c.errors)
        }
    }

    @Test func limitsAreInclusive() throws {
        let draft = try ReportValidation.validate(Self.input {
            $0.observations = Self.maxText
            $0.actionsTaken = Self.maxText
            $0.since = String(repeating: "x", count: 200)
        }).get()
        #expect(draft.observations.count == 8000)
    }

    @Test func draftIsTrimmedAndEmptyIsNil() throws {
        let draft = try ReportValidation.validate(Self.input {
            $0.observations = "  Ser ledsen ut.\n"
            $0.since = "  "
            $0.actionsTaken = ""
            $0.reporterContact = " 070-000 00 00 "
            $0.channel = .oral
        }).get()
        #expect(draft.observations == "Ser ledsen ut.")
        #expect(draft.since == nil)
        #expect(draft.actionsTaken == nil)
        #expect(draft.reporterContact == "070-000 00 00")
        #expect(draft.reporterName == nil, "a staff reporter is the signed-in person")
        #expect(draft.channel == .oral)
        #expect(draft.kind == .concern)
    }

    @Test func anonymousKeepsNothingAboutTheReporter() throws {
        let draft = try ReportValidation.validate(Self.input {
            $0.reporterKind = .anonymous
            $0.reporterName = "Granne"
            $0.reporterContact = "070-111 11 11"
        }).get()
        #expect(draft.reporterName == nil)
        #expect(draft.reporterContact == nil)
    }

    @Test func externalReporter() throws {
        let draft = try ReportValidation.validate(Self.input {
            $0.kind = .application
            $0.reporterKind = .guardian
            $0.reporterName = " Eva Förälder "
            $0.reporterContact = ""
        }).get()
        #expect(draft.reporterName == "Eva Förälder")
        #expect(draft.reporterContact == nil)
        #expect(draft.kind == .application)
    }
}

@Suite("Decision form")
struct DecisionValidationTests {
    static let today = Fx.day("2026-11-23")
    static let officer = Actor(staffID: 42, displayName: "Maria Handläggare", assignments: [Assignment(role: .intakeOfficer, unitID: 3, unitKind: .ifoIntake)])

    @Test(arguments: [
        ("2026-11-23", " Barnet berättar om slag. \n", "2026-11-23", "Barnet berättar om slag."),
        ("2026-11-20", "Skäl", "2026-11-20", "Skäl"),
        (" 2026-11-23 ", "Skäl", "2026-11-23", "Skäl"),
        ("2024-02-29", "Skäl", "2024-02-29", "Skäl"),
    ]) func accepted(date: String, reasons: String, day: String, text: String) throws {
        let record = try DecisionValidation.validate(date: date, reasons: reasons, by: Self.officer, today: Self.today).get()
        #expect(record == DecisionRecord(decidedBy: 42, decidedByName: "Maria Handläggare", date: Fx.day(day), reasons: text))
    }

    static let badDate = "Ange beslutsdatum som ÅÅÅÅ-MM-DD."
    static let future = "Beslutsdatum kan inte vara i framtiden."
    static let noReasons = "Skriv skälen för beslutet."

    @Test(arguments: [
        ("2026-11-23", "", ["reasons": noReasons]),
        ("2026-11-23", " \n\t", ["reasons": noReasons]),
        ("2026-11-23", String(repeating: "s", count: 8001), ["reasons": "Skälen får vara högst 8000 tecken."]),
        ("", "Skäl", ["decision_date": badDate]),
        ("2026-02-30", "Skäl", ["decision_date": badDate]),
        ("23/11/2026", "Skäl", ["decision_date": badDate]),
        ("2026-11-23 10:00", "Skäl", ["decision_date": badDate]),
        ("2026-11-24", "Skäl", ["decision_date": future]),
        ("2027-01-01", "Skäl", ["decision_date": future]),
        ("", "", ["decision_date": badDate, "reasons": noReasons]),
        ("2026-11-24", "  ", ["decision_date": future, "reasons": noReasons]),
    ]) func refused(date: String, reasons: String, errors: [String: String]) {
        switch DecisionValidation.validate(date: date, reasons: reasons, by: Self.officer, today: Self.today) {
        case .success(let record): Issue.record("accepted \(record)")
        case .failure(let found): #expect(found.messages == errors)
        }
    }
}

@Suite("Consultations and support counts")
struct ConsultationTests {
    static let today = Fx.day("2026-11-23")
    static let units = [OrgUnit(id: 3, name: "IFO Mottagning", kind: .ifoIntake), OrgUnit(id: 5, name: "IFO Öppenvård", kind: .ifoTreatment)]

    static func consultation(_ edit: (inout ConsultationInput) -> Void = { _ in }) -> ConsultationInput {
        var input = ConsultationInput()
        input.date = "2026-11-20"
        input.socialUnitID = "3"
        input.topic = "En elev i åk 4 berättar om bråk hemma. Ska vi anmäla?"
        input.advice = "Ja, anmäl."
        edit(&input)
        return input
    }

    @Test func consultationAccepted() throws {
        let draft = try ConsultationValidation.validate(Self.consultation { $0.ledToReport = true; $0.topic = "  Fråga  " }, socialUnits: Self.units, today: Self.today).get()
        #expect(draft.date == Fx.day("2026-11-20"))
        #expect(draft.socialUnitID == 3)
        #expect(draft.topic == "Fråga")
        #expect(draft.advice == "Ja, anmäl.")
        #expect(draft.ledToReport)
    }

    @Test(arguments: [
        .init("no date", { i in i.date = "" }, ["date": "Ange datum som ÅÅÅÅ-MM-DD."]),
        .init("future date", { i in i.date = "2026-11-24" }, ["date": "Datumet kan inte vara i framtiden."]),
        .init("unknown unit", { i in i.socialUnitID = "99" }, ["social_unit_id": "Välj vilken del av socialtjänsten som konsulterades."]),
        .init("no unit", { i in i.socialUnitID = "" }, ["social_unit_id": "Välj vilken del av socialtjänsten som konsulterades."]),
        .init("no topic", { i in i.topic = "  " }, ["topic": "Beskriv frågan kort, utan namn eller andra uppgifter som kan identifiera barnet."]),
        .init("long topic", { i in i.topic = String(repeating: "x", count: 2001) }, ["topic": "Frågan får vara högst 2000 tecken."]),
        .init("long advice", { i in i.advice = String(repeating: "x", count: 2001) }, ["advice": "Rådet får vara högst 2000 tecken."]),
    ] as [FormCase<ConsultationInput>]) func consultationRefused(_ c: FormCase<ConsultationInput>) {
        switch ConsultationValidation.validate(Self.consultation(c.edit), socialUnits: Self.units, today: Self.today) {
        case .success: Issue.record("accepted")
        case .failure(let errors): #expect(errors.messages == c.errors)
        }
    }

    @Test(arguments: [("1", 1), ("5", 5), (" 3 ", 3)])
    func supportCountAccepted(text: String, count: Int) throws {
        var input = SupportCountInput()
        input.date = "2026-11-23"
        input.unitID = "5"
        input.conversations = text
        let draft = try SupportCountValidation.validate(input, units: Self.units, today: Self.today).get()
        #expect(draft.conversations == count)
        #expect(draft.unitID == 5)
        #expect(draft.date == Self.today)
    }

    @Test(arguments: ["0", "6", "-1", "", "tre", "2.5"])
    func supportCountRefused(text: String) {
        var input = SupportCountInput()
        input.date = "2026-11-23"
        input.unitID = "5"
        input.conversations = text
        #expect(SupportCountValidation.validate(input, units: Self.units, today: Self.today) == .failure({
            var e = FieldErrors()
            e.add("conversations", "Ange antal samtal, 1–5 per familj och tillfälle.")
            return e
        }()))
    }

    @Test func supportCountDateAndUnit() {
        var input = SupportCountInput()
        input.date = "2026-11-24"
        input.unitID = "4"
        input.conversations = "2"
        guard case .failure(let errors) = SupportCountValidation.validate(input, units: Self.units, today: Self.today) else {
            Issue.record("accepted")
            return
        }
        #expect(errors.messages == ["date": "Datumet kan inte vara i framtiden.", "unit_id": "Välj enhet."])
    }
}

@Suite("Identifying text")
struct IdentifyingTextTests {
    @Test(arguments: [
        ("Eleven 150312-1234 har hög frånvaro.", ["150312-1234"]),
        ("20150312-1234", ["20150312-1234"]),
        ("pnr 201503121234", ["201503121234"]),
        ("1503121234", ["1503121234"]),
        ("född 150312+1234.", ["150312+1234"]),
        ("150312 1234 går i 4B", ["150312 1234"]),
        ("Född 150312, går i klass 3", ["150312"]),
        ("två: 150312-1234 och 20160101-5678", ["150312-1234", "20160101-5678"]),
        ("nummer 150312-1234 12 barn", ["150312-1234"]),
        ("-150312-1234-", ["150312-1234"]),
        ("12 barn i klassen", []),
        ("Sedan hösten 2026 har det blivit värre", []),
        ("2026", []),
        ("12345 och 678", []),
        ("Sedan 2026-10-01 har eleven varit borta", []),
        ("mellan 2026-10-01 och 2026-11-23", []),
        ("", []),
    ] as [(String, [String])]) func numberLikeSpans(text: String, spans: [String]) {
        #expect(IdentifyingText.numberLikeSpans(in: text) == spans)
    }

    @Test(arguments: [
        ("Eleven Anna-Karin Öberg i klass 4B", ["eleven", "anna", "karin", "öberg"]),
        ("ÅSA och Mohammed's bror", ["åsa", "mohammed"]),
        ("A B Ca", ["ca"]),
        ("inga namn här, bara små ord", []),
        ("", []),
    ] as [(String, Set<String>)]) func nameCandidates(text: String, names: Set<String>) {
        #expect(IdentifyingText.nameCandidates(in: text) == names)
    }
}
