import Foundation
import SamverkaCore

/// The demo's forums (issue 19 item 8), through the services like real work: the seeds'
/// forums with members, a year of meetings (LSG Norra held five, LSG Södra three, so its
/// chairs are warned), agenda items (de-identified, and in Elevsamverkan one about a child
/// under a consent naming the members when the demo has one), the yearly wheel with the
/// year's first tasks done, and an action plan with goals and the LSGs' activities.
extension DemoMunicipality {
    static func seedForums(_ store: Store, now: Date, origin: (String) async throws -> RequestOrigin) async throws {
        let clock = ManualTimeSource(now.addingTimeInterval(-300 * 86_400))
        let service = ForumService(store: store, clock: clock)
        func ok<T>(_ outcome: Outcome<T>) throws -> T {
            guard case .ok(let value) = outcome else { throw StoreError.conflict("demo forum: \(outcome)") }
            return value
        }
        var today: SimpleDate { Stockholm.date(of: clock.now()) }
        let admin = try await origin("admin")
        var people: [String: RequestOrigin] = [:]
        for name in ["elevhalsochef", "ifochef", "enhetschef", "rektor.ekbacken", "rektor.strand", "forskolechef.solrosen", "forskolechef.larkan",
                     "bitradande.ifochef", "utredare", "familjebehandlare", "kurator.ekbacken", "skolskoterska.ekbacken", "specialpedagog.ekbacken",
                     "insatskoordinator", "mentor.strand", "pedagog.solrosen"] {
            people[name] = try await origin(name)
        }
        func id(_ name: String) -> RecordID { people[name]!.actor.staffID }
        func forum(_ kind: ForumKind, name: String? = nil, covers: String, chairs: [String], members: [String] = [], contacts: [String] = []) async throws -> RecordID {
            var all: [(staffID: RecordID, role: ForumMemberRole)] = []
            for (names, role) in [(chairs, ForumMemberRole.chair), (members, .member), (contacts, .contactPerson)] {
                for name in names { all.append((staffID: id(name), role: role)) }
            }
            return try ok(await service.createForum(.shipped(kind), name: name, covers: covers, members: all, by: admin))
        }
        let management = try await forum(.managementGroup, covers: "Hela kommunen", chairs: ["elevhalsochef", "ifochef"], members: ["enhetschef", "rektor.strand"])
        let north = try await forum(.localCollaborationGroup, name: "Lokal samverkansgrupp Norra", covers: "Område Norra",
                                    chairs: ["rektor.ekbacken", "enhetschef"], members: ["forskolechef.solrosen", "familjebehandlare"])
        let south = try await forum(.localCollaborationGroup, name: "Lokal samverkansgrupp Södra", covers: "Område Södra",
                                    chairs: ["rektor.strand", "bitradande.ifochef"], members: ["forskolechef.larkan"])
        _ = try await forum(.contactPersons, name: "Socialtjänstens kontaktpersoner, Ekbackens skola", covers: "Ekbackens skola", chairs: ["rektor.ekbacken"], contacts: ["utredare", "familjebehandlare"])
        _ = try await forum(.childCollaboration, covers: "Solrosens och Lärkans förskolor", chairs: ["forskolechef.solrosen", "utredare"], members: ["forskolechef.larkan", "insatskoordinator"])
        let pupils = try await forum(.pupilCollaboration, covers: "Ekbackens skola", chairs: ["rektor.ekbacken", "utredare"], members: ["kurator.ekbacken"])
        _ = try await forum(.studentHealthTeam, name: "Elevhälsoteam, Ekbackens skola", covers: "Ekbackens skola", chairs: ["rektor.ekbacken"],
                            members: ["kurator.ekbacken", "skolskoterska.ekbacken", "specialpedagog.ekbacken", "insatskoordinator"])
        _ = try await forum(.childHealthTeam, name: "Barnhälsoteam, Solrosens förskola", covers: "Solrosens förskola", chairs: ["forskolechef.solrosen"], members: ["pedagog.solrosen", "insatskoordinator"])
        _ = try await forum(.safetyTeam, name: "Trygghetsteam, Strandskolan", covers: "Strandskolan", chairs: ["rektor.strand"], members: ["mentor.strand"])
        let sspf = try await forum(.sspf, covers: "Hela kommunen", chairs: ["elevhalsochef", "enhetschef"], members: ["rektor.strand", "familjebehandlare"])
        _ = try await forum(.twiceYearlyMeeting, covers: "Elevhälsan, rektorer, socialtjänst och familjeteam", chairs: ["elevhalsochef", "enhetschef"],
                            members: ["rektor.ekbacken", "rektor.strand", "kurator.ekbacken", "familjebehandlare"])
        _ = try await forum(.yearlyHalfDay, covers: "Förskola, skola och socialtjänst BoU", chairs: ["elevhalsochef", "enhetschef"])
        _ = try await forum(.collaborationDay, covers: "Hela kommunen", chairs: ["elevhalsochef", "ifochef"])

        /// Books a meeting a week ahead; `hold` closes its minutes on the day with an action.
        func meeting(_ forumID: RecordID, chair: String, secretary: String, members: [String], others: [String] = [], hold: Bool, action: (String, String)? = nil,
                     items: [(String, String)] = []) async throws {
            var input = MeetingBookingInput()
            let day = today.adding(days: 7)
            input.date = day.iso
            input.startTime = "13:00"
            input.endTime = "15:00"
            input.place = "Kommunhuset, sal 2"
            // In the roles they hold, as the booking form invites them.
            input.participants = members.map { name in
                let actor = people[name]!.actor
                return ForumMember(staffID: actor.staffID, name: actor.displayName, role: .member).participant(assignments: actor.assignments)
            }
                + others.map { Participant(name: $0, roles: [.region], organisation: "Polisen") }
            input.assignments = [.chair: input.participants[members.firstIndex(of: chair)!], .secretary: input.participants[members.firstIndex(of: secretary)!]]
            let (meetingID, _) = try ok(await service.bookMeeting(forumID, input, by: people[chair]!))
            for (title, text) in items {
                var item = ForumAgendaItemInput()
                item.title = title
                item.text = text
                _ = try ok(await service.addAgendaItem(meetingID: meetingID, item, by: people[chair]!))
            }
            guard hold else { return }
            // The minutes are written the day after the meeting.
            clock.advance(by: 8 * 86_400)
            var minutes = MinutesInput()
            minutes.chair = people[chair]!.actor.displayName
            minutes.secretary = people[secretary]!.actor.displayName
            minutes.attendance = Array(repeating: Attendance.present.rawValue, count: input.participants.count)
            minutes.decisions = ["Gruppen följer handlingsplanen enligt dagordningen."]
            if let (who, what) = action {
                minutes.actions = [ActionInput(what: what, responsibleStaffID: id(who), responsibleName: people[who]!.actor.displayName, dueOn: today.adding(days: 30).iso)]
            }
            minutes.noNextMeetingReason = "Nästa möte är planerat i årshjulet."
            _ = try ok(await CollaborationService(store: store, clock: clock).closeMinutes(meetingID: meetingID, minutes, by: people[chair]!))
        }
        let northMembers = ["rektor.ekbacken", "enhetschef", "forskolechef.solrosen", "familjebehandlare"]
        let southMembers = ["rektor.strand", "bitradande.ifochef", "forskolechef.larkan"]
        let sspfMembers = ["elevhalsochef", "enhetschef", "rektor.strand", "familjebehandlare"]
        // A year: every other month the LSGs, SSPF in between; the last ones still ahead.
        for round in 0..<5 {
            // The last round is still ahead: booked from today.
            if round == 4 { clock.set(now) }
            try await meeting(north, chair: "rektor.ekbacken", secretary: "enhetschef", members: northMembers, hold: round < 4,
                              action: round == 3 ? ("forskolechef.solrosen", "Bjuda in familjeteamet till förskolornas föräldramöten") : nil,
                              items: round == 0 ? [("Samråd: hög frånvaro i åk 7", "Hur arbetar vi gemensamt när en elev har lång frånvaro och familjen inte svarar?")] : [])
            if round < 3 { try await meeting(south, chair: "rektor.strand", secretary: "bitradande.ifochef", members: southMembers, hold: true) }
            try await meeting(sspf, chair: "elevhalsochef", secretary: "enhetschef", members: sspfMembers, others: ["Kim Kvarterspolis"], hold: round < 4,
                              items: [("Lägesbild", "Normbrytande beteende i centrum på kvällstid, på gruppnivå.")])
            clock.advance(by: 40 * 86_400)
        }
        clock.set(now)
        try await meeting(pupils, chair: "rektor.ekbacken", secretary: "utredare", members: ["rektor.ekbacken", "utredare", "kurator.ekbacken"], hold: false,
                          items: [("Gemensamma frågor", "Hur når vi vårdnadshavare som inte kommer på utvecklingssamtal?")])
        _ = management

        // The action plan of this year and the wheel's first tasks done.
        let year = Stockholm.date(of: now).year
        let planner = people["elevhalsochef"]!
        let goal1 = try ok(await service.addGoal(year: year, "Fler gemensamma anmälningsmöten med familjen", by: planner))
        let goal2 = try ok(await service.addGoal(year: year, "Personalen i båda förvaltningarna känner till varandras uppdrag", by: planner))
        for (goal, group, who, what, status) in [(goal1, north, "rektor.ekbacken", "Gemensam genomgång av rutinen för anmälningsmöten på APT", ActivityStatus.done),
                                                 (goal2, north, "familjebehandlare", "Familjeteamet presenterar sig på förskolornas APT", .ongoing),
                                                 (goal2, south, "forskolechef.larkan", "Auskultation: förskolechefer besöker IFO en halvdag", .planned)] {
            var input = ActionPlanActivityInput()
            input.goalID = String(goal)
            input.forumID = String(group)
            input.what = what
            input.responsibleStaffID = String(id(who))
            input.status = status.rawValue
            _ = try ok(await service.addActivity(year: year, input, by: people[who]!))
        }
        _ = try ok(await service.savePlanText(year: year, followUp: "Maj: anmälningsmötena har ökat i område Norra; Södra har inte kommit igång.", by: planner))
        let done = YearlyCycle.tasks(year: year, ForumService.responsibles(try await store.withConnection { db in try await ForumQueries.forums(db) }))
            .filter { $0.dueOn < Stockholm.date(of: now) }.prefix(3)
        for task in done {
            guard let who = task.responsible.first, let person = people.values.first(where: { $0.actor.staffID == who.staffID }) else { continue }
            _ = try ok(await service.markDone(task.key, note: "Genomfört.", by: person))
        }
    }
}
