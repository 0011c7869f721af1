import Foundation
import SQLKit
import SamverkaCore

/// A forum's page: the forum, its meetings with their agenda items, its shortfall.
public struct ForumPage: Sendable {
    public var forum: Forum
    public var meetings: [MeetingRecord]
    public var agenda: [RecordID: [ForumAgendaItemRecord]]
    public var shortfalls: [ForumMeetingShortfall]
    public var today: SimpleDate
}

/// What the booking form of a forum meeting offers.
public struct ForumBookingChoices: Sendable {
    public var forum: Forum
    public var type: MeetingType
    public var participants: [Participant]
}

/// The yearly wheel of one year.
public struct YearlyWheel: Sendable {
    public var year: Int
    public var tasks: [CycleTask]
    public var done: [CycleTaskKey: CycleTaskDone]
    public var today: SimpleDate
}

/// Forums, their meetings on the meeting machinery, the yearly cycle and the action plan
/// (issue 19). Entry decisions go through the audited door; an agenda item about a named
/// child is written with its audit row in the same transaction; a refusal answers like a
/// missing record.
public struct ForumService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public static let notFound = AccessReason(code: "not-found", text: ForumMessages.notFound)

    private func loadForum(_ id: RecordID, _ request: (ForumAccessFacts) -> AccessRequest, origin: RequestOrigin, now: Date, _ db: any SQLDatabase) async throws -> Forum? {
        guard let forum = try await ForumQueries.forum(id: id, db) else {
            try await AuditQueries.append(origin.event(.accessDenied, type: .forum, record: String(id), reason: ForumAuditReasons.forumMissing(id)), at: now, db)
            return nil
        }
        guard try await origin.decide(request(ForumAccessFacts(forum)), type: .forum, record: String(id), at: now, db).isAllowed else { return nil }
        return forum
    }

    // MARK: Forums

    /// Sets up a forum from a shipped template with its members (the administrator; the demo).
    public func createForum(_ template: ForumTemplate, name: String? = nil, covers: String, members: [(staffID: RecordID, role: ForumMemberRole)], by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await store.transaction { db in
            guard try await origin.decide(.manageForums, type: .forum, at: now, db).isAllowed else { return .denied(Self.notFound) }
            var resolved: [ForumMember] = []
            for m in members {
                guard let staff = try await OrganisationQueries.staff(id: m.staffID, db) else { continue }
                resolved.append(ForumMember(staffID: staff.id, name: staff.displayName, role: m.role, unitID: try await ForumQueries.memberUnit(staffID: staff.id, db)))
            }
            let id = try await ForumQueries.insertForum(template.forum(id: 0, name: name, covers: covers, members: resolved), now: now, db)
            try await AuditQueries.append(origin.event(.create, type: .forum, record: String(id), reason: ForumAuditReasons.created(name ?? template.name)), at: now, db)
            return .ok(id)
        }
    }

    /// What the administrator's forum pages show: every forum, and the active staff who can be members.
    public struct ForumAdministration: Sendable {
        public var forums: [Forum]
        public var staff: [StaffRecord]
    }

    public func administration(by origin: RequestOrigin) async throws -> Outcome<ForumAdministration> {
        let now = clock.now()
        return try await store.transaction { db in
            guard try await origin.decide(.manageForums, type: .forum, at: now, db).isAllowed else { return .denied(Self.notFound) }
            try await AuditQueries.append(origin.event(.read, type: .forum, reason: ForumAuditReasons.administration), at: now, db)
            return .ok(ForumAdministration(forums: try await ForumQueries.forums(db), staff: try await OrganisationQueries.allStaff(db).filter(\.active)))
        }
    }

    /// The administrator sets up a forum from a template's form (its members are added after).
    public func setUpForum(kind: String, name: String, covers: String, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        switch ForumTemplate.setUp(kind: kind, name: name, covers: covers) {
        case .failure(let errors):
            let now = clock.now()
            let allowed = try await store.transaction { db in try await origin.decide(.manageForums, type: .forum, at: now, db).isAllowed }
            return allowed ? .invalid(errors) : .denied(Self.notFound)
        case .success(let setup):
            return try await createForum(setup.template, name: setup.name, covers: setup.covers, members: [], by: origin)
        }
    }

    /// Adds a member (the administrator), checked by `ForumMembership`: once each, at most two chairs.
    public func addMember(forumID: RecordID, staffID: String, role: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard try await origin.decide(.manageForums, type: .forum, record: String(forumID), at: now, db).isAllowed,
                  let forum = try await ForumQueries.forum(id: forumID, db) else { return .denied(Self.notFound) }
            let staff = try await RecordID(staffID).asyncFlatMap { try await OrganisationQueries.staff(id: $0, db) }.flatMap { $0.active ? $0 : nil }
            switch ForumMembership.validateAdd(staffID: staff?.id, role: role, to: forum) {
            case .failure(let errors): return .invalid(errors)
            case .success(let (id, memberRole)):
                guard let staff else { return .denied(Self.notFound) }
                let member = ForumMember(staffID: id, name: staff.displayName, role: memberRole, unitID: try await ForumQueries.memberUnit(staffID: id, db))
                try await ForumQueries.insertMember(forumID: forumID, member, db)
                try await AuditQueries.append(origin.event(.update, type: .forum, record: String(forumID),
                                                           reason: ForumAuditReasons.memberAdded(forum.name, name: staff.displayName, role: memberRole)), at: now, db)
                return .ok(())
            }
        }
    }

    /// Removes a member, never the forum's last chair.
    public func removeMember(forumID: RecordID, staffID: RecordID, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard try await origin.decide(.manageForums, type: .forum, record: String(forumID), at: now, db).isAllowed,
                  let forum = try await ForumQueries.forum(id: forumID, db) else { return .denied(Self.notFound) }
            let errors = ForumMembership.validateRemove(staffID: staffID, from: forum)
            guard errors.isEmpty else { return .invalid(errors) }
            try await ForumQueries.deleteMember(forumID: forumID, staffID: staffID, db)
            let name = forum.members.first { $0.staffID == staffID }?.name ?? String(staffID)
            try await AuditQueries.append(origin.event(.update, type: .forum, record: String(forumID), reason: ForumAuditReasons.memberRemoved(forum.name, name: name)), at: now, db)
            return .ok(())
        }
    }

    /// The forums the person sits in (an administrator sees all).
    public func myForums(by origin: RequestOrigin) async throws -> [Forum] {
        try await store.withConnection { db in
            if origin.actor.isAdministrator { return try await ForumQueries.forums(db) }
            return try await ForumQueries.forums(ids: try await ForumQueries.forumIDs(memberStaffID: origin.actor.staffID, db), db)
        }
    }

    public func forumPage(_ id: RecordID, by origin: RequestOrigin) async throws -> Outcome<ForumPage> {
        let now = clock.now()
        let today = Stockholm.date(of: now)
        return try await store.transaction { db in
            guard let forum = try await loadForum(id, { .viewForum($0) }, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            let meetings = try await CollaborationQueries.meetings(context: MeetingContext(.forum, id), db)
            var agenda: [RecordID: [ForumAgendaItemRecord]] = [:]
            // The agenda is the members' (it may name a child under a consent that names the
            // forum): an administrator who keeps the forum's members sees the meetings only.
            if AccessPolicy.allows(origin.actor, .workInForum(ForumAccessFacts(forum))) {
                for meeting in meetings { agenda[meeting.id] = try await ForumQueries.agendaItems(meetingID: meeting.id, db) }
            }
            // The named children on the agenda are read with the page.
            for childID in Set(agenda.values.flatMap { $0 }.compactMap(\.childID)) {
                try await AuditQueries.append(origin.event(.read, child: childID, type: .forumAgendaItem, reason: ForumAuditReasons.agenda(forum.name)), at: now, db)
            }
            try await AuditQueries.append(origin.event(.read, type: .forum, record: String(id), reason: forum.name), at: now, db)
            return .ok(ForumPage(forum: forum, meetings: meetings, agenda: agenda,
                                 shortfalls: ForumCadence.shortfalls(forum, meetingDays: meetings.map(\.schedule.date), on: today), today: today))
        }
    }

    // MARK: Meetings

    public func bookingChoices(_ id: RecordID, by origin: RequestOrigin) async throws -> Outcome<ForumBookingChoices> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let forum = try await loadForum(id, { .bookForumMeeting($0) }, origin: origin, now: now, db),
                  let type = try await CollaborationQueries.meetingTypes(db).first(where: { $0.key == forum.meetingTypeKey }) else { return .denied(Self.notFound) }
            let assignments = try await OrganisationQueries.assignments(staffIDs: Set(forum.members.map(\.staffID)), db)
            let participants = forum.members.map { $0.participant(assignments: (assignments[$0.staffID] ?? []).map(\.assignment)) }
            return .ok(ForumBookingChoices(forum: forum, type: type, participants: participants))
        }
    }

    /// Books a meeting of the forum: its chairs, with the forum's type, on the machinery's rules.
    public func bookMeeting(_ id: RecordID, _ input: MeetingBookingInput, by origin: RequestOrigin) async throws -> Outcome<(id: RecordID, notes: [String])> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let forum = try await loadForum(id, { .bookForumMeeting($0) }, origin: origin, now: now, db),
                  let type = try await CollaborationQueries.meetingTypes(db).first(where: { $0.key == forum.meetingTypeKey && MeetingContextKind.forum.holds($0.category) })
            else { return .denied(Self.notFound) }
            switch MeetingBookingRules.validate(input, MeetingBookingContext(type: type, now: now, childBirthDate: nil, consents: [])) {
            case .failure(let errors): return .invalid(errors)
            case .success(let booking):
                let meetingID = try await CollaborationQueries.insertMeeting(context: MeetingContext(.forum, id), caseID: nil, childIDs: [], type: type, booking, by: origin.actor, now: now, db)
                try await AuditQueries.append(origin.event(.create, type: .meeting, record: String(meetingID), reason: ForumAuditReasons.meetingBooked(forum.name, when: booking.schedule.whenText)), at: now, db)
                return .ok((meetingID, booking.notes))
            }
        }
    }

    /// The forum of a forum meeting, decided for `request`; nil when refused or not a forum's.
    private func meetingForum(_ meetingID: RecordID, _ request: (ForumAccessFacts) -> AccessRequest, origin: RequestOrigin, now: Date, _ db: any SQLDatabase) async throws -> (MeetingRecord, Forum)? {
        guard let meeting = try await CollaborationQueries.meeting(id: meetingID, db), meeting.context.kind == .forum else {
            try await AuditQueries.append(origin.event(.accessDenied, type: .meeting, record: String(meetingID), reason: ForumAuditReasons.meetingMissing), at: now, db)
            return nil
        }
        guard let forum = try await loadForum(meeting.context.id, request, origin: origin, now: now, db) else { return nil }
        return (meeting, forum)
    }

    /// The agenda items of a forum meeting, for the meeting page (nil: not a forum's meeting or not the person's).
    public func agenda(meetingID: RecordID, by origin: RequestOrigin) async throws -> (forum: Forum, items: [ForumAgendaItemRecord], mayAdd: Bool)? {
        let now = clock.now()
        return try await store.transaction { db in
            guard let meeting = try await CollaborationQueries.meeting(id: meetingID, db), meeting.context.kind == .forum,
                  let forum = try await ForumQueries.forum(id: meeting.context.id, db) else { return nil }
            let facts = ForumAccessFacts(forum)
            guard AccessPolicy.allows(origin.actor, .viewForum(facts)) || meeting.participants.contains(where: { $0.person.staffID == origin.actor.staffID }) else { return nil }
            let items = try await ForumQueries.agendaItems(meetingID: meetingID, db)
            for childID in Set(items.compactMap(\.childID)) {
                try await AuditQueries.append(origin.event(.read, child: childID, type: .forumAgendaItem, record: String(meetingID), reason: ForumAuditReasons.agenda(forum.name)), at: now, db)
            }
            return (forum, items, meeting.closedAt == nil && AccessPolicy.allows(origin.actor, .workInForum(facts)))
        }
    }

    /// Adds an item to a forum meeting's agenda: a member, before the minutes are closed.
    /// About a named child only where the forum permits it and a consent in force names its
    /// members; otherwise de-identified, warned when the text looks like it names a child.
    public func addAgendaItem(meetingID: RecordID, _ input: ForumAgendaItemInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        let today = Stockholm.date(of: now)
        return try await store.transaction { db in
            guard let (meeting, forum) = try await meetingForum(meetingID, { .workInForum($0) }, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            guard meeting.closedAt == nil else {
                var errors = FieldErrors()
                errors.add("title", ForumMessages.minutesClosedAgendaFixed)
                return .invalid(errors)
            }
            var child: ForumAgendaChild?
            if input.namesAChild, forum.childItems == .withConsent,
               let number = try? IdentityNumber.parse(TextRules.trimmed(input.childNumber), today: today).get(),
               let childID = try await ChildQueries.childID(identityNumber: number, db),
               let facts = try await ChildQueries.accessFacts(childID: childID, db),
               AccessPolicy.allows(origin.actor, .viewChild(facts)) {
                child = ForumAgendaChild(id: childID, birthDate: number.birthDate, consents: try await CollaborationService.meetingConsents(childID: childID, db))
            }
            let text = input.title + " " + input.text
            var identifying: IdentifyingFinding?
            if !input.namesAChild {
                let known = IdentifyingText.numberLikeSpans(in: text).isEmpty ? try await ConcernSupportQueries.knownNameTokens(IdentifyingText.nameCandidates(in: text), db) : []
                identifying = IdentifyingFinding.find(in: text, knownNames: known)
            }
            switch ForumAgendaRules.validate(input, forum: forum, meetingOn: meeting.schedule.date, child: child, identifying: identifying, asOf: now) {
            case .failure(let errors): return .invalid(errors)
            case .success(let draft):
                let id = try await ForumQueries.insertAgendaItem(meetingID: meetingID, forumID: forum.id, draft, identifyingConfirmed: input.identifyingConfirmed && identifying != nil,
                                                                 by: origin.actor, now: now, db)
                let reason = ForumAuditReasons.agendaItem(forum.name, consentIDs: draft.childID == nil ? nil : draft.consentIDs)
                try await AuditQueries.append(origin.event(.create, child: draft.childID, type: .forumAgendaItem, record: String(id), reason: reason), at: now, db)
                return .ok(id)
            }
        }
    }

    // MARK: The yearly cycle

    /// Who answers for the cycle's tasks, from the forums.
    static func responsibles(_ forums: [Forum]) -> CycleResponsibles {
        CycleResponsibles(managementChairs: forums.first { $0.kind == .managementGroup }?.chairs ?? [],
                          collaborationMeetingChairs: forums.first { $0.kind == .twiceYearlyMeeting }?.chairs ?? [],
                          localGroups: forums.filter { $0.kind == .localCollaborationGroup }.sorted { $0.id < $1.id })
    }

    static func isGovernanceMember(_ actor: Actor, _ forums: [Forum]) -> Bool {
        forums.contains { $0.isMember(actor.staffID) }
    }

    public func wheel(year: Int?, by origin: RequestOrigin) async throws -> Outcome<YearlyWheel> {
        let now = clock.now()
        let today = Stockholm.date(of: now)
        let year = year ?? today.year
        return try await store.transaction { db in
            let forums = try await ForumQueries.forums(db)
            guard try await origin.decide(.viewGovernance(isForumMember: Self.isGovernanceMember(origin.actor, forums)), type: .yearlyCycle, record: String(year), at: now, db).isAllowed
            else { return .denied(Self.notFound) }
            let done = try await ForumQueries.cycleDone(years: year...year, db)
            try await AuditQueries.append(origin.event(.read, type: .yearlyCycle, record: String(year), reason: ForumAuditReasons.yearlyCycle(year)), at: now, db)
            return .ok(YearlyWheel(year: year, tasks: YearlyCycle.tasks(year: year, Self.responsibles(forums)),
                                   done: Dictionary(done.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }), today: today))
        }
    }

    /// A responsible person marks the year's task done.
    public func markDone(_ key: CycleTaskKey, note: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            let forums = try await ForumQueries.forums(db)
            guard let task = YearlyCycle.tasks(year: key.year, Self.responsibles(forums)).first(where: { $0.kind == key.kind }),
                  try await origin.decide(.completeCycleTask(responsibleIDs: Set(task.responsible.map(\.staffID))), type: .yearlyCycle, record: "\(key.kind.rawValue) \(key.year)", at: now, db).isAllowed
            else { return .denied(Self.notFound) }
            var errors = FieldErrors()
            let note = TextRules.optional(note, field: "note", label: ForumMessages.noteLabel, max: 2000, into: &errors)
            guard errors.isEmpty else { return .invalid(errors) }
            guard try await ForumQueries.markDone(key, on: Stockholm.date(of: now), note: note, by: origin.actor, now: now, db) else {
                errors.add("note", ForumMessages.taskAlreadyDone)
                return .invalid(errors)
            }
            try await AuditQueries.append(origin.event(.update, type: .yearlyCycle, record: "\(key.kind.rawValue) \(key.year)", reason: ForumAuditReasons.cycleTaskDone(key.kind.title, year: key.year)), at: now, db)
            return .ok(())
        }
    }

    // MARK: The action plan

    public struct ActionPlanPage: Sendable {
        public var plan: ActionPlan
        public var localGroups: [Forum]
        public var mayKeepGoals: Bool
        /// The LSGs whose activities the person keeps.
        public var keptGroupIDs: Set<RecordID>
    }

    public func actionPlan(year: Int, by origin: RequestOrigin) async throws -> Outcome<ActionPlanPage> {
        let now = clock.now()
        return try await store.transaction { db in
            let forums = try await ForumQueries.forums(db)
            guard try await origin.decide(.viewGovernance(isForumMember: Self.isGovernanceMember(origin.actor, forums)), type: .actionPlan, record: String(year), at: now, db).isAllowed
            else { return .denied(Self.notFound) }
            let management = forums.first { $0.kind == .managementGroup }.map(ForumAccessFacts.init)
            let groups = forums.filter { $0.kind == .localCollaborationGroup }
            try await AuditQueries.append(origin.event(.read, type: .actionPlan, record: String(year), reason: ForumAuditReasons.actionPlan(year)), at: now, db)
            return .ok(ActionPlanPage(
                plan: try await ForumQueries.actionPlan(year: year, db), localGroups: groups,
                mayKeepGoals: management.map { AccessPolicy.allows(origin.actor, .keepActionPlanGoals(management: $0)) } ?? false,
                keptGroupIDs: Set(groups.filter { AccessPolicy.allows(origin.actor, .keepActionPlanActivity(group: ForumAccessFacts($0), management: management)) }.map(\.id))))
        }
    }

    private func management(_ db: any SQLDatabase) async throws -> (Forum?, [Forum]) {
        let forums = try await ForumQueries.forums(db)
        return (forums.first { $0.kind == .managementGroup }, forums.filter { $0.kind == .localCollaborationGroup })
    }

    /// A goal of the year's plan, or its May follow-up / November summary: the ledningsgrupp.
    public func addGoal(year: Int, _ text: String, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let group = try await management(db).0,
                  try await origin.decide(.keepActionPlanGoals(management: ForumAccessFacts(group)), type: .actionPlan, record: String(year), at: now, db).isAllowed
            else { return .denied(Self.notFound) }
            switch ActionPlanRules.goal(text) {
            case .failure(let errors): return .invalid(errors)
            case .success(let goal):
                try await ForumQueries.savePlanText(year: year, now: now, db)
                let id = try await ForumQueries.insertGoal(year: year, goal, by: origin.actor, now: now, db)
                try await AuditQueries.append(origin.event(.update, type: .actionPlan, record: String(year), reason: ForumAuditReasons.planGoals(year)), at: now, db)
                return .ok(id)
            }
        }
    }

    public func savePlanText(year: Int, followUp: String? = nil, summary: String? = nil, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let group = try await management(db).0,
                  try await origin.decide(.keepActionPlanGoals(management: ForumAccessFacts(group)), type: .actionPlan, record: String(year), at: now, db).isAllowed
            else { return .denied(Self.notFound) }
            var errors = FieldErrors()
            let f = followUp.map { TextRules.optional($0, field: "follow_up", label: ForumMessages.followUpLabel, max: 8000, into: &errors) }
            let s = summary.map { TextRules.optional($0, field: "summary", label: ForumMessages.summaryLabel, max: 8000, into: &errors) }
            guard errors.isEmpty else { return .invalid(errors) }
            try await ForumQueries.savePlanText(year: year, followUp: f, summary: s, now: now, db)
            try await AuditQueries.append(origin.event(.update, type: .actionPlan, record: String(year), reason: ForumAuditReasons.planText(year, followUp: followUp != nil)), at: now, db)
            return .ok(())
        }
    }

    /// An LSG's activity under a goal: the group's members or the ledningsgrupp.
    public func addActivity(year: Int, _ input: ActionPlanActivityInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await store.transaction { db in
            let (group, groups) = try await management(db)
            let plan = try await ForumQueries.actionPlan(year: year, db)
            let forum = groups.first { String($0.id) == TextRules.trimmed(input.forumID) }
            if let forum {
                guard try await origin.decide(.keepActionPlanActivity(group: ForumAccessFacts(forum), management: group.map(ForumAccessFacts.init)), type: .actionPlan, record: String(year), at: now, db).isAllowed
                else { return .denied(Self.notFound) }
            }
            switch ActionPlanRules.activity(input, plan: plan, localGroups: groups) {
            case .failure(let errors): return .invalid(errors)
            case .success(let draft):
                let id = try await ForumQueries.insertActivity(year: year, draft, by: origin.actor, now: now, db)
                try await AuditQueries.append(origin.event(.update, type: .actionPlan, record: String(year), reason: ForumAuditReasons.planActivity(year)), at: now, db)
                return .ok(id)
            }
        }
    }

    public func updateActivity(year: Int, id: RecordID, status: String, note: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            let (group, groups) = try await management(db)
            guard let activity = try await ForumQueries.actionPlan(year: year, db).activities.first(where: { $0.id == id }),
                  let forum = groups.first(where: { $0.id == activity.forumID }),
                  try await origin.decide(.keepActionPlanActivity(group: ForumAccessFacts(forum), management: group.map(ForumAccessFacts.init)), type: .actionPlan, record: String(year), at: now, db).isAllowed
            else { return .denied(Self.notFound) }
            var errors = FieldErrors()
            let parsed = ActivityStatus(rawValue: status)
            if parsed == nil { errors.add("status", ForumMessages.statusMissing) }
            let note = TextRules.optional(note, field: "note", label: ForumMessages.noteLabel, max: 2000, into: &errors)
            guard errors.isEmpty, let parsed else { return .invalid(errors) }
            try await ForumQueries.updateActivity(id: id, status: parsed, note: note, by: origin.actor, now: now, db)
            try await AuditQueries.append(origin.event(.update, type: .actionPlan, record: String(year), reason: ForumAuditReasons.activityStatus(id, parsed.label)), at: now, db)
            return .ok(())
        }
    }
}
