import Foundation
import Testing
@testable import SamverkaCore

@Suite("Booking a meeting needs consent")
struct MeetingBookingTests {
    static let child10 = Fx.day("2016-05-01")
    static let youth18 = Fx.day("2008-05-01")

    static let guardian = Participant(name: "Gun Vårdnadshavare", roles: [.guardian])
    static let child = Participant(name: "Elsa", roles: [.child])
    static let rektor = Participant(name: "Rut Rektor", roles: [.principal, .processOwner], staffID: 10, unitID: 100)
    static let therapist = Participant(name: "Fia Familjebehandlare", roles: [.familyTherapist], staffID: 20, unitID: 200)
    static let bup = Participant(name: "Bo Läkare", roles: [.region], organisation: "BUP Region Jämtland")
    static let sipLead = Participant(name: "Sam SIP", roles: [.sipResponsible, .caseOfficer], staffID: 30, unitID: 300)

    static func consent(_ id: RecordID = 5, parties: Set<ConsentParty> = [.unit(100), .unit(200)], from: String = "2026-11-20", to: String = "2027-06-30", giver: ConsentGiverKind = .guardians, purpose: ConsentPurposeKind = .collaborationCase, withdrawnAt: Date? = nil) -> MeetingConsent {
        MeetingConsent(
            facts: ConsentFacts(consentID: id, parties: parties, categories: [.meetingMinutes], validFrom: Fx.day(from), validTo: Fx.day(to), withdrawnAt: withdrawnAt),
            giverKind: giver, purposeKind: purpose
        )
    }

    static func input(_ change: (inout MeetingBookingInput) -> Void = { _ in }) -> MeetingBookingInput {
        var i = MeetingBookingInput()
        i.date = "2026-12-03"
        i.startTime = "13:00"
        i.endTime = "14:30"
        i.place = "Ekbackens skola, konferensrummet"
        i.participants = [guardian, child, rektor, therapist]
        change(&i)
        return i
    }

    static func book(_ input: MeetingBookingInput = input(), type: MeetingType = .collaborationMeeting, born: SimpleDate? = child10, consents: [MeetingConsent], clock: CollaborationClock? = nil) -> Result<MeetingBooking, FieldErrors> {
        MeetingBookingRules.validate(input, MeetingBookingContext(type: type, now: CollabFx.now, childBirthDate: born, consents: consents, clock: clock))
    }

    static func errors(_ result: Result<MeetingBooking, FieldErrors>) -> FieldErrors {
        if case .failure(let e) = result { return e }
        return FieldErrors()
    }

    @Test func withoutConsentBookingIsRefusedWithAClearMessage() {
        let e = Self.errors(Self.book(consents: []))
        #expect(e["consent"] == "Det finns inget samtycke. Innan ett möte bokas måste vårdnadshavarna lämna sitt samtycke.")
    }

    @Test func aConsentInForceCoveringThePartiesLetsTheMeetingBeBooked() throws {
        let booking = try Self.book(consents: [Self.consent()]).get()
        #expect(booking.consentIDs == [5])
        #expect(!booking.offerGuardians)
        #expect(booking.schedule == MeetingSchedule(date: Fx.day("2026-12-03"), start: TimeOfDay(hour: 13, minute: 0)!, end: TimeOfDay(hour: 14, minute: 30)!, place: "Ekbackens skola, konferensrummet"))
        #expect(booking.participants.allSatisfy { $0.attendance == .invited })
        #expect(booking.notes.isEmpty)
    }

    @Test func aPartyTheConsentDoesNotNameIsNamedInTheRefusal() {
        let e = Self.errors(Self.book(consents: [Self.consent(parties: [.unit(100)])]))
        #expect(e["consent"] == "Samtycket omfattar inte: Fia Familjebehandlare. Ett samtycke där de namnges behövs innan mötet bokas, annars tas de bort från kallelsen.")
        // Naming the person instead of the unit is enough.
        #expect(Self.errors(Self.book(consents: [Self.consent(parties: [.unit(100), .staff(20)])])).isEmpty)
    }

    @Test func aConsentEndingBeforeTheMeetingIsRefused() {
        let e = Self.errors(Self.book(consents: [Self.consent(to: "2026-12-01")]))
        #expect(e["consent"] == "Samtycket upphör 2026-12-01, före mötet 2026-12-03. Förnya samtycket eller välj en tidigare dag.")
        #expect(Self.errors(Self.book(consents: [Self.consent(to: "2026-12-03")])).isEmpty)
    }

    @Test func withdrawnExpiredAndFutureConsentsDoNotCount() {
        #expect(Self.errors(Self.book(consents: [Self.consent(withdrawnAt: Fx.at(2026, 11, 22, 12))]))["consent"] == "Samtycket är återkallat. Ett nytt samtycke behövs innan ett möte kan bokas.")
        #expect(Self.errors(Self.book(consents: [Self.consent(from: "2026-01-01", to: "2026-11-01")]))["consent"] == "Samtycket upphörde att gälla 2026-11-01. Ett nytt samtycke behövs innan ett möte kan bokas.")
        #expect(Self.errors(Self.book(consents: [Self.consent(from: "2026-11-25")]))["consent"] == "Samtycket gäller först från 2026-11-25. Mötet kan bokas när samtycket gäller.")
        // A withdrawal is final even if dated after now: the meeting lies after it.
        #expect(Self.errors(Self.book(consents: [Self.consent(withdrawnAt: Fx.at(2026, 11, 24, 12))]))["consent"] != nil)
    }

    @Test func theConsentMustBeForThisKindOfMeeting() {
        let e = Self.errors(Self.book(consents: [Self.consent(purpose: .sip)]))
        #expect(e["consent"] == "Samtycket gäller inte den här sortens möte. Det behövs ett samtycke för: Samverkansärende eller Mötesserie.")
    }

    @Test func aYouthOf18ConsentsAndGuardiansAreOffered() throws {
        let youthInput = Self.input { $0.participants = [Self.child, Self.rektor, Self.therapist] }
        // The guardians' consent does not count for an adult; nor are guardians required.
        let refused = Self.errors(Self.book(youthInput, born: Self.youth18, consents: [Self.consent()]))
        #expect(refused["consent"] == "Den unge är 18 år eller äldre på mötesdagen och måste själv samtycka; vårdnadshavarnas samtycke räcker inte. Vårdnadshavarna kan ändå erbjudas att delta.")
        #expect(refused["participants"] == nil)

        let booking = try Self.book(youthInput, born: Self.youth18, consents: [Self.consent(giver: .youth)]).get()
        #expect(booking.offerGuardians)
        #expect(booking.notes == ["Den unge är myndig och har själv samtyckt. Erbjud vårdnadshavarna att ändå delta."])

        #expect(Self.errors(Self.book(youthInput, born: Self.youth18, consents: []))["consent"] == "Det finns inget samtycke. Innan ett möte bokas måste den unge (18 år eller äldre) själv lämna sitt samtycke.")
    }

    @Test func ageOnTheMeetingDayDecidesWhoConsents() {
        // 18 on 1 December: a meeting on 3 December needs the youth's own consent.
        let turns18 = Fx.day("2008-12-01")
        #expect(Self.errors(Self.book(born: turns18, consents: [Self.consent()]))["consent"] != nil)
        #expect(Self.errors(Self.book(Self.input { $0.date = "2026-11-30" }, born: turns18, consents: [Self.consent()])).isEmpty)
        // A minor's own consent is not enough for a collaboration meeting.
        #expect(Self.errors(Self.book(consents: [Self.consent(giver: .child)]))["consent"] == "Barnet är under 18 år på mötesdagen: vårdnadshavarna måste samtycka.")
    }

    @Test func severalConsentsTogetherCanCoverTheParties() throws {
        let booking = try Self.book(consents: [Self.consent(1, parties: [.unit(100)]), Self.consent(2, parties: [.staff(20)])]).get()
        #expect(booking.consentIDs == [1, 2])
    }

    @Test func aSIPNeedsOneConsentNamingEveryParty() throws {
        let sipInput = Self.input { $0.participants = [Self.guardian, Self.child, Self.sipLead, Self.bup]; $0.assignments = [.sipResponsible: Self.sipLead] }
        let split = [
            Self.consent(1, parties: [.unit(300)], purpose: .sip),
            Self.consent(2, parties: [.external("BUP Region Jämtland")], purpose: .sip),
        ]
        #expect(Self.errors(Self.book(sipInput, type: .sipMeeting, consents: split))["consent"]?.hasPrefix("Samtycket omfattar inte: ") == true)
        // Outside parties are matched on the name, ignoring case and spacing.
        let whole = Self.consent(3, parties: [.unit(300), .external("bup  region jämtland")], purpose: .sip)
        let booking = try Self.book(sipInput, type: .sipMeeting, consents: split + [whole]).get()
        #expect(booking.consentIDs == [3])
        // A SIP needs the region at the table.
        let noRegion = Self.input { $0.participants = [Self.guardian, Self.child, Self.sipLead]; $0.assignments = [.sipResponsible: Self.sipLead] }
        #expect(Self.errors(Self.book(noRegion, type: .sipMeeting, consents: [whole]))["participants"] != nil)
    }

    @Test func theRequiredRolesAreInvited() {
        let e = Self.errors(Self.book(Self.input { $0.participants = [Self.rektor] }, consents: [Self.consent()]))
        #expect(e["participants"] == "Till samverkansmöte kallas alltid: Vårdnadshavare, Barnet/eleven, Familjebehandlare.")
    }

    @Test func atTrampolinenTheChildAttendsOnlyOnAJointDecision() throws {
        let people = [
            Participant(name: "Rut Rektor", roles: [.principal], staffID: 10, unitID: 100),
            Participant(name: "Sara Socialsekreterare", roles: [.caseOfficer], staffID: 30, unitID: 300),
            Self.guardian,
            Participant(name: "Per Pedagog", roles: [.teacher], staffID: 11, unitID: 100),
            Participant(name: "Bea Behandlingsassistent", roles: [.treatmentAssistant], staffID: 31, unitID: 300),
            Participant(name: "Siv Skolsocionom", roles: [.schoolSocialWorker], staffID: 12, unitID: 100),
        ]
        let consents = [Self.consent(parties: [.unit(100), .unit(300)], purpose: .meetingSeries)]
        #expect(Self.errors(Self.book(Self.input { $0.participants = people }, type: .trampolinenFollowUp, consents: consents)).isEmpty)
        let withChild = Self.input { $0.participants = people + [Self.child] }
        #expect(Self.errors(Self.book(withChild, type: .trampolinenFollowUp, consents: consents))["child_attendance_decision"] != nil)
        var decided = withChild
        decided.childAttendanceDecided = true
        #expect(try Self.book(decided, type: .trampolinenFollowUp, consents: consents).get().childAttendanceDecided)
    }

    @Test func aMeetingNotAboutAChildNeedsNoConsent() throws {
        let people = [
            Participant(name: "Eva Elevhälsochef", roles: [.studentHealthHead], staffID: 40),
            Participant(name: "Rut Rektor", roles: [.principal], staffID: 10),
            Participant(name: "Ulf Enhetschef", roles: [.ifoUnitManager], staffID: 41),
            Participant(name: "Fia Familjebehandlare", roles: [.familyTherapist], staffID: 20),
        ]
        let booking = try Self.book(Self.input { $0.participants = people }, type: .twiceYearlyCollaborationMeeting, born: nil, consents: []).get()
        #expect(booking.consentIDs.isEmpty)
        #expect(Self.errors(Self.book(Self.input { $0.participants = people + [Self.child] }, type: .twiceYearlyCollaborationMeeting, born: nil, consents: []))["participants"] != nil)
    }

    @Test func theScheduleIsChecked() {
        let c = [Self.consent()]
        #expect(Self.errors(Self.book(Self.input { $0.date = "2026-11-22" }, consents: c))["date"] == "Ett möte kan inte bokas bakåt i tiden.")
        #expect(Self.errors(Self.book(Self.input { $0.date = "3/12" }, consents: c))["date"] != nil)
        #expect(Self.errors(Self.book(Self.input { $0.endTime = "13:00" }, consents: c))["end_time"] == "Mötet måste sluta efter att det börjar.")
        #expect(Self.errors(Self.book(Self.input { $0.startTime = "25:00" }, consents: c))["start_time"] != nil)
        #expect(Self.errors(Self.book(Self.input { $0.place = "" }, consents: c))["place"] == "Ange plats eller länk till videomöte.")
        #expect(Self.errors(Self.book(Self.input { $0.place = ""; $0.videoLink = "http://möte.example" }, consents: c))["video_link"] != nil)
        let video = Self.book(Self.input { $0.place = ""; $0.videoLink = "https://meet.example.se/abc" }, consents: c)
        #expect((try? video.get())?.schedule.whereText == "Videomöte")
        // Today is fine; "9.30" is read as 09:30.
        #expect((try? Self.book(Self.input { $0.date = "2026-11-23"; $0.startTime = "9.30"; $0.endTime = "10:15" }, consents: c).get())?.schedule.start.text == "09:30")
    }

    @Test func aLateFirstMeetingIsBookedWithANote() throws {
        let clock = CollabFx.openCase(knownOn: "2026-11-16").clocks(heldMeetingDays: [])[0]
        let booking = try Self.book(consents: [Self.consent()], clock: clock).get()
        #expect(booking.notes == ["Första samverkansmötet skulle hållas senast 2026-11-30 (samverkansrutinen: inom två veckor från att ärendet blev känt). Det här mötet ligger senare."])
    }
}
