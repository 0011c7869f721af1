import Foundation
import SQLKit
import SamverkaCore

/// Administration of units, areas, staff and roles. Every change is audited.
public struct OrganisationService: Sendable {
    let store: Store
    let clock: any TimeSource
    let hasher: any PasswordHasher

    public init(store: Store, clock: any TimeSource, hasher: any PasswordHasher) {
        self.store = store
        self.clock = clock
        self.hasher = hasher
    }

    private func guarded<T: Sendable>(_ origin: RequestOrigin, _ body: @Sendable @escaping (any SQLDatabase) async throws -> Outcome<T>) async throws -> Outcome<T> {
        let now = clock.now()
        return try await store.transaction { db in
            let decision = try await origin.decide(.manageOrganisation, type: .organisation, at: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            return try await body(db)
        }
    }

    public func setMunicipalityName(_ raw: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        var errors = FieldErrors()
        let name = TextRules.requiredName(raw, field: "municipality", label: OrganisationMessages.municipalityNameLabel, max: 120, into: &errors)
        guard errors.isEmpty else { return .invalid(errors) }
        return try await guarded(origin) { db in
            try await OrganisationQueries.setMunicipalityName(name, db)
            try await AuditQueries.append(origin.event(.update, type: .municipality, record: "1", reason: OrganisationAuditReasons.municipalityName(name)), at: now, db)
            return .ok(())
        }
    }

    /// Renames a unit or takes it out of use (units are never deleted: records point at them).
    public func updateUnit(id: RecordID, name raw: String, active: Bool, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        var errors = FieldErrors()
        let name = TextRules.requiredName(raw, field: "name", label: OrganisationMessages.nameLabel, max: 120, into: &errors)
        let typedErrors = errors
        return try await guarded(origin) { db in
            var errors = typedErrors
            guard let unit = try await OrganisationQueries.unit(id: id, db) else { return .denied(RegistryService.notFoundReason) }
            if !name.isEmpty, try await OrganisationQueries.unitNameExists(name, except: id, db) {
                errors.add("name", OrganisationMessages.unitNameTaken)
            }
            guard errors.isEmpty else { return .invalid(errors) }
            try await OrganisationQueries.updateUnit(id: id, name: name, areaID: unit.areaID, active: active, db)
            try await AuditQueries.append(origin.event(.update, type: .unit, record: String(id), reason: OrganisationAuditReasons.unitChanged(name, active: active)), at: now, db)
            return .ok(())
        }
    }

    /// Sets a temporary password that must be changed at the next sign-in; ends the person's sessions.
    public func resetPassword(staffID: RecordID, temporaryPassword: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        guard let staff = try await store.withConnection({ db in try await OrganisationQueries.staff(id: staffID, db) }) else {
            return .denied(RegistryService.notFoundReason)
        }
        var errors = FieldErrors()
        if let problem = PasswordRules.problem(password: temporaryPassword, username: staff.username) { errors.add("password", problem) }
        guard errors.isEmpty else { return .invalid(errors) }
        let hash = try await hasher.hash(temporaryPassword)
        return try await guarded(origin) { db in
            try await OrganisationQueries.setPassword(staffID: staffID, hash: hash, mustChange: true, db)
            try await SessionQueries.deleteAll(staffID: staffID, db)
            try await AuditQueries.append(origin.event(.update, type: .staff, record: String(staffID), reason: OrganisationAuditReasons.temporaryPassword), at: now, db)
            return .ok(())
        }
    }

    public func createArea(name raw: String, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        var errors = FieldErrors()
        let name = TextRules.requiredName(raw, field: "name", label: OrganisationMessages.nameLabel, max: 100, into: &errors)
        guard errors.isEmpty else { return .invalid(errors) }
        return try await guarded(origin) { db in
            if try await OrganisationQueries.areaExists(name: name, db) {
                var errors = FieldErrors()
                errors.add("name", OrganisationMessages.areaNameTaken)
                return .invalid(errors)
            }
            let id = try await OrganisationQueries.insertArea(name: name, db)
            try await AuditQueries.append(origin.event(.create, type: .area, record: String(id), reason: OrganisationAuditReasons.areaCreated(name)), at: now, db)
            return .ok(id)
        }
    }

    public func createUnit(name raw: String, kind rawKind: String, areaID rawArea: String, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        var errors = FieldErrors()
        let name = TextRules.requiredName(raw, field: "name", label: OrganisationMessages.nameLabel, max: 120, into: &errors)
        let kind = UnitKind(rawValue: rawKind)
        if kind == nil { errors.add("kind", OrganisationMessages.unitKindMissing) }
        let areaID = RecordID(rawArea)
        let typedErrors = errors
        return try await guarded(origin) { db in
            var errors = typedErrors
            if !name.isEmpty, try await OrganisationQueries.unitNameExists(name, db) {
                errors.add("name", OrganisationMessages.unitNameTaken)
            }
            let areas = try await OrganisationQueries.areas(db)
            if !rawArea.isEmpty, areaID == nil || !areas.contains(where: { $0.id == areaID }) {
                errors.add("area_id", OrganisationMessages.areaMissing)
            }
            guard errors.isEmpty, let kind else { return .invalid(errors) }
            let id = try await OrganisationQueries.insertUnit(name: name, kind: kind, areaID: areaID, now: now, db)
            try await AuditQueries.append(origin.event(.create, type: .unit, record: String(id), reason: OrganisationAuditReasons.unitCreated(name)), at: now, db)
            return .ok(id)
        }
    }

    public func createStaff(username rawUsername: String, displayName rawName: String, email rawEmail: String, temporaryPassword: String, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        var errors = FieldErrors()
        let username = rawUsername.trimmingCharacters(in: .whitespaces).lowercased()
        if let problem = UsernameRules.problem(username) { errors.add("username", problem) }
        let name = TextRules.requiredName(rawName, field: "display_name", label: OrganisationMessages.nameLabel, max: 120, into: &errors)
        let email = TextRules.optional(rawEmail, field: "email", label: OrganisationMessages.emailLabel, max: 200, into: &errors)
        if let problem = PasswordRules.problem(password: temporaryPassword, username: username) { errors.add("password", problem) }
        guard errors.isEmpty else { return .invalid(errors) }
        let hash = try await hasher.hash(temporaryPassword)
        return try await guarded(origin) { db in
            if try await OrganisationQueries.staff(username: username, db) != nil {
                var errors = FieldErrors()
                errors.add("username", OrganisationMessages.usernameTaken)
                return .invalid(errors)
            }
            let id = try await OrganisationQueries.insertStaff(username: username, displayName: name, email: email, passwordHash: hash, mustChangePassword: true, now: now, db)
            try await AuditQueries.append(origin.event(.create, type: .staff, record: String(id), reason: OrganisationAuditReasons.accountCreated(username)), at: now, db)
            return .ok(id)
        }
    }

    public func addAssignment(staffID: RecordID, role rawRole: String, unitID rawUnit: String, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await guarded(origin) { db in
            var errors = FieldErrors()
            guard try await OrganisationQueries.staff(id: staffID, db) != nil else { return .denied(RegistryService.notFoundReason) }
            let role = Role(rawValue: rawRole)
            if role == nil { errors.add("role", OrganisationMessages.roleMissing) }
            var unit: OrgUnit?
            if !rawUnit.isEmpty {
                unit = try await RecordID(rawUnit).asyncFlatMap { try await OrganisationQueries.unit(id: $0, db) }
                if unit == nil { errors.add("unit_id", OrganisationMessages.unitMissing) }
            }
            if let role, errors.isEmpty, let mismatch = role.unitMismatch(unitKind: unit?.kind) {
                errors.add("unit_id", mismatch)
            }
            if let role, errors.isEmpty, try await OrganisationQueries.assignments(staffID: staffID, db).contains(where: { $0.role == role && $0.unitID == unit?.id }) {
                errors.add("role", OrganisationMessages.roleAlreadyHeld)
            }
            guard errors.isEmpty, let role else { return .invalid(errors) }
            let id = try await OrganisationQueries.insertAssignment(staffID: staffID, role: role, unitID: unit?.id, now: now, db)
            try await AuditQueries.append(origin.event(.update, type: .staff, record: String(staffID), reason: OrganisationAuditReasons.roleAdded(role, unit: unit?.name)), at: now, db)
            return .ok(id)
        }
    }

    public func removeAssignment(staffID: RecordID, assignmentID: RecordID, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await guarded(origin) { db in
            try await OrganisationQueries.deleteAssignment(id: assignmentID, staffID: staffID, db)
            try await AuditQueries.append(origin.event(.update, type: .staff, record: String(staffID), reason: OrganisationAuditReasons.roleRemoved), at: now, db)
            return .ok(())
        }
    }

    /// Deactivation instead of deletion: the person's history stays; their sessions end.
    public func setActive(staffID: RecordID, active: Bool, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await guarded(origin) { db in
            guard staffID != origin.actor.staffID else {
                var errors = FieldErrors()
                errors.add("active", OrganisationMessages.cannotDeactivateSelf)
                return .invalid(errors)
            }
            try await OrganisationQueries.setActive(staffID: staffID, active: active, now: now, db)
            if !active { try await SessionQueries.deleteAll(staffID: staffID, db) }
            try await AuditQueries.append(origin.event(.update, type: .staff, record: String(staffID), reason: OrganisationAuditReasons.accountActive(active)), at: now, db)
            return .ok(())
        }
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
