import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

/// Issue 19 in the store, on both engines: forums persisted, their meetings on the meeting
/// machinery, the agenda's rules with their audit rows, the clocks on the chairs' and the
/// responsible people's work lists, and refusals that look like a missing record.
@Suite("Forums: service, meetings, agenda, work list")
struct ForumServiceTests {
    static func lsg(_ f: Fixture, _ service: ForumService) async throws -> RecordID {
        try requireOK(await service.createForum(.shipped(.localCollaborationGroup), name: "LSG Skola A", covers: "Område A",
                                                members: [(f.teacherA.staffID, .chair), (f.intakeOfficer.staffID, .chair), (f.teacherB.staffID, .member)], by: f.origin(f.admin)))
    }

    static func booking(_ f: Fixture, on day: SimpleDate) -> MeetingBookingInput {
        var input = MeetingBookingInput()
        input.date = day.iso
        input.startTime = "13:00"
        input.endTime = "14:30"
        input.place = "Kommunhuset"
        input.participants = [f.teacherA, f.intakeOfficer, f.teacherB].map { Participant(name: $0.displayName, roles: [.other], staffID: $0.staffID) }
        return input
    }

    @Test("a chair books an LSG meeting, minutes with an action put it on the member's work list; the chairs are warned below five meetings")
    func bookHoldAndWorkList() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let service = ForumService(store: store, clock: f.clock)
            let forumID = try await Self.lsg(f, service)
            // Only the chairs book; a non-member is refused like a missing forum.
            guard case .denied = try await service.bookMeeting(forumID, Self.booking(f, on: f.today.adding(days: 3)), by: f.origin(f.teacherB)) else { Issue.record("a member booked"); return }
            guard case .denied = try await service.forumPage(forumID, by: f.origin(f.logReviewer)) else { Issue.record("an outsider saw the forum"); return }
            guard case .denied = try await service.forumPage(9_999, by: f.origin(f.teacherA)) else { Issue.record("a missing forum"); return }
            let (meetingID, _) = try requireOK(await service.bookMeeting(forumID, Self.booking(f, on: f.today.adding(days: 3)), by: f.origin(f.teacherA)))
            // The booking form invites the members in the roles they hold, not as "Övrig".
            let invited = try requireOK(await service.bookingChoices(forumID, by: f.origin(f.teacherA))).participants
            #expect(invited.first { $0.staffID == f.intakeOfficer.staffID }?.roles == [.caseOfficer])
            #expect(invited.first { $0.staffID == f.teacherA.staffID }?.roles.contains(.teacher) == true)
            let page = try requireOK(await service.forumPage(forumID, by: f.origin(f.teacherB)))
            #expect(page.meetings.map(\.id) == [meetingID] && page.forum.chairs.count == 2)
            #expect(page.shortfalls.first?.text == "1 av minst 5 möten \(f.today.year)")

            // The chairs have the shortfall on their work lists; the member does not.
            let workList = WorkListService(store: store, clock: f.clock)
            let chairList = try await workList.workList(by: f.origin(f.intakeOfficer))
            #expect(chairList.items.contains { if case .forumMeetings(let id, _, _) = $0.subject { id == forumID } else { false } })
            #expect(!(try await workList.workList(by: f.origin(f.teacherB))).items.contains { $0.kind == .forumMeetings })

            // Minutes on the machinery, with an action for the member.
            f.clock.advance(by: 4 * 86_400)
            var minutes = MinutesInput()
            minutes.chair = f.teacherA.displayName
            minutes.secretary = f.intakeOfficer.displayName
            minutes.attendance = Array(repeating: Attendance.present.rawValue, count: 3)
            minutes.decisions = ["Handlingsplanen följs."]
            minutes.actions = [ActionInput(what: "Bjuda in familjeteamet", responsibleStaffID: f.teacherB.staffID, responsibleName: f.teacherB.displayName, dueOn: f.today.adding(days: 20).iso)]
            minutes.noNextMeetingReason = "Nästa möte bokas i årshjulet."
            _ = try requireOK(await CollaborationService(store: store, clock: f.clock).closeMinutes(meetingID: meetingID, minutes, by: f.origin(f.teacherA)))
            let memberList = try await workList.workList(by: f.origin(f.teacherB))
            #expect(memberList.items.contains { if case .meetingAction(let m, nil, "Bjuda in familjeteamet") = $0.subject { m == meetingID } else { false } })
        }
    }

    @Test("agenda items: a named child is refused in an LSG and without consent in Barnsamverkan; a text with a number warns until confirmed; each write audited")
    func agendaItems() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let service = ForumService(store: store, clock: f.clock)
            let number = Numbers.make(2022, 3, 3)
            let child = try await f.registerChild(number, "Lukas", "Ek")
            let lsg = try await Self.lsg(f, service)
            let (meetingID, _) = try requireOK(await service.bookMeeting(lsg, Self.booking(f, on: f.today.adding(days: 3)), by: f.origin(f.teacherA)))
            var named = ForumAgendaItemInput()
            named.title = "Ett barn"
            named.childNumber = number
            guard case .invalid(let refused) = try await service.addAgendaItem(meetingID: meetingID, named, by: f.origin(f.teacherA)) else { Issue.record("LSG took a named child"); return }
            #expect(refused["child"]?.contains("avidentifierat") == true)

            var text = ForumAgendaItemInput()
            text.title = "Samråd"
            text.text = "Lukas i åk 3 är ofta borta"
            guard case .invalid(let warned) = try await service.addAgendaItem(meetingID: meetingID, text, by: f.origin(f.teacherB)) else { Issue.record("no warning for a registry name"); return }
            #expect(warned["text"]?.contains("namn som finns i registret") == true && warned["identifying_confirmed"] != nil)
            #expect(try await f.count("forum_agenda_items") == 0)
            text.identifyingConfirmed = true
            _ = try requireOK(await service.addAgendaItem(meetingID: meetingID, text, by: f.origin(f.teacherB)))
            // The agenda is the members': the administrator who keeps the forum sees the meeting, not its items.
            let forumOf = try await store.withConnection { db in try await db.raw("SELECT forum_id FROM forum_agenda_items WHERE meeting_id = \(bind: meetingID)").first()!.int64("forum_id") }
            #expect(try requireOK(await service.forumPage(forumOf, by: f.origin(f.teacherB))).agenda[meetingID]?.map(\.title) == ["Samråd"])
            let kept = try requireOK(await service.forumPage(forumOf, by: f.origin(f.admin)))
            #expect(kept.meetings.map(\.id).contains(meetingID) && kept.agenda.values.allSatisfy(\.isEmpty))
            // The meeting page shows the items, so the minutes are written against them.
            let page = try requireOK(await CollaborationService(store: store, clock: f.clock).meetingPage(meetingID: meetingID, by: f.origin(f.teacherA)))
            #expect(page.forumAgenda.map(\.title) == ["Samråd"])

            let barn = try requireOK(await service.createForum(.shipped(.childCollaboration), covers: "Skola A", members: [(f.teacherA.staffID, .chair), (f.intakeOfficer.staffID, .chair)], by: f.origin(f.admin)))
            var input = Self.booking(f, on: f.today.adding(days: 5))
            input.participants.removeLast()
            let (barnMeeting, _) = try requireOK(await service.bookMeeting(barn, input, by: f.origin(f.teacherA)))
            guard case .invalid(let noConsent) = try await service.addAgendaItem(meetingID: barnMeeting, named, by: f.origin(f.teacherA)) else { Issue.record("no consent accepted"); return }
            #expect(noConsent["child"]?.contains("samtycke") == true)
            #expect(try await f.count("meeting_children") == 0)
            _ = child
            let rows = try await f.auditRows()
            #expect(rows.contains { $0.recordType == AuditRecordType.forumAgendaItem.rawValue && $0.action == .create })
        }
    }

    @Test("the yearly wheel: the responsible person marks a task done; others are refused; the task leaves the work list")
    func wheel() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let service = ForumService(store: store, clock: f.clock)
            _ = try requireOK(await service.createForum(.shipped(.managementGroup), covers: "Kommunen", members: [(f.teacherA.staffID, .chair), (f.intakeOfficer.staffID, .chair)], by: f.origin(f.admin)))
            // The fixture's day is 18 November: the year's summary is open for the ledningsgrupp's chairs.
            let workList = WorkListService(store: store, clock: f.clock)
            let key = CycleTaskKey(kind: .yearSummary, year: f.today.year)
            #expect(try await workList.workList(by: f.origin(f.teacherA)).items.contains { $0.subject == .cycleTask(kind: .yearSummary, year: f.today.year) })
            guard case .denied = try await service.markDone(key, note: "", by: f.origin(f.teacherB)) else { Issue.record("a non-responsible marked it done"); return }
            _ = try requireOK(await service.markDone(key, note: "Ny plan antagen.", by: f.origin(f.intakeOfficer)))
            #expect(!(try await workList.workList(by: f.origin(f.teacherA))).items.contains { $0.subject == .cycleTask(kind: .yearSummary, year: f.today.year) })
            let wheel = try requireOK(await service.wheel(year: nil, by: f.origin(f.teacherA)))
            #expect(wheel.done[key]?.note == "Ny plan antagen." && wheel.tasks.count == CycleTaskKind.allCases.count)
        }
    }
}
