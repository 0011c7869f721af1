import Foundation
import Testing
@testable import SamverkaCore

@Suite("SIP rules (seed 004 §6)")
struct SIPRulesTests {
    static let today = SimpleDate(year: 2026, month: 12, day: 1)!
    static let now = Date(timeIntervalSince1970: 1_796_119_200) // 2026-12-01 11:00 in Stockholm
    static let kurator = StaffRef(id: 7, name: "Karin Kurator")

    static func start(_ kinds: [SIPPartyKind]) -> SIPStartInput {
        var input = SIPStartInput()
        input.raisedBy = "guardian"
        input.need = "Skolfrånvaro och ångest; behov av stöd från skolan och BUP."
        input.responsibleStaffID = 7
        input.parties = kinds.map { SIPPartyInput(kind: $0.rawValue, organisation: $0.label) }
        return input
    }

    @Test("a SIP with only municipal parties is refused with the message that names the samverkansmöte")
    func municipalOnlyRefused() throws {
        let result = SIPStartRules.validate(Self.start([.school, .socialServices]), staff: [7])
        guard case .failure(let errors) = result else { Issue.record("started without a region party"); return }
        #expect(errors["parties"] == SIPStartRules.bothPrincipalsMessage)
        #expect(errors["parties"]?.contains("samverkansmöte") == true)
    }

    @Test("with a region party it starts")
    func regionPartyStarts() throws {
        let start = try SIPStartRules.validate(Self.start([.school, .childPsychiatry]), staff: [7]).get()
        #expect(start.parties.map(\.kind) == [.school, .childPsychiatry])
        #expect(start.responsibleStaffID == 7)
    }

    @Test("only the region is not enough either; the network counts for neither principal")
    func networkIsNoPrincipal() {
        #expect(SIPStartRules.principalsProblem([.childPsychiatry, .network]) != nil)
        #expect(SIPStartRules.principalsProblem([.lss, .habilitation, .network]) == nil)
    }

    static let parties = [SIPParty(id: 1, kind: .school, organisation: "Hammarstrands skola"),
                          SIPParty(id: 2, kind: .childPsychiatry, organisation: "BUP Östersund")]

    static func consent(to: String, shares: [RecordID: String] = [1: "Närvaro och skolsituation", 2: "Pågående behandling"]) -> SIPConsentInput {
        var input = SIPConsentInput()
        input.giver = "guardians"
        input.givenBy = "Sara Nilsson"
        input.validFrom = "2026-12-01"
        input.validTo = to
        input.shares = shares
        return input
    }

    @Test("a consent over one year is refused by the field; one year to the day is accepted")
    func atMostOneYear() throws {
        guard case .failure(let errors) = SIPConsentRules.validate(Self.consent(to: "2027-12-01"), parties: Self.parties, today: Self.today) else {
            Issue.record("a consent of a year and a day was accepted"); return
        }
        #expect(errors["valid_to"]?.contains("högst ett år") == true)
        #expect(errors["valid_to"]?.contains("2027-11-30") == true)
        let ok = try SIPConsentRules.validate(Self.consent(to: "2027-11-30"), parties: Self.parties, today: Self.today).get()
        #expect(ok.validTo == SimpleDate(year: 2027, month: 11, day: 30))
    }

    @Test("a new consent must name every party, and a new party must say what it shares")
    func everyPartyNamed() {
        guard case .failure(let errors) = SIPConsentRules.validate(Self.consent(to: "2027-06-01", shares: [1: "Närvaro"]), parties: Self.parties, today: Self.today) else {
            Issue.record("a consent leaving out BUP was accepted"); return
        }
        #expect(errors["share_2"]?.contains("alla parter") == true)
        var input = Self.consent(to: "2027-06-01")
        input.newParties = [SIPPartyInput(kind: "habilitation", organisation: "Habiliteringen Östersund")]
        input.newPartyShares = [""]
        guard case .failure(let e2) = SIPConsentRules.validate(input, parties: Self.parties, today: Self.today) else {
            Issue.record("a new party without its share was accepted"); return
        }
        #expect(e2["party_1_share"] != nil)
    }

    static func sip(consents: [SIPConsent], closure: SIPClosure? = nil) -> SIP {
        var parties = Self.parties
        parties[1].staffID = 40
        return SIP(id: 5, childID: 3, raisedBy: .guardian, need: "…", responsible: kurator, openedBy: kurator, openedAt: now,
                   parties: parties, consents: consents, closure: closure)
    }

    static func recorded(_ id: RecordID, shares: [RecordID: String], withdrawnAt: Date? = nil, replacedBy: RecordID? = nil) -> SIPConsent {
        SIPConsent(id: id, giver: .guardians, givenBy: "Sara", validFrom: today, validTo: today.adding(days: 100), shares: shares,
                   recordedBy: kurator, recordedAt: now, withdrawnAt: withdrawnAt, replacedBy: replacedBy)
    }

    @Test("a party sees the SIP only while a consent in force names every party; withdrawal ends it that instant")
    func partyAccessFollowsConsent() {
        let bup = Actor(staffID: 40, displayName: "Anna BUP", assignments: [Assignment(role: .externalParty, unitID: nil, unitKind: nil)])
        let inForce = Self.sip(consents: [Self.recorded(1, shares: [1: "a", 2: "b"])])
        #expect(AccessPolicy.allows(bup, .viewSIP(SIPAccessFacts(inForce, at: Self.now))))
        // A party added without a new consent: the old one no longer covers everyone.
        let partial = Self.sip(consents: [Self.recorded(1, shares: [1: "a"])])
        #expect(!AccessPolicy.allows(bup, .viewSIP(SIPAccessFacts(partial, at: Self.now))))
        let withdrawn = Self.sip(consents: [Self.recorded(1, shares: [1: "a", 2: "b"], withdrawnAt: Self.now)])
        #expect(!AccessPolicy.allows(bup, .viewSIP(SIPAccessFacts(withdrawn, at: Self.now))))
        #expect(AccessPolicy.allows(bup, .viewSIP(SIPAccessFacts(withdrawn, at: Self.now.addingTimeInterval(-1)))))
        // The SIP-ansvarig keeps the closed record; the outside party never sees the child.
        #expect(AccessPolicy.allows(Actor(staffID: 7, displayName: "K", assignments: []), .viewSIP(SIPAccessFacts(withdrawn, at: Self.now))))
        #expect(!AccessPolicy.allows(bup, .viewChild(ChildAccessFacts(childID: 3, unitIDs: [1], protectedIdentity: false))))
        #expect(!AccessPolicy.allows(bup, .searchChildren))
        #expect(!AccessPolicy.allows(bup, .workInSIP(SIPAccessFacts(inForce, at: Self.now))))
    }

    @Test("the replaced consent stays in the history and the new one governs")
    func replacedConsent() {
        let sip = Self.sip(consents: [Self.recorded(1, shares: [1: "a", 2: "b"], replacedBy: 2), Self.recorded(2, shares: [1: "a", 2: "b"])])
        #expect(sip.consentInForce(at: Self.now)?.id == 2)
        #expect(sip.consents.count == 2)
    }

    static func protocolInput() -> SIPProtocolInput {
        var p = SIPProtocolInput()
        p.familyPresent = "Sara Nilsson (mamma), Elsa"
        p.present = [1, 2]
        p.roles = [1: "Skolkurator", 2: "Psykolog"]
        p.views = [1: "Elsa är i skolan tre dagar i veckan.", 2: "Behandling pågår."]
        p.worksWell = "Idrotten och kompisarna."
        p.harder = "Morgnarna."
        p.currentSupport = "Kurator varannan vecka; BUP samtal."
        p.needs = "Trygga morgnar och anpassad skoldag."
        p.actions = [.init(what: "Anpassat schema", partyID: "1", dueOn: "2026-12-15"),
                     .init(what: "Bedömning av ångest", partyID: "2", dueOn: "2027-01-15"),
                     .init(what: "Morgonrutin", partyID: "1", dueOn: "2026-12-20")]
        p.familyOwn = "Elsa och mamma går till skolan tillsammans."
        p.summary = "Skolan anpassar, BUP bedömer."
        p.childVoice = "Jag vill vara med på idrotten."
        p.followUp = SIPMeetingInput(date: "2027-02-01", start: "13:00", end: "14:00", place: "Skolan")
        return p
    }

    @Test("the SIP meeting cannot be held before the consent is in force")
    func noProtocolBeforeConsent() {
        guard case .failure(let errors) = SIPProtocolRules.validate(Self.protocolInput(), parties: Self.parties, consentInForce: false, meetingOn: Self.today, today: Self.today) else {
            Issue.record("a protocol without consent was accepted"); return
        }
        #expect(errors["consent"]?.contains("samtycke") == true)
    }

    @Test("a protocol with a plan of three actions and the follow-up; an action for someone not a party is refused")
    func protocolAndPlan() throws {
        let proto = try SIPProtocolRules.validate(Self.protocolInput(), parties: Self.parties, consentInForce: true, meetingOn: Self.today, today: Self.today).get()
        #expect(proto.actions.count == 3)
        #expect(proto.followUp.date == SimpleDate(year: 2027, month: 2, day: 1))
        var bad = Self.protocolInput()
        bad.actions[0].partyID = "99"
        guard case .failure(let errors) = SIPProtocolRules.validate(bad, parties: Self.parties, consentInForce: true, meetingOn: Self.today, today: Self.today) else {
            Issue.record("an action for a non-party was accepted"); return
        }
        #expect(errors["action_1_party"] != nil)
        var silent = Self.protocolInput()
        silent.views[2] = ""
        guard case .failure(let e2) = SIPProtocolRules.validate(silent, parties: Self.parties, consentInForce: true, meetingOn: Self.today, today: Self.today) else {
            Issue.record("a present party not heard was accepted"); return
        }
        #expect(e2["view_2"]?.contains("komma till tals") == true)
    }

    @Test("the protocol document has the seed's parts in order")
    func partsInOrder() throws {
        let proto = try SIPProtocolRules.validate(Self.protocolInput(), parties: Self.parties, consentInForce: true, meetingOn: Self.today, today: Self.today).get()
        let schedule = MeetingSchedule(date: Self.today, start: TimeOfDay(hour: 13, minute: 0)!, end: TimeOfDay(hour: 14, minute: 0)!, place: "Skolan")
        let doc = SIPProtocolDocument(organisation: "Dals-Eds kommun", childName: "Elsa Nilsson", responsible: "Karin Kurator",
                                      meeting: SIPMeeting(id: 1, kind: .sip, schedule: schedule), parties: Self.parties,
                                      shares: [1: "Närvaro", 2: "Behandling"], proto: proto, recipient: "Vårdnadshavarna", withReplySlip: true)
        #expect(doc.sections().map(\.heading) == SIPProtocol.parts)
        #expect(SIPProtocol.parts.first?.contains("Sammanhangsmarkering") == true)
        #expect(SIPProtocol.parts.last?.contains("Uppföljning") == true)
        #expect(doc.sections()[3].lines.count == 3)
    }

    @Test("closure by the SIP-ansvarig takes a chosen reason; withdrawal is not one to choose")
    func closure() {
        #expect(throws: FieldErrors.self) { try SIPClosureRules.validate(reason: "consent-withdrawn", note: nil, by: Self.kurator, at: Self.now).get() }
        #expect((try? SIPClosureRules.validate(reason: "needs-ended", note: "Klart", by: Self.kurator, at: Self.now).get())?.reason == .needsEnded)
    }

    @Test("the reply slip: received after sending, signed or not, agreement asked")
    func replySlip() {
        let sent = Self.today.adding(days: -3)
        guard case .failure(let e) = SIPClosureRules.replySlip(receivedOn: "2026-11-20", signed: "ja", agreement: "agrees", comment: nil, sentOn: sent, today: Self.today, by: Self.kurator, at: Self.now) else {
            Issue.record("a slip received before sending was accepted"); return
        }
        #expect(e["received_on"] != nil)
        let slip = try? SIPClosureRules.replySlip(receivedOn: "2026-12-01", signed: "nej", agreement: "partly", comment: "Vill prata om schemat", sentOn: sent, today: Self.today, by: Self.kurator, at: Self.now).get()
        #expect(slip?.signed == false)
        #expect(slip?.agreement == .partly)
    }
}

extension SIPRulesTests {
    @Test("a party's account must be one of the accounts a party may have; linking another is refused by the field")
    func partyAccountChecked() {
        var input = Self.start([.school, .childPsychiatry])
        input.parties[1].staffID = 99
        guard case .failure(let errors) = SIPStartRules.validate(input, staff: [7], accounts: [40]) else { Issue.record("an unknown account was linked"); return }
        #expect(errors["party_2_account"] != nil)
        input.parties[1].staffID = 40
        #expect((try? SIPStartRules.validate(input, staff: [7], accounts: [40]).get())?.parties[1].staffID == 40)
    }
}
