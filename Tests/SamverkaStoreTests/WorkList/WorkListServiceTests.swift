import Foundation
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Work lists: clocks, overdue first, escalation to the unit manager")
struct WorkListServiceTests {
    @Test("intake: the protection clock overdue after 25 hours comes first; the unit manager sees it in the unit's overdue list")
    func intakeOverdueFirst() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let first = try await f.fileReport(child: try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek"))
            f.clock.advance(by: 20 * 3600)
            let second = try await f.fileReport(child: try await f.registerChild(Numbers.make(2014, 6, 1), "Olle", "Al"))

            let early = try await f.workLists.workList(by: f.origin(f.intakeOfficer))
            #expect(early.items.count == 4, "protection and pre-assessment clocks of both reports")
            #expect(!early.items.contains { $0.state == .overdue })

            f.clock.advance(by: 5 * 3600)  // 25 hours after the first report
            let list = try await f.workLists.workList(by: f.origin(f.intakeOfficer))
            #expect(list.items.map(\.state) == [.overdue, .running, .running, .running])
            let top = try #require(list.items.first)
            #expect(top.reportID == first && top.deadline?.kind == .protectionAssessment && top.childName == "Saga Ek")
            #expect(top.kind?.source == .law(.protectionAssessment))
            #expect(list.items[1].reportID == second && list.items[1].deadline?.kind == .protectionAssessment)
            #expect(list.items[2...].map { $0.deadline?.kind } == [.preAssessment, .preAssessment])
            #expect(list.unitOverdue.isEmpty, "an intake officer does not manage the unit")

            let manager = try await f.workLists.workList(by: f.origin(s.intakeManager))
            #expect(manager.unitOverdue.map(\.reportID) == [first])
            #expect(manager.unitOverdue.allSatisfy { $0.state == .overdue && $0.deadline?.kind == .protectionAssessment })
            // Nobody outside intake is shown intake's clocks.
            for other in [f.teacherA!, s.caseOfficer, s.investigationManager, s.familyTherapist] {
                let theirs = try await f.workLists.workList(by: f.origin(other))
                #expect(theirs.items.isEmpty && theirs.unitOverdue.isEmpty, "\(other.displayName)")
            }

            // Assessed late: the clock is met (late) and leaves both lists.
            try await f.receiveAndAssess(first)
            #expect(try await f.workLists.workList(by: f.origin(s.intakeManager)).unitOverdue.isEmpty)
            #expect(try await f.workLists.workList(by: f.origin(f.intakeOfficer)).items.allSatisfy { $0.state != .overdue })

            // Fifteen days on, both pre-assessments and the second protection assessment are overdue.
            f.clock.advance(by: 15 * 86_400)
            let late = try await f.workLists.workList(by: f.origin(s.intakeManager)).unitOverdue
            #expect(late.map(\.reportID) == [second, first, second])
            #expect(late.map { $0.deadline?.kind } == [.protectionAssessment, .preAssessment, .preAssessment])
        }
    }

    @Test("a case officer sees the investigation clock; overdue it escalates to the investigating unit's manager; a moving-home task joins the list")
    func caseOfficerClock() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let (_, id) = try await f.openInvestigation(child: child, s)
            
            let list = try await f.workLists.workList(by: f.origin(s.caseOfficer))
            #expect(list.items.count == 1)
            let item = try #require(list.items.first)
            #expect(item.investigationID == id && item.deadline?.kind == .investigation && item.state == .running)
            #expect(item.dueLabel == "2027-03-18" && item.childName == "Saga Ek")
            // The decided report's clocks are met: intake's list is empty.
            #expect(try await f.workLists.workList(by: f.origin(f.intakeOfficer)).items.isEmpty)

            f.clock.set(Stockholm.startOfDay(SimpleDate(iso: "2027-03-19")!).addingTimeInterval(12 * 3600))
            let overdue = try await f.workLists.workList(by: f.origin(s.caseOfficer))
            #expect(overdue.items.first?.investigationID == id && overdue.items.first?.state == .overdue)
            let manager = try await f.workLists.workList(by: f.origin(s.investigationManager))
            #expect(manager.unitOverdue.map(\.investigationID) == [id])
            #expect(manager.unitOverdue.first?.subject == .investigation(id: id, caseOfficerName: s.caseOfficer.displayName))
            #expect(try await f.workLists.workList(by: f.origin(s.intakeManager)).unitOverdue.isEmpty)

            // Extended: no longer overdue anywhere.
            try requireOK(await f.investigations.extend(id: id, to: "2027-04-30", date: f.todayISO, reasons: "Väntar på utlåtande", by: f.origin(s.caseOfficer)))
            #expect(try await f.workLists.workList(by: f.origin(s.investigationManager)).unitOverdue.isEmpty)
            let extended = try await f.workLists.workList(by: f.origin(s.caseOfficer)).items
            #expect(extended.map(\.state) == [.extended])
            #expect(extended.first?.dueLabel == "2027-04-30", "the list shows the due day in force, not the original one")

            // Moving home: a task with a day for the case officer, nobody else.
            let bad = try requireInvalid(await f.investigations.recordMovingHome(id: id, date: "i morgon", by: f.origin(s.caseOfficer)))
            #expect(bad["moving_date"] != nil)
            try requireDenied(await f.investigations.recordMovingHome(id: id, date: "2027-03-20", by: f.origin(f.teacherA)))
            #expect(try await f.count("tasks") == 0)
            try requireOK(await f.investigations.recordMovingHome(id: id, date: "2027-03-20", by: f.origin(s.caseOfficer)))
            let withTask = try await f.workLists.workList(by: f.origin(s.caseOfficer)).items
            #expect(withTask.map(\.state) == [.dueSoon, .extended])
            // It leads straight to planning the meeting: no case yet, so to opening one.
            #expect(withTask.first?.dueDay == SimpleDate(iso: "2027-03-20") && withTask.first?.taskCaseID == nil && withTask.first?.kind == .task)
            #expect(withTask.first?.text?.contains("Saga Ek") == true)
            #expect(try await f.workLists.workList(by: f.origin(s.investigationManager)).items.isEmpty)
            // The task can be marked done from the work list, by its holder only.
            guard case .task(let taskID, _, _, _, _, _) = try #require(withTask.first).subject else { Issue.record("not a task"); return }
            try requireDenied(await f.workLists.completeTask(id: taskID, by: f.origin(s.investigationManager)))
            try requireOK(await f.workLists.completeTask(id: taskID, by: f.origin(s.caseOfficer)))
            #expect(try await f.workLists.workList(by: f.origin(s.caseOfficer)).items.map(\.kind) == [.investigation])
            try requireDenied(await f.workLists.completeTask(id: taskID, by: f.origin(s.caseOfficer)))
            #expect(try await f.auditRows(type: .task).contains { $0.childID == child && $0.action == .update })
        }
    }

    @Test("a page of the work list is exactly the first items of the whole list, across kinds of clocks")
    func pageIsThePrefixOfTheWholeList() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            _ = try await ConcernStaff(f)
            var reports: [RecordID] = []
            for i in 0..<9 {
                let child = try await f.registerChild(Numbers.make(2014, 1, i + 1), "Barn\(i)", "Ek")
                reports.append(try await f.fileReport(child: child))
                f.clock.advance(by: 5 * 3600)
            }
            // The older reports are assessed (protection met); two are decided (no clock left).
            for id in reports[0..<5] { try await f.receiveAndAssess(id) }
            for id in reports[0..<2] {
                _ = try requireOK(await f.reports.decide(reportID: id, outcome: PreAssessmentOutcome.notOpened.rawValue, date: f.todayISO,
                                                         reasons: "Ingen utredning: oron är hanterad.", caseOfficer: "", by: f.origin(f.intakeOfficer)))
            }
            // The reporter asks for feedback on two undecided reports, one assessed, one not: a
            // third kind of clock, read by its own list. (A staff reporter's feedback on a decided
            // report is given by the decision itself.)
            for id in [reports[3], reports[6]] {
                try requireOK(await f.reports.requestFeedback(reportID: id, by: f.origin(f.teacherA)))
            }
            // And a decided report whose reporter, an agency, waits for feedback: only the
            // feedback list reads it (made here directly; the public e-service path is tested
            // in ReportServiceTests).
            let requested = f.clock.now().epochSeconds, waiting = reports[0]
            try await store.singleStatement { db in
                try await db.raw("""
                    UPDATE reports SET reporter_kind = 'agency', reporter_staff_id = NULL, feedback_requested_at = \(bind: requested), feedback_given_at = NULL
                    WHERE id = \(bind: waiting)
                    """).run()
            }
            for step: TimeInterval in [0, 20 * 3600, 6 * 86_400, 5 * 86_400] {
                f.clock.advance(by: step)
                let whole = try await f.workLists.workList(by: f.origin(f.intakeOfficer))
                #expect(whole.items.count == 14, "three pre-assessments after protection, four reports with both clocks, three feedback requests")
                for limit in [1, 2, 3, 5, 7] {
                    let page = try await f.workLists.workList(by: f.origin(f.intakeOfficer), mostUrgent: limit)
                    #expect(Array(page.items.prefix(limit)) == Array(whole.items.prefix(limit)), "limit \(limit) after \(step) s")
                    #expect(!page.complete, "seven undecided reports: a page of \(limit) may not have read them all")
                }
                let roomy = try await f.workLists.workList(by: f.origin(f.intakeOfficer), mostUrgent: 50)
                #expect(roomy.complete && roomy.items == whole.items)
            }
        }
    }
}
