import Foundation
import SQLKit
import SamverkaCore

/// Register extracts (issue 4 point 6): every record about one child and every access to
/// them, made by the log reviewer for a GDPR access request or an internal inquiry. The
/// extract is itself logged as an export, in the same transaction that reads it.
/// Protected identity: no address and no relatives. Reporters outside the municipality's
/// staff are not named (their identity may be secret, OSL 26:5).
public struct RegisterExtractService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public func extract(identityNumber: String?, purpose: String?, by origin: RequestOrigin) async throws -> Outcome<(fileName: String, extract: RegisterExtract)> {
        let now = clock.now()
        var errors = FieldErrors()
        let number = IdentityNumber.child(identityNumber, today: Stockholm.date(of: now), into: &errors)
        var reason = ""
        switch RegisterExtract.validatePurpose(purpose) {
        case .failure(let e): errors.merge(e)
        case .success(let text): reason = text
        }
        return try await store.transaction { [errors, reason] db in
            let decision = try await origin.decide(.registerExtract, type: .registerExtract, at: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            guard errors.isEmpty, let number else { return .invalid(errors) }
            guard let childID = try await ChildQueries.childID(identityNumber: number, db), let child = try await ChildQueries.child(id: childID, db) else {
                var missing = FieldErrors()
                missing.add("identity_number", RegistryMessages.noChildWithNumber)
                return .invalid(missing)
            }
            try await AuditQueries.append(origin.event(.export, child: childID, type: .registerExtract, reason: AuditReasons.registerExtract(reason)), at: now, db)
            let sections = try await Self.sections(childID: childID, protected: child.protectedIdentity, db)
            let extract = RegisterExtract(childName: child.fullName, identityNumber: number.formatted, madeBy: origin.actor.displayName,
                                          madeAt: now, purpose: reason, sections: sections)
            return .ok(("registerutdrag-\(Stockholm.date(of: now).iso).txt", extract))
        }
    }

    /// Every module's sections, in the modules' order.
    static func sections(childID: RecordID, protected: Bool, _ db: any SQLDatabase) async throws -> [RegisterExtract.Section] {
        let subject = ExtractSubject(childID: childID, protected: protected)
        var sections: [RegisterExtract.Section] = []
        for section in Modules.all.flatMap(\.extract) {
            sections.append(try await section.read(subject, db))
        }
        guard protected else { return sections }
        // A protected child's relatives are named nowhere: log reasons and meeting lines
        // carry the names of those invited ("Kallelse till …").
        let relatives = try await db.raw("""
            SELECT g.given_name, g.family_name FROM guardians g JOIN child_guardians cg ON cg.guardian_id = g.id WHERE cg.child_id = \(bind: childID)
            """).all().map { row in "\(try row.string("given_name")) \(try row.string("family_name"))" }
        return RegisterExtract.withholding(relatives, in: sections)
    }
}
