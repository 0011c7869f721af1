import Foundation
import Testing
@testable import SamverkaCore

/// Shared values for the collaboration tests.
enum CollabFx {
    static let rektor = StaffRef(id: 10, name: "Rut Rektor")
    static let therapist = StaffRef(id: 20, name: "Fia Familjebehandlare")
    static let officer = StaffRef(id: 30, name: "Sara Socialsekreterare")

    /// Monday 23 November 2026, 10:00 in Stockholm.
    static let now = Fx.at(2026, 11, 23, 10, 0)

    /// A case that became known on 23 November 2026, owned by the rektor.
    static func openCase(knownOn: String = "2026-11-23") -> CollaborationCase {
        CollaborationCase(childID: 1, reason: "Hög frånvaro och oro hemma", knownOn: Fx.day(knownOn), openedBy: rektor, openedAt: now)
    }
}

@Suite("Collaboration case")
struct CollaborationCaseTests {
    static func input(_ change: (inout CollaborationCaseInput) -> Void = { _ in }) -> CollaborationCaseInput {
        var i = CollaborationCaseInput()
        i.reason = "Hög frånvaro sedan september; familjen önskar stöd."
        i.knownOn = "2026-11-20"
        i.siblingIDs = [2]
        i.participants = [Participant(name: "Fia Familjebehandlare", roles: [.familyTherapist], staffID: 20, unitID: 200)]
        change(&i)
        return i
    }

    static func errors(_ input: CollaborationCaseInput) -> FieldErrors {
        if case .failure(let e) = CollaborationCaseRules.open(input, childID: 1, siblingsInRegistry: [2, 3], openedBy: CollabFx.rektor, at: CollabFx.now) { return e }
        return FieldErrors()
    }

    @Test func theOpenerIsTheProcessOwner() throws {
        let c = try CollaborationCaseRules.open(Self.input(), childID: 1, siblingsInRegistry: [2, 3], openedBy: CollabFx.rektor, at: CollabFx.now).get()
        #expect(c.owner == CollabFx.rektor)
        #expect(c.openedBy == CollabFx.rektor)
        #expect(c.knownOn == Fx.day("2026-11-20"))
        #expect(c.siblingIDs == [2])
        #expect(c.isOpen)
    }

    @Test func openingChecksReasonDateAndSiblings() {
        #expect(Self.errors(Self.input { $0.reason = " " })["reason"] != nil)
        #expect(Self.errors(Self.input { $0.knownOn = "20/11" })["known_on"] != nil)
        #expect(Self.errors(Self.input { $0.knownOn = "2026-11-24" })["known_on"] == "Datumet kan inte vara i framtiden.")
        #expect(Self.errors(Self.input { $0.siblingIDs = [9] })["sibling_ids"] != nil)
        #expect(Self.errors(Self.input { $0.siblingIDs = [1] })["sibling_ids"] != nil)
        #expect(Self.errors(Self.input { $0.participants = [Participant(name: "", roles: [.school])] })["participant_1"] != nil)
    }

    @Test func theOwnerHandsOverWithTheHandoverRecorded() throws {
        let c = CollabFx.openCase()
        let later = Fx.at(2026, 12, 1, 9, 0)
        let next = try CollaborationCaseRules.handOver(c, to: CollabFx.therapist, reason: "Rektor byter tjänst", by: CollabFx.rektor.id, at: later).get()
        #expect(next.owner == CollabFx.therapist)
        #expect(next.handovers == [ProcessOwnerHandover(from: CollabFx.rektor, to: CollabFx.therapist, at: later, reason: "Rektor byter tjänst")])
        // The new owner can hand over again; the history grows.
        let third = try CollaborationCaseRules.handOver(next, to: CollabFx.officer, reason: "Utredning inledd", by: CollabFx.therapist.id, at: later).get()
        #expect(third.handovers.count == 2)
        #expect(third.owner == CollabFx.officer)
    }

    @Test func onlyTheOwnerHandsOverToSomeoneElseWithAReason() {
        let c = CollabFx.openCase()
        func errors(_ to: StaffRef?, _ reason: String, by: RecordID) -> FieldErrors {
            if case .failure(let e) = CollaborationCaseRules.handOver(c, to: to, reason: reason, by: by, at: CollabFx.now) { return e }
            return FieldErrors()
        }
        #expect(errors(CollabFx.therapist, "Skäl", by: CollabFx.officer.id)["process_owner"] == "Bara processbäraren (Rut Rektor) kan lämna över ärendet.")
        #expect(errors(CollabFx.rektor, "Skäl", by: CollabFx.rektor.id)["new_owner"] != nil)
        #expect(errors(nil, "Skäl", by: CollabFx.rektor.id)["new_owner"] != nil)
        #expect(errors(CollabFx.therapist, "", by: CollabFx.rektor.id)["handover_reason"] != nil)
    }

    @Test func onlyTheOwnerClosesAndTheClosureIsDocumented() throws {
        let c = CollabFx.openCase()
        let today = Fx.day("2027-01-15")
        func errors(by: RecordID, on: String, note: String) -> FieldErrors {
            if case .failure(let e) = CollaborationCaseRules.close(c, by: by, on: Fx.day(on), note: note, today: today) { return e }
            return FieldErrors()
        }
        #expect(errors(by: CollabFx.therapist.id, on: "2027-01-15", note: "Klart")["process_owner"] == "Bara processbäraren (Rut Rektor) kan avsluta ärendet.")
        #expect(errors(by: CollabFx.rektor.id, on: "2027-01-15", note: " ")["closing_note"] == "Skriv i minnesanteckningarna hur ärendet avslutas.")
        #expect(errors(by: CollabFx.rektor.id, on: "2026-11-01", note: "Klart")["closed_on"] != nil)
        #expect(errors(by: CollabFx.rektor.id, on: "2027-01-16", note: "Klart")["closed_on"] != nil)

        let closed = try CollaborationCaseRules.close(c, by: CollabFx.rektor.id, on: today, note: "Närvaron är god, familjen har stöd.", meetingID: 7, today: today).get()
        #expect(!closed.isOpen)
        #expect(closed.closure == CaseClosure(closedBy: CollabFx.rektor, closedOn: today, note: "Närvaron är god, familjen har stöd.", meetingID: 7))
        guard case .failure(let again) = CollaborationCaseRules.close(closed, by: CollabFx.rektor.id, on: today, note: "x", today: today) else {
            Issue.record("A closed case closed again")
            return
        }
        #expect(again["case"] != nil)
        guard case .failure = CollaborationCaseRules.handOver(closed, to: CollabFx.therapist, reason: "x", by: CollabFx.rektor.id, at: CollabFx.now) else {
            Issue.record("A closed case handed over")
            return
        }
    }
}

@Suite("Two-week meeting clocks")
struct CollaborationClockTests {
    @Test func firstMeetingIsDueTwoWeeksAfterTheCaseBecameKnown() {
        let clocks = CollabFx.openCase().clocks(heldMeetingDays: [])
        #expect(clocks.count == 1)
        #expect(clocks[0].kind == .firstMeeting)
        #expect(clocks[0].dueOn == Fx.day("2026-12-07"))
        #expect(clocks[0].ownerID == CollabFx.rektor.id)
    }

    @Test(arguments: [
        ("2026-11-23", ClockState.running), ("2026-12-04", .running), ("2026-12-05", .dueSoon),
        ("2026-12-07", .dueSoon), ("2026-12-08", .overdue), ("2027-02-01", .overdue),
    ]) func stateWhileWaiting(today: String, expected: ClockState) {
        let clock = CollabFx.openCase().clocks(heldMeetingDays: [])[0]
        #expect(clock.state(on: Fx.day(today)) == expected)
    }

    @Test func metOnTimeOrLate() {
        let onTime = CollabFx.openCase().clocks(heldMeetingDays: ["2026-12-07"].map(Fx.day))[0]
        #expect(onTime.state(on: Fx.day("2027-03-01")) == .met)
        let late = CollabFx.openCase().clocks(heldMeetingDays: ["2026-12-08"].map(Fx.day))[0]
        #expect(late.state(on: Fx.day("2026-12-08")) == .metLate)
        #expect(!ClockState.metLate.isOpen)
    }

    @Test func secondMeetingIsDueTwoWeeksAfterTheFirstWasHeld() {
        let c = CollabFx.openCase()
        let afterFirst = c.clocks(heldMeetingDays: [Fx.day("2026-12-03")])
        #expect(afterFirst.map(\.kind) == [.firstMeeting, .secondMeeting])
        #expect(afterFirst[1].startedOn == Fx.day("2026-12-03"))
        #expect(afterFirst[1].dueOn == Fx.day("2026-12-17"))
        #expect(afterFirst[1].state(on: Fx.day("2026-12-18")) == .overdue)

        // Held on the due day: on time; the day after: late. Order of the days does not matter.
        let both = c.clocks(heldMeetingDays: [Fx.day("2026-12-17"), Fx.day("2026-12-03")])
        #expect(both[1].heldOn == Fx.day("2026-12-17"))
        #expect(both[1].state(on: Fx.day("2026-12-20")) == .met)
        let lateSecond = c.clocks(heldMeetingDays: [Fx.day("2026-12-03"), Fx.day("2026-12-18"), Fx.day("2027-01-10")])
        #expect(lateSecond[1].state(on: Fx.day("2027-01-10")) == .metLate)
    }

    @Test func bothClocksAreOnTheOwnersWorkListUntilMet() throws {
        var c = CollabFx.openCase()
        #expect(c.openClocks(heldMeetingDays: [], on: Fx.day("2026-11-30")).map(\.kind) == [.firstMeeting])
        #expect(c.openClocks(heldMeetingDays: [Fx.day("2026-12-01")], on: Fx.day("2026-12-02")).map(\.kind) == [.secondMeeting])
        #expect(c.openClocks(heldMeetingDays: [Fx.day("2026-12-01"), Fx.day("2026-12-10")], on: Fx.day("2026-12-11")).isEmpty)
        // After a handover the clocks follow the new owner.
        c = try CollaborationCaseRules.handOver(c, to: CollabFx.therapist, reason: "Byte", by: CollabFx.rektor.id, at: CollabFx.now).get()
        #expect(c.openClocks(heldMeetingDays: [], on: Fx.day("2026-11-30")).first?.ownerID == CollabFx.therapist.id)
    }

    @Test func aClosedCaseHasNoRunningClock() throws {
        let closed = try CollaborationCaseRules.close(CollabFx.openCase(), by: CollabFx.rektor.id, on: Fx.day("2026-11-25"), note: "Behovet löstes utan möte.", today: Fx.day("2026-11-25")).get()
        #expect(closed.openClocks(heldMeetingDays: [], on: Fx.day("2026-12-20")).isEmpty)
    }

    @Test func aBookingAfterTheDueDayWouldBeLate() {
        let clock = CollabFx.openCase().clocks(heldMeetingDays: [])[0]
        #expect(!clock.isLate(bookedOn: Fx.day("2026-12-07")))
        #expect(clock.isLate(bookedOn: Fx.day("2026-12-08")))
    }
}
