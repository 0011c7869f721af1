import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Consent: registration, the secrecy barrier, withdrawal, expiry, emergency access")
struct ConsentServiceTests {
    /// A child at school A, with one guardian and an investigation opened by the case officer.
    static func setUp(_ f: Fixture, _ s: ConcernStaff) async throws -> (child: RecordID, guardian: RecordID, investigation: RecordID) {
        let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
        let guardian = try requireOK(await f.registry.addGuardian(childID: child, GuardianInput(identityNumber: Numbers.make(1985, 6, 6), givenName: "Gun", familyName: "Ek"), by: f.origin(f.teacherA)))
        let (_, investigation) = try await f.openInvestigation(child: child, s)
        return (child, guardian, investigation)
    }

    /// Social services' own record of the child's guardian (the case officer enters it): a
    /// consent that releases social services' information is given to, and recorded by, them.
    static func socialGuardian(_ f: Fixture, _ s: ConcernStaff, child: RecordID) async throws -> RecordID {
        try requireOK(await f.registry.addGuardian(childID: child, GuardianInput(identityNumber: Numbers.make(1985, 6, 6), givenName: "Gun", familyName: "Ek"), by: f.origin(s.caseOfficer)))
    }

    static func oralConsent(guardian: RecordID, units: [RecordID], categories: [ConsentCategory], from: String, to: String) -> ConsentInput {
        var input = ConsentInput()
        input.giverKind = ConsentGiverKind.guardians.rawValue
        input.guardianIDs = [guardian]
        input.unitIDs = units
        input.categories = categories.map(\.rawValue)
        input.purposeKind = ConsentPurposeKind.investigation.rawValue
        input.purpose = "Samverkan under utredningen"
        input.validFrom = from
        input.validTo = to
        input.method = ConsentMethod.oral.rawValue
        input.witness = "Eva Vittne"
        return input
    }

    static func sharedCategories(_ f: Fixture, child: RecordID, by actor: Actor) async throws -> Set<ConsentCategory> {
        Set(try requireOK(await f.registry.view(childID: child, by: f.origin(actor))).shared.map(\.category))
    }

    @Test("the school sees exactly the named categories while the consent is in force; withdrawal ends it at once")
    func barrier() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let (child, _, investigation) = try await Self.setUp(f, s)
            let guardian = try await Self.socialGuardian(f, s, child: child)
            _ = try requireOK(await f.investigations.addIntervention(id: investigation, kind: InterventionKind.parentSupport.rawValue, start: f.todayISO, end: "",
                                                                     responsible: "Frida", date: f.todayISO, reasons: "Behov av stöd", by: f.origin(s.caseOfficer)))
            let consents = ConsentService(store: store, clock: f.clock)

            // No consent: the school sees nothing of the investigation.
            #expect(try await Self.sharedCategories(f, child: child, by: f.teacherA).isEmpty)

            let input = Self.oralConsent(guardian: guardian, units: [f.schoolA, s.investigationUnit], categories: [.investigationStatus, .schoolInterventions],
                                         from: f.todayISO, to: f.today.adding(months: 6).iso)
            let id = try requireOK(await consents.register(childID: child, input, document: nil, by: f.origin(s.caseOfficer)))
            #expect(try await Self.sharedCategories(f, child: child, by: f.teacherA) == [.investigationStatus, .schoolInterventions])
            // Another school is not a party.
            try requireDenied(await f.registry.view(childID: child, by: f.origin(f.teacherB)))
            // Crossing the barrier is logged with the consent as the reason.
            let shared = try await f.auditRows(type: .sharedInformation)
            #expect(shared.contains { $0.reason.contains("Samtycke nr \(id)") && $0.staffID == f.teacherA.staffID })

            // Withdrawal: at once, and history kept.
            try requireInvalid(await consents.withdraw(consentID: id, withdrawnBy: " ", by: f.origin(s.principalA)))
            try requireOK(await consents.withdraw(consentID: id, withdrawnBy: "Gun Ek", by: f.origin(s.principalA)))
            #expect(try await Self.sharedCategories(f, child: child, by: f.teacherA).isEmpty)
            let listed = try requireOK(await consents.consents(childID: child, by: f.origin(f.teacherA)))
            #expect(listed.count == 1 && listed[0].withdrawnBy == "Gun Ek")
            #expect(listed[0].facts.status(at: f.clock.now()) == .withdrawn)
        }
    }

    @Test("expiry ends access at the end of the last day")
    func expiry() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let (child, _, _) = try await Self.setUp(f, s)
            let guardian = try await Self.socialGuardian(f, s, child: child)
            let consents = ConsentService(store: store, clock: f.clock)
            let lastDay = f.today.adding(days: 3)
            _ = try requireOK(await consents.register(childID: child, Self.oralConsent(guardian: guardian, units: [f.schoolA], categories: [.investigationStatus], from: f.todayISO, to: lastDay.iso),
                                                      document: nil, by: f.origin(s.caseOfficer)))
            f.clock.set(Stockholm.startOfDay(lastDay).addingTimeInterval(23 * 3600))
            #expect(try await Self.sharedCategories(f, child: child, by: f.teacherA) == [.investigationStatus])
            f.clock.set(Stockholm.startOfDay(lastDay.adding(days: 1)))
            #expect(try await Self.sharedCategories(f, child: child, by: f.teacherA).isEmpty)
        }
    }

    @Test("a consent party in another unit sees the child; a refused registration writes nothing; the signed form keeps its checksum")
    func partiesAndForms() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let (child, guardian, _) = try await Self.setUp(f, s)
            let consents = ConsentService(store: store, clock: f.clock)
            try requireDenied(await f.registry.view(childID: child, by: f.origin(s.familyTherapist)))

            // Bad input: nothing written.
            var bad = Self.oralConsent(guardian: guardian, units: [s.treatmentUnit], categories: [.schoolSituation], from: f.todayISO, to: f.today.adding(months: 1).iso)
            bad.method = ConsentMethod.signedForm.rawValue
            let before = try await f.count("consents")
            #expect(try requireInvalid(await consents.register(childID: child, bad, document: nil, by: f.origin(s.principalA)))["document"] != nil)
            #expect(try await f.count("consents") == before)
            // Another school cannot register a consent for this child.
            try requireDenied(await consents.register(childID: child, bad, document: nil, by: f.origin(f.teacherB)))

            let pdf = UploadedDocument(fileName: "samtycke.pdf", contentType: "application/pdf", content: Array("%PDF-1.4 underskrift".utf8))
            let id = try requireOK(await consents.register(childID: child, bad, document: pdf, by: f.origin(s.principalA)))
            let view = try requireOK(await f.registry.view(childID: child, by: f.origin(s.familyTherapist)))
            #expect(view.accessReason.code == "consent-party")
            let document = try requireOK(await consents.document(consentID: id, by: f.origin(s.principalA)))
            #expect(document.content == pdf.content)
            #expect(document.sha256 == "b633188ad0b69b1ad174971148fc1c0b33075fb69fe45f5a83e5da4b1a517e0e")
            try requireDenied(await consents.document(consentID: id, by: f.origin(s.familyTherapist)))
        }
    }

    @Test("emergency access: a reason, time-limited, always flagged")
    func emergency() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let child = try await f.registerChild(Numbers.make(2016, 1, 20), protected: true)
            let consents = ConsentService(store: store, clock: f.clock)
            let number = Numbers.make(2016, 1, 20)
            try requireDenied(await f.registry.view(childID: child, by: f.origin(f.teacherB)))
            #expect(try requireInvalid(await consents.requestEmergencyAccess(identityNumber: number, reason: "kort", by: f.origin(f.teacherB)))["reason"] != nil)
            try requireDenied(await consents.requestEmergencyAccess(identityNumber: number, reason: "Barnet är här och mår dåligt", by: f.origin(f.admin)))
            #expect(try await f.count("emergency_access") == 0)

            try requireOK(await consents.requestEmergencyAccess(identityNumber: number, reason: "Barnet är här och mår dåligt", by: f.origin(f.teacherB)))
            let view = try requireOK(await f.registry.view(childID: child, by: f.origin(f.teacherB)))
            #expect(view.accessReason.code == "emergency-access")
            #expect(view.guardians.isEmpty && view.relativesHidden)
            let kinds = try await store.withConnection { db in try await db.raw("SELECT kind FROM review_flags ORDER BY id").all().map { try $0.decode(column: "kind", as: String.self) } }
            #expect(kinds == ["emergency-access", "protected-identity"])

            f.clock.advance(by: EmergencyAccess.duration + 1)
            try requireDenied(await f.registry.view(childID: child, by: f.origin(f.teacherB)))
        }
    }
}

@Suite("Consent expiry warnings on the work list")
struct ConsentExpiryWorkListTests {
    @Test("a consent ending within 30 days is on the recorder's work list; later, withdrawn or expired ones are not")
    func warning() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let (child, guardian, _) = try await ConsentServiceTests.setUp(f, s)
            let consents = ConsentService(store: store, clock: f.clock)
            func register(_ days: Int) async throws -> RecordID {
                try requireOK(await consents.register(childID: child, ConsentServiceTests.oralConsent(
                    guardian: guardian, units: [s.investigationUnit], categories: [.attendance], from: f.todayISO, to: f.today.adding(days: days).iso),
                    document: nil, by: f.origin(s.principalA)))
            }
            let soon = try await register(10)
            _ = try await register(90)
            let withdrawn = try await register(5)
            try requireOK(await consents.withdraw(consentID: withdrawn, withdrawnBy: "Gun Ek", by: f.origin(s.principalA)))

            let items = try await f.workLists.workList(by: f.origin(s.principalA)).items.filter { $0.kind == .consentEnding }
            #expect(items.count == 1)
            #expect(items.first?.subject == .consentEnding(consentID: soon, childID: child) && items.first?.dueDay == f.today.adding(days: 10))
            #expect(items.first?.state == .dueSoon && items.first?.childName == "Saga Ek")
            // Someone else's work list does not carry it.
            #expect(try await f.workLists.workList(by: f.origin(s.principalB)).items.allSatisfy { $0.kind != .consentEnding })
            // After the last day the consent has expired and the warning is gone.
            f.clock.advance(by: 11 * 86_400)
            #expect(try await f.workLists.workList(by: f.origin(s.principalA)).items.allSatisfy { $0.kind != .consentEnding })
        }
    }
}

@Suite("Consent parties: need-to-know through a consent ends at once, and lists never show more")
struct ConsentPartyAccessTests {
    @Test("a party in another unit sees the child while the consent is in force; withdrawal ends it at once; search and lists never reveal the child")
    func partyAccess() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let (child, guardian, _) = try await ConsentServiceTests.setUp(f, s)
            let consents = ConsentService(store: store, clock: f.clock)
            func searchFinds(_ actor: Actor) async throws -> Bool {
                try requireOK(await f.registry.search("Saga", by: f.origin(actor))).contains { $0.id == child }
            }
            func listed(_ actor: Actor) async throws -> Bool {
                try requireOK(await f.registry.list(page: 1, by: f.origin(actor))).items.contains { $0.id == child }
            }
            try requireDenied(await f.registry.view(childID: child, by: f.origin(f.teacherB)))
            #expect(try await searchFinds(f.teacherA))
            #expect(!(try await searchFinds(f.teacherB)))

            let id = try requireOK(await consents.register(childID: child, ConsentServiceTests.oralConsent(guardian: guardian, units: [f.schoolB], categories: [.schoolSituation],
                                                                                                   from: f.todayISO, to: f.today.adding(months: 3).iso),
                                                           document: nil, by: f.origin(s.principalA)))
            let view = try requireOK(await f.registry.view(childID: child, by: f.origin(f.teacherB)))
            #expect(view.accessReason.code == "consent-party")
            // A party reads the child it works with; lists and search stay limited to its own units.
            #expect(!(try await searchFinds(f.teacherB)))
            #expect(!(try await listed(f.teacherB)))

            try requireOK(await consents.withdraw(consentID: id, withdrawnBy: "Gun Ek", by: f.origin(s.principalA)))
            try requireDenied(await f.registry.view(childID: child, by: f.origin(f.teacherB)))
            #expect(!(try await searchFinds(f.teacherB)))
            // The refusal after withdrawal is logged.
            #expect(try await f.auditRows(.init(staffID: f.teacherB.staffID, childID: child, action: .accessDenied)).count >= 2)
        }
    }

    @Test("expiry ends a party's access at the end of the last day")
    func partyExpiry() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let (child, guardian, _) = try await ConsentServiceTests.setUp(f, s)
            let consents = ConsentService(store: store, clock: f.clock)
            let last = f.today.adding(days: 2)
            _ = try requireOK(await consents.register(childID: child, ConsentServiceTests.oralConsent(guardian: guardian, units: [f.schoolB], categories: [.schoolSituation],
                                                                                                 from: f.todayISO, to: last.iso),
                                                      document: nil, by: f.origin(s.principalA)))
            f.clock.set(Stockholm.startOfDay(last).addingTimeInterval(23 * 3600 + 59 * 60))
            _ = try requireOK(await f.registry.view(childID: child, by: f.origin(f.teacherB)))
            f.clock.set(Stockholm.startOfDay(last.adding(days: 1)))
            try requireDenied(await f.registry.view(childID: child, by: f.origin(f.teacherB)))
        }
    }
}
