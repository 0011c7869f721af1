import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Demo municipality")
struct DemoTests {
    @Test("40 children with valid numbers, guardians, siblings and some protected; staff in every role; seeding twice does nothing")
    func demo() async throws {
        try await TestDatabase.withStore { store in
            #expect(try await DemoMunicipality.seed(store, passwordHash: "x", now: Fixture.start))
            #expect(try await !DemoMunicipality.seed(store, passwordHash: "x", now: Fixture.start))
            let children = try await store.withConnection { db in try await db.raw("SELECT COUNT(*) AS n FROM children").first()!.decode(column: "n", as: Int64.self) }
            #expect(children == 40)
            let numbers = try await store.withConnection { db in try await db.raw("SELECT identity_number, protected_identity FROM children").all() }
            for row in numbers {
                let digits = try row.decode(column: "identity_number", as: String.self)
                #expect(IdentityNumber(storedDigits: digits) != nil, "\(digits) is not valid")
                #expect(Int(digits.suffix(4).prefix(3))! >= 980, "demo birth numbers are synthetic")
            }
            #expect(try numbers.filter { try $0.decode(column: "protected_identity", as: Int64.self) == 1 }.count >= 2)
            let roles = Set(DemoMunicipality.accounts.flatMap { $0.roles.map(\.0) })
            #expect(roles == Set(Role.allCases))
            let siblingPairs = try await store.withConnection { db in
                try await db.raw("SELECT COUNT(*) AS n FROM child_guardians a JOIN child_guardians b ON a.guardian_id = b.guardian_id AND a.child_id < b.child_id").first()!.decode(column: "n", as: Int64.self)
            }
            #expect(siblingPairs > 10)
            // Every demo child can be found by name in its units: the search table is kept.
            let unsearchable = try await store.withConnection { db in
                try await db.raw("""
                    SELECT COUNT(*) AS n FROM child_units cu
                    WHERE NOT EXISTS (SELECT 1 FROM child_search s WHERE s.unit_id = cu.unit_id AND s.child_id = cu.child_id)
                    """).first()!.decode(column: "n", as: Int64.self)
            }
            #expect(unsearchable == 0)
            #expect(try await store.withConnection { db in try await db.raw("SELECT COUNT(*) AS n FROM child_search").first()!.decode(column: "n", as: Int64.self) } > 40)
        }
    }

    @Test("the start-up listing names each role of an account once, with its units")
    func rolesText() throws {
        let manager = try #require(DemoMunicipality.accounts.first { $0.username == "enhetschef" })
        #expect(manager.rolesText == "Enhetschef/sektionschef (IFO Utredning barn och unga, IFO Mottagning barn och unga); Ledamot i beslutsgrupp")
        let rektor = try #require(DemoMunicipality.accounts.first { $0.username == "rektor.ekbacken" })
        #expect(rektor.rolesText == "Rektor (Ekbackens skola); Styrgruppsledamot")
    }

    @Test("the demo's work in progress: reports in intake (the acute one first), an investigation the school sees by consent, a collaboration case, a running and a closed SIP")
    func cases() async throws {
        try await TestDatabase.withStore { store in
            let now = Fixture.start
            #expect(try await DemoMunicipality.seed(store, passwordHash: "x", now: now))
            try await DemoMunicipality.seedCases(store, now: now)
            let actor = { (username: String) in
                try await store.withConnection { db in try await OrganisationQueries.actor(staffID: try await OrganisationQueries.staff(username: username, db)!.id, db)! }
            }
            let clock = ManualTimeSource(now)
            let queue = try requireOK(await ReportService(store: store, clock: clock).queue(by: RequestOrigin(actor: try await actor("mottagning"), clientAddress: nil)))
            #expect(queue.groups.count == 2 && queue.groups[0][0].isAcute)
            #expect(try await store.withConnection { db in try await db.raw("SELECT COUNT(*) AS n FROM investigations").first()!.decode(column: "n", as: Int64.self) } == 1)
            let mentor = RequestOrigin(actor: try await actor("mentor.ekbacken"), clientAddress: nil)
            let registry = RegistryService(store: store, clock: clock)
            let children = try requireOK(await registry.list(page: 1, by: mentor)).items
            var shared = 0
            for child in children { shared += try requireOK(await registry.view(childID: child.id, by: mentor)).shared.count }
            #expect(shared == 1)
            #expect(try await CollaborationService(store: store, clock: clock).myCases(by: RequestOrigin(actor: try await actor("rektor.ekbacken"), clientAddress: nil)).count == 1)
            // Strandskolan's case has its first meeting booked, with chair and secretary and a talk with the child.
            let strand = try await CollaborationService(store: store, clock: clock).myCases(by: RequestOrigin(actor: try await actor("rektor.strand"), clientAddress: nil))
            #expect(strand.count == 1)
            let booked = try await store.withConnection { db in try await CollaborationQueries.meetings(caseID: strand[0].id, db) }
            #expect(booked.count == 1 && booked[0].participants.contains { $0.assignments.contains(.secretary) })
            #expect(try await store.withConnection { db in try await db.raw("SELECT COUNT(*) AS n FROM meeting_child_talks").first()!.int64("n") } == 1)
            // A running SIP with a region party and a closed one; the outside party's account sees only the running one.
            let sips = SIPService(store: store, clock: clock)
            let mine = try await sips.mySIPs(by: RequestOrigin(actor: try await actor("kurator.ekbacken"), clientAddress: nil))
            #expect(mine.filter(\.sip.isOpen).count == 1 && mine.filter { !$0.sip.isOpen }.count == 1)
            #expect(mine.contains { $0.sip.isOpen && $0.sip.parties.contains { $0.kind.principal == .region } && !$0.sip.protocols.isEmpty })
            #expect(try await sips.mySIPs(by: RequestOrigin(actor: try await actor("bup"), clientAddress: nil)).map(\.sip.id) == mine.filter(\.sip.isOpen).map(\.sip.id))
        }
    }
}
