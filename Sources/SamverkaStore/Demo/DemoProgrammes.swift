import Foundation
import SamverkaCore

/// The demo's Trampolinen families, through the service like real work (issue 18 item 13):
/// one closed with the family, waiting for the follow-up after three months; one running
/// with a held monthly follow-up, notes and plans; one in preparation; one just nominated
/// by Ekbacken's rektor. The steering group is Ekbacken's verksamhetschef for
/// elevhälsan (elevhalsochef) and the biträdande IFO-chef; the team is the rektor, the
/// socialsekreterare (utredare), the behandlingsassistent, the skolsocionom and the mentor.
extension DemoMunicipality {
    static func seedProgrammes(_ store: Store, now: Date, children: [RecordID], origin: (String) async throws -> RequestOrigin) async throws {
        guard !children.isEmpty else { return }
        // The families started at different times: the clock walks forward from ten weeks ago.
        let clock = ManualTimeSource(now.addingTimeInterval(-75 * 86_400))
        let service = ProgrammeService(store: store, clock: clock)
        let rektor = try await origin("rektor.ekbacken"), officer = try await origin("utredare"), steering = try await origin("elevhalsochef")
        let deputy = try await origin("bitradande.ifochef"), assistant = try await origin("behandlingsassistent"), socionom = try await origin("skolsocionom")
        let mentor = try await origin("mentor.ekbacken")
        let key = ProgrammeDefinition.trampolinen.key
        func ok<T>(_ outcome: Outcome<T>) throws -> T {
            guard case .ok(let value) = outcome else { throw StoreError.conflict("demo programme: \(outcome)") }
            return value
        }
        var today: SimpleDate { Stockholm.date(of: clock.now()) }
        func days(_ n: Int) { clock.advance(by: Double(n) * 86_400) }

        func nominate(_ child: RecordID, concern: String) async throws -> RecordID {
            let grade = try await store.withConnection { db in try await ChildQueries.child(id: child, db)?.grade }
            var input = ProgrammeNominationInput()
            input.nominatedBy = ProgrammeNominator.schoolStudentHealth.rawValue
            input.studentHealthMeetingOn = today.adding(days: -2).iso
            input.children = [ProgrammeChildInput(childID: child, name: "", level: SchoolLevel.registered(unitKind: .school, grade: grade)?.rawValue ?? "2")]
            input.concernSince = today.adding(months: -9).iso
            input.concern = concern
            input.earlierMeasures = "Extra anpassningar i skolan, samtal med skolkurator och föräldrastöd från IFO har inte räckt till."
            input.needsAtSchool = true
            input.needsAtHome = true
            input.needsDescription = "Struktur och stöd i skoldagen, och stöd till föräldrarna med rutiner hemma."
            input.familyApplied = true
            input.appliedOn = today.adding(days: -1).iso
            return try ok(await service.nominate(programmeKey: key, input, by: rektor))
        }
        func prepare(_ id: RecordID, child: RecordID) async throws {
            try ok(await service.refer(id, principalID: rektor.actor.staffID, caseOfficerID: officer.actor.staffID, on: today.iso, by: rektor))
            try ok(await service.decide(id, .select, ProgrammeDecisionInput(decidedBy: steering.actor.staffID, date: today.iso, reasons: "Uppfyller kriterierna; behov både i skolan och från IFO."), by: steering))
            var answer = ProgrammeFamilyResponseInput()
            answer.answer = "ja"
            answer.respondedOn = today.iso
            answer.informedBy = "\(rektor.actor.displayName) och \(officer.actor.displayName)"
            answer.consentGivenBy = "Båda vårdnadshavarna"
            answer.team = [rektor, officer, assistant, socionom, mentor].map(\.actor.staffID)
            answer.mayShare = "Det insatsen behöver: närvaro, skolsituation, hemsituation och planernas mål"
            answer.validTo = today.adding(months: 12).iso
            try ok(await service.recordResponse(id, answer, by: officer))
        }
        func document(_ key: String, child: RecordID?, summary: String, anchored: Bool = true) -> ProgrammeDocumentInput {
            var input = ProgrammeDocumentInput()
            input.key = key
            input.childID = child
            input.writtenOn = today.iso
            input.summary = summary
            if anchored {
                input.anchoredOn = today.iso
                input.anchoredWith = "Barnet och vårdnadshavarna"
            }
            return input
        }
        func writePreparation(_ id: RecordID, child: RecordID) async throws {
            _ = try ok(await service.writeDocument(id, document("vardplan", child: child, summary: "Situationen vid start: konflikter hemma på morgnarna och hög frånvaro."), by: officer))
            _ = try ok(await service.writeDocument(id, document("trampolinutredning", child: nil, summary: "Skolsituationen vid start: 30 % frånvaro, svårt i övergångar och på raster."), by: socionom))
        }
        func grantAndPlan(_ id: RecordID) async throws {
            try ok(await service.grant(id, ProgrammeDecisionInput(decidedBy: deputy.actor.staffID, date: today.iso, reasons: "Vårdplan och Trampolinutredning finns och är förankrade."), by: deputy))
            var plan = document("genomforandeplan", child: nil, summary: "Stöd hemma med morgonrutiner och föräldrasamtal.", anchored: false)
            plan.goals = ["Fungerande morgonrutiner fyra dagar av fem"]
            plan.actions = [ActionInput(what: "Hembesök tisdagar och torsdagar", responsibleStaffID: assistant.actor.staffID, responsibleName: assistant.actor.displayName,
                                        dueOn: today.adding(days: 60).iso)]
            _ = try ok(await service.writeDocument(id, plan, by: assistant))
            var school = document("handlingsplan", child: nil, summary: "Struktur i skoldagen och stöd på rasterna.", anchored: false)
            school.goals = ["Närvaro över 90 %"]
            school.actions = [ActionInput(what: "Rastvärd och bildschema", responsibleStaffID: socionom.actor.staffID, responsibleName: socionom.actor.displayName,
                                          dueOn: today.adding(days: 30).iso)]
            _ = try ok(await service.writeDocument(id, school, by: socionom))
        }
        func checkIn(_ id: RecordID, works: String, not: String) async throws {
            _ = try ok(await service.addNote(id, ProgrammeNoteInput(kind: "check-in", heldOn: today.iso, participants: "\(assistant.actor.displayName), \(socionom.actor.displayName)",
                                                                    works: works, doesNotWork: not), by: assistant))
        }
        func booking(on day: SimpleDate) -> MeetingBookingInput {
            var input = MeetingBookingInput()
            func person(_ o: RequestOrigin, _ role: MeetingRole) -> Participant { Participant(name: o.actor.displayName, roles: [role], staffID: o.actor.staffID) }
            let chair = person(rektor, .principal), secretary = person(officer, .caseOfficer)
            input.participants = [chair, secretary, Participant(name: "Vårdnadshavarna", roles: [.guardian]), person(mentor, .teacher),
                                  person(assistant, .treatmentAssistant), person(socionom, .schoolSocialWorker)]
            input.assignments = [.chair: chair, .secretary: secretary, .convener: secretary]
            input.date = day.iso
            input.startTime = "14:00"
            input.endTime = "15:00"
            input.place = "Ekbackens skola, konferensrummet"
            return input
        }

        var families = children.makeIterator()
        guard let nominatedOnly = families.next() else { return }
        // Closed with the family about six weeks ago: the follow-up after three months is ahead.
        if let closed = families.next() {
            let id = try await nominate(closed, concern: "Normbrytande beteende och konflikter på skolgården sedan förskoleklass.")
            try await prepare(id, child: closed)
            try await writePreparation(id, child: closed)
            try await grantAndPlan(id)
            days(7)
            try await checkIn(id, works: "Samarbetet med vårdnadshavarna.", not: "Fritidstiden.")
            days(23)
            var closing = ProgrammeClosureInput()
            closing.heldOn = today.iso
            closing.participants = "Vårdnadshavarna, \(rektor.actor.displayName), \(officer.actor.displayName), \(assistant.actor.displayName), \(socionom.actor.displayName)"
            closing.situationAtStart = "Konflikter på skolgården och hemma; föräldrarna kände sig ensamma."
            closing.situationNow = "Färre konflikter; föräldrarna har rutiner som fungerar."
            closing.againstGoal = "Målet om fungerande raster är i stort sett nått."
            closing.experiences = ["Vårdnadshavarna: tryggt att skola och IFO pratade med varandra.", "Skolsocionom: veckoavstämningarna gjorde skillnad."]
            closing.outcomes[closed] = [.attendance: "ja", .resultsTowardEligibility: "vet-ej", .placementAvoided: "ja"]
            try ok(await service.close(id, closing, by: officer))
        }
        // Running for a month: plans, weekly check-ins, one monthly follow-up held and the next booked.
        clock.set(now.addingTimeInterval(-35 * 86_400))
        if let running = families.next() {
            let id = try await nominate(running, concern: "Problematisk frånvaro och oro i skolan sedan förra läsåret.")
            try await prepare(id, child: running)
            days(3)
            try await writePreparation(id, child: running)
            days(2)
            try await grantAndPlan(id)
            days(7)
            try await checkIn(id, works: "Morgonrutinen med bildschema hemma.", not: "Övergången efter lunch.")
            let (meetingID, _) = try ok(await service.bookFollowUp(id, booking(on: today.adding(days: 7)), childAttendance: .init(), by: officer))
            days(7)
            try await checkIn(id, works: "Rastvärden hjälper.", not: "Läxorna skapar konflikter hemma.")
            _ = try ok(await service.addNote(id, ProgrammeNoteInput(kind: "pre-meeting:ifo", heldOn: today.iso, participants: "\(assistant.actor.displayName), \(officer.actor.displayName)",
                                                                    works: "Föräldrarna använder morgonschemat.", doesNotWork: "Kvällarna är fortfarande svåra."), by: assistant))
            var minutes = MinutesInput()
            minutes.chair = rektor.actor.displayName
            minutes.secretary = officer.actor.displayName
            minutes.attendance = Array(repeating: Attendance.present.rawValue, count: 6)
            minutes.childView = "Barnet berättade för skolsocionomen före mötet att rasterna känns bättre."
            minutes.childTalkBefore = socionom.actor.displayName
            minutes.childTalkAfterBy = assistant.actor.displayName
            minutes.nextMeetingDate = today.adding(days: 28).iso
            minutes.nextMeetingStart = "14:00"
            days(1)
            _ = try ok(await service.closeFollowUp(id, meetingID: meetingID, minutes, by: officer))
            days(6)
            try await checkIn(id, works: "Närvaron har ökat.", not: "Fredagarna.")
            days(7)
            try await checkIn(id, works: "Föräldrarna hör av sig själva.", not: "Idrotten.")
        }
        // In preparation: selected and accepted two weeks ago, the Trampolinutredning not yet written.
        clock.set(now.addingTimeInterval(-14 * 86_400))
        if let preparing = families.next() {
            let id = try await nominate(preparing, concern: "Hög frånvaro och utbrott i klassrummet.")
            try await prepare(id, child: preparing)
            days(2)
            _ = try ok(await service.writeDocument(id, document("vardplan", child: preparing, summary: "Situationen vid start: föräldrarna behöver stöd med gränssättning."), by: officer))
        }
        // Just nominated, two days ago.
        clock.set(now.addingTimeInterval(-2 * 86_400))
        _ = try await nominate(nominatedOnly, concern: "Återkommande frånvaro och oro för hemsituationen.")
    }
}
