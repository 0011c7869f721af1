import Foundation
import SQLKit
import SamverkaCore

/// Fills a database for benchmarks: many children, their guardians and a large audit log.
/// Rows go in with multi-row INSERTs in large transactions; the data is synthetic.
public enum BenchFill {
    public struct Summary: Sendable {
        public var firstChildID: RecordID
        public var lastChildID: RecordID
        public var username: String
        public var password: String
    }

    public static let username = "bench"
    public static let password = "bench-password"

    public static func run(_ store: Store, children: Int, auditRows: Int, passwordHash: String, now: Date, progress: @Sendable (String) -> Void = { _ in }) async throws -> Summary {
        let (school, staffID) = try await store.transaction { db -> (RecordID, RecordID) in
            let school = try await OrganisationQueries.insertUnit(name: "Benchskolan \(Int(now.timeIntervalSince1970))", kind: .school, areaID: nil, now: now, db)
            var staff = try await OrganisationQueries.staff(username: username, db)?.id
            if staff == nil {
                staff = try await OrganisationQueries.insertStaff(username: username, displayName: "Bänk Bänksson", email: nil, passwordHash: passwordHash, mustChangePassword: false, now: now, db)
            }
            let staffID = staff!
            _ = try await OrganisationQueries.insertAssignment(staffID: staffID, role: .teacher, unitID: school, now: now, db)
            return (school, staffID)
        }
        let stamp = now.epochSeconds
        var first: RecordID = 0
        var last: RecordID = 0
        let batch = 400
        var made = 0
        let surnames = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström"]
        let given = ["Alice", "Elias", "Maja", "Noah", "Ella", "Hugo", "Wilma", "Liam", "Alma", "William", "Ebba", "Lucas", "Selma", "Oscar", "Olivia", "Adam", "Astrid", "Vera", "Leo", "Saga"]
        while made < children {
            let count = min(batch, children - made)
            let base = made
            let ids = try await store.transaction { db -> [RecordID] in
                var ids: [RecordID] = []
                for i in base..<(base + count) {
                    // Synthetic numbers: birth dates spread over 2008–2022, birth numbers 000–999.
                    let birth = SimpleDate(year: 2008 + i % 15, month: 1 + (i / 15) % 12, day: 1 + (i / 180) % 28)!
                    let number = IdentityNumber.make(birthDate: birth, serial: (i / 5040) % 1000)
                    let g = given[i % given.count], f = surnames[(i / given.count) % surnames.count] + (i % 7 == 0 ? "-Berg" : "")
                    let id = try await db.insertReturningID("""
                        INSERT INTO children (identity_number, identity_kind, birth_date, given_name, family_name, enrolment_unit_id, grade,
                          protected_identity, created_at, updated_at)
                        VALUES (\(bind: number.digits), 'personnummer', \(bind: birth.iso), \(bind: g), \(bind: f), \(bind: school), \(bind: String(1 + i % 9)),
                          \(bind: Int64(i % 97 == 0 ? 1 : 0)), \(bind: stamp), \(bind: stamp))
                        """)
                    ids.append(id)
                }
                let units = ids.map { "(\($0), \(school), 'enrolled', \(stamp))" }.joined(separator: ",")
                try await db.raw(SQLQueryString("INSERT INTO child_units (child_id, unit_id, reason, created_at) VALUES " + units)).run()
                var tokenRows: [String] = []
                for (offset, id) in ids.enumerated() {
                    let i = base + offset
                    for token in NameSearch.tokens(given[i % given.count], surnames[(i / given.count) % surnames.count] + (i % 7 == 0 ? "-Berg" : "")) {
                        tokenRows.append("('\(token.replacingOccurrences(of: "'", with: ""))', \(id))")
                    }
                }
                try await db.raw(SQLQueryString("INSERT INTO child_name_tokens (token, child_id) VALUES " + tokenRows.joined(separator: ","))).run()
                let guardians = try await ids.asyncMap { id in
                    try await db.insertReturningID("INSERT INTO guardians (given_name, family_name, phone, created_at, updated_at) VALUES ('Förälder', 'Bänk', '070-000 00 00', \(bind: stamp), \(bind: stamp))")
                }
                let links = zip(ids, guardians).map { "(\($0), \($1), \(stamp))" }.joined(separator: ",")
                try await db.raw(SQLQueryString("INSERT INTO child_guardians (child_id, guardian_id, created_at) VALUES " + links)).run()
                return ids
            }
            if first == 0 { first = ids.first ?? 0 }
            last = ids.last ?? last
            made += count
            if made % 10_000 == 0 { progress("barn: \(made)") }
        }
        var logged = 0
        while logged < auditRows {
            let count = min(2000, auditRows - logged)
            let base = logged
            let firstChild = first
            try await store.transaction { db in
                let rows = (base..<(base + count)).map { i in
                    "(\(stamp - Int64(auditRows - i)), \(staffID), 'Bänk Bänksson', 'read', \(firstChild + RecordID(i % max(1, children))), 'child', 'bench', 'Barnet hör till din enhet')"
                }.joined(separator: ",")
                try await db.raw(SQLQueryString("INSERT INTO audit_log (at, staff_id, staff_name, action, child_id, record_type, record_id, reason) VALUES " + rows)).run()
            }
            logged += count
            if logged % 100_000 == 0 { progress("loggrader: \(logged)") }
        }
        return Summary(firstChildID: first, lastChildID: last, username: username, password: password)
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        result.reserveCapacity(count)
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
