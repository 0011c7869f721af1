import Foundation
import Testing
@testable import SamverkaCore

@Suite("Programmes: closure, the termly report, the yearly summary and access")
struct ProgrammeReportAndAccessTests {
    typealias F = ProgrammeTestFamily
    let definition = ProgrammeDefinition.trampolinen

    func closureInput(on day: SimpleDate, answers: ProgrammeOutcomeAnswer = .yes, children: [RecordID] = [1, 2]) -> ProgrammeClosureInput {
        var input = ProgrammeClosureInput()
        input.heldOn = day.iso
        input.participants = "Alva, Ebbe, Gun, Sara, Bo, Rut, Stina, pedagog"
        input.situationAtStart = "Hög frånvaro"
        input.situationNow = "Närvaro 95 procent"
        input.againstGoal = "Målet är nått"
        input.experiences = ["Gun: tryggare morgnar", ""]
        input.situationNow = "Närvaro 95 procent"
        input.furtherSupport = "nej"
        for child in children { input.outcomes[child] = Dictionary(uniqueKeysWithValues: ProgrammeOutcomeKind.allCases.map { ($0, answers.rawValue) }) }
        return input
    }

    func closed(_ id: RecordID = 1, on day: SimpleDate = SimpleDate(year: 2027, month: 3, day: 1)!) throws -> ProgrammeEnrolment {
        var e = try F.running()
        e.id = id
        e.closure = try ProgrammeClosureRules.close(closureInput(on: day), enrolment: e, definition: definition, by: F.caseOfficer, today: day).get()
        return e
    }

    @Test("closing asks for the situation at the start against now and the goal, experiences, and every child's outcomes")
    func closure() throws {
        let e = try F.running()
        let day = SimpleDate(year: 2027, month: 3, day: 1)!
        #expect(ProgrammeClosureRules.situationAtStart(e, definition: definition).contains("Vårdplan (Alva): Situationen vid start"))
        var missing = closureInput(on: day, children: [1])
        missing.experiences = []
        guard case .failure(let errors) = ProgrammeClosureRules.close(missing, enrolment: e, definition: definition, by: F.caseOfficer, today: day) else { Issue.record("closed"); return }
        #expect(errors["experiences"] != nil)
        #expect(errors["outcome_2_placement-avoided"]?.contains("Ebbe") == true && errors["outcome_1_attendance"] == nil)
        let closed = try closed()
        #expect(closed.stage == .closed && closed.closure?.outcomes.count == 6 && closed.closure?.experiences == ["Gun: tryggare morgnar"])
        guard case .failure(let notRunning) = ProgrammeClosureRules.close(closureInput(on: day), enrolment: try F.prepared(), definition: definition, by: F.caseOfficer, today: day) else {
            Issue.record("closed"); return
        }
        #expect(notRunning["closure"] != nil)
        let inside = ProgrammeClosureRules.internalClosure({ var i = closureInput(on: day); i.keep = "Veckoavstämningen"; i.improve = "Snabbare start"; return i }(),
                                                               enrolment: closed, by: F.steering, today: day)
        #expect((try? inside.get()) != nil)
        let later = day.adding(months: 3)
        let followUp = try ProgrammeClosureRules.followUp(closureInput(on: later, answers: .unknown), enrolment: closed, definition: definition, by: F.caseOfficer, today: later).get()
        #expect(!followUp.furtherSupportNeeded && followUp.outcomes.allSatisfy { $0.answer == .unknown })
        guard case .failure(let early) = ProgrammeClosureRules.followUp(closureInput(on: later), enrolment: e, definition: definition, by: F.caseOfficer, today: later) else {
            Issue.record("followed up a running programme"); return
        }
        #expect(early["closure"] != nil)
    }

    @Test("the termly report lists every running family and no closed, preparing or declined one")
    func termReport() throws {
        var runningA = try F.running()
        runningA.id = 11
        F.held(&runningA, on: F.grantedOn.adding(days: 20))
        runningA.notes = [ProgrammeNote(id: 1, kind: .checkIn, heldOn: F.grantedOn.adding(days: 7), participants: "Bo, Stina", works: "Morgnarna", doesNotWork: "Läxorna", by: F.treatmentAssistant)]
        var runningB = try F.running()
        runningB.id = 12
        var preparing = try F.prepared()
        preparing.id = 13
        var declined = try F.atSteeringGroup()
        declined.id = 14
        declined.decisions.append(ProgrammeDecision(kind: .decline, decidedBy: F.steering, date: F.nominatedOn, reasons: "Nej"))
        let closedOne = try closed(15, on: SimpleDate(year: 2026, month: 12, day: 1)!)
        var other = try F.running()
        other.id = 16
        other.programmeKey = "annat-program"
        let term = SchoolTerm.containing(SimpleDate(year: 2026, month: 12, day: 15)!)
        #expect(term.label == "Höstterminen 2026")
        let report = ProgrammeTermReportRules.report([closedOne, runningB, preparing, declined, runningA, other], definition: definition, term: term, on: SimpleDate(year: 2026, month: 12, day: 15)!)
        #expect(report.lines.map(\.enrolmentID) == [11, 12])
        let a = report.lines[0]
        #expect(a.meetingsHeld == 1 && a.checkInsHeld == 1 && a.works == ["Morgnarna"] && a.doesNotWork == ["Läxorna"])
        #expect(a.family == "Alva (årskurs 2), Ebbe (årskurs 6)" && a.stage == .running)
        #expect(a.clocksMissed >= 1)
    }

    @Test("the yearly summary gives counts only, every cell from 1 to 4 reads <5, a 0 reads 0")
    func yearSummary() throws {
        var families: [ProgrammeEnrolment] = []
        for id in 1...6 { families.append(try closed(RecordID(id))) }
        families.append(try F.running())
        let summary = ProgrammeYearSummaryRules.summary(families, definition: definition, year: 2027)
        let byLabel = Dictionary(uniqueKeysWithValues: summary.rows.map { ($0.label, $0.count.text) })
        #expect(byLabel["Insatser som avslutats"] == "6")
        #expect(byLabel["Skolnärvaron har förbättrats: barn vid avslut"] == "12")
        #expect(byLabel["Uppföljningar efter avslut"] == "0")
        let earlier = ProgrammeYearSummaryRules.summary(families, definition: definition, year: 2026)
        #expect(earlier.rows.first { $0.label == "Insatser som beviljats" }?.count.text == "7")
        #expect(earlier.rows.first { $0.label == "Insatser som avslutats" }?.count == .shown(0))
        #expect([1, 4].allSatisfy { SuppressedCount($0).text == "<5" } && SuppressedCount(5).text == "5" && SuppressedCount(0).text == "0")
    }

    func actor(_ id: RecordID, _ role: Role, unit: RecordID? = 1) -> Actor {
        Actor(staffID: id, displayName: "P\(id)", assignments: [Assignment(role: role, unitID: role.side == .joint ? nil : unit, unitKind: nil)])
    }

    @Test("before the consent the nominator and the referring pair work in it; after it the team the consent names; the steering group sees and decides")
    func access() throws {
        let now = Stockholm.startOfDay(SimpleDate(year: 2026, month: 10, day: 5)!)
        let atSteering = ProgrammeAccessFacts(try F.atSteeringGroup(), definition: definition, at: now)
        let running = ProgrammeAccessFacts(try F.running(), definition: definition, at: now)
        let principal = actor(10, .principal), officer = actor(11, .caseOfficer), assistant = actor(13, .treatmentAssistant)
        let stranger = actor(40, .caseOfficer), steering = actor(12, .studentHealthHead), member = actor(41, .steeringGroupMember)
        #expect(AccessPolicy.allows(principal, .workInProgramme(atSteering)) && AccessPolicy.allows(officer, .viewProgramme(atSteering)))
        #expect(!AccessPolicy.allows(assistant, .viewProgramme(atSteering)))
        #expect(AccessPolicy.allows(assistant, .workInProgramme(running)))
        #expect(!AccessPolicy.allows(stranger, .viewProgramme(running)) && !AccessPolicy.allows(stranger, .workInProgramme(atSteering)))
        #expect(AccessPolicy.decide(stranger, .viewProgramme(running)).reason.code == "not-in-programme")
        #expect(AccessPolicy.allows(member, .decideInProgrammeSteeringGroup(atSteering)) && AccessPolicy.allows(steering, .viewProgramme(running)))
        #expect(!AccessPolicy.allows(principal, .decideInProgrammeSteeringGroup(atSteering)))
        #expect(!AccessPolicy.allows(member, .workInProgramme(running)))
        #expect(AccessPolicy.allows(member, .viewProgrammeOverview(steeringGroupRoles: Set(definition.steeringGroupRoles))))
        #expect(!AccessPolicy.allows(assistant, .viewProgrammeOverview(steeringGroupRoles: Set(definition.steeringGroupRoles))))
        // A no from the steering group stays readable for the nominator and the pair, who tell the family; nobody works in it.
        var declinedFamily = try F.atSteeringGroup()
        declinedFamily.decisions.append(ProgrammeDecision(kind: .decline, decidedBy: F.steering, date: F.nominatedOn, reasons: "Nej"))
        let declined = ProgrammeAccessFacts(declinedFamily, definition: definition, at: now)
        #expect(AccessPolicy.allows(officer, .viewProgramme(declined)) && !AccessPolicy.allows(officer, .workInProgramme(declined)))
        #expect(!AccessPolicy.allows(assistant, .viewProgramme(declined)))
        // The grant: the decision forum's roles and the rektor and socialsekreterare of the case.
        #expect(AccessPolicy.allows(officer, .grantProgrammeSupport(running)) && AccessPolicy.allows(actor(42, .decisionForumMember), .grantProgrammeSupport(running)))
        #expect(!AccessPolicy.allows(assistant, .grantProgrammeSupport(running)))
        // A withdrawn consent ends the team's access at once.
        var withdrawn = try F.running()
        withdrawn.familyResponse?.consent?.withdrawnAt = now.addingTimeInterval(-60)
        let after = ProgrammeAccessFacts(withdrawn, definition: definition, at: now)
        #expect(!AccessPolicy.allows(assistant, .viewProgramme(after)) && !AccessPolicy.allows(principal, .workInProgramme(after)))
        // The team's meetings: booking goes through the programme's door.
        #expect(AccessPolicy.allows(assistant, .bookMeeting(.programme(running))) && !AccessPolicy.allows(stranger, .bookMeeting(.programme(running))))
        #expect(AccessPolicy.allows(actor(43, .systemAdministrator), .manageProgrammeDefinitions) && !AccessPolicy.allows(member, .manageProgrammeDefinitions))
    }
}
