import Foundation
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Registry: access, audit and validation")
struct RegistryServiceTests {
    @Test("registering writes the child and its audit row together")
    func registerAudited() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let id = try await f.registerChild(Numbers.make(2016, 5, 4), "Saga", "Ek")
            let rows = try await f.auditRows(.init(childID: id))
            #expect(rows.contains { $0.action == .create && $0.staffID == f.teacherA.staffID && $0.recordID == String(id) })
        }
    }

    @Test("a failed validation writes nothing and names every bad field")
    func invalidWritesNothing() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let before = (try await f.count("children"), try await f.count("audit_log"))
            let input = ChildInput(identityNumber: "20160504-1234", givenName: "", familyName: "Ek", unitID: String(f.schoolA))
            guard case .invalid(let errors) = try await f.registry.register(input, by: f.origin(f.teacherA)) else {
                Issue.record("expected invalid"); return
            }
            #expect(errors["identity_number"] == IdentityNumberError.badCheckDigit.message)
            #expect(errors["given_name"] != nil)
            #expect(errors["family_name"] == nil)
            #expect((try await f.count("children"), try await f.count("audit_log")) == before)
        }
    }

    @Test("a duplicate number leads to the existing child, not a second record")
    func duplicateLeadsToExisting() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let number = Numbers.make(2015, 1, 20)
            let first = try await f.registerChild(number)
            let input = ChildInput(identityNumber: number.replacingOccurrences(of: "-", with: "").dropFirst(2).description, givenName: "Annat", familyName: "Namn", unitID: String(f.schoolA))
            guard case .ok(.existing(let second)) = try await f.registry.register(input, by: f.origin(f.teacherA)) else {
                Issue.record("expected existing"); return
            }
            #expect(second == first)
            #expect(try await f.count("children") == 1)
        }
    }

    @Test("staff of another unit are refused, and the refusal is logged")
    func otherUnitRefused() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let id = try await f.registerChild(Numbers.make(2014, 3, 3))
            guard case .denied(let reason) = try await f.registry.view(childID: id, by: f.origin(f.teacherB)) else {
                Issue.record("expected denied"); return
            }
            #expect(reason == RegistryService.notFoundReason)
            let denied = try await f.auditRows(.init(staffID: f.teacherB.staffID, action: .accessDenied))
            #expect(denied.count == 1 && denied[0].childID == id)
            // The administrator manages accounts but never browses children.
            guard case .denied = try await f.registry.view(childID: id, by: f.origin(f.admin)) else { Issue.record("admin saw a child"); return }
            #expect(try await f.auditRows(.init(staffID: f.admin.staffID, action: .accessDenied)).count == 1)
        }
    }

    @Test("a read of a child is logged with the reason")
    func readLogged() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let id = try await f.registerChild(Numbers.make(2014, 3, 3))
            guard case .ok(let view) = try await f.registry.view(childID: id, by: f.origin(f.teacherA)) else { Issue.record("expected ok"); return }
            #expect(view.child.id == id)
            let reads = try await f.auditRows(.init(childID: id, action: .read))
            #expect(reads.count == 1 && reads[0].reason.contains("din enhet") && reads[0].clientAddress == "192.0.2.1")
        }
    }

    @Test("search finds by name and number, only in the person's own units")
    func searchLimited() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let a = try await f.registerChild(Numbers.make(2013, 7, 7), "Örjan", "Åberg")
            _ = try await f.registerChild(Numbers.make(2013, 8, 8), "Örjan", "Åkesson", unit: f.schoolB, by: f.teacherB)
            guard case .ok(let byName) = try await f.registry.search("åb", by: f.origin(f.teacherA)) else { Issue.record("search failed"); return }
            #expect(byName.map(\.id) == [a])
            guard case .ok(let byFirst) = try await f.registry.search("örjan", by: f.origin(f.teacherA)) else { Issue.record("search failed"); return }
            #expect(byFirst.map(\.id) == [a])
            guard case .ok(let byNumber) = try await f.registry.search(Numbers.make(2013, 8, 8), by: f.origin(f.teacherA)) else { Issue.record("search failed"); return }
            #expect(byNumber.isEmpty)
            guard case .ok(let byPrefix) = try await f.registry.search("20130707", by: f.origin(f.teacherA)) else { Issue.record("search failed"); return }
            #expect(byPrefix.map(\.id) == [a])
            #expect(try await f.auditRows(.init(action: .search)).count == 4)
            guard case .denied = try await f.registry.search("örjan", by: f.origin(f.admin)) else { Issue.record("admin searched"); return }
        }
    }

    @Test("protected identity: no address, guardians or siblings reach the view")
    func protectedIdentity() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let hidden = try await f.registerChild(Numbers.make(2012, 2, 2), protected: true)
            let sibling = try await f.registerChild(Numbers.make(2014, 4, 4))
            let guardian = GuardianInput(identityNumber: Numbers.make(1985, 6, 6), givenName: "Gun", familyName: "Vård", streetAddress: "Hemliga vägen 1")
            for child in [hidden, sibling] {
                guard case .ok = try await f.registry.addGuardian(childID: child, guardian, by: f.origin(f.teacherA)) else { Issue.record("guardian"); return }
            }
            #expect(try await f.count("guardians") == 1)
            guard case .ok(let view) = try await f.registry.view(childID: hidden, by: f.origin(f.teacherA)) else { Issue.record("view"); return }
            #expect(view.relativesHidden && view.guardians.isEmpty && view.siblings.isEmpty && view.child.address.isEmpty)
            guard case .ok(let other) = try await f.registry.view(childID: sibling, by: f.origin(f.teacherA)) else { Issue.record("view"); return }
            #expect(other.guardians.map(\.givenName) == ["Gun"])
            #expect(other.siblings.isEmpty, "a protected sibling is never listed")
        }
    }

    @Test("siblings are found through a shared guardian, each side through its own guardian records")
    func siblings() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let one = try await f.registerChild(Numbers.make(2012, 2, 2), "Ett", "Syskon")
            let two = try await f.registerChild(Numbers.make(2015, 5, 5), "Två", "Syskon")
            // In another school: a sibling the teacher may not see is not listed.
            let three = try await f.registerChild(Numbers.make(2016, 6, 6), "Tre", "Syskon", unit: f.schoolB, by: f.teacherB)
            // Intake's own children, with intake's own record of the same guardian.
            let four = try await f.registerChild(Numbers.make(2017, 7, 7), "Fyra", "Syskon", by: f.intakeOfficer)
            let five = try await f.registerChild(Numbers.make(2018, 8, 8), "Fem", "Syskon", by: f.intakeOfficer)
            let guardian = GuardianInput(identityNumber: Numbers.make(1980, 1, 1), givenName: "Förälder", familyName: "Syskon")
            for (child, actor): (RecordID, Actor) in [(one, f.teacherA), (two, f.teacherA), (three, f.teacherB), (four, f.intakeOfficer), (five, f.intakeOfficer)] {
                guard case .ok = try await f.registry.addGuardian(childID: child, guardian, by: f.origin(actor)) else { Issue.record("guardian"); return }
            }
            guard case .ok(let view) = try await f.registry.view(childID: one, by: f.origin(f.teacherA)) else { Issue.record("view"); return }
            #expect(view.siblings.map(\.id) == [two])
            // Intake sees the siblings through its own record, never the school's children.
            guard case .ok(let intakeView) = try await f.registry.view(childID: four, by: f.origin(f.intakeOfficer)) else { Issue.record("intake view"); return }
            #expect(intakeView.siblings.map(\.id) == [five])
            // A report on child one puts it on intake's side, and still intake's record alone counts.
            _ = try await f.fileReport(child: one)
            guard case .ok(let reported) = try await f.registry.view(childID: one, by: f.origin(f.intakeOfficer)) else { Issue.record("reported view"); return }
            #expect(reported.siblings.isEmpty && reported.guardians.isEmpty)
        }
    }

    @Test("social services register a child of any school; the school sees it only once it enrols the child")
    func intakeRegisters() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let id = try await f.registerChild(Numbers.make(2011, 11, 11), unit: f.schoolB, by: f.intakeOfficer)
            guard case .ok = try await f.registry.view(childID: id, by: f.origin(f.intakeOfficer)) else { Issue.record("intake view"); return }
            guard case .denied = try await f.registry.view(childID: id, by: f.origin(f.teacherB)) else { Issue.record("school B saw it"); return }
            guard case .denied = try await f.registry.view(childID: id, by: f.origin(f.teacherA)) else { Issue.record("school A saw it"); return }
            // A teacher may not register a child into another school.
            let input = ChildInput(identityNumber: Numbers.make(2011, 12, 12), givenName: "X", familyName: "Y", unitID: String(f.schoolB))
            guard case .invalid(let errors) = try await f.registry.register(input, by: f.origin(f.teacherA)) else { Issue.record("teacher registered elsewhere"); return }
            #expect(errors["unit_id"] != nil)
        }
    }
}
