import Foundation
import SamverkaCore

/// The demo's SIPs, through the service like real work: Ekbackens skolkurator is SIP-ansvarig
/// for a running SIP with BUP (whose psychologist has an "extern part" account) and family
/// therapy, held with a plan and its follow-up booked; and a closed SIP with habilitation.
extension DemoMunicipality {
    static func seedSIPs(_ store: Store, clock: ManualTimeSource, running: RecordID, closed: RecordID,
                         origin: (String) async throws -> RequestOrigin) async throws {
        let sips = SIPService(store: store, clock: clock)
        let kurator = try await origin("kurator.ekbacken"), bup = try await origin("bup"), therapist = try await origin("familjebehandlare")
        func ok<T>(_ outcome: Outcome<T>) throws -> T {
            guard case .ok(let value) = outcome else { throw StoreError.conflict("demo SIP: \(outcome)") }
            return value
        }
        let today = Stockholm.date(of: clock.now())
        let name = try await store.withConnection { db in try await ChildQueries.child(id: running, db)?.givenName } ?? "Barnet"

        var start = SIPStartInput()
        start.raisedBy = SIPRaisedBy.guardian.rawValue
        start.need = "Mamma har bett om en SIP: \(name) har svår oro och är ofta hemma från skolan. Skolan behöver anpassa skoldagen, BUP utreder oron och familjebehandlingen stöttar morgnarna hemma."
        start.responsibleStaffID = kurator.actor.staffID
        start.parties = [
            SIPPartyInput(kind: SIPPartyKind.school.rawValue, organisation: "Ekbackens skola", contactName: kurator.actor.displayName, staffID: kurator.actor.staffID),
            SIPPartyInput(kind: SIPPartyKind.childPsychiatry.rawValue, organisation: "BUP Region Exempelby", contactName: bup.actor.displayName, staffID: bup.actor.staffID),
            SIPPartyInput(kind: SIPPartyKind.socialServices.rawValue, organisation: "IFO Familjebehandling", contactName: therapist.actor.displayName, staffID: therapist.actor.staffID),
        ]
        let sipID = try ok(await sips.open(childID: running, start, by: kurator))
        for step in [SIPPreMeetingStep.questionsAndPurpose, .partiesDecided] {
            try ok(await sips.markStep(sipID: sipID, step: step.rawValue, note: "Med mamma och \(name) i skolan", by: kurator))
        }
        let parties = try ok(await sips.page(sipID: sipID, by: kurator)).record.sip.parties
        var consent = SIPConsentInput()
        consent.giver = SIPConsentGiver.childAndGuardians.rawValue
        consent.givenBy = "Lena Łukasiewicz (mamma) och \(name)"
        consent.validFrom = today.iso
        consent.validTo = today.adding(months: 10).iso
        let shares = ["Närvaro, skolsituation och de anpassningar skolan gör", "Att utredning pågår och vad den visar om skolsituationen", "Hur morgnarna och stödet hemma går"]
        for (party, share) in zip(parties, shares) { consent.shares[party.id] = share }
        _ = try ok(await sips.recordConsent(sipID: sipID, consent, by: kurator))
        let meetingID = try ok(await sips.bookMeeting(sipID: sipID, SIPMeetingInput(date: today.iso, start: "08:30", end: "10:00", place: "Ekbackens skola, elevhälsans rum"), by: kurator))

        var proto = SIPProtocolInput()
        proto.familyPresent = "Lena Łukasiewicz (mamma), \(name)"
        proto.present = Set(parties.map(\.id))
        proto.roles = [parties[0].id: "Skolkurator, SIP-ansvarig", parties[1].id: "Psykolog", parties[2].id: "Familjebehandlare"]
        proto.views = [parties[0].id: "\(name) är i skolan ungefär tre dagar i veckan. Hon trivs på idrotten och med sin mentor.",
                       parties[1].id: "Utredning av oro pågår; första samtalen har gått bra.",
                       parties[2].id: "Morgnarna är svårast; familjen vill ha stöd hemma två morgnar i veckan."]
        proto.worksWell = "Idrotten, mentorn och kompisarna i klassen."
        proto.harder = "Morgnarna och att komma till skolan efter en frånvarodag."
        proto.currentSupport = "Skolkurator varannan vecka; BUP har haft två samtal; familjebehandling har inte börjat."
        proto.needs = "En trygg start på dagen, en anpassad skoldag under en period och en bedömning av oron."
        proto.actions = [.init(what: "Anpassat schema med senare start två dagar i veckan", partyID: String(parties[0].id), dueOn: today.adding(days: 14).iso),
                         .init(what: "Bedömning av oro och förslag på behandling", partyID: String(parties[1].id), dueOn: today.adding(days: 42).iso),
                         .init(what: "Stöd hemma två morgnar i veckan", partyID: String(parties[2].id), dueOn: today.adding(days: 21).iso)]
        proto.familyOwn = "\(name) och mamma går till skolan tillsammans de dagar \(name) börjar senare; \(name) berättar för mentorn när det känns svårt."
        proto.summary = "Skolan anpassar schemat, BUP bedömer oron och familjebehandlingen stöttar morgnarna. Vi följer upp om fyra veckor."
        proto.childVoice = "Jag vill vara med på idrotten och inte behöva börja tidigt varje dag."
        proto.followUp = SIPMeetingInput(date: today.adding(days: 28).iso, start: "08:30", end: "09:30", place: "Ekbackens skola, elevhälsans rum")
        _ = try ok(await sips.saveProtocol(sipID: sipID, meetingID: meetingID, proto, by: kurator))
        try ok(await sips.markProtocolSent(sipID: sipID, meetingID: meetingID, by: kurator))
        clock.advance(by: 86_400)
        try ok(await sips.recordReplySlip(sipID: sipID, meetingID: meetingID, receivedOn: Stockholm.date(of: clock.now()).iso, signed: "ja",
                                          agreement: SIPReplySlip.Agreement.agrees.rawValue, comment: "Tack, det känns bra", by: kurator))

        // The closed one: habilitation and the school, the needs of both principals ended.
        var closedStart = start
        closedStart.need = "Behov av samordning mellan skolan och habiliteringen inför byte av klass."
        closedStart.parties = [
            SIPPartyInput(kind: SIPPartyKind.school.rawValue, organisation: "Ekbackens skola", contactName: kurator.actor.displayName, staffID: kurator.actor.staffID),
            SIPPartyInput(kind: SIPPartyKind.habilitation.rawValue, organisation: "Habiliteringen Exempelby", contactName: "Çağla Çelik"),
        ]
        let closedID = try ok(await sips.open(childID: closed, closedStart, by: kurator))
        let closedParties = try ok(await sips.page(sipID: closedID, by: kurator)).record.sip.parties
        var closedConsent = consent
        closedConsent.givenBy = "Vårdnadshavarna"
        closedConsent.giver = SIPConsentGiver.guardians.rawValue
        closedConsent.shares = Dictionary(uniqueKeysWithValues: closedParties.map { ($0.id, "Det som behövs för klassbytet") })
        _ = try ok(await sips.recordConsent(sipID: closedID, closedConsent, by: kurator))
        try ok(await sips.close(sipID: closedID, reason: SIPClosureReason.needsEnded.rawValue, note: "Klassbytet har gått bra; inga fler behov från båda huvudmännen.", by: kurator))
    }
}
