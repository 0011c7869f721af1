import Foundation
import SQLKit
import SamverkaCore

/// A realistic, entirely fictitious municipality for trying Samverka: two schools, two
/// preschools, an IFO with intake, investigation and treatment, staff in every role, and
/// 40 children with guardians and siblings, some with protected identity.
///
/// Identity numbers are valid (date and check digit) but synthetic: every birth number is
/// in 980–999, and the names come from a fixed list, so no demo row describes a real person.
public enum DemoMunicipality {
    public static let password = "samverka-demo"

    public struct Account: Sendable {
        public let username: String
        public let name: String
        public let roles: [(Role, String?)]

        /// How the start-up listing names the account's roles: each role once, with its units
        /// ("Enhetschef/sektionschef (IFO Utredning barn och unga, IFO Mottagning barn och unga)").
        public var rolesText: String {
            var order: [Role] = []
            var units: [Role: [String]] = [:]
            for (role, unit) in roles {
                if units[role] == nil { order.append(role); units[role] = [] }
                if let unit { units[role]?.append(unit) }
            }
            return order.map { role in
                let named = units[role] ?? []
                return named.isEmpty ? role.label : "\(role.label) (\(named.joined(separator: ", ")))"
            }.joined(separator: "; ")
        }
    }

    static let units: [(String, UnitKind, String?)] = [
        ("Ekbackens skola", .school, "Norra"),
        ("Strandskolan", .school, "Södra"),
        ("Solrosens förskola", .preschool, "Norra"),
        ("Lärkans förskola", .preschool, "Södra"),
        ("Elevhälsan centralt", .studentHealth, nil),
        ("IFO Mottagning barn och unga", .ifoIntake, nil),
        ("IFO Utredning barn och unga", .ifoInvestigation, nil),
        ("IFO Familjebehandling", .ifoTreatment, nil),
        ("IFO Ledning", .ifoManagement, nil),
    ]

    public static let accounts: [Account] = [
        .init(username: "admin", name: "Alva Admin", roles: [(.systemAdministrator, nil)]),
        .init(username: "loggranskare", name: "Lars Loggsson", roles: [(.logReviewer, nil)]),
        .init(username: "rektor.ekbacken", name: "Rut Rektorsdotter", roles: [(.principal, "Ekbackens skola"), (.steeringGroupMember, nil)]),
        .init(username: "mentor.ekbacken", name: "Maja Mentorsson", roles: [(.teacher, "Ekbackens skola")]),
        .init(username: "kurator.ekbacken", name: "Karin Kuratorsson", roles: [(.schoolCounsellor, "Ekbackens skola")]),
        .init(username: "skolskoterska.ekbacken", name: "Saga Sjuksköterskedotter", roles: [(.schoolNurse, "Ekbackens skola")]),
        .init(username: "specialpedagog.ekbacken", name: "Sven Specialsson", roles: [(.specialEducator, "Ekbackens skola"), (.specialTeacher, "Ekbackens skola")]),
        .init(username: "rektor.strand", name: "Rolf Strandberg", roles: [(.principal, "Strandskolan"), (.localCollaborationGroupMember, nil)]),
        .init(username: "mentor.strand", name: "Mira Mentorsdotter", roles: [(.teacher, "Strandskolan")]),
        .init(username: "forskolechef.solrosen", name: "Frida Förskolesson", roles: [(.preschoolHead, "Solrosens förskola")]),
        .init(username: "pedagog.solrosen", name: "Pelle Pedagogsson", roles: [(.teacher, "Solrosens förskola")]),
        .init(username: "forskolechef.larkan", name: "Lina Lärksdotter", roles: [(.preschoolHead, "Lärkans förskola")]),
        .init(username: "elevhalsochef", name: "Elin Elevhälsosson", roles: [(.studentHealthHead, "Elevhälsan centralt"), (.schoolPsychologist, "Elevhälsan centralt"), (.managementGroupMember, nil)]),
        .init(username: "insatskoordinator", name: "Ivar Insatsson", roles: [(.interventionCoordinator, "Elevhälsan centralt")]),
        .init(username: "skolsocionom", name: "Sofia Socionomsdotter", roles: [(.schoolSocialWorker, "Ekbackens skola")]),
        .init(username: "mottagning", name: "Moa Mottagningsson", roles: [(.intakeOfficer, "IFO Mottagning barn och unga")]),
        .init(username: "utredare", name: "Ulf Utredarsson", roles: [(.caseOfficer, "IFO Utredning barn och unga")]),
        .init(username: "familjebehandlare", name: "Fatima Familjesdotter", roles: [(.familyTherapist, "IFO Familjebehandling")]),
        .init(username: "behandlingsassistent", name: "Bo Behandlarsson", roles: [(.treatmentAssistant, "IFO Familjebehandling")]),
        .init(username: "enhetschef", name: "Eva Enhetsdotter", roles: [(.unitManager, "IFO Utredning barn och unga"), (.unitManager, "IFO Mottagning barn och unga"), (.decisionForumMember, nil)]),
        .init(username: "bitradande.ifochef", name: "Bengt Biträdesson", roles: [(.deputyIfoHead, "IFO Ledning")]),
        .init(username: "ifochef", name: "Ingrid IFO-chefsdotter", roles: [(.ifoHead, "IFO Ledning"), (.managementGroupMember, nil)]),
        // A region party's own account: sees only the SIPs whose consent names BUP.
        .init(username: "bup", name: "Nguyễn Thị Ánh", roles: [(.externalParty, nil)]),
    ]

    static let givenNames = ["Alice", "Elias", "Maja", "Noah", "Ella", "Hugo", "Wilma", "Liam", "Alma", "William", "Ebba", "Lucas", "Selma", "Oscar",
                             "Olivia", "Adam", "Astrid", "Matteo", "Vera", "Leo", "Saga", "Nils", "Stella", "Ali", "Ines", "Omar", "Freja", "Sixten",
                             "Juni", "Viggo", "Tyra", "Melvin", "Nora", "Isak", "Leah", "Vincent", "Signe", "Theo", "Meja", "Malte"]
    static let familyNames = ["Andersson", "Björk", "Demir", "Ek", "Forsberg", "Granlund", "Hassan", "Isaksson", "Jönsson", "Karlsson",
                              "Lindqvist", "Mohammed", "Nyström", "Öberg", "Pettersson", "Qvist", "Rask"]
    static let parentNames = ["Anna", "Johan", "Sara", "Erik", "Fatima", "Mikael", "Lena", "Ahmed", "Karin", "Peter", "Maria", "Daniel"]

    /// Fills an empty database. Returns false (and does nothing) when there is data already.
    @discardableResult
    public static func seed(_ store: Store, passwordHash: String, now: Date) async throws -> Bool {
        try await store.transaction { db in
            if try await OrganisationQueries.municipalityName(db) != nil { return false }
            if try await !OrganisationQueries.allStaff(db).isEmpty { return false }
            try await OrganisationQueries.setMunicipalityName("Exempelby kommun (demo)", db)
            let north = try await OrganisationQueries.insertArea(name: "Norra", db)
            let south = try await OrganisationQueries.insertArea(name: "Södra", db)
            var unitIDs: [String: RecordID] = [:]
            for (name, kind, area) in units {
                unitIDs[name] = try await OrganisationQueries.insertUnit(name: name, kind: kind, areaID: area == "Norra" ? north : area == "Södra" ? south : nil, now: now, db)
            }
            for account in accounts {
                let id = try await OrganisationQueries.insertStaff(username: account.username, displayName: account.name, email: "\(account.username)@exempelby.example",
                                                                   passwordHash: passwordHash, mustChangePassword: false, now: now, db)
                for (role, unit) in account.roles {
                    _ = try await OrganisationQueries.insertAssignment(staffID: id, role: role, unitID: unit.flatMap { unitIDs[$0] }, now: now, db)
                }
            }
            try await seedChildren(db, unitIDs: unitIDs, now: now)
            return true
        }
    }

    /// 40 children in 17 families: each family has one to four children who share guardians.
    private static func seedChildren(_ db: any SQLDatabase, unitIDs: [String: RecordID], now: Date) async throws {
        let today = Stockholm.date(of: now)
        var serial = 980
        var childIndex = 0
        for (familyIndex, family) in familyNames.enumerated() {
            let size = [3, 2, 2, 3, 2, 4, 2, 3, 1, 2, 3, 2, 2, 3, 2, 2, 2][familyIndex]
            let protectedFamily = familyIndex == 5 || familyIndex == 12
            let street = "\(["Björkvägen", "Storgatan", "Skolgränd", "Ängsvägen"][familyIndex % 4]) \(familyIndex + 3)"
            var guardianIDs: [RecordID] = []
            for parent in 0..<(familyIndex % 5 == 4 ? 1 : 2) {
                let birth = SimpleDate(year: 1980 + (familyIndex + parent * 3) % 12, month: 1 + (familyIndex * 5 + parent) % 12, day: 1 + (familyIndex * 7 + parent) % 28)!
                let guardian = GuardianRegistration(
                    identityNumber: IdentityNumber.make(birthDate: birth, serial: 980 + (familyIndex * 2 + parent) % 20),
                    givenName: parentNames[(familyIndex * 2 + parent) % parentNames.count], familyName: family,
                    phone: "070-\(100 + familyIndex)\(10 + parent) 00", email: nil,
                    address: PostalAddress(street: street, postalCode: "999 \(10 + familyIndex)", city: "Exempelby"),
                    protectedIdentity: protectedFamily
                )
                guardianIDs.append(try await ChildQueries.insertGuardian(guardian, side: .school, now: now, db))
            }
            for _ in 0..<size where childIndex < 40 {
                let age = 2 + (childIndex * 7) % 13   // 2–14 years
                let birth = SimpleDate(year: today.year - age, month: 1 + (childIndex * 5) % 12, day: 1 + (childIndex * 11) % 28)!
                let preschool = age < 6
                let unitName = preschool ? (familyIndex % 2 == 0 ? "Solrosens förskola" : "Lärkans förskola") : (familyIndex % 2 == 0 ? "Ekbackens skola" : "Strandskolan")
                let child = ChildRegistration(
                    identityNumber: IdentityNumber.make(birthDate: birth, serial: serial), givenName: givenNames[childIndex], familyName: family,
                    enrolmentUnitID: unitIDs[unitName], grade: preschool ? "Avdelning \(["Humlan", "Myran"][childIndex % 2])" : (age == 6 ? "F" : "\(age - 6)"),
                    protectedIdentity: protectedFamily,
                    address: PostalAddress(street: street, postalCode: "999 \(10 + familyIndex)", city: "Exempelby")
                )
                serial = serial == 999 ? 980 : serial + 1
                let childID = try await ChildQueries.insert(child, registeredBy: [], side: .school, enrolInSchool: true, now: now, db)
                for guardian in guardianIDs {
                    try await ChildQueries.linkGuardian(childID: childID, guardianID: guardian, now: now, db)
                }
                childIndex += 1
            }
        }
    }
}
