import Foundation
import SQLKit
import SamverkaCore

/// The registry's sections of a register extract: the child, its units and its guardians.
enum RegistryExtract {
    typealias Field = RegisterExtract.Field

    static let identity = ExtractSection(tables: ["children", "child_addresses"]) { subject, db in
        let childID = subject.childID, protected = subject.protected
        // Each side's own entry of the address (issue 14: the sides keep their entries apart).
        let addresses = protected ? [] : try await db.raw("""
            SELECT side, street_address, postal_code, city FROM child_addresses WHERE child_id = \(bind: childID) ORDER BY side
            """).all().map { row in
            Field("Adress (\(Side(rawValue: try row.string("side"))?.label ?? "okänd"))",
                  [try row.optionalString("street_address"), try row.optionalString("postal_code"), try row.optionalString("city")]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", "))
        }
        let child = try await db.raw("""
            SELECT c.identity_number, c.birth_date, c.given_name, c.family_name, u.name AS unit_name, c.grade, c.protected_identity,
              c.created_at, c.updated_at
            FROM children c LEFT JOIN units u ON u.id = c.enrolment_unit_id WHERE c.id = \(bind: childID)
            """).all().map { row in
            var fields = [Field("Namn", "\(try row.string("given_name")) \(try row.string("family_name"))"),
                          Field("Födelsedatum", try row.string("birth_date")),
                          Field("Skola/förskola", try row.optionalString("unit_name")), Field("Årskurs/avdelning", try row.optionalString("grade")),
                          Field("Skyddade personuppgifter", try row.flag("protected_identity") ? "Ja" : "Nej")]
            fields += addresses
            fields += [Field("Registrerad", try ExtractValue.time(row, "created_at")), Field("Senast ändrad", try ExtractValue.time(row, "updated_at"))]
            return RegisterExtract.Record(fields)
        }
        return .init("Grunduppgifter", child, note: protected ? ExtractSubject.protectedNote : nil)
    }

    static let units = ExtractSection(tables: ["child_units"]) { subject, db in
        let childID = subject.childID

        let units = try await db.raw("""
            SELECT u.name, cu.reason, cu.created_at FROM child_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.child_id = \(bind: childID) ORDER BY cu.created_at
            """).all().map { row in
            RegisterExtract.Record([Field("Enhet", try row.string("name")), Field("Koppling", ChildUnitReason(rawValue: try row.string("reason"))?.label ?? "Annan"),
                                    Field("Sedan", try ExtractValue.time(row, "created_at"))])
        }
        return .init("Enheter som barnet är kopplat till", units)
    }

    static let guardians = ExtractSection(tables: ["guardians", "child_guardians"]) { subject, db in
        guard !subject.protected else { return .init("Vårdnadshavare", [], note: ExtractSubject.protectedNote) }
        let childID = subject.childID
        let guardians = try await db.raw("""
            SELECT g.side, g.number, g.given_name, g.family_name, g.phone, g.email, g.street_address, g.postal_code, g.city, g.protected_identity
            FROM guardians g JOIN child_guardians cg ON cg.guardian_id = g.id WHERE cg.child_id = \(bind: childID) ORDER BY g.family_name, g.given_name, g.side
            """).all().map { row in
            var fields = [Field("Namn", "\(try row.string("given_name")) \(try row.string("family_name"))"),
                          Field("Personnummer", try row.optionalString("number").flatMap(IdentityNumber.init(storedDigits:))?.formatted),
                          Field("Registrerad av", try row.optionalString("side").flatMap(Side.init(rawValue:))?.label)]
            if try row.flag("protected_identity") {
                fields.append(Field("Kontaktuppgifter", "Lämnas inte ut (skyddade personuppgifter)"))
            } else {
                let address = [try row.optionalString("street_address"), try row.optionalString("postal_code"), try row.optionalString("city")]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
                fields += [Field("Telefon", try row.optionalString("phone")), Field("E-post", try row.optionalString("email")), Field("Adress", address)]
            }
            return RegisterExtract.Record(fields)
        }
        return .init("Vårdnadshavare", guardians)
    }
}
