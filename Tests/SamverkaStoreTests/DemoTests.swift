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
}
