import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

/// Name search reads `child_search`, which is kept from the children's units and names:
/// these tests change both and check what search finds, and in what order.
@Suite("Name search")
struct ChildSearchTests {
    func names(_ outcome: Outcome<[ChildListItem]>) -> [String] {
        guard case .ok(let items) = outcome else { Issue.record("search refused"); return [] }
        return items.map(\.fullName)
    }

    @Test("a renamed child is found by the new name only; a moved child only in the new unit")
    func followsChanges() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let id = try await f.registerChild(Numbers.make(2014, 4, 4), "Karl", "Berg")
            #expect(names(try await f.registry.search("karl", by: f.origin(f.teacherA))) == ["Karl Berg"])
            let renamed = ChildInput(identityNumber: Numbers.make(2014, 4, 4), givenName: "Nils", familyName: "Berg", unitID: String(f.schoolA))
            guard case .ok = try await f.registry.update(childID: id, renamed, by: f.origin(f.teacherA)) else { Issue.record("update"); return }
            #expect(names(try await f.registry.search("karl", by: f.origin(f.teacherA))).isEmpty)
            #expect(names(try await f.registry.search("nils be", by: f.origin(f.teacherA))) == ["Nils Berg"])
            // Moving school: school B enrols the child, then records it as its own pupil.
            guard case .ok = try await f.registry.enrol(identityNumber: Numbers.make(2014, 4, 4), unitID: String(f.schoolB), by: f.origin(f.admin)) else { Issue.record("enrol"); return }
            #expect(names(try await f.registry.search("nils", by: f.origin(f.teacherB))) == ["Nils Berg"])
            let moved = ChildInput(identityNumber: Numbers.make(2014, 4, 4), givenName: "Nils", familyName: "Berg", unitID: String(f.schoolB))
            guard case .ok = try await f.registry.update(childID: id, moved, by: f.origin(f.teacherB)) else { Issue.record("move"); return }
            #expect(names(try await f.registry.search("nils", by: f.origin(f.teacherA))).isEmpty)
            #expect(names(try await f.registry.search("nils", by: f.origin(f.teacherB))) == ["Nils Berg"])
            #expect(names(try await f.registry.search("nils", by: f.origin(f.intakeOfficer))).isEmpty)
        }
    }

    @Test("a child of several of the person's units is listed once; the page is the first by name across the units")
    func mergesUnits() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            // Intake-registered children are intake's only (naming a school enrols nobody);
            // a school's pupil reported to intake belongs to both.
            _ = try await f.registerChild(Numbers.make(2012, 1, 1), "Anna", "Ceder", unit: f.schoolB, by: f.intakeOfficer)
            let reported = try await f.registerChild(Numbers.make(2012, 2, 2), "Anna", "Björk")
            _ = try await f.fileReport(child: reported)
            _ = try await f.registerChild(Numbers.make(2012, 3, 3), "Anna", "Asp")
            _ = try await f.registerChild(Numbers.make(2012, 4, 4), "Annika", "Dahl")
            _ = try await f.registerChild(Numbers.make(2012, 5, 5), "Anna", "Ek", unit: f.schoolB, by: f.teacherB)
            // A teacher in school A who also works in intake.
            let both = Actor(staffID: f.teacherA.staffID, displayName: "Båda", active: true, assignments: f.teacherA.assignments + f.intakeOfficer.assignments)
            #expect(names(try await f.registry.search("ann", by: f.origin(both))) == ["Anna Asp", "Anna Björk", "Anna Ceder", "Annika Dahl"])
            #expect(names(try await f.registry.search("ann", limit: 2, by: f.origin(both))) == ["Anna Asp", "Anna Björk"])
            #expect(names(try await f.registry.search("anna", limit: 3, by: f.origin(both))) == ["Anna Asp", "Anna Björk", "Anna Ceder"])
            #expect(names(try await f.registry.search("anna c", by: f.origin(both))) == ["Anna Ceder"])
            #expect(names(try await f.registry.search("ann", by: f.origin(f.teacherA))) == ["Anna Asp", "Anna Björk", "Annika Dahl"])
            #expect(names(try await f.registry.search("ann", by: f.origin(f.intakeOfficer))) == ["Anna Björk", "Anna Ceder"])
        }
    }

    @Test("a rebuilt search table finds what the kept one found")
    func rebuild() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            for (index, family) in ["Östlund", "Åberg", "Lind", "Lindqvist", "Ahl"].enumerated() {
                _ = try await f.registerChild(Numbers.make(2013, 1, index + 1), "Ida", family)
            }
            let kept = names(try await f.registry.search("ida", by: f.origin(f.teacherA)))
            #expect(kept.count == 5)
            #expect(names(try await f.registry.search("lind", by: f.origin(f.teacherA))) == ["Ida Lind", "Ida Lindqvist"])
            let rows = try await f.count("child_search")
            try await store.transaction { db in
                try await db.raw("DELETE FROM child_search").run()
                try await ChildQueries.rebuildSearch(db)
            }
            #expect(try await f.count("child_search") == rows)
            #expect(names(try await f.registry.search("ida", by: f.origin(f.teacherA))) == kept)
        }
    }
}
