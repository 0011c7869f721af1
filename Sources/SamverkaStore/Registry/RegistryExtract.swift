import Foundation
import SQLKit
import SamverkaCore

/// The registry's sections of a register extract: the child, its units and its guardians.
enum RegistryExtract {
    typealias Field = RegisterExtract.Field
    typealias L = RegistryExtractLabels

    static let identity = ExtractSection(tables: ["children", "child_addresses"]) { subject, db in
        let childID = subject.childID, protected = subject.protected
        // Each side's own entry of the address (issue 14: the sides keep their entries apart).
        let addresses = protected ? [] : try await db.raw("""
            SELECT side, street_address, postal_code, city FROM child_addresses WHERE child_id = \(bind: childID) ORDER BY side
            """).all().map { row in
            Field(L.address(side: Side(rawValue: try row.string("side"))?.label),
                  [try row.optionalString("street_address"), try row.optionalString("postal_code"), try row.optionalString("city")]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", "))
        }
        let child = try await db.raw("""
            SELECT c.identity_number, c.birth_date, c.given_name, c.family_name, u.name AS unit_name, c.grade, c.protected_identity,
              c.created_at, c.updated_at
            FROM children c LEFT JOIN units u ON u.id = c.enrolment_unit_id WHERE c.id = \(bind: childID)
            """).all().map { row in
            var fields = [Field(L.name, "\(try row.string("given_name")) \(try row.string("family_name"))"),
                          Field(L.birthDate, try row.string("birth_date")),
                          Field(L.unit, try row.optionalString("unit_name")), Field(L.grade, try row.optionalString("grade")),
                          Field(L.protectedIdentity, try row.flag("protected_identity") ? L.yes : L.no)]
            fields += addresses
            fields += [Field(L.registered, try ExtractValue.time(row, "created_at")), Field(L.lastChanged, try ExtractValue.time(row, "updated_at"))]
            return RegisterExtract.Record(fields)
        }
        return .init(L.identityTitle, child, note: protected ? ExtractSubject.protectedNote : nil)
    }

    static let units = ExtractSection(tables: ["child_units"]) { subject, db in
        let childID = subject.childID

        let units = try await db.raw("""
            SELECT u.name, cu.reason, cu.created_at FROM child_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.child_id = \(bind: childID) ORDER BY cu.created_at
            """).all().map { row in
            RegisterExtract.Record([Field(L.unitName, try row.string("name")), Field(L.connection, ChildUnitReason(rawValue: try row.string("reason"))?.label ?? L.otherConnection),
                                    Field(L.since, try ExtractValue.time(row, "created_at"))])
        }
        return .init(L.unitsTitle, units)
    }

    static let guardians = ExtractSection(tables: ["guardians", "child_guardians"]) { subject, db in
        guard !subject.protected else { return .init(L.guardiansTitle, [], note: ExtractSubject.protectedNote) }
        let childID = subject.childID
        let guardians = try await db.raw("""
            SELECT g.side, g.number, g.given_name, g.family_name, g.phone, g.email, g.street_address, g.postal_code, g.city, g.protected_identity
            FROM guardians g JOIN child_guardians cg ON cg.guardian_id = g.id WHERE cg.child_id = \(bind: childID) ORDER BY g.family_name, g.given_name, g.side
            """).all().map { row in
            var fields = [Field(L.name, "\(try row.string("given_name")) \(try row.string("family_name"))"),
                          Field(L.identityNumber, try row.optionalString("number").flatMap(IdentityNumber.init(storedDigits:))?.formatted),
                          Field(L.registeredBy, try row.optionalString("side").flatMap(Side.init(rawValue:))?.label)]
            if try row.flag("protected_identity") {
                fields.append(Field(L.contactDetails, L.contactWithheld))
            } else {
                let address = [try row.optionalString("street_address"), try row.optionalString("postal_code"), try row.optionalString("city")]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
                fields += [Field(L.phone, try row.optionalString("phone")), Field(L.email, try row.optionalString("email")), Field(L.plainAddress, address)]
            }
            return RegisterExtract.Record(fields)
        }
        return .init(L.guardiansTitle, guardians)
    }
}
