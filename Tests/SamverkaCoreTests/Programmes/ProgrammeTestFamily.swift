import Foundation
@testable import SamverkaCore

/// A family taken through Trampolinen step by step with the Core rules, for the tests: every
/// step goes through the rule that a real request would, so a broken rule breaks the family.
enum ProgrammeTestFamily {
    static let definition = ProgrammeDefinition.trampolinen
    static let nominatedOn = SimpleDate(year: 2026, month: 9, day: 1)!

    static let principal = StaffRef(id: 10, name: "Rut Rektor")
    static let caseOfficer = StaffRef(id: 11, name: "Sara Socialsekreterare")
    static let steering = StaffRef(id: 12, name: "Vera Verksamhetschef")
    static let treatmentAssistant = StaffRef(id: 13, name: "Bo Behandlingsassistent")
    static let schoolSocialWorker = StaffRef(id: 14, name: "Stina Skolsocionom")
    static let team = [ProgrammeTeamMember(id: 10, name: principal.name, role: .principal), ProgrammeTeamMember(id: 11, name: caseOfficer.name, role: .caseOfficer),
                       ProgrammeTeamMember(id: 13, name: treatmentAssistant.name, role: .treatmentAssistant),
                       ProgrammeTeamMember(id: 14, name: schoolSocialWorker.name, role: .schoolSocialWorker)]

    static func nominationInput(levels: [String] = ["2", "6"]) -> ProgrammeNominationInput {
        var input = ProgrammeNominationInput()
        input.nominatedBy = ProgrammeNominator.schoolStudentHealth.rawValue
        input.studentHealthMeetingOn = "2026-08-28"
        input.children = levels.enumerated().map { ProgrammeChildInput(childID: RecordID($0.offset + 1), name: ["Alva", "Ebbe", "Cleo"][$0.offset], level: $0.element) }
        input.concernSince = "2025-10-01"
        input.concern = "Problematisk frånvaro sedan förra hösten."
        input.earlierMeasures = "Anpassningar i klassen och föräldrastöd från IFO har inte räckt till."
        input.needsAtSchool = true
        input.needsAtHome = true
        input.needsDescription = "Stöd i skolan och i hemmet."
        input.familyApplied = true
        input.appliedOn = "2026-08-30"
        return input
    }

    static func nominated() throws -> ProgrammeEnrolment {
        let nomination = try ProgrammeNominationRules.validate(nominationInput(), definition: definition, today: nominatedOn).get()
        return ProgrammeEnrolment(id: 1, programmeKey: definition.key, nomination: nomination, nominatedBy: principal, nominatedAt: Stockholm.startOfDay(nominatedOn))
    }

    static func atSteeringGroup() throws -> ProgrammeEnrolment {
        var e = try nominated()
        e.referral = try ProgrammeSteeringGroupRules.refer(principalID: 10, caseOfficerID: 11, on: "2026-09-02", principals: [principal], caseOfficers: [caseOfficer],
                                                           enrolment: e, definition: definition, today: nominatedOn.adding(days: 1)).get()
        return e
    }

    static func decision(_ reasons: String = "Uppfyller kriterierna.", on day: String = "2026-09-10", by: RecordID = 12) -> ProgrammeDecisionInput {
        ProgrammeDecisionInput(decidedBy: by, date: day, reasons: reasons)
    }

    static func selected() throws -> ProgrammeEnrolment {
        var e = try atSteeringGroup()
        e.decisions.append(try ProgrammeSteeringGroupRules.decide(.select, decision(), members: [steering], enrolment: e, today: nominatedOn.adding(days: 10)).get())
        return e
    }

    static func accepted() throws -> ProgrammeEnrolment {
        var e = try selected()
        var input = ProgrammeFamilyResponseInput()
        input.answer = "ja"
        input.respondedOn = "2026-09-15"
        input.informedBy = "Rut Rektor och Sara Socialsekreterare"
        input.consentGivenBy = "Gun och Per Ek"
        input.team = team.map(\.id)
        input.mayShare = "Det som insatsen behöver: skolsituation, hemsituation, planer."
        input.validTo = "2027-09-14"
        e.familyResponse = try ProgrammeAcceptanceRules.validate(input, enrolment: e, definition: definition, candidates: team, by: caseOfficer,
                                                                 today: SimpleDate(year: 2026, month: 9, day: 15)!).get()
        return e
    }

    static func document(_ key: String, child: RecordID? = nil, anchored: Bool = true) -> ProgrammeDocumentInput {
        var input = ProgrammeDocumentInput()
        input.key = key
        input.childID = child
        input.writtenOn = "2026-09-20"
        input.summary = "Situationen vid start: hög frånvaro. Mål: närvaro över 90 procent."
        if anchored {
            input.anchoredOn = "2026-09-22"
            input.anchoredWith = "Alva, Ebbe, Gun och Per"
        }
        return input
    }

    static func add(_ input: ProgrammeDocumentInput, to e: inout ProgrammeEnrolment, roles: Set<Role>, today: SimpleDate = SimpleDate(year: 2026, month: 9, day: 25)!) throws {
        let record = try ProgrammeDocumentRules.validate(input, definition: definition, enrolment: e, writerRoles: roles, today: today).get()
        e.documents.append(ProgrammeDocument(id: RecordID(e.documents.count + 1), key: record.definition.key, childID: record.childID, writtenBy: caseOfficer, writtenOn: record.writtenOn,
                                             summary: record.summary, goals: record.goals, actions: record.actions, anchoredOn: record.anchoredOn, anchoredWith: record.anchoredWith))
    }

    static func prepared() throws -> ProgrammeEnrolment {
        var e = try accepted()
        for child in e.children { try add(document("vardplan", child: child.childID), to: &e, roles: [.caseOfficer]) }
        try add(document("trampolinutredning"), to: &e, roles: [.principal])
        return e
    }

    static let grantedOn = SimpleDate(year: 2026, month: 10, day: 1)!

    static func running() throws -> ProgrammeEnrolment {
        var e = try prepared()
        e.grant = try ProgrammeGrantRules.grant(decision("Båda dokumenten finns och är förankrade.", on: grantedOn.iso), enrolment: e, definition: definition,
                                                members: [steering], today: grantedOn).get()
        return e
    }

    static func held(_ e: inout ProgrammeEnrolment, on day: SimpleDate) {
        e.meetings.append(ProgrammeMeetingSummary(meetingID: RecordID(100 + e.meetings.count), date: day, heldOn: day))
    }
}
