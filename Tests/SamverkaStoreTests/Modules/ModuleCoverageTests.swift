import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

/// The parts people forget when they add a table, a record type or a clock: each must
/// belong to a module, or these tests fail.
@Suite("Modules: every table about a child in the extract, every record type and clock declared")
struct ModuleCoverageTests {
    /// Columns that tie a row to a child or to a record about one.
    static let childColumns: Set<String> = ["child_id", "guardian_id", "case_id", "meeting_id", "investigation_id", "report_id", "consent_id", "sip_id", "enrolment_id"]

    /// Tables that name a child but hold nothing the extract must show, and why.
    static let notInExtract: [String: String] = [
        "child_name_tokens": "a search index of the child's name, which the extract shows",
        "child_search": "a search index of the child's name and unit, which the extract shows",
        "log_review_pairs": "the running log review scan's working set, emptied when the scan ends",
    ]

    static func columnsByTable(_ store: Store) async throws -> [String: Set<String>] {
        try await store.withConnection { db in
            var result: [String: Set<String>] = [:]
            if store.engine == .postgres {
                for row in try await db.raw("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()").all() {
                    result[try row.string("table_name"), default: []].insert(try row.string("column_name"))
                }
            } else {
                for table in try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all().map({ try $0.string("name") }) {
                    for row in try await db.raw("SELECT name FROM pragma_table_info(\(bind: table))").all() {
                        result[table, default: []].insert(try row.string("name"))
                    }
                }
            }
            return result
        }
    }

    /// The tables naming a child that no module's extract reads.
    static func unread(_ columns: [String: Set<String>], modules: [StoreModule]) -> [String] {
        let read = Set(modules.flatMap(\.extract).flatMap(\.tables))
        return columns.filter { table, cols in table == "children" || !cols.isDisjoint(with: childColumns) }.keys
            .filter { !read.contains($0) && notInExtract[$0] == nil }.sorted()
    }

    @Test("every table with a column naming a child is read by some module's extract section; a module left out fails")
    func everyChildTableInTheExtract() async throws {
        try await TestDatabase.withStore { store in
            let columns = try await Self.columnsByTable(store)
            #expect(columns["meetings"] != nil && columns["consents"] != nil)
            #expect(Self.unread(columns, modules: Modules.all) == [])
            // Without the meetings module the check names its tables.
            let without = Self.unread(columns, modules: Modules.all.filter { $0.name != StoreModule.meetings.name })
            #expect(without.contains("meetings") && without.contains("meeting_children") && without.contains("meeting_actions") && without.contains("minutes_dispatches"))
            let withoutProgrammes = Self.unread(columns, modules: Modules.all.filter { $0.name != StoreModule.programmes.name })
            #expect(withoutProgrammes.contains("programme_enrolments") && withoutProgrammes.contains("programme_notes") && withoutProgrammes.contains("programme_plan_actions"))
            // A new table about a child, read by no module, is named.
            try await store.singleStatement { db in try await db.raw("CREATE TABLE coverage_probe (id BIGINT, child_id BIGINT)").run() }
            #expect(Self.unread(try await Self.columnsByTable(store), modules: Modules.all) == ["coverage_probe"])
        }
    }

    /// Columns that name the person a row ties to the child (the one who owns, handles,
    /// reports, takes part or answers for it).
    static let personColumns: Set<String> = ["staff_id", "owner_id", "responsible_id", "case_officer_id", "reporter_staff_id", "registered_by", "opened_by", "nominated_by"]

    /// Tables that tie a person to a child without making them connected, and why.
    static let notAConnection: [String: String] = [
        "audit_log": "the access itself, which the review checks",
        "review_flags": "the reviewer's flag about the person",
        "emergency_access": "emergency access is reviewed, never a reason by itself",
        "log_review_pairs": "the running log review scan's answers of the connected clauses themselves",
    ]

    /// Tables that tie a person to a child (a child column and a person column) that no
    /// module's connected clause reads.
    static func unconnected(_ columns: [String: Set<String>], clauses: [ConnectedClause], _ db: any SQLDatabase) -> [String] {
        let sql = clauses.map { clause -> String in
            var serializer = SQLSerializer(database: db)
            clause.sql.serialize(to: &serializer)
            return serializer.sql
        }.joined(separator: " ")
        let words = Set(sql.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
        return columns.filter { _, cols in !cols.isDisjoint(with: childColumns) && !cols.isDisjoint(with: personColumns) }.keys
            .filter { !words.contains($0) && notAConnection[$0] == nil }.sorted()
    }

    @Test("every table that ties a person to a child is read by some module's connected clause; a module left out fails")
    func everyConnectionInTheLogReview() async throws {
        try await TestDatabase.withStore { store in
            let columns = try await Self.columnsByTable(store)
            try await store.withConnection { db in
                #expect(Self.unconnected(columns, clauses: ConnectedClause.all, db) == [])
                let without = Self.unconnected(columns, clauses: Modules.all.filter { $0.name != StoreModule.sip.name }.flatMap(\.connected), db)
                #expect(without.contains("sips") && without.contains("sip_parties"))
                let withoutProgrammes = Self.unconnected(columns, clauses: Modules.all.filter { $0.name != StoreModule.programmes.name }.flatMap(\.connected), db)
                #expect(withoutProgrammes.contains("programme_team") && withoutProgrammes.contains("programme_enrolments"))
            }
            #expect(ConnectedClause.all.count == Set(ConnectedClause.all.map(\.name)).count, "a clause declared twice")
        }
    }

    @Test("every audit record type is declared by exactly one module")
    func everyRecordTypeDeclared() {
        let declared = Modules.all.flatMap(\.recordTypes)
        #expect(Set(declared) == Set(AuditRecordType.allCases), "undeclared: \(Set(AuditRecordType.allCases).subtracting(declared).map(\.rawValue).sorted())")
        #expect(declared.count == Set(declared).count, "declared twice")
    }

    @Test("every kind of clock is on somebody's work list, through one module")
    func everyClockOnAWorkList() {
        let listed = Modules.all.flatMap(\.clocks)
        #expect(Set(listed) == Set(ClockKind.allCases), "on no work list: \(Set(ClockKind.allCases).subtracting(listed).map(\.rawValue).sorted())")
        #expect(listed.count == Set(listed).count)
    }

    @Test("every statistics table is counted by exactly one module, every clock the page measures by exactly one")
    func everyStatisticDeclared() {
        let tables = Modules.all.flatMap(\.statistics).flatMap(\.tables)
        #expect(Set(tables) == Set(StatisticsTableKey.allCases), "counted by none: \(Set(StatisticsTableKey.allCases).subtracting(tables).map(\.rawValue).sorted())")
        #expect(tables.count == Set(tables).count, "counted twice")
        let measured = Modules.all.flatMap(\.statistics).flatMap(\.clocks)
        let shown = StatisticsSection.allCases.flatMap(\.clocks)
        #expect(Set(measured) == Set(shown) && measured.count == Set(measured).count && shown.count == Set(shown).count)
    }

    @Test("every figure is counted by exactly one module; migrations are numbered once each, from 1 without gaps")
    func countsAndMigrations() {
        let counted = Modules.all.flatMap(\.counts).map(\.key)
        #expect(Set(counted) == Set(CountKey.allCases) && counted.count == Set(counted).count)
        #expect(Migrations.all.map(\.version) == Array(1...Migrations.all.count))
    }
}

@Suite("Modules: each module's figures for a period")
struct ModuleCountsTests {
    @Test("a report, its investigation, a consent and a collaboration case with a held meeting are counted in their period and not outside it")
    func counts() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await ConcernStaff(f)
            let x = try await CollaborationServiceTests.setUp(f, s)
            _ = try await CollaborationServiceTests.consent(f, child: x.child, guardian: x.guardian, units: [f.schoolA, s.treatmentUnit], by: s.principalA)
            let (meetingID, _) = try requireOK(await x.service.bookMeeting(caseID: x.caseID, typeKey: "samverkansmote",
                                                                            CollaborationServiceTests.booking(f, s, on: f.today), by: f.origin(s.principalA)))
            _ = try requireOK(await x.service.closeMinutes(meetingID: meetingID, CollaborationServiceTests.minutes(f, s), by: f.origin(s.principalA)))
            let other = try await f.registerChild(Numbers.make(2016, 4, 4), "Liv", "Ek")
            _ = try await f.openInvestigation(child: other, s)

            let today = try await store.withConnection { db in try await Modules.counts(CountPeriod(from: f.today, to: f.today), db) }
            #expect(today[.childrenRegistered] == 2 && today[.consentsRecorded] == 1 && today[.collaborationCasesOpened] == 1 && today[.meetingsHeld] == 1)
            #expect(today[.reportsReceived] == 1 && today[.investigationsOpened] == 1 && today[.emergencyAccesses] == 0)
            #expect(Set(today.keys) == Set(CountKey.allCases))
            let before = try await store.withConnection { db in try await Modules.counts(CountPeriod(from: f.today.adding(days: -30), to: f.today.adding(days: -1)), db) }
            #expect(before.values.allSatisfy { $0 == 0 })
        }
    }
}
