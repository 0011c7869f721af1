import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Organisation administration")
struct OrganisationServiceTests {
    @Test("units, staff and roles: created, validated and audited; only by administrators")
    func administer() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let org = OrganisationService(store: store, clock: f.clock, hasher: FastTestHasher())
            let admin = f.origin(f.admin)
            guard case .ok(let unit) = try await org.createUnit(name: "Norrskolan", kind: "school", areaID: "", by: admin) else { Issue.record("unit"); return }
            guard case .invalid(let dup) = try await org.createUnit(name: "Norrskolan", kind: "school", areaID: "", by: admin) else { Issue.record("dup"); return }
            #expect(dup["name"] != nil)
            guard case .ok(let staff) = try await org.createStaff(username: "ny.larare", displayName: "Ny Lärare", email: "", temporaryPassword: "tillfalligt-123", by: admin) else { Issue.record("staff"); return }
            // A school role cannot be held in an IFO unit.
            guard case .invalid(let wrongSide) = try await org.addAssignment(staffID: staff, role: "teacher", unitID: String(f.intake), by: admin) else { Issue.record("side"); return }
            #expect(wrongSide["unit_id"] != nil)
            guard case .ok = try await org.addAssignment(staffID: staff, role: "teacher", unitID: String(unit), by: admin) else { Issue.record("role"); return }
            guard case .invalid = try await org.addAssignment(staffID: staff, role: "teacher", unitID: String(unit), by: admin) else { Issue.record("twice"); return }
            guard case .ok = try await org.updateUnit(id: unit, name: "Norrskolan 7–9", active: false, by: admin) else { Issue.record("rename"); return }
            guard case .invalid = try await org.updateUnit(id: unit, name: "Skola A", active: true, by: admin) else { Issue.record("rename to existing"); return }
            guard case .denied = try await org.createUnit(name: "X", kind: "school", areaID: "", by: f.origin(f.teacherA)) else { Issue.record("teacher"); return }
            let audited = try await f.auditRows().filter { $0.staffID == f.admin.staffID }.map(\.recordType)
            #expect(audited.filter { $0 == "unit" }.count == 2 && audited.filter { $0 == "staff" }.count == 2)
            #expect(try await f.auditRows(.init(staffID: f.teacherA.staffID, action: .accessDenied)).count == 1)
        }
    }

    @Test("a password reset forces a change at next sign-in and ends the person's sessions")
    func resetPassword() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let accounts = AccountService(store: store, clock: f.clock, hasher: FastTestHasher())
            guard case .success(let signedIn) = try await accounts.signIn(username: "larare.a", password: "rätt-lösenord-123", clientAddress: "x") else { Issue.record("sign-in"); return }
            let org = OrganisationService(store: store, clock: f.clock, hasher: FastTestHasher())
            guard case .invalid = try await org.resetPassword(staffID: f.teacherA.staffID, temporaryPassword: "kort", by: f.origin(f.admin)) else { Issue.record("short"); return }
            guard case .ok = try await org.resetPassword(staffID: f.teacherA.staffID, temporaryPassword: "nytt-tillfalligt-1", by: f.origin(f.admin)) else { Issue.record("reset"); return }
            guard case .none = try await accounts.session(token: signedIn.token, clientAddress: nil) else { Issue.record("session survived"); return }
            guard case .success(let again) = try await accounts.signIn(username: "larare.a", password: "nytt-tillfalligt-1", clientAddress: "x") else { Issue.record("new password"); return }
            guard case .active(let session) = try await accounts.session(token: again.token, clientAddress: nil) else { Issue.record("session"); return }
            #expect(session.mustChangePassword)
            guard case .invalid(let errors) = try await accounts.changePassword(session, current: "fel", new: "ett-eget-losenord", confirmation: "ett-eget-losenord", clientAddress: nil) else { Issue.record("wrong current"); return }
            #expect(errors["current_password"] != nil)
            guard case .ok = try await accounts.changePassword(session, current: "nytt-tillfalligt-1", new: "ett-eget-losenord", confirmation: "ett-eget-losenord", clientAddress: nil) else { Issue.record("change"); return }
            guard case .active(let after) = try await accounts.session(token: again.token, clientAddress: nil) else { Issue.record("session after change"); return }
            #expect(!after.mustChangePassword)
            #expect(try await f.auditRows(.init(action: .passwordChanged)).count == 1)
        }
    }
}
