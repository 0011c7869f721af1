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
        /// The bench user's school unit (every child is enrolled there) and the bench user.
        public var schoolID: RecordID
        public var staffID: RecordID
    }

    public static let username = "bench"
    public static let password = "bench-password"

    public static func run(_ store: Store, children: Int, auditRows: Int, passwordHash: String, now: Date, progress: @Sendable (String) -> Void = { _ in }) async throws -> Summary {
        let (school, staffID) = try await store.transaction { db -> (RecordID, RecordID) in
            // Set up like a real installation: with a municipality, whose name every page's header
            // shows (without it each page asks for the name again, a query no real page makes).
            if try await OrganisationQueries.municipalityName(db) == nil {
                try await OrganisationQueries.setMunicipalityName("Bänkeby kommun", db)
            }
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
                    try await db.insertReturningID("INSERT INTO guardians (side, given_name, family_name, phone, created_at, updated_at) VALUES ('school', 'Förälder', 'Bänk', '070-000 00 00', \(bind: stamp), \(bind: stamp))")
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
        return Summary(firstChildID: first, lastChildID: last, username: username, password: password, schoolID: school, staffID: staffID)
    }
}

extension BenchFill {
    /// Reports and investigations for the intake-queue and work-list benchmarks. The bench
    /// user handles reports in a new intake unit and is case officer for one investigation
    /// in fifty; a colleague has the rest. A few hundred reports are undecided, one
    /// investigation in twenty is open; the rest is history spread over two years.
    @discardableResult
    public static func fillConcern(_ store: Store, reports: Int, investigations: Int, children: ClosedRange<RecordID>, passwordHash: String, now: Date,
                                   progress: @Sendable (String) -> Void = { _ in }) async throws -> ConcernSetup {
        let stamp = now.epochSeconds
        let (intake, investigating, bench, colleague) = try await store.transaction { db -> (RecordID, RecordID, RecordID, RecordID) in
            let intake = try await OrganisationQueries.insertUnit(name: "Benchmottagning \(stamp)", kind: .ifoIntake, areaID: nil, now: now, db)
            let investigating = try await OrganisationQueries.insertUnit(name: "Benchutredning \(stamp)", kind: .ifoInvestigation, areaID: nil, now: now, db)
            guard let bench = try await OrganisationQueries.staff(username: username, db)?.id else { throw StoreError.notFound }
            _ = try await OrganisationQueries.insertAssignment(staffID: bench, role: .intakeOfficer, unitID: intake, now: now, db)
            _ = try await OrganisationQueries.insertAssignment(staffID: bench, role: .caseOfficer, unitID: investigating, now: now, db)
            // The ledningsgrupp sees the whole municipality's statistics (the statistics bench).
            _ = try await OrganisationQueries.insertAssignment(staffID: bench, role: .managementGroupMember, unitID: nil, now: now, db)
            let colleague = try await OrganisationQueries.insertStaff(username: "bench-kollega-\(stamp)", displayName: "Kollega Bänksson", email: nil,
                                                                      passwordHash: passwordHash, mustChangePassword: false, now: now, db)
            _ = try await OrganisationQueries.insertAssignment(staffID: colleague, role: .caseOfficer, unitID: investigating, now: now, db)
            try await db.raw("INSERT INTO child_units (child_id, unit_id, reason, created_at) SELECT id, \(bind: intake), 'report', \(bind: stamp) FROM children WHERE id BETWEEN \(bind: children.lowerBound) AND \(bind: children.upperBound)").run()
            try await db.raw("INSERT INTO child_units (child_id, unit_id, reason, created_at) SELECT id, \(bind: investigating), 'investigation', \(bind: stamp) FROM children WHERE id BETWEEN \(bind: children.lowerBound) AND \(bind: children.upperBound)").run()
            return (intake, investigating, bench, colleague)
        }
        let span = Int64(children.count)
        let twoYears: Int64 = 2 * 365 * 86_400
        var firstInvestigation: RecordID = 0
        var made = 0
        while made < investigations {
            let count = min(1000, investigations - made)
            let base = made
            let first = try await store.transaction { db -> RecordID in
                let rows = (base..<(base + count)).map { i -> String in
                    let child = children.lowerBound + Int64(i) % span
                    let open = i % 20 == 0
                    let opened = open ? stamp - Int64(i % 150) * 86_400 : stamp - twoYears + Int64(i) * (twoYears / Int64(max(1, investigations)))
                    let due = opened + 122 * 86_400
                    let officer = i % 50 == 0 ? bench : colleague
                    let closed = open ? "NULL" : String(opened + 90 * 86_400)
                    let outcome = open ? "NULL" : (i % 3 == 0 ? "'with-intervention'" : "'without-intervention'")
                    return "(\(child), \(investigating), \(officer), \(opened), \(due), 'not-asked', \(closed), \(outcome), \(stamp))"
                }.joined(separator: ",")
                let ids = try await db.raw(SQLQueryString("INSERT INTO investigations (child_id, unit_id, case_officer_id, opened_at, due_at, consent, closed_at, outcome, created_at) VALUES " + rows + " RETURNING id")).all()
                return try ids.first?.int64("id") ?? 0
            }
            if firstInvestigation == 0 { firstInvestigation = first }
            made += count
            if made % 20_000 == 0 { progress("utredningar: \(made)") }
        }
        made = 0
        let investigationBase = firstInvestigation
        while made < reports {
            let count = min(1000, reports - made)
            let base = made
            try await store.transaction { db in
                let rows = (base..<(base + count)).map { i -> String in
                    let child = children.lowerBound + Int64(i) % span
                    let open = i % 2000 == 0
                    let received = open ? stamp - Int64(i % 20) * 3600 * 7 : stamp - twoYears + Int64(i) * (twoYears / Int64(max(1, reports)))
                    let decided = open ? "NULL" : String(received + 10 * 86_400)
                    let outcome = open ? "NULL" : (i % 4 == 0 ? "'open'" : "'not-opened'")
                    let investigation = !open && i % 4 == 0 && investigations > 0 ? String(investigationBase + Int64(i / 4) % Int64(investigations)) : "NULL"
                    let confirmed = open && i % 4000 == 0 ? "NULL" : String(received + 3600)
                    return "('B\(stamp)-\(i)', 'concern', 'written', \(child), \(intake), 'staff', \(bench), 'Bänkdata', '', 'not-informed', 0, \(received), \(confirmed), 'Bänk Bänksson', \(open ? "NULL" : String(received + 7200)), \(outcome), \(decided), \(investigation), \(stamp))"
                }.joined(separator: ",")
                try await db.raw(SQLQueryString("""
                    INSERT INTO reports (receipt_number, kind, channel, child_id, handling_unit_id, reporter_kind, reporter_staff_id, observations, acute_grounds,
                      guardian_notice, joint_meeting_requested, received_at, receipt_confirmed_at, receipt_confirmed_by_name, protection_at, pre_assessment,
                      decided_at, investigation_id, created_at) VALUES
                    """ + rows)).run()
            }
            made += count
            if made % 50_000 == 0 { progress("anmälningar: \(made)") }
        }
        return ConcernSetup(investigatingUnitID: investigating, colleagueID: colleague)
    }

    /// What the consent fill reuses from the concern fill.
    public struct ConcernSetup: Sendable {
        public var investigatingUnitID: RecordID
        public var colleagueID: RecordID
    }
}

extension BenchFill {
    /// Consents over the children, two per child by default, for the consent benchmarks (the
    /// policy on every list row, the work list's expiry warnings). Most are in force; about
    /// one in eleven is withdrawn, one in ten has expired and one in 58 ends within 30 days.
    /// Every consent names a unit (the bench user's school, the investigating unit or a
    /// neighbouring school the bench user does not work in); one in ten also names the bench
    /// user and one in thirteen was recorded by them, so the expiry query has real work.
    public static func fillConsents(_ store: Store, consents: Int, children: ClosedRange<RecordID>, school: RecordID, bench: RecordID,
                                    concern: ConcernSetup?, now: Date, progress: @Sendable (String) -> Void = { _ in }) async throws {
        let stamp = now.epochSeconds
        let neighbour = try await store.transaction { db in
            try await OrganisationQueries.insertUnit(name: "Benchgrannskolan \(stamp)", kind: .school, areaID: nil, now: now, db)
        }
        // Without the concern fill, the neighbouring school stands in for social services.
        let social = concern?.investigatingUnitID ?? neighbour
        let colleague = concern?.colleagueID ?? bench
        let today = Stockholm.date(of: now)
        let span = Int64(children.count)
        let categories = ConsentCategory.allCases.map(\.rawValue)
        let purposes = ConsentPurposeKind.allCases
        var made = 0
        while made < consents {
            let count = min(1000, consents - made)
            let base = made
            try await store.transaction { db in
                let rows = (base..<(base + count)).map { i -> String in
                    let child = children.lowerBound + Int64(i) % span
                    let withdrawn = i % 11 == 3, expired = !withdrawn && i % 9 == 4, endingSoon = !withdrawn && !expired && i % 47 == 1
                    // At most a year (a SIP consent's limit), so every purpose is valid.
                    let to = expired ? today.adding(days: -1 - i % 700) : endingSoon ? today.adding(days: i % 30) : today.adding(days: 65 + i % 300)
                    let from = to.adding(days: -364)
                    let recorder = i % 13 == 0 ? bench : colleague
                    let name = recorder == bench ? "Bänk Bänksson" : "Kollega Bänksson"
                    let recordedAt = min(stamp, Stockholm.startOfDay(from).epochSeconds + 36_000)
                    let withdrawal = withdrawn ? "\(max(recordedAt, stamp - Int64(i % 200) * 86_400)), 'Vårdnadshavare', \(recorder)" : "NULL, NULL, NULL"
                    let purpose = purposes[i % purposes.count]
                    let kinds = (0..<3).map { categories[(i + 2 * $0) % categories.count] }.joined(separator: ",")
                    return "(\(child), 'guardians', '\(kinds)', '\(purpose.rawValue)', '\(purpose.label) (bänkdata)', '\(from.iso)', '\(to.iso)', 'oral', 'Vittne Bänksson', \(recorder), '\(name)', \(recordedAt), \(withdrawal))"
                }.joined(separator: ",")
                let inserted = try await db.raw(SQLQueryString("""
                    INSERT INTO consents (child_id, giver_kind, categories, purpose_kind, purpose, valid_from, valid_to, method, witness,
                      recorded_by, recorded_by_name, recorded_at, withdrawn_at, withdrawn_by, withdrawal_recorded_by) VALUES
                    """ + rows + " RETURNING id")).all()
                // Ids rise in VALUES order within one INSERT (the fill is the only writer).
                let ids = try inserted.map { try $0.int64("id") }.sorted()
                var parties: [String] = []
                for (offset, id) in ids.enumerated() {
                    let i = base + offset
                    parties.append("(\(id), \([school, social, neighbour][i % 3]), NULL, NULL)")
                    if i % 3 == 0 { parties.append("(\(id), \(social), NULL, NULL)") }
                    if i % 10 == 0 { parties.append("(\(id), NULL, \(bench), NULL)") }
                    if i % 10 == 5 { parties.append("(\(id), NULL, \(colleague), NULL)") }
                    if i % 7 == 0 { parties.append("(\(id), NULL, NULL, 'BUP Bänkregionen')") }
                }
                try await db.raw(SQLQueryString("INSERT INTO consent_parties (consent_id, unit_id, staff_id, external_name) VALUES " + parties.joined(separator: ","))).run()
                // Given by the child's guardians (each bench child has one).
                if let low = ids.first, let high = ids.last {
                    try await db.raw("""
                        INSERT INTO consent_guardians (consent_id, guardian_id)
                        SELECT k.id, cg.guardian_id FROM consents k JOIN child_guardians cg ON cg.child_id = k.child_id WHERE k.id BETWEEN \(bind: low) AND \(bind: high)
                        """).run()
                }
            }
            made += count
            if made % 20_000 == 0 { progress("samtycken: \(made)") }
        }
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
