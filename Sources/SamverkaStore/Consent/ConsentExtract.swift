import Foundation
import SQLKit
import SamverkaCore

/// Consents and emergency access in a register extract.
enum ConsentExtract {
    typealias Field = RegisterExtract.Field
    typealias L = ConsentExtractLabels

    static let consents = ExtractSection(tables: ["consents", "consent_parties", "consent_guardians", "consent_documents"]) { subject, db in
        let childID = subject.childID, protected = subject.protected
        let consents = try await ConsentQueries.records(childID: childID, withGuardianNames: !protected, db).map { c in
            RegisterExtract.Record([
                Field(L.number, String(c.id)), Field(L.givenBy, c.giverKind == .guardians ? (protected ? c.giverKind.label : c.guardianNames.joined(separator: ", ")) : c.giverKind.label),
                Field(L.childView, c.childView), Field(L.parties, c.partyNames.joined(separator: ", ")),
                Field(L.categories, ConsentCategory.allCases.filter { c.facts.categories.contains($0) }.map(\.label).joined(separator: ", ")),
                Field(L.purpose, "\(c.purposeKind.label): \(c.purpose)"), Field(L.valid, "\(c.facts.validFrom.iso)–\(c.facts.validTo.iso)"),
                Field(L.method, c.method.label), Field(L.witness, c.witness), Field(L.recorded, L.at(Stockholm.format(c.recordedAt), by: c.recordedByName)),
                Field(L.withdrawn, c.facts.withdrawnAt.map { L.at(Stockholm.format($0), by: c.withdrawnBy ?? "") }),
            ])
        }
        return .init(L.consentsTitle, consents)
    }

    static let emergencyAccess = ExtractSection(tables: ["emergency_access"]) { subject, db in
        let childID = subject.childID

        let emergency = try await db.raw("""
            SELECT s.display_name, e.reason, e.granted_at, e.expires_at FROM emergency_access e JOIN staff s ON s.id = e.staff_id
            WHERE e.child_id = \(bind: childID) ORDER BY e.granted_at
            """).all().map { row in
            RegisterExtract.Record([Field(L.staff, try row.string("display_name")), Field(L.reason, try row.string("reason")),
                                    Field(L.from, try ExtractValue.time(row, "granted_at")), Field(L.until, try ExtractValue.time(row, "expires_at"))])
        }
        return .init(L.emergencyTitle, emergency)
    }
}
