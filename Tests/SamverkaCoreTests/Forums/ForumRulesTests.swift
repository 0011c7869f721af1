import Foundation
import Testing
@testable import SamverkaCore

/// Issue 19, "What must hold": the agenda's rules, the meetings per year, the yearly cycle.
@Suite("Forums: agenda items, meetings per period, the yearly cycle, the action plan")
struct ForumRulesTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> SimpleDate { SimpleDate(year: y, month: m, day: d)! }
    static let today = day(2026, 10, 5)
    static let now = Stockholm.startOfDay(today).addingTimeInterval(10 * 3600)

    static let chairSchool = ForumMember(staffID: 1, name: "Rut Rektor", role: .chair, unitID: 10)
    static let chairSocial = ForumMember(staffID: 2, name: "Sam Sektionschef", role: .chair, unitID: 20)
    static let member = ForumMember(staffID: 3, name: "Fia Förskolechef", role: .member, unitID: 11)

    static func forum(_ kind: ForumKind, id: RecordID = 7, members: [ForumMember] = [chairSchool, chairSocial, member]) -> Forum {
        ForumTemplate.shipped(kind).forum(id: id, covers: "Tumba", members: members)
    }

    static func consent(parties: Set<ConsentParty>, to: SimpleDate = day(2027, 6, 30), purpose: ConsentPurposeKind = .meetingSeries) -> MeetingConsent {
        MeetingConsent(facts: ConsentFacts(consentID: 55, parties: parties, categories: [.schoolInterventions], validFrom: day(2026, 1, 1), validTo: to),
                       giverKind: .guardians, purposeKind: purpose)
    }

    static func child(_ consents: [MeetingConsent]) -> ForumAgendaChild { ForumAgendaChild(id: 99, birthDate: day(2022, 3, 3), consents: consents) }

    static func item(child number: String = "", text: String = "Hur når vi familjer som inte kommer till BVC?", confirmed: Bool = false) -> ForumAgendaItemInput {
        var input = ForumAgendaItemInput()
        input.title = "Samråd"
        input.text = text
        input.childNumber = number
        input.identifyingConfirmed = confirmed
        return input
    }

    // MARK: Agenda items

    @Test("an SSPF meeting refuses any named child, even with a consent naming every member")
    func sspfRefusesANamedChild() {
        let all = Self.consent(parties: [.staff(1), .staff(2), .staff(3)])
        let result = ForumAgendaRules.validate(Self.item(child: "20220303-1234"), forum: Self.forum(.sspf), meetingOn: Self.today,
                                               child: Self.child([all]), identifying: nil, asOf: Self.now)
        guard case .failure(let errors) = result else { Issue.record("SSPF accepted a named child"); return }
        #expect(errors["child"]?.contains("inga individärenden") == true)
        // A general item is fine.
        #expect((try? ForumAgendaRules.validate(Self.item(), forum: Self.forum(.sspf), meetingOn: Self.today, child: nil, identifying: nil, asOf: Self.now).get()) != nil)
    }

    @Test("a Barnsamverkan item about a child needs a consent in force naming the forum's members")
    func barnsamverkanNeedsConsentNamingTheForum() throws {
        let forum = Self.forum(.childCollaboration)
        func check(_ consents: [MeetingConsent]) -> Result<ForumAgendaItemDraft, FieldErrors> {
            ForumAgendaRules.validate(Self.item(child: "20220303-1234"), forum: forum, meetingOn: Self.today, child: Self.child(consents), identifying: nil, asOf: Self.now)
        }
        // No consent at all.
        guard case .failure(let none) = check([]) else { Issue.record("accepted without consent"); return }
        #expect(none["child"]?.contains("samtycke") == true)
        // A consent that names only two of the three members.
        guard case .failure(let partial) = check([Self.consent(parties: [.staff(1), .staff(2)])]) else { Issue.record("accepted a consent missing a member"); return }
        #expect(partial["child"]?.contains("Fia Förskolechef") == true)
        // Expired.
        guard case .failure = check([Self.consent(parties: [.staff(1), .staff(2), .staff(3)], to: Self.day(2026, 9, 30))]) else { Issue.record("accepted an expired consent"); return }
        // Naming every member (one by their unit) in force: allowed, with the consent recorded.
        let draft = try check([Self.consent(parties: [.staff(1), .staff(2), .unit(11)])]).get()
        #expect(draft.childID == 99 && draft.consentIDs == [55])
        // Not found among the person's children: the same answer as a missing child.
        guard case .failure(let missing) = ForumAgendaRules.validate(Self.item(child: "20220303-1234"), forum: forum, meetingOn: Self.today, child: nil, identifying: nil, asOf: Self.now)
        else { Issue.record("accepted an unknown child"); return }
        #expect(missing["child"] != nil)
    }

    @Test("an LSG takes a child only de-identified")
    func lsgIsDeidentifiedOnly() {
        let all = Self.consent(parties: [.staff(1), .staff(2), .staff(3)])
        guard case .failure(let errors) = ForumAgendaRules.validate(Self.item(child: "20220303-1234"), forum: Self.forum(.localCollaborationGroup), meetingOn: Self.today,
                                                                    child: Self.child([all]), identifying: nil, asOf: Self.now) else { Issue.record("accepted"); return }
        #expect(errors["child"]?.contains("avidentifierat") == true)
    }

    @Test("a de-identified item that looks like it names a child warns, with the consultation's warning, until confirmed")
    func identifyingTextWarns() throws {
        let forum = Self.forum(.localCollaborationGroup)
        let text = "Eleven 150312-1234 är ofta frånvarande"
        let finding = IdentifyingFinding.find(in: text, knownNames: [])
        #expect(finding == .number)
        guard case .failure(let errors) = ForumAgendaRules.validate(Self.item(text: text), forum: forum, meetingOn: Self.today, child: nil, identifying: finding, asOf: Self.now)
        else { Issue.record("no warning"); return }
        #expect(errors["text"] == IdentifyingFinding.number.warning("En avidentifierad punkt på dagordningen"))
        #expect(errors["text"]?.contains("Texten verkar innehålla ett personnummer") == true)
        #expect(errors["identifying_confirmed"] != nil)
        // A registry name warns too; a confirmed text is saved as it is.
        let named = IdentifyingFinding.find(in: "Lukas i årskurs 3", knownNames: ["lukas"])
        #expect(named == .registryName)
        guard case .failure = ForumAgendaRules.validate(Self.item(text: "Lukas i årskurs 3"), forum: forum, meetingOn: Self.today, child: nil, identifying: named, asOf: Self.now)
        else { Issue.record("no warning for a registry name"); return }
        let saved = try ForumAgendaRules.validate(Self.item(text: text, confirmed: true), forum: forum, meetingOn: Self.today, child: nil, identifying: finding, asOf: Self.now).get()
        #expect(saved.childID == nil && saved.text == text)
        // A date is not a number that identifies.
        #expect(IdentifyingFinding.find(in: "Möte 2026-10-01", knownNames: []) == nil)
    }

    // MARK: Meetings per period

    @Test("an LSG with four meetings in a year warns its chairs; one with five does not")
    func lsgMeetingsPerYear() {
        let forum = Self.forum(.localCollaborationGroup)
        let four = [Self.day(2026, 2, 3), Self.day(2026, 4, 7), Self.day(2026, 6, 2), Self.day(2026, 9, 15)]
        let warned = ForumCadence.shortfalls(forum, meetingDays: four + [Self.day(2025, 11, 11)], on: Self.day(2026, 11, 20))
        #expect(warned.count == 1)
        #expect(warned.first?.text == "4 av minst 5 möten 2026")
        #expect(warned.first?.deadline.dueDay == Self.day(2026, 12, 31))
        #expect(warned.first?.deadline.state(on: Self.day(2026, 11, 20)) == .dueSoon)
        #expect(ForumCadence.shortfalls(forum, meetingDays: four + [Self.day(2026, 11, 10)], on: Self.day(2026, 11, 20)).isEmpty)
        // Across the year boundary: 2026 ended with four, overdue in January; gone in February.
        let january = ForumCadence.shortfalls(forum, meetingDays: four + (1...5).map { Self.day(2027, 1, $0) }, on: Self.day(2027, 1, 20))
        #expect(january.map(\.periodName) == ["2026"] && january.first?.deadline.state(on: Self.day(2027, 1, 20)) == .overdue)
        #expect(ForumCadence.shortfalls(forum, meetingDays: four + (1...5).map { Self.day(2027, 1, $0) }, on: Self.day(2027, 2, 20)).isEmpty)
        // A forum without a number never warns.
        #expect(ForumCadence.shortfalls(Self.forum(.managementGroup), meetingDays: [], on: Self.today).isEmpty)
    }

    @Test("Barnsamverkan counts three meetings per school year, 1 August to 31 July")
    func schoolYear() {
        let forum = Self.forum(.childCollaboration)
        let meetings = [Self.day(2026, 10, 1), Self.day(2027, 2, 1), Self.day(2027, 5, 1)]
        #expect(ForumCadence.shortfalls(forum, meetingDays: meetings, on: Self.day(2027, 3, 1)).isEmpty)
        let short = ForumCadence.shortfalls(forum, meetingDays: Array(meetings.prefix(2)), on: Self.day(2027, 3, 1))
        #expect(short.first?.periodName == "läsåret 2026/27" && short.first?.deadline.dueDay == Self.day(2027, 7, 31))
    }

    // MARK: The yearly cycle

    static let lsgA = ForumTemplate.shipped(.localCollaborationGroup).forum(id: 31, name: "LSG Alby/Fittja", covers: "Alby/Fittja",
                                                                           members: [ForumMember(staffID: 40, name: "A Skola", role: .chair), ForumMember(staffID: 41, name: "A Social", role: .chair)])
    static let lsgB = ForumTemplate.shipped(.localCollaborationGroup).forum(id: 32, name: "LSG Tumba", covers: "Tumba",
                                                                           members: [ForumMember(staffID: 50, name: "B Skola", role: .chair), ForumMember(staffID: 51, name: "B Social", role: .chair)])
    static let responsibles = CycleResponsibles(
        managementChairs: [ForumMember(staffID: 60, name: "Verksamhetschef skola", role: .chair), ForumMember(staffID: 61, name: "Verksamhetschef social", role: .chair)],
        collaborationMeetingChairs: [ForumMember(staffID: 70, name: "Elevhälsochef", role: .chair), ForumMember(staffID: 71, name: "Enhetschef IFO", role: .chair)],
        localGroups: [lsgA, lsgB])

    @Test("the yearly tasks fall on the right dates and people")
    func yearlyTasks() {
        let tasks = YearlyCycle.tasks(year: 2027, Self.responsibles)
        let due = Dictionary(uniqueKeysWithValues: tasks.map { ($0.kind, $0.dueOn) })
        #expect(due[.aprilMeeting] == Self.day(2027, 4, 30) && due[.planFollowUp] == Self.day(2027, 5, 31) && due[.evaluation] == Self.day(2027, 6, 30))
        #expect(due[.octoberMeeting] == Self.day(2027, 10, 31) && due[.collaborationDay] == Self.day(2027, 10, 31) && due[.yearSummary] == Self.day(2027, 11, 30))
        let people = Dictionary(uniqueKeysWithValues: tasks.map { ($0.kind, Set($0.responsible.map(\.staffID))) })
        #expect(people[.yearSummary] == [60, 61] && people[.planFollowUp] == [60, 61])
        #expect(people[.evaluation] == [70, 71] && people[.aprilMeeting] == [70, 71] && people[.octoberMeeting] == [70, 71])
        // Kraftsamlingsdagen goes round the LSGs, one a year.
        let day2026 = YearlyCycle.tasks(year: 2026, Self.responsibles).first { $0.kind == .collaborationDay }
        let day2027 = tasks.first { $0.kind == .collaborationDay }
        #expect(day2026?.organiser?.id == 31 && Set(day2026?.responsible.map(\.staffID) ?? []) == [40, 41])
        #expect(day2027?.organiser?.id == 32 && Set(day2027?.responsible.map(\.staffID) ?? []) == [50, 51])
        #expect(tasks.map(\.dueOn) == tasks.map(\.dueOn).sorted())
    }

    @Test("the work list's tasks across a year boundary, with the injected day")
    func yearBoundary() {
        // December 2026: the November summary, undone, is overdue; nothing of 2027 has opened.
        let december = YearlyCycle.open(on: Self.day(2026, 12, 20), done: [], Self.responsibles)
        let summary = december.first { $0.kind == .yearSummary }
        #expect(summary?.year == 2026 && summary?.deadline(doneOn: nil).state(on: Self.day(2026, 12, 20)) == .overdue)
        #expect(!december.contains { $0.year == 2027 })
        // Done in December: gone, and stays gone in January.
        let done: Set<CycleTaskKey> = [CycleTaskKey(kind: .yearSummary, year: 2026)]
        #expect(!YearlyCycle.open(on: Self.day(2027, 1, 10), done: done, Self.responsibles).contains { $0.kind == .yearSummary })
        // March 2027: the April meeting has opened for its conveners, running, due 30 April.
        let march = YearlyCycle.open(on: Self.day(2027, 3, 5), done: done, Self.responsibles)
        let april = march.first { $0.kind == .aprilMeeting }
        #expect(april?.year == 2027 && april?.dueOn == Self.day(2027, 4, 30) && Set(april?.responsible.map(\.staffID) ?? []) == [70, 71])
        #expect(april?.deadline(doneOn: nil).state(on: Self.day(2027, 3, 5)) == .running)
        #expect(april?.deadline(doneOn: nil).state(on: Self.day(2027, 4, 20)) == .dueSoon)
        // The October 2026 tasks, undone, are replaced when the 2027 ones open.
        #expect(YearlyCycle.open(on: Self.day(2027, 3, 5), done: done, Self.responsibles).first { $0.kind == .octoberMeeting }?.year == 2026)
        #expect(YearlyCycle.open(on: Self.day(2027, 9, 2), done: done, Self.responsibles).first { $0.kind == .octoberMeeting }?.year == 2027)
    }

    // MARK: The action plan

    @Test("an activity needs a goal of the year, an LSG, and a member of it who answers for it")
    func actionPlanActivity() throws {
        let plan = ActionPlan(year: 2027, goals: [ActionPlanGoal(id: 5, text: "Fler gemensamma anmälningsmöten")])
        var input = ActionPlanActivityInput()
        input.what = "Gemensam utbildning om anmälningsmöten"
        guard case .failure(let errors) = ActionPlanRules.activity(input, plan: plan, localGroups: [Self.lsgA]) else { Issue.record("accepted"); return }
        #expect(errors["goal_id"] != nil && errors["forum_id"] != nil)
        input.goalID = "5"
        input.forumID = "31"
        input.responsibleStaffID = "50"
        guard case .failure(let other) = ActionPlanRules.activity(input, plan: plan, localGroups: [Self.lsgA, Self.lsgB]) else { Issue.record("accepted another group's member"); return }
        #expect(other["responsible"] != nil)
        input.responsibleStaffID = "41"
        let draft = try ActionPlanRules.activity(input, plan: plan, localGroups: [Self.lsgA, Self.lsgB]).get()
        #expect(draft.responsible.name == "A Social" && draft.status == .planned)
    }

    // MARK: Access

    @Test("members see a forum, chairs book its meetings, others are refused")
    func access() {
        let facts = ForumAccessFacts(Self.forum(.localCollaborationGroup))
        let chair = Actor(staffID: 1, displayName: "Rut", assignments: [Assignment(role: .principal, unitID: 10, unitKind: .school)])
        let member = Actor(staffID: 3, displayName: "Fia", assignments: [Assignment(role: .preschoolHead, unitID: 11, unitKind: .preschool)])
        let outsider = Actor(staffID: 9, displayName: "Olle", assignments: [Assignment(role: .teacher, unitID: 10, unitKind: .school)])
        #expect(AccessPolicy.allows(chair, .bookForumMeeting(facts)) && AccessPolicy.allows(member, .viewForum(facts)))
        #expect(!AccessPolicy.allows(member, .bookForumMeeting(facts)) && AccessPolicy.allows(member, .workInForum(facts)))
        #expect(!AccessPolicy.allows(outsider, .viewForum(facts)))
        let meeting = MeetingAccessFacts(context: .forum(facts), participantStaffIDs: [1, 2])
        #expect(AccessPolicy.allows(member, .workInMeeting(meeting)) && !AccessPolicy.allows(outsider, .viewMeeting(meeting)))
    }
}
