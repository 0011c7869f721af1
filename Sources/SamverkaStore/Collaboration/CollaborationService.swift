import Foundation
import SQLKit
import SamverkaCore

/// A collaboration case as its page shows it.
public struct CasePage: Sendable {
    public var record: CaseRecord
    /// The case's siblings (id and name), whom a meeting may also concern.
    public var siblings: [(id: RecordID, name: String)] = []
    public var meetings: [MeetingRecord]
    public var actions: [ActionRecord]
    public var consents: [ConsentRecord]
    public var timeline: CaseTimeline
    public var clocks: [CollaborationClock]
    public var mayManage: Bool
    public var reason: AccessReason
    /// Whether the person opens the child's consent registry (the page links to it only then).
    public var mayViewConsents = false
}

/// A meeting as its page shows it.
public struct MeetingPage: Sendable {
    public var meeting: MeetingRecord
    /// The collaboration case, for a case's meetings; nil for a report's or an investigation's.
    public var record: CaseRecord?
    /// The first child the meeting concerns, as headings and letters name it.
    public var childName: String?
    public var childProtected: Bool
    /// Open actions of earlier meetings, to follow up in these minutes.
    public var openActions: [MeetingAction]
    public var dispatches: [MinutesDispatch]
    public var notYetSent: [Participant]
    public var nextMeeting: MeetingRecord?
    /// The type's preparation steps done so far.
    public var preparationDone: [PreparationStepDone] = []
    /// Talks with the child before and after the meeting.
    public var childTalks: [ChildTalkRecord] = []
    /// The children the meeting concerns (id and name), for the talk form.
    public var children: [(id: RecordID, name: String)] = []
    /// A forum meeting's agenda items (de-identified, or about a child under a consent), read
    /// with the page so the minutes are written against them.
    public var forumAgenda: [ForumAgendaItemRecord] = []
}

/// Collaboration cases and the meeting machinery (issue 5, DOMAIN §3.2 and §4): opening a
/// case, the process owner and handovers, booking meetings only under a consent in force,
/// minutes against the agenda with the child's voice, actions and the next meeting,
/// invitations (letter and iCalendar) and minutes (PDF). Every read and write is audited;
/// every decision is the policy's.
public struct CollaborationService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public static let notFound = AccessReason(code: "not-found", text: CollaborationMessages.caseNotFound)

    var today: SimpleDate { Stockholm.date(of: clock.now()) }

    public func meetingTypes() async throws -> [MeetingType] {
        try await store.withConnection { db in try await CollaborationQueries.meetingTypes(db) }
    }

    /// Saves a municipality's own or changed meeting type (administrators; no code needed).
    /// `originalKey`: the key of the type being edited, nil for a new one.
    public func saveMeetingType(_ input: MeetingTypeInput, originalKey: String?, by origin: RequestOrigin) async throws -> Outcome<String> {
        let now = clock.now()
        return try await store.transaction { db in
            let decision = try await origin.decide(.manageOrganisation, type: .meetingType, at: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            var input = input
            if let originalKey { input.key = originalKey }  // the key never changes: meetings refer to it
            let others = Set(try await CollaborationQueries.meetingTypes(includeInactive: true, db).map(\.key)).subtracting([originalKey].compactMap { $0 })
            switch MeetingTypeRules.validate(input, existingKeys: others) {
            case .failure(let errors): return .invalid(errors)
            case .success(let type):
                try await CollaborationQueries.saveMeetingType(type, by: origin.actor.staffID, now: now, db)
                try await AuditQueries.append(origin.event(originalKey == nil ? .create : .update, type: .meetingType, record: type.key,
                                                           reason: CollaborationAuditReasons.meetingTypeSaved(type.name, agendaItems: type.agenda.count)), at: now, db)
                return .ok(type.key)
            }
        }
    }

    /// Staff who can be named in a case or a meeting: everyone active with a role that works with children.
    public func staffChoices() async throws -> [(id: RecordID, name: String)] {
        try await store.withConnection { db in
            try await db.raw("""
                SELECT DISTINCT s.id, s.display_name FROM staff s JOIN staff_assignments a ON a.staff_id = s.id JOIN units u ON u.id = a.unit_id
                WHERE s.active = 1 AND u.side <> 'joint' ORDER BY s.display_name
                """).all().map { (id: try $0.int64("id"), name: try $0.string("display_name")) }
        }
    }

    /// Unit names by id, for the booking form's staff search.
    public func unitNames() async throws -> [RecordID: String] {
        let units = try await store.withConnection { db in try await OrganisationQueries.units(db, includeInactive: true) }
        return Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// Who can be invited to a meeting of the case: the child's guardians (by name only; no
    /// address is ever stored for a participant), the child, and staff who work with children,
    /// each with the meeting role and unit their account gives them (a consent names units).
    public func participantChoices(caseID: RecordID, by origin: RequestOrigin) async throws -> Outcome<(family: [Participant], staff: [Participant])> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let record = try await CollaborationQueries.caseRecord(id: caseID, db), let facts = try await Self.facts(record, db) else {
                try await AuditQueries.append(origin.event(.accessDenied, type: .collaborationCase, record: String(caseID), reason: CollaborationAuditReasons.caseMissing), at: now, db)
                return .denied(Self.notFound)
            }
            guard try await origin.decide(.workInCollaborationCase(facts), child: record.value.childID, type: .collaborationCase, record: String(caseID), at: now, db).isAllowed else {
                return .denied(Self.notFound)
            }
            // The guardians as the person's own side registered them (names only).
            let childFacts = try await ChildQueries.accessFacts(childID: record.value.childID, db)
            let own = childFacts.map { RegistryAccess.ownSides(origin.actor, $0) } ?? []
            let sides = own.isEmpty ? origin.actor.sides : own
            var family = try await ChildQueries.guardians(childID: record.value.childID, sides: sides, db).map {
                Participant(name: $0.fullName, roles: [.guardian], protectedIdentity: record.childProtected)
            }
            family.append(Participant(name: record.childName, roles: [.child], protectedIdentity: record.childProtected))
            // The guardians' names are the child's data: their reading is logged.
            try await AuditQueries.append(origin.event(.read, child: record.value.childID, type: .guardian, record: String(caseID),
                                                       reason: CollaborationAuditReasons.invitableGuardians(caseID: caseID)), at: now, db)
            var staff: [Participant] = []
            for row in try await db.raw("""
                SELECT s.id, s.display_name, a.role, a.unit_id FROM staff s JOIN staff_assignments a ON a.staff_id = s.id
                WHERE s.active = 1 AND a.unit_id IS NOT NULL ORDER BY s.display_name, a.id
                """).all() {
                let id = try row.int64("id")
                guard !staff.contains(where: { $0.staffID == id }), let role = Role(rawValue: try row.string("role")), let meetingRole = MeetingRole(staffRole: role) else { continue }
                var roles = [meetingRole]
                if id == record.value.owner.id { roles.append(.processOwner) }
                staff.append(Participant(name: try row.string("display_name"), roles: roles, staffID: id, unitID: try row.optionalInt64("unit_id")))
            }
            return .ok((family, staff))
        }
    }

    /// What a refused step says: why, to someone who sees the case; to anyone else exactly
    /// what a missing case says, so a refusal never tells that the case exists.
    static func refusal(_ decision: AccessDecision, _ facts: CollaborationCaseFacts, _ actor: Actor) -> AccessReason {
        AccessPolicy.allows(actor, .viewCollaborationCase(facts)) ? decision.reason : notFound
    }

    static func facts(_ record: CaseRecord, _ db: any SQLDatabase) async throws -> CollaborationCaseFacts? {
        guard let child = try await ChildQueries.accessFacts(childID: record.value.childID, db) else { return nil }
        return CollaborationCaseFacts(child: child, ownerID: record.value.owner.id, participantStaffIDs: try await CollaborationQueries.caseStaff(caseID: record.id, db))
    }

    // MARK: Cases

    public func openCase(childID: RecordID, _ input: CollaborationCaseInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let facts = try await ChildQueries.accessFacts(childID: childID, db) else { return .denied(Self.notFound) }
            let decision = try await origin.decide(.openCollaborationCase(child: facts), child: childID, type: .collaborationCase, at: now, db)
            guard decision.isAllowed else { return .denied(Self.notFound) }
            // Only siblings the person may see: a hidden sibling's id must get the same answer
            // as an unknown one.
            let siblings = Set(try await ChildQueries.siblings(childID: childID, sides: RegistryAccess.ownSides(origin.actor, facts), db)
                .filter { AccessPolicy.allows(origin.actor, .viewChild($0.accessFacts)) && !$0.protectedIdentity }.map(\.id))
            let owner = StaffRef(id: origin.actor.staffID, name: origin.actor.displayName)
            switch CollaborationCaseRules.open(input, childID: childID, siblingsInRegistry: siblings, openedBy: owner, at: now) {
            case .failure(let errors): return .invalid(errors)
            case .success(let c):
                let id = try await CollaborationQueries.insertCase(c, db)
                try await AuditQueries.append(origin.event(.create, child: childID, type: .collaborationCase, record: String(id), reason: CollaborationAuditReasons.caseOpened(owner: owner.name)), at: now, db)
                return .ok(id)
            }
        }
    }

    /// The person's cases (owned or taking part), newest first.
    public func myCases(by origin: RequestOrigin) async throws -> [CaseRecord] {
        let now = clock.now()
        return try await store.transaction { db in
            var visible: [CaseRecord] = []
            for record in try await CollaborationQueries.casesFor(staffID: origin.actor.staffID, includeClosed: true, limit: 200, db) {
                guard let facts = try await Self.facts(record, db), AccessPolicy.allows(origin.actor, .viewCollaborationCase(facts)) else { continue }
                visible.append(record)
            }
            try await AuditQueries.append(origin.event(.read, type: .collaborationCase, reason: CollaborationAuditReasons.myCases(visible.count)), at: now, db)
            return visible
        }
    }

    public func casePage(caseID: RecordID, by origin: RequestOrigin) async throws -> Outcome<CasePage> {
        let now = clock.now()
        let today = Stockholm.date(of: now)
        return try await store.transaction { db in
            guard let record = try await CollaborationQueries.caseRecord(id: caseID, db), let facts = try await Self.facts(record, db) else {
                try await AuditQueries.append(origin.event(.accessDenied, type: .collaborationCase, record: String(caseID), reason: CollaborationAuditReasons.caseMissing), at: now, db)
                return .denied(Self.notFound)
            }
            let decision = try await origin.decide(.viewCollaborationCase(facts), child: record.value.childID, type: .collaborationCase, record: String(caseID), at: now, db)
            guard decision.isAllowed else { return .denied(Self.notFound) }
            let meetings = try await CollaborationQueries.meetings(caseID: caseID, db)
            let actions = try await CollaborationQueries.actions(caseID: caseID, db)
            // Only the consents the person's view of the consent registry shows: a consent
            // social services recorded for others would tell a school participant that there is
            // an investigation.
            let consents = try await ConsentQueries.records(childID: record.value.childID, withGuardianNames: !record.childProtected, db).filter {
                ConsentAccess.listsConsent(origin.actor, facts.child, holder: $0.holder, consent: $0.facts)
            }
            let held = Self.heldMeetings(meetings)
            var entries: [TimelineEntry] = []
            for m in meetings {
                entries.append(TimelineEntry(date: m.schedule.date, kind: .meeting,
                                             title: CaseTimelineTexts.meeting(m.type.name, when: m.schedule.whenText, held: m.closedAt != nil), detail: m.schedule.whereText, recordID: m.id))
                for decision in m.minutes?.decisions ?? [] {
                    entries.append(TimelineEntry(date: m.schedule.date, kind: .decision, title: decision, recordID: m.id))
                }
            }
            for a in actions {
                let detail = CaseTimelineTexts.action(responsible: a.action.responsible.name, dueOn: a.action.dueOn, status: a.status.flatMap(ActionFollowUpStatus.init(rawValue:))?.label)
                let day = meetings.first { $0.id == a.meetingID }?.schedule.date ?? a.action.dueOn
                entries.append(TimelineEntry(date: day, kind: .action, title: a.action.what, detail: detail, recordID: a.id))
            }
            for c in consents {
                entries.append(TimelineEntry(date: Stockholm.date(of: c.recordedAt), kind: .consent,
                                             title: CaseTimelineTexts.consent(c.id, purpose: c.purposeKind.label, status: c.facts.status(at: now).label),
                                             detail: CaseTimelineTexts.valid(from: c.facts.validFrom, to: c.facts.validTo), recordID: c.id))
                if c.hasDocument {
                    entries.append(TimelineEntry(date: Stockholm.date(of: c.recordedAt), kind: .document, title: CaseTimelineTexts.signedConsentForm, recordID: c.id))
                }
            }
            let open = actions.filter { $0.status == nil }.map(\.action)
            let booked = meetings.filter { $0.closedAt == nil }.map { (date: $0.schedule.date, title: "\($0.type.name) \($0.schedule.whenText)") }
            let timeline = CaseTimeline.build(for: record.value, entries: entries, heldMeetingDays: CollaborationCase.clockDays(held), openActions: open, bookedMeetings: booked, today: today)
            try await AuditQueries.append(origin.event(.read, child: record.value.childID, type: .collaborationCase, record: String(caseID), reason: decision.reason.text), at: now, db)
            var siblings: [(id: RecordID, name: String)] = []
            for id in record.value.siblingIDs {
                if let sibling = try await ChildQueries.child(id: id, db) { siblings.append((id, sibling.fullName)) }
            }
            return .ok(CasePage(record: record, siblings: siblings, meetings: meetings, actions: actions, consents: consents, timeline: timeline,
                                clocks: record.value.clocks(heldMeetings: held),
                                mayManage: AccessPolicy.allows(origin.actor, .manageCollaborationCase(facts)), reason: decision.reason,
                                mayViewConsents: AccessPolicy.allows(origin.actor, .viewConsents(child: facts.child))))
        }
    }

    public func handOver(caseID: RecordID, toStaffID: RecordID?, reason: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let record = try await CollaborationQueries.caseRecord(id: caseID, db), let facts = try await Self.facts(record, db) else { return .denied(Self.notFound) }
            let decision = try await origin.decide(.manageCollaborationCase(facts), child: record.value.childID, type: .collaborationCase, record: String(caseID), at: now, db)
            guard decision.isAllowed else { return .denied(Self.refusal(decision, facts, origin.actor)) }
            var newOwner: StaffRef?
            if let toStaffID, let staff = try await OrganisationQueries.staff(id: toStaffID, db), staff.active {
                newOwner = StaffRef(id: staff.id, name: staff.displayName)
            }
            switch CollaborationCaseRules.handOver(record.value, to: newOwner, reason: reason, by: origin.actor.staffID, at: now) {
            case .failure(let errors): return .invalid(errors)
            case .success(let next):
                guard let handover = next.handovers.last else { return .invalid(FieldErrors()) }
                try await CollaborationQueries.saveHandover(caseID: caseID, handover, db)
                try await AuditQueries.append(origin.event(.update, child: record.value.childID, type: .collaborationCase, record: String(caseID),
                                                           reason: CollaborationAuditReasons.handedOver(to: handover.to.name)), at: now, db)
                return .ok(())
            }
        }
    }

    public func closeCase(caseID: RecordID, closedOn: String, note: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { [today] db in
            guard let record = try await CollaborationQueries.caseRecord(id: caseID, db), let facts = try await Self.facts(record, db) else { return .denied(Self.notFound) }
            let decision = try await origin.decide(.manageCollaborationCase(facts), child: record.value.childID, type: .collaborationCase, record: String(caseID), at: now, db)
            guard decision.isAllowed else { return .denied(Self.refusal(decision, facts, origin.actor)) }
            guard let day = SimpleDate(iso: TextRules.trimmed(closedOn)) else {
                var errors = FieldErrors()
                errors.add("closed_on", CollaborationMessages.closedOnMissing)
                return .invalid(errors)
            }
            switch CollaborationCaseRules.close(record.value, by: origin.actor.staffID, on: day, note: note, today: today) {
            case .failure(let errors): return .invalid(errors)
            case .success(let next):
                guard let closure = next.closure else { return .invalid(FieldErrors()) }
                try await CollaborationQueries.saveClosure(caseID: caseID, closure, now: now, db)
                try await AuditQueries.append(origin.event(.update, child: record.value.childID, type: .collaborationCase, record: String(caseID), reason: CollaborationAuditReasons.caseClosed), at: now, db)
                return .ok(())
            }
        }
    }

    // MARK: Meetings

    /// Each child a meeting concerns with its own consents, for the per-child consent check.
    /// `context`: a programme's meetings rest on the programme's own consent as well.
    static func meetingChildren(_ childIDs: [RecordID], context: MeetingContext? = nil, _ db: any SQLDatabase) async throws -> [MeetingChild] {
        var children: [MeetingChild] = []
        for id in childIDs {
            guard let child = try await ChildQueries.child(id: id, db) else { continue }
            children.append(MeetingChild(name: childIDs.count > 1 ? child.fullName : nil, birthDate: child.identityNumber.birthDate,
                                         consents: try await meetingConsents(childID: id, context: context, db)))
        }
        return children
    }

    static func meetingConsents(childID: RecordID, context: MeetingContext? = nil, _ db: any SQLDatabase) async throws -> [MeetingConsent] {
        let registry = try await ConsentQueries.records(childID: childID, withGuardianNames: false, db).map {
            MeetingConsent(facts: $0.facts, giverKind: $0.giverKind, purposeKind: $0.purposeKind)
        }
        guard let context, context.kind == .programmeEnrolment else { return registry }
        return registry + (try await ProgrammeQueries.meetingConsent(enrolmentID: context.id, db).map { [$0] } ?? [])
    }

    /// The held meetings (minutes closed) with their kind, as the case's clocks need them.
    static func heldMeetings(_ meetings: [MeetingRecord]) -> [HeldMeeting] {
        meetings.filter { $0.closedAt != nil }.map { HeldMeeting(day: $0.schedule.date, category: $0.type.category) }
    }

    /// The clock a new meeting of the case would meet (the first, then the second); only a
    /// collaboration meeting meets one, so other types get no clock to warn about.
    static func pendingClock(_ record: CaseRecord, meetings: [MeetingRecord], booking type: MeetingType? = nil) -> CollaborationClock? {
        if let type, !type.category.countsTowardsCollaborationClocks { return nil }
        return record.value.clocks(heldMeetings: heldMeetings(meetings)).first { $0.heldOn == nil }
    }

    /// Books a meeting of the case. Refused with a clear message when no consent in force
    /// covers the parties (or, for a youth of 18+, their own consent).
    public func bookMeeting(caseID: RecordID, typeKey: String, _ input: MeetingBookingInput, by origin: RequestOrigin) async throws -> Outcome<(id: RecordID, notes: [String])> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let record = try await CollaborationQueries.caseRecord(id: caseID, db), let facts = try await Self.facts(record, db),
                  let child = try await ChildQueries.child(id: record.value.childID, db) else { return .denied(Self.notFound) }
            let decision = try await origin.decide(.workInCollaborationCase(facts), child: record.value.childID, type: .meeting, at: now, db)
            guard decision.isAllowed else { return .denied(Self.notFound) }
            guard record.value.isOpen else {
                var errors = FieldErrors()
                errors.add("date", CollaborationMessages.caseClosedNoMeetings)
                return .invalid(errors)
            }
            guard let type = try await CollaborationQueries.meetingTypes(db).first(where: { $0.key == typeKey }) else {
                var errors = FieldErrors()
                errors.add("type", CollaborationMessages.meetingTypeMissing)
                return .invalid(errors)
            }
            // A SIP meeting belongs to a SIP, under the consent that names every party.
            guard type.category != .sip else {
                var errors = FieldErrors()
                errors.add("type", CollaborationMessages.sipMeetingInSIP)
                return .invalid(errors)
            }
            // The meeting concerns the case's child, or any of the case's children (siblings
            // handled together); each child's part needs a consent of that child's own.
            if input.childrenAsked && input.childIDs.isEmpty {
                var errors = FieldErrors()
                errors.add("children", CollaborationMessages.meetingChildrenMissing)
                return .invalid(errors)
            }
            let picked = input.childIDs.isEmpty ? [record.value.childID] : input.childIDs
            let chosen = picked.contains(record.value.childID) ? [record.value.childID] + picked.filter { $0 != record.value.childID } : picked
            let caseChildren = Set([record.value.childID] + record.value.siblingIDs)
            guard Set(chosen).isSubset(of: caseChildren) else {
                var errors = FieldErrors()
                errors.add("children", CollaborationMessages.meetingChildrenOutsideCase)
                return .invalid(errors)
            }
            let meetings = try await CollaborationQueries.meetings(caseID: caseID, db)
            let silenced = GuardianNoticeRules.guardiansMustNotBeTold(try await ReportQueries.guardianNoticeFacts(childID: child.id, db))
            var context = MeetingBookingContext(type: type, now: now, childBirthDate: child.identityNumber.birthDate,
                                                consents: try await Self.meetingConsents(childID: record.value.childID, db), clock: Self.pendingClock(record, meetings: meetings, booking: type),
                                                guardiansMustNotBeTold: silenced)
            if chosen.count > 1 { context.children = try await Self.meetingChildren(chosen, db) }
            switch MeetingBookingRules.validate(input, context) {
            case .failure(let errors): return .invalid(errors)
            case .success(let booking):
                let id = try await CollaborationQueries.insertMeeting(caseID: caseID, childIDs: chosen, type: type, booking, by: origin.actor, now: now, db)
                try await AuditQueries.append(origin.event(.create, child: record.value.childID, type: .meeting, record: String(id),
                                                           reason: CollaborationAuditReasons.meetingBooked(type.name, when: booking.schedule.whenText, consentIDs: booking.consentIDs)), at: now, db)
                return .ok((id, booking.notes))
            }
        }
    }

    /// A meeting the person may see (or work in), with its case when it has one.
    struct LoadedMeeting {
        var meeting: MeetingRecord
        var record: CaseRecord?
        var facts: CollaborationCaseFacts?
        var childName: String?
        var childProtected: Bool
    }

    /// A case's meeting is decided on the case; any other meeting on its context and who is
    /// invited (`MeetingAccess`).
    func loadMeeting(_ meetingID: RecordID, work: Bool, origin: RequestOrigin, now: Date, _ db: any SQLDatabase) async throws -> LoadedMeeting? {
        func missing() async throws -> LoadedMeeting? {
            try await AuditQueries.append(origin.event(.accessDenied, type: .meeting, record: String(meetingID), reason: CollaborationAuditReasons.meetingMissing), at: now, db)
            return nil
        }
        guard let meeting = try await CollaborationQueries.meeting(id: meetingID, db) else { return try await missing() }
        if let caseID = meeting.caseID {
            guard let record = try await CollaborationQueries.caseRecord(id: caseID, db), let facts = try await Self.facts(record, db) else { return try await missing() }
            let request: AccessRequest = work ? .workInCollaborationCase(facts) : .viewCollaborationCase(facts)
            guard try await origin.decide(request, child: meeting.childID, type: .meeting, record: String(meetingID), at: now, db).isAllowed else { return nil }
            return LoadedMeeting(meeting: meeting, record: record, facts: facts, childName: record.childName, childProtected: record.childProtected)
        }
        guard let facts = try await MeetingContextQueries.accessFacts(meeting, at: now, db) else { return try await missing() }
        let request: AccessRequest = work ? .workInMeeting(facts) : .viewMeeting(facts)
        guard try await origin.decide(request, child: meeting.childID, type: .meeting, record: String(meetingID), at: now, db).isAllowed else { return nil }
        let child = try await meeting.childID.asyncFlatMap { try await ChildQueries.child(id: $0, db) }
        return LoadedMeeting(meeting: meeting, record: nil, facts: nil, childName: child?.fullName, childProtected: child?.protectedIdentity ?? false)
    }

    public func meetingPage(meetingID: RecordID, by origin: RequestOrigin) async throws -> Outcome<MeetingPage> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let loaded = try await loadMeeting(meetingID, work: false, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            let meeting = loaded.meeting
            let open = try await CollaborationQueries.actions(context: meeting.context, db).filter { $0.status == nil && $0.meetingID != meetingID && $0.meetingID < meetingID }.map(\.action)
            let dispatches = try await CollaborationQueries.dispatches(meetingID: meetingID, db)
            let next = try await meeting.nextMeetingID.asyncFlatMap { try await CollaborationQueries.meeting(id: $0, db) }
            var children: [(id: RecordID, name: String)] = []
            for id in try await CollaborationQueries.meetingChildren(meetingID: meetingID, db) {
                if let child = try await ChildQueries.child(id: id, db) { children.append((id, child.fullName)) }
            }
            try await AuditQueries.append(origin.event(.read, child: meeting.childID, type: .meeting, record: String(meetingID), reason: "\(meeting.type.name) \(meeting.schedule.date.iso)"), at: now, db)
            var agenda: [ForumAgendaItemRecord] = []
            if meeting.context.kind == .forum {
                agenda = try await ForumQueries.agendaItems(meetingID: meetingID, db)
                let forumName = try await ForumQueries.forum(id: meeting.context.id, db)?.name ?? ""
                // A named child on the agenda is read with the page, as on the forum's own page.
                for childID in Set(agenda.compactMap(\.childID)) {
                    try await AuditQueries.append(origin.event(.read, child: childID, type: .forumAgendaItem, record: String(meetingID), reason: ForumAuditReasons.agenda(forumName)), at: now, db)
                }
            }
            return .ok(MeetingPage(meeting: meeting, record: loaded.record, childName: loaded.childName, childProtected: loaded.childProtected, openActions: open, dispatches: dispatches,
                                   notYetSent: MinutesDispatchRules.notYetSent(type: meeting.type, participants: meeting.participants.map(\.person), dispatches: dispatches),
                                   nextMeeting: next, preparationDone: try await MeetingPreparationQueries.stepsDone(meetingID: meetingID, db),
                                   childTalks: try await MeetingPreparationQueries.talks(meetingID: meetingID, db), children: children, forumAgenda: agenda))
        }
    }

    /// Closes the minutes: attendance, notes per agenda item, the child's voice, decisions,
    /// actions (each with who and by when), follow-up of earlier actions, and the next
    /// meeting, which is booked here (same participants and place) unless a reason says why
    /// none is needed. All or nothing.
    /// `closeCase`: the process owner ends the whole case at this meeting; the reason why no
    /// new meeting is needed becomes the closure, recorded in these minutes.
    public func closeMinutes(meetingID: RecordID, _ input: MinutesInput, closeCase: Bool = false, by origin: RequestOrigin) async throws -> Outcome<RecordID?> {
        let now = clock.now()
        let today = Stockholm.date(of: now)
        return try await store.transaction { db in
            guard let loaded = try await loadMeeting(meetingID, work: true, origin: origin, now: now, db) else { return .denied(Self.notFound) }
            let (meeting, record) = (loaded.meeting, loaded.record)
            let child = try await meeting.childID.asyncFlatMap { try await ChildQueries.child(id: $0, db) }
            if closeCase {
                guard let facts = loaded.facts, let caseID = meeting.caseID else { return .denied(Self.notFound) }
                let decision = try await origin.decide(.manageCollaborationCase(facts), child: meeting.childID, type: .collaborationCase, record: String(caseID), at: now, db)
                guard decision.isAllowed else { return .denied(decision.reason) }
            }
            guard meeting.closedAt == nil else {
                var errors = FieldErrors()
                errors.add("meeting", CollaborationMessages.minutesAlreadyClosed)
                return .invalid(errors)
            }
            let open = try await CollaborationQueries.actions(context: meeting.context, db).filter { $0.status == nil && $0.meetingID < meetingID }.map(\.action)
            let context = MinutesContext(type: meeting.type, schedule: meeting.schedule, participants: meeting.participants, openActions: open,
                                         childAttendanceDecidedAtBooking: meeting.childAttendanceDecided, today: today, timeNow: .stockholm(at: now))
            var errors = FieldErrors()
            var minutes: MeetingMinutes?
            switch MinutesRules.close(input, context) {
            case .failure(let e): errors = e
            case .success(let m): minutes = m
            }
            // The next meeting is booked now, under the same consent rules as any booking.
            var nextBooking: MeetingBooking?
            if case .booked(let date, let start)? = minutes?.nextMeeting {
                let begin = start ?? meeting.schedule.start
                let length = meeting.schedule.end.minutesSinceMidnight - meeting.schedule.start.minutesSinceMidnight
                let endMinutes = min(begin.minutesSinceMidnight + max(length, 30), 23 * 60 + 59)
                var next = MeetingBookingInput()
                next.date = date.iso
                next.startTime = begin.text
                next.endTime = TimeOfDay(hour: endMinutes / 60, minute: endMinutes % 60)?.text ?? begin.text
                next.place = meeting.schedule.place ?? ""
                next.videoLink = meeting.schedule.videoLink ?? ""
                next.participants = meeting.participants.map(\.person)
                // The same people keep their assignments (a SIP keeps its SIP-ansvarig).
                for p in meeting.participants { for a in p.assignments { next.assignments[a] = p.person } }
                next.childAttendanceDecided = meeting.childAttendanceDecided
                let meetings = try await CollaborationQueries.meetings(context: meeting.context, db)
                let heldAfterThis = Self.heldMeetings(meetings) + [HeldMeeting(day: meeting.schedule.date, category: meeting.type.category)]
                let clock = meeting.type.category.countsTowardsCollaborationClocks
                    ? record?.value.clocks(heldMeetings: heldAfterThis).first { $0.heldOn == nil } : nil
                let silenced = try await child.asyncFlatMap { GuardianNoticeRules.guardiansMustNotBeTold(try await ReportQueries.guardianNoticeFacts(childID: $0.id, db)) } ?? false
                var bookingContext = MeetingBookingContext(type: meeting.type, now: now, childBirthDate: child?.identityNumber.birthDate,
                                                           consents: try await child.asyncFlatMap { try await Self.meetingConsents(childID: $0.id, context: meeting.context, db) } ?? [], clock: clock,
                                                           guardiansMustNotBeTold: silenced)
                bookingContext.children = try await Self.meetingChildren(try await CollaborationQueries.meetingChildren(meetingID: meetingID, db), context: meeting.context, db)
                switch MeetingBookingRules.validate(next, bookingContext) {
                case .success(let booking): nextBooking = booking
                case .failure(let bookingErrors):
                    for (key, message) in bookingErrors.messages.sorted(by: { $0.key < $1.key }) {
                        errors.add(key == "date" || key == "consent" ? "next_meeting_date" : "next_meeting", CollaborationMessages.nextMeeting(message))
                    }
                }
            }
            var closedCase: CollaborationCase?
            if closeCase, let minutes, let record {
                if case .none(let reason) = minutes.nextMeeting {
                    switch CollaborationCaseRules.close(record.value, by: origin.actor.staffID, on: meeting.schedule.date, note: reason, meetingID: meetingID, today: today) {
                    case .success(let closed): closedCase = closed
                    case .failure(let closeErrors): errors.merge(closeErrors)
                    }
                } else {
                    errors.add("next_meeting", CollaborationMessages.closingCaseBooksNoMeeting)
                }
            }
            guard errors.isEmpty, var minutes else { return .invalid(errors) }
            if let closure = closedCase?.closure, let caseID = meeting.caseID {
                try await CollaborationQueries.saveClosure(caseID: caseID, closure, now: now, db)
                try await AuditQueries.append(origin.event(.update, child: meeting.childID, type: .collaborationCase, record: String(caseID),
                                                           reason: CollaborationAuditReasons.caseClosedInMinutes), at: now, db)
            }
            var nextID: RecordID?
            if let nextBooking {
                nextID = try await CollaborationQueries.insertMeeting(context: meeting.context, caseID: meeting.caseID, childIDs: try await CollaborationQueries.meetingChildren(meetingID: meetingID, db),
                                                                      type: meeting.type, nextBooking, by: origin.actor, now: now, db)
                if let caseID = meeting.caseID {
                    try await CollaborationQueries.addStaff(caseID: caseID, staffIDs: nextBooking.participants.compactMap(\.person.staffID), db)
                }
            }
            var stored: [MeetingAction] = []
            for action in minutes.actions {
                var saved = action
                saved.id = try await CollaborationQueries.insertAction(meetingID: meetingID, caseID: meeting.caseID, action, now: now, db)
                stored.append(saved)
            }
            minutes.actions = stored
            if let caseID = meeting.caseID {
                try await CollaborationQueries.addStaff(caseID: caseID, staffIDs: stored.compactMap(\.responsible.staffID), db)
            }
            for followUp in minutes.followUps { try await CollaborationQueries.followUp(followUp, in: meetingID, db) }
            var participants = meeting.participants
            for index in participants.indices where index < minutes.attendance.count { participants[index].attendance = minutes.attendance[index] }
            guard try await CollaborationQueries.closeMinutes(meetingID: meetingID, minutes, participants: participants, nextMeetingID: nextID, by: origin.actor.staffID, now: now, db) else {
                var already = FieldErrors()
                already.add("meeting", CollaborationMessages.minutesAlreadyClosed)
                return .invalid(already)
            }
            // A held meeting is the meeting a return home asked for: that task is done.
            if let childID = meeting.childID {
                try await ConcernSupportQueries.completeTasks(kind: .returnToSchool, childID: childID, now: now, db)
            }
            try await AuditQueries.append(origin.event(.update, child: meeting.childID, type: .meeting, record: String(meetingID),
                                                       reason: CollaborationAuditReasons.minutesClosed(actions: stored.count, nextMeeting: minutes.nextMeeting.text)), at: now, db)
            if let nextID {
                try await AuditQueries.append(origin.event(.create, child: meeting.childID, type: .meeting, record: String(nextID), reason: CollaborationAuditReasons.nextMeetingBooked), at: now, db)
            }
            return .ok(nextID)
        }
    }

    // MARK: Documents out

    /// The invitation of one participant: a printable letter (PDF) and a calendar file.
    /// Never an address of a protected person (the letter drops it); no address is stored
    /// for participants, so the letter is addressed by name.
    public func invitation(meetingID: RecordID, participant index: Int, by origin: RequestOrigin) async throws -> Outcome<(letter: InvitationLetter, ics: String)> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let loaded = try await loadMeeting(meetingID, work: false, origin: origin, now: now, db),
                  loaded.meeting.participants.indices.contains(index) else { return .denied(Self.notFound) }
            let meeting = loaded.meeting
            let municipality = try await OrganisationQueries.municipalityName(db) ?? CollaborationMessages.defaultMunicipality
            let person = meeting.participants[index].person
            let letter = InvitationLetter(sender: municipality, letterDate: Stockholm.date(of: now), recipient: person, recipientAddress: nil, type: meeting.type,
                                          about: loaded.childProtected ? nil : loaded.childName, schedule: meeting.schedule,
                                          contact: loaded.record.map { .init(name: $0.value.owner.name, role: CollaborationMessages.processOwnerRole) }
                                              ?? .init(name: meeting.bookedByName, role: CollaborationMessages.convenerRole))
            let event = letter.calendarEvent(uid: "samverka-meeting-\(meeting.id)@samverka", stamp: now)
            try await AuditQueries.append(origin.event(.export, child: meeting.childID, type: .meetingInvitation, record: String(meetingID), reason: CollaborationAuditReasons.invitation(to: person.name)), at: now, db)
            return .ok((letter, ICalendar.document(event)))
        }
    }

    /// The minutes as a printable document, once they are closed; the caller renders it with
    /// its fonts (the web layer holds them, the store has no files).
    public func minutesDocument(meetingID: RecordID, by origin: RequestOrigin) async throws -> Outcome<MinutesDocument> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let loaded = try await loadMeeting(meetingID, work: false, origin: origin, now: now, db), let minutes = loaded.meeting.minutes else { return .denied(Self.notFound) }
            let meeting = loaded.meeting
            let municipality = try await OrganisationQueries.municipalityName(db)
            let document = MinutesDocument(organisation: municipality, type: meeting.type, about: loaded.childName, schedule: meeting.schedule,
                                           participants: meeting.participants, minutes: minutes)
            try await AuditQueries.append(origin.event(.export, child: meeting.childID, type: .meetingMinutes, record: String(meetingID), reason: CollaborationAuditReasons.minutesPDF), at: now, db)
            return .ok(document)
        }
    }

    /// Records that the minutes were sent to someone (the family, the rektor).
    public func recordDispatch(meetingID: RecordID, recipient: String, channel: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let meeting = try await loadMeeting(meetingID, work: true, origin: origin, now: now, db)?.meeting else { return .denied(Self.notFound) }
            guard meeting.closedAt != nil else {
                var errors = FieldErrors()
                errors.add("recipient", CollaborationMessages.minutesNotClosed)
                return .invalid(errors)
            }
            let role = meeting.participants.first { $0.person.name == TextRules.trimmed(recipient) }?.person.roles.first
            switch MinutesDispatchRules.record(recipientName: recipient, role: role, channel: channel, sentBy: StaffRef(id: origin.actor.staffID, name: origin.actor.displayName), at: now) {
            case .failure(let errors): return .invalid(errors)
            case .success(let dispatch):
                try await CollaborationQueries.insertDispatch(meetingID: meetingID, dispatch, db)
                try await AuditQueries.append(origin.event(.export, child: meeting.childID, type: .meetingMinutes, record: String(meetingID),
                                                           reason: CollaborationAuditReasons.minutesSent(to: dispatch.recipientName, channel: dispatch.channel.label)), at: now, db)
                return .ok(())
            }
        }
    }
}
