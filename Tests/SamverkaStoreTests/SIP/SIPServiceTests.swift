import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("SIP: both principals, the family's consent, the pre-meeting, the protocol and plan, outside parties, closure")
struct SIPServiceTests {
    struct Setup {
        var child: RecordID
        var sipID: RecordID
        var service: SIPService
        /// A BUP psychologist's "extern part" account.
        var bup: Actor
        var parties: [SIPParty]
    }

    static func externalAccount(_ f: Fixture, username: String, name: String) async throws -> Actor {
        let hash = try await FastTestHasher().hash("rätt-lösenord-123")
        return try await f.store.transaction { db in
            let id = try await OrganisationQueries.insertStaff(username: username, displayName: name, email: nil, passwordHash: hash, mustChangePassword: false, now: Fixture.start, db)
            _ = try await OrganisationQueries.insertAssignment(staffID: id, role: .externalParty, unitID: nil, now: Fixture.start, db)
            return try await OrganisationQueries.actor(staffID: id, db)!
        }
    }

    static func start(_ f: Fixture, kinds: [(SIPPartyKind, String, RecordID?)]) -> SIPStartInput {
        var input = SIPStartInput()
        input.raisedBy = SIPRaisedBy.guardian.rawValue
        input.need = "Skolfrånvaro och ångest: stöd behövs från både skolan och BUP."
        input.responsibleStaffID = f.teacherA.staffID
        input.parties = kinds.map { SIPPartyInput(kind: $0.0.rawValue, organisation: $0.1, staffID: $0.2) }
        return input
    }

    /// Teacher A (SIP-ansvarig) opens a SIP about a pupil of school A with the school and BUP.
    static func setUp(_ f: Fixture) async throws -> Setup {
        let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
        let bup = try await externalAccount(f, username: "bup.anna", name: "Anna BUP")
        let service = SIPService(store: f.store, clock: f.clock)
        let id = try requireOK(await service.open(childID: child, start(f, kinds: [(.school, "Skola A", f.teacherA.staffID), (.childPsychiatry, "BUP Östersund", bup.staffID)]), by: f.origin(f.teacherA)))
        let page = try requireOK(await service.page(sipID: id, by: f.origin(f.teacherA)))
        return Setup(child: child, sipID: id, service: service, bup: bup, parties: page.record.sip.parties)
    }

    static func consent(_ f: Fixture, _ parties: [SIPParty], to: SimpleDate? = nil) -> SIPConsentInput {
        var input = SIPConsentInput()
        input.giver = SIPConsentGiver.guardians.rawValue
        input.givenBy = "Gun Ek"
        input.validFrom = f.todayISO
        input.validTo = (to ?? f.today.adding(months: 6)).iso
        for p in parties { input.shares[p.id] = "Det som behövs för planeringen" }
        return input
    }

    @Test("a SIP with only municipal parties is refused with the message and nothing is saved; with a region party it starts")
    func bothPrincipals() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
            let service = SIPService(store: store, clock: f.clock)
            let errors = try requireInvalid(await service.open(childID: child, Self.start(f, kinds: [(.school, "Skola A", nil), (.socialServices, "IFO", nil)]), by: f.origin(f.teacherA)))
            #expect(errors["parties"] == SIPStartRules.bothPrincipalsMessage)
            #expect(try await f.count("sips") == 0)
            #expect(try await f.count("sip_parties") == 0)
            _ = try requireOK(await service.open(childID: child, Self.start(f, kinds: [(.school, "Skola A", nil), (.habilitation, "Habiliteringen", nil)]), by: f.origin(f.teacherA)))
            #expect(try await f.count("sips") == 1)
            // A teacher of another school does not see the child, so cannot open one either.
            try requireDenied(await service.open(childID: child, Self.start(f, kinds: [(.school, "Skola B", nil), (.habilitation, "Hab", nil)]), by: f.origin(f.teacherB)))
        }
    }

    @Test("consent over a year is refused; a new party only through a new consent naming every party, and the old one stays in the history")
    func consentRules() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let x = try await Self.setUp(f)
            #expect(try requireInvalid(await x.service.withdrawConsent(sipID: x.sipID, note: nil, by: f.origin(f.teacherA)))["withdrawal_note"] != nil)
            let tooLong = try requireInvalid(await x.service.recordConsent(sipID: x.sipID, Self.consent(f, x.parties, to: f.today.adding(months: 12)), by: f.origin(f.teacherA)))
            #expect(tooLong["valid_to"]?.contains("högst ett år") == true)
            #expect(try await f.count("sip_consents") == 0)
            let first = try requireOK(await x.service.recordConsent(sipID: x.sipID, Self.consent(f, x.parties), by: f.origin(f.teacherA)))

            // A new party: the consent that leaves out BUP is refused, nothing is half-saved.
            var leavesOut = Self.consent(f, x.parties)
            leavesOut.shares[x.parties[1].id] = ""
            leavesOut.newParties = [SIPPartyInput(kind: SIPPartyKind.socialServices.rawValue, organisation: "IFO Öppenvård")]
            leavesOut.newPartyShares = ["Pågående insatser"]
            let e = try requireInvalid(await x.service.recordConsent(sipID: x.sipID, leavesOut, by: f.origin(f.teacherA)))
            #expect(e["share_\(x.parties[1].id)"]?.contains("alla parter") == true)
            #expect(try await f.count("sip_parties") == 2)

            var withNew = Self.consent(f, x.parties)
            withNew.newParties = leavesOut.newParties
            withNew.newPartyShares = leavesOut.newPartyShares
            let second = try requireOK(await x.service.recordConsent(sipID: x.sipID, withNew, by: f.origin(f.teacherA)))
            let sip = try requireOK(await x.service.page(sipID: x.sipID, by: f.origin(f.teacherA))).record.sip
            #expect(sip.parties.count == 3)
            #expect(sip.consents.map(\.id) == [first, second])
            #expect(sip.consents[0].replacedBy == second)
            #expect(sip.consentInForce(at: f.clock.now())?.id == second)
            // Only the SIP-ansvarig records consents.
            try requireDenied(await x.service.recordConsent(sipID: x.sipID, withNew, by: f.origin(x.bup)))
        }
    }

    @Test("an outside party's account sees its SIP only while the consent is in force, nothing else of the child, and every view is logged")
    func outsideParty() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let x = try await Self.setUp(f)
            try requireDenied(await x.service.page(sipID: x.sipID, by: f.origin(x.bup)))
            #expect(try await x.service.mySIPs(by: f.origin(x.bup)).isEmpty)
            _ = try requireOK(await x.service.recordConsent(sipID: x.sipID, Self.consent(f, x.parties), by: f.origin(f.teacherA)))

            let page = try requireOK(await x.service.page(sipID: x.sipID, by: f.origin(x.bup)))
            #expect(!page.mayWork)
            #expect(try await x.service.mySIPs(by: f.origin(x.bup)).map(\.sip.id) == [x.sipID])
            let views = try await f.auditRows().filter { $0.staffID == x.bup.staffID && $0.action == .read && $0.recordType == AuditRecordType.sip.rawValue && $0.recordID == String(x.sipID) }
            #expect(views.count == 1 && views[0].childID == x.child)
            // Nothing else of the child: not the child page, not search.
            try requireDenied(await f.registry.view(childID: x.child, by: f.origin(x.bup)))
            #expect(!AccessPolicy.allows(x.bup, .searchChildren))
            // Another SIP of the same child that does not name BUP stays closed to it.
            let other = try requireOK(await x.service.open(childID: x.child, Self.start(f, kinds: [(.school, "Skola A", nil), (.habilitation, "Habiliteringen", nil)]), by: f.origin(f.teacherA)))
            try requireDenied(await x.service.page(sipID: other, by: f.origin(x.bup)))

            // Withdrawal closes the SIP at once for every party.
            try requireOK(await x.service.withdrawConsent(sipID: x.sipID, note: "Mamma ringde", by: f.origin(f.teacherA)))
            try requireDenied(await x.service.page(sipID: x.sipID, by: f.origin(x.bup)))
            #expect(try await x.service.mySIPs(by: f.origin(x.bup)).isEmpty)
            let kept = try requireOK(await x.service.page(sipID: x.sipID, by: f.origin(f.teacherA))).record.sip
            #expect(kept.closure?.reason == .consentWithdrawn)
            #expect(kept.consents.last?.withdrawnAt != nil)
            let refused = try await f.auditRows().filter { $0.staffID == x.bup.staffID && $0.action == .accessDenied && $0.recordType == AuditRecordType.sip.rawValue }
            #expect(refused.count >= 2)
        }
    }

    @Test("the SIP meeting is booked and held only under consent; the protocol's plan reaches work lists and the follow-up is on the SIP-ansvarig's")
    func meetingProtocolAndWorkLists() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let x = try await Self.setUp(f)
            let meeting = SIPMeetingInput(date: f.todayISO, start: "00:00", end: "01:00", place: "Skola A")
            let refused = try requireInvalid(await x.service.bookMeeting(sipID: x.sipID, meeting, by: f.origin(f.teacherA)))
            #expect(refused["date"]?.contains("samtycke") == true)
            _ = try requireOK(await x.service.recordConsent(sipID: x.sipID, Self.consent(f, x.parties), by: f.origin(f.teacherA)))
            let meetingID = try requireOK(await x.service.bookMeeting(sipID: x.sipID, meeting, by: f.origin(f.teacherA)))
            let invitation = try requireOK(await x.service.invitation(sipID: x.sipID, meetingID: meetingID, partyID: x.parties[1].id, by: f.origin(f.teacherA)))
            #expect(invitation.party.organisation == "BUP Östersund")

            var proto = SIPProtocolInput()
            proto.familyPresent = "Gun Ek (mamma), Saga"
            proto.present = Set(x.parties.map(\.id))
            for p in x.parties { proto.roles[p.id] = "Kontakt"; proto.views[p.id] = "Fungerar i perioder." }
            proto.worksWell = "Idrotten"; proto.harder = "Morgnarna"; proto.currentSupport = "Kurator"; proto.needs = "Trygga morgnar"
            proto.actions = [.init(what: "Anpassat schema", partyID: String(x.parties[0].id), dueOn: f.today.adding(days: 10).iso),
                             .init(what: "Bedömning av ångest", partyID: String(x.parties[1].id), dueOn: f.today.adding(days: 20).iso),
                             .init(what: "Morgonrutin", partyID: String(x.parties[0].id), dueOn: f.today.adding(days: 5).iso)]
            proto.familyOwn = "Går till skolan tillsammans"; proto.summary = "Skolan anpassar, BUP bedömer"; proto.childVoice = "Vill vara med på idrotten"
            proto.followUp = SIPMeetingInput(date: f.today.adding(days: 30).iso, start: "13:00", end: "14:00", place: "Skola A")
            let followUp = try requireOK(await x.service.saveProtocol(sipID: x.sipID, meetingID: meetingID, proto, by: f.origin(f.teacherA)))
            #expect(followUp != meetingID)
            // The protocol is written once.
            #expect(try requireInvalid(await x.service.saveProtocol(sipID: x.sipID, meetingID: meetingID, proto, by: f.origin(f.teacherA)))["consent"]?.contains("redan") == true)

            let list = try await f.workLists.workList(by: f.origin(f.teacherA)).items
            #expect(list.contains { $0.subject == .sipFollowUp(sipID: x.sipID) && $0.dueDay == f.today.adding(days: 30) })
            #expect(list.filter { if case .sipAction = $0.subject { return true }; return false }.count == 2)
            // The outside party's action is on the outside party's list, not the school's.
            #expect(!list.contains { $0.subject == .sipAction(sipID: x.sipID, what: "Bedömning av ångest") })

            // The protocol to the guardians, sent and answered.
            let copy = try requireOK(await x.service.protocolDocument(sipID: x.sipID, meetingID: meetingID, partyID: nil, by: f.origin(f.teacherA)))
            #expect(copy.proto.actions.count == 3)
            _ = try requireInvalid(await x.service.recordReplySlip(sipID: x.sipID, meetingID: meetingID, receivedOn: f.todayISO, signed: "ja", agreement: "agrees", comment: nil, by: f.origin(f.teacherA)))
            try requireOK(await x.service.markProtocolSent(sipID: x.sipID, meetingID: meetingID, by: f.origin(f.teacherA)))
            try requireOK(await x.service.recordReplySlip(sipID: x.sipID, meetingID: meetingID, receivedOn: f.todayISO, signed: "nej", agreement: "partly", comment: "Vill prata om schemat", by: f.origin(f.teacherA)))
            #expect(try requireInvalid(await x.service.recordReplySlip(sipID: x.sipID, meetingID: meetingID, receivedOn: f.todayISO, signed: "ja", agreement: "agrees", comment: nil, by: f.origin(f.teacherA)))["received_on"]?.contains("redan") == true)
            // BUP gets its own copy, not the guardians'.
            _ = try requireOK(await x.service.protocolDocument(sipID: x.sipID, meetingID: meetingID, partyID: x.parties[1].id, by: f.origin(x.bup)))
            try requireDenied(await x.service.protocolDocument(sipID: x.sipID, meetingID: meetingID, partyID: nil, by: f.origin(x.bup)))
            // BUP marks its own action done.
            try requireOK(await x.service.markActionDone(sipID: x.sipID, meetingID: meetingID, position: 1, by: f.origin(x.bup)))
            try requireDenied(await x.service.markActionDone(sipID: x.sipID, meetingID: meetingID, position: 0, by: f.origin(x.bup)))

            // Closed: nothing of it stays on a work list.
            try requireOK(await x.service.close(sipID: x.sipID, reason: SIPClosureReason.needsEnded.rawValue, note: nil, by: f.origin(f.teacherA)))
            let after = try await f.workLists.workList(by: f.origin(f.teacherA)).items
            #expect(!after.contains { if case .sipFollowUp = $0.subject { return true }; if case .sipAction = $0.subject { return true }; return false })

            // The register extract has the SIP with its consent, plan and reply slip.
            let (_, extract) = try requireOK(await RegisterExtractService(store: store, clock: f.clock).extract(identityNumber: Numbers.make(2015, 3, 12), purpose: "Begäran", by: f.origin(f.logReviewer)))
            let section = try #require(extract.sections.first { $0.title.hasPrefix("SIP") })
            let values = section.records.flatMap(\.fields).map(\.value).joined(separator: "\n")
            #expect(values.contains("Bedömning av ångest") && values.contains("BUP Östersund") && values.contains("ej underskriven"))
            #expect(values.contains(SIPClosureReason.needsEnded.label))
        }
    }

    @Test("the log review counts a SIP's responsible and its parties' accounts as connected to the child")
    func connected() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let x = try await Self.setUp(f)
            let connected: (RecordID) async throws -> Bool = { staff in
                try await store.withConnection { db in
                    try await LogReviewQueries.isConnected(.init(staffID: staff, childID: x.child), clauses: [.sips], db)
                }
            }
            #expect(try await connected(x.bup.staffID))
            #expect(try await connected(f.teacherA.staffID))
            #expect(try await !connected(f.teacherB.staffID))
        }
    }
}

extension SIPServiceTests {
    static func protocolInput(_ f: Fixture, _ parties: [SIPParty], followUpIn days: Int = 30) -> SIPProtocolInput {
        var proto = SIPProtocolInput()
        proto.familyPresent = "Gun Ek (mamma), Saga"
        proto.present = Set(parties.map(\.id))
        for p in parties { proto.roles[p.id] = "Kontakt"; proto.views[p.id] = "Fungerar i perioder." }
        proto.worksWell = "Idrotten"; proto.harder = "Morgnarna"; proto.currentSupport = "Kurator"; proto.needs = "Trygga morgnar"
        proto.actions = [.init(what: "Anpassat schema", partyID: String(parties[0].id), dueOn: f.today.adding(days: 10).iso),
                         .init(what: "Bedömning av ångest", partyID: String(parties[1].id), dueOn: f.today.adding(days: 20).iso)]
        proto.familyOwn = "Går till skolan tillsammans"; proto.summary = "Skolan anpassar, BUP bedömer"; proto.childVoice = "Vill vara med på idrotten"
        proto.followUp = SIPMeetingInput(date: f.today.adding(days: days).iso, start: "13:00", end: "14:00", place: "Skola A")
        return proto
    }

    static func items(_ f: Fixture, _ actor: Actor) async throws -> [WorkSubject] {
        try await f.workLists.workList(by: f.origin(actor)).items.map(\.subject)
    }

    @Test("the follow-up meeting follows up the open actions; a withdrawn consent takes every SIP item off every work list at once")
    func followUpAndWithdrawal() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let x = try await Self.setUp(f)
            _ = try requireOK(await x.service.recordConsent(sipID: x.sipID, Self.consent(f, x.parties), by: f.origin(f.teacherA)))
            let first = try requireOK(await x.service.bookMeeting(sipID: x.sipID, SIPMeetingInput(date: f.todayISO, start: "00:00", end: "01:00", place: "Skola A"), by: f.origin(f.teacherA)))
            let followUp = try requireOK(await x.service.saveProtocol(sipID: x.sipID, meetingID: first, Self.protocolInput(f, x.parties), by: f.origin(f.teacherA)))
            // The outside party's action is on its own account's list.
            #expect(try await Self.items(f, x.bup).contains(.sipAction(sipID: x.sipID, what: "Bedömning av ångest")))
            #expect(try await Self.items(f, f.teacherA).contains(.sipAction(sipID: x.sipID, what: "Anpassat schema")))

            // A month later the follow-up: the school's action is found done; BUP's stays open.
            f.clock.advance(by: 30 * 86_400)
            var next = Self.protocolInput(f, x.parties)
            next.actions = [.init(what: "Ny läsplan", partyID: String(x.parties[0].id), dueOn: f.today.adding(days: 10).iso)]
            next.actionsDone = [SIPActionRef(meetingID: first, position: 0)]
            _ = try requireOK(await x.service.saveProtocol(sipID: x.sipID, meetingID: followUp, next, by: f.origin(f.teacherA)))
            let sip = try requireOK(await x.service.page(sipID: x.sipID, by: f.origin(f.teacherA))).record.sip
            #expect(sip.openActions.map(\.action.what) == ["Bedömning av ångest", "Ny läsplan"])
            #expect(sip.meetings.filter { $0.kind == .followUp }.count == 2)

            try requireOK(await x.service.withdrawConsent(sipID: x.sipID, note: "Pappa ringde", by: f.origin(f.teacherA)))
            let isSIP: (WorkSubject) -> Bool = {
                switch $0 { case .sipAction, .sipFollowUp, .sipConsentEnding: true; default: false }
            }
            #expect(try await !Self.items(f, x.bup).contains(where: isSIP))
            #expect(try await !Self.items(f, f.teacherA).contains(where: isSIP))
        }
    }
}
