import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Register extract: every record and every access, audited, protected identity respected")
struct RegisterExtractTests {
    @Test("a child's collaboration case, both its meetings, the minutes' decisions and actions, and the sent minutes are in the extract")
    func collaborationInTheExtract() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let x = try await CollaborationServiceTests.setUp(f, s)
            _ = try await CollaborationServiceTests.consent(f, child: x.child, guardian: x.guardian, units: [f.schoolA, s.treatmentUnit], by: s.principalA)
            let (meetingID, _) = try requireOK(await x.service.bookMeeting(caseID: x.caseID, typeKey: "samverkansmote",
                                                                            CollaborationServiceTests.booking(f, s, on: f.today), by: f.origin(s.principalA)))
            let nextID = try #require(try requireOK(await x.service.closeMinutes(meetingID: meetingID, CollaborationServiceTests.minutes(f, s), by: f.origin(s.principalA))))
            try requireOK(await x.service.recordDispatch(meetingID: meetingID, recipient: "Gun Ek", channel: "post", by: f.origin(s.principalA)))

            let number = Numbers.make(2015, 3, 12)
            let (_, extract) = try requireOK(await RegisterExtractService(store: store, clock: f.clock)
                .extract(identityNumber: number, purpose: "Begäran från vårdnadshavare enligt GDPR", by: f.origin(f.logReviewer)))
            let text = extract.text
            #expect(text.contains("SAMVERKANSÄRENDEN (1)"))
            #expect(text.contains("Samverkansärende nr: \(x.caseID)") && text.contains("Hög frånvaro och oro hemma"))
            #expect(text.contains("Processägare: \(s.principalA.displayName)"))
            #expect(text.contains("MÖTEN (2)"))
            #expect(text.contains("Möte nr: \(meetingID)") && text.contains("Möte nr: \(nextID)"))
            #expect(text.contains("Beslut: Skolan och familjebehandlingen samverkar kring närvaron"))
            #expect(text.contains("Barnets röst: Saga vill ha lugnare raster"))
            #expect(text.contains("ÅTGÄRDER FRÅN MÖTEN (2)") && text.contains("Åtgärd: Närvaroplan tas fram") && text.contains("Åtgärd: Föräldrasamtal"))
            #expect(text.contains("SKICKADE PROTOKOLL (1)") && text.contains("Till: Gun Ek") && text.contains("Hur: Brev"))
        }
    }

    @Test("the log reviewer gets every record and every access about the child; the export itself is logged")
    func extract() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let number = Numbers.make(2015, 3, 12)
            let child = try await f.registerChild(number, "Saga", "Ek")
            _ = try requireOK(await f.registry.addGuardian(childID: child, GuardianInput(identityNumber: Numbers.make(1985, 6, 6), givenName: "Gun", familyName: "Ek",
                                                                                          phone: "070-123 45 67", streetAddress: "Storgatan 1"), by: f.origin(f.teacherA)))
            _ = try await f.openInvestigation(child: child, s)
            _ = try requireOK(await f.registry.view(childID: child, by: f.origin(f.teacherA)))
            let service = RegisterExtractService(store: store, clock: f.clock)

            try requireDenied(await service.extract(identityNumber: number, purpose: "Begäran om registerutdrag", by: f.origin(f.teacherA)))
            let missing = try requireInvalid(await service.extract(identityNumber: "", purpose: " ", by: f.origin(f.logReviewer)))
            #expect(missing["identity_number"] != nil && missing["purpose"] != nil)
            let unknown = try requireInvalid(await service.extract(identityNumber: Numbers.make(2016, 1, 1), purpose: "Begäran", by: f.origin(f.logReviewer)))
            #expect(unknown["identity_number"] == "Inget barn med det numret finns i Samverka.")

            let (name, extract) = try requireOK(await service.extract(identityNumber: number, purpose: "Begäran från vårdnadshavare enligt GDPR", by: f.origin(f.logReviewer)))
            #expect(name.hasPrefix("registerutdrag-") && name.hasSuffix(".txt"))
            let text = extract.text
            #expect(text.contains("Barn: Saga Ek, \(IdentityNumber(storedDigits: try #require(try await Self.digits(store, child)))!.formatted)"))
            #expect(text.contains("Gun Ek") && text.contains("070-123 45 67") && text.contains("Storgatan 1"))
            #expect(text.contains("OROSANMÄLNINGAR OCH ANSÖKNINGAR (1)"))
            #expect(text.contains("Blåmärken på armarna"))
            #expect(text.contains("UTREDNINGAR (1)"))
            #expect(text.contains("Sara Socialsekreterare"))
            // Every access is listed, the teacher's reading among them.
            let reads = try await f.auditRows(AuditFilter(staffID: f.teacherA.staffID, childID: child, action: .read))
            #expect(!reads.isEmpty)
            #expect(text.contains("Medarbetare: \(f.teacherA.displayName)"))
            let rows = try await f.auditRows(type: .registerExtract)
            // The teacher's refused attempt is logged too.
            #expect(rows.contains { $0.action == .accessDenied && $0.staffID == f.teacherA.staffID })
            let logged = rows.filter { $0.action == .export }
            #expect(logged.count == 1 && logged[0].childID == child)
            #expect(logged[0].reason == "Registerutdrag: Begäran från vårdnadshavare enligt GDPR")
        }
    }

    @Test("a protected child's extract has no address and no relatives")
    func protectedIdentity() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let number = Numbers.make(2014, 2, 2)
            var input = ChildInput(identityNumber: number, givenName: "Tor", familyName: "Dold", unitID: String(f.schoolA), protectedIdentity: true)
            input.streetAddress = "Hemligvägen 9"
            input.city = "Hammarstrand"
            guard case .ok(.created(let child)) = try await f.registry.register(input, by: f.origin(f.teacherA)) else { Issue.record("not registered"); return }
            _ = try requireOK(await f.registry.addGuardian(childID: child, GuardianInput(identityNumber: Numbers.make(1980, 1, 1), givenName: "Mor", familyName: "Dold",
                                                                                          streetAddress: "Hemligvägen 9"), by: f.origin(f.teacherA)))
            // A log row that names a relative (as a meeting invitation's does).
            try await store.transaction { db in
                try await AuditQueries.append(f.origin(f.teacherA).event(.export, child: child, type: .meetingInvitation, record: "7", reason: "Kallelse till Mor Dold"), at: f.clock.now(), db)
            }
            let service = RegisterExtractService(store: store, clock: f.clock)
            let (_, extract) = try requireOK(await service.extract(identityNumber: number, purpose: "Intern utredning", by: f.origin(f.logReviewer)))
            let text = extract.text
            #expect(text.contains("Tor Dold"))
            // No stored English key reaches the reader.
            for word in ["enrolled", "registered", "meeting-invitation", "child \(child)", "Koppling: report"] { #expect(!text.contains(word), "\(word)") }
            #expect(text.contains("Koppling: Inskriven") && text.contains("Post: Kallelse nr 7"))
            #expect(!text.contains("Hemligvägen"))
            #expect(!text.contains("Hammarstrand"))
            #expect(!text.contains("Mor Dold"))
            #expect(text.contains("Barnet har skyddade personuppgifter: adress och anhöriga lämnas inte ut."))
        }
    }

    static func digits(_ store: Store, _ child: RecordID) async throws -> String? {
        try await store.withConnection { db in
            try await db.raw("SELECT identity_number FROM children WHERE id = \(bind: child)").first()?.decode(column: "identity_number", as: String.self)
        }
    }
}
