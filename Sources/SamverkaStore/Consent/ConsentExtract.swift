import Foundation
import SQLKit
import SamverkaCore

/// Consents and emergency access in a register extract.
enum ConsentExtract {
    typealias Field = RegisterExtract.Field

    static let consents = ExtractSection(tables: ["consents", "consent_parties", "consent_guardians", "consent_documents"]) { subject, db in
        let childID = subject.childID, protected = subject.protected
        let consents = try await ConsentQueries.records(childID: childID, withGuardianNames: !protected, db).map { c in
            RegisterExtract.Record([
                Field("Samtycke nr", String(c.id)), Field("Lämnat av", c.giverKind == .guardians ? (protected ? c.giverKind.label : c.guardianNames.joined(separator: ", ")) : c.giverKind.label),
                Field("Barnets inställning", c.childView), Field("Parter", c.partyNames.joined(separator: ", ")),
                Field("Uppgifter", ConsentCategory.allCases.filter { c.facts.categories.contains($0) }.map(\.label).joined(separator: ", ")),
                Field("Syfte", "\(c.purposeKind.label): \(c.purpose)"), Field("Giltigt", "\(c.facts.validFrom.iso)–\(c.facts.validTo.iso)"),
                Field("Sätt", c.method.label), Field("Vittne", c.witness), Field("Registrerat", "\(Stockholm.format(c.recordedAt)) av \(c.recordedByName)"),
                Field("Återkallat", c.facts.withdrawnAt.map { "\(Stockholm.format($0)) av \(c.withdrawnBy ?? "")" }),
            ])
        }
        return .init("Samtycken", consents)
    }

    static let emergencyAccess = ExtractSection(tables: ["emergency_access"]) { subject, db in
        let childID = subject.childID

        let emergency = try await db.raw("""
            SELECT s.display_name, e.reason, e.granted_at, e.expires_at FROM emergency_access e JOIN staff s ON s.id = e.staff_id
            WHERE e.child_id = \(bind: childID) ORDER BY e.granted_at
            """).all().map { row in
            RegisterExtract.Record([Field("Medarbetare", try row.string("display_name")), Field("Skäl", try row.string("reason")),
                                    Field("Från", try ExtractValue.time(row, "granted_at")), Field("Till", try ExtractValue.time(row, "expires_at"))])
        }
        return .init("Nödåtkomster", emergency)
    }
}
