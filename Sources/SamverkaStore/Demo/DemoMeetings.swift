import Foundation
import SamverkaCore

/// The demo's booked collaboration meeting, through the services like real work: the rektor
/// of Strandskolan opens a case, records the guardian's consent, books the first meeting with
/// the family therapist as secretary, and notes a talk with the child before the meeting.
extension DemoMunicipality {
    static func seedBookedMeeting(_ store: Store, clock: ManualTimeSource, child: RecordID,
                                  origin: (String) async throws -> RequestOrigin) async throws {
        func ok<T>(_ outcome: Outcome<T>) throws -> T {
            guard case .ok(let value) = outcome else { throw StoreError.conflict("demo meeting: \(outcome)") }
            return value
        }
        let rektor = try await origin("rektor.strand"), therapist = try await origin("familjebehandlare")
        let registry = RegistryService(store: store, clock: clock)
        let collaboration = CollaborationService(store: store, clock: clock)
        let today = Stockholm.date(of: clock.now())
        let units = try await store.withConnection { db in try await OrganisationQueries.units(db, includeInactive: false) }
        guard let school = units.first(where: { $0.name == "Strandskolan" }), let treatment = units.first(where: { $0.name == "IFO Familjebehandling" }) else { return }
        let name = try await store.withConnection { db in try await ChildQueries.child(id: child, db)?.fullName } ?? "Barnet"

        var opened = CollaborationCaseInput()
        opened.reason = "Oro för \(name)s mående och frånvaro; familjen har bett om stöd från både skolan och familjebehandlingen."
        opened.knownOn = today.adding(days: -4).iso
        let caseID = try ok(await collaboration.openCase(childID: child, opened, by: rektor))
        // The child's guardians as the school has them; with joint custody both consent.
        var guardians = try ok(await registry.view(childID: child, by: rektor)).guardians
        if guardians.isEmpty {
            _ = try ok(await registry.addGuardian(childID: child, GuardianInput(givenName: "Amira", familyName: "Haddad", phone: "070-444 55 66"), by: rektor))
            guardians = try ok(await registry.view(childID: child, by: rektor)).guardians
        }
        var consent = ConsentInput()
        consent.giverKind = ConsentGiverKind.guardians.rawValue
        consent.guardianIDs = guardians.map(\.id)
        consent.unitIDs = [school.id, treatment.id]
        consent.categories = [ConsentCategory.schoolSituation.rawValue, ConsentCategory.attendance.rawValue]
        consent.purposeKind = ConsentPurposeKind.collaborationCase.rawValue
        consent.purpose = "Skolan och familjebehandlingen planerar stödet tillsammans med familjen."
        consent.validFrom = today.iso
        consent.validTo = today.adding(months: 6).iso
        consent.method = ConsentMethod.oral.rawValue
        consent.witness = "Mira Mentorsdotter, Strandskolan"
        _ = try ok(await ConsentService(store: store, clock: clock).register(childID: child, consent, document: nil, by: rektor))

        let owner = Participant(name: rektor.actor.displayName, roles: [.principal, .processOwner], staffID: rektor.actor.staffID, unitID: school.id)
        let secretary = Participant(name: therapist.actor.displayName, roles: [.familyTherapist], staffID: therapist.actor.staffID, unitID: treatment.id)
        var booking = MeetingBookingInput()
        booking.date = today.adding(days: 5).iso
        booking.startTime = "13:00"
        booking.endTime = "14:30"
        booking.place = "Strandskolan, konferensrummet"
        booking.participants = guardians.map { Participant(name: "\($0.givenName) \($0.familyName)", roles: [.guardian], protectedIdentity: $0.protectedIdentity) } + [Participant(name: name, roles: [.child]), owner, secretary]
        booking.assignments = [.chair: owner, .secretary: secretary, .convener: owner]
        let (meetingID, _) = try ok(await collaboration.bookMeeting(caseID: caseID, typeKey: MeetingType.collaborationMeeting.key, booking, by: rektor))
        var talk = ChildTalkInput()
        talk.timing = ChildTalkTiming.before.rawValue
        talk.talkedBy = "Mira Mentorsdotter"
        talk.talkedOn = today.iso
        talk.childView = "Vill att mamma får hjälp hemma och att skolan inte ringer varje dag."
        _ = try ok(await collaboration.recordChildTalk(meetingID: meetingID, talk, by: rektor))
    }
}
