import Foundation
import Logging
import NIOCore
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

/// A value behind a lock, for what row callbacks collect.
final class Collected<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T] = []
    func append(_ item: T) { lock.withLock { items.append(item) } }
    var all: [T] { lock.withLock { items } }
}

/// Every statement a source runs, as SQL and binds, passed on to the real connection.
struct RecordingDatabase: SQLDatabase {
    let base: any SQLDatabase
    let statements = Collected<(sql: String, binds: [any Encodable & Sendable])>()

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        let (sql, binds) = base.serialize(query)
        statements.append((sql, binds))
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (sql, binds) = base.serialize(query)
        statements.append((sql, binds))
        try await base.execute(sql: query, onRow)
    }
}

/// The statistics page reads a year of the big tables (bench/README.md: under a second on the
/// full fill). What keeps it there is the indexes each read uses; a changed query that falls
/// back to reading a whole table would pass every figure test and be slow only in production.
/// SQLite's plans without statistics follow the indexes a query can use, so they are checked
/// there; PostgreSQL plans by table sizes, which a test database does not have.
@Suite("Statistics: the reads use their indexes")
struct StatisticsQueryPlanTests {
    /// Tables bounded by the organisation, not by its children and their records: reading
    /// them whole costs nothing.
    static let small: Set<String> = ["forums", "programme_enrolments", "programme_definitions", "units", "areas", "municipality"]

    @Test("no statistics source reads a whole table of records, for the municipality or for a unit", .enabled(if: TestDatabase.postgresURL == nil))
    func indexedReads() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let year = try #require(StatisticsPeriod.year(2026))
            let scans = Collected<String>()
            let explained = Collected<String>()
            for units in [nil, Set([f.schoolA])] as [Set<RecordID>?] {
                let query = StatisticsQuery(period: year, unitIDs: units, now: Fixture.start)
                for source in Modules.all.flatMap(\.statistics) {
                    try await store.withConnection { db in
                        let recording = RecordingDatabase(base: db)
                        _ = try await source.read(query, recording)
                        for statement in recording.statements.all {
                            explained.append(statement.sql)
                            let tables = Self.tables(statement.sql)
                            for line in try await Self.plan(statement.sql, statement.binds, db) {
                                if let table = Self.wholeRead(line, tables: tables), !Self.small.contains(table) {
                                    scans.append("\(table): \(line) in \(statement.sql.prefix(160))")
                                }
                            }
                        }
                    }
                }
            }
            #expect(explained.all.count > 20, "the sources ran \(explained.all.count) statements")
            #expect(scans.all.isEmpty, "\(scans.all.joined(separator: "\n"))")
        }
    }

    @Test("the plan reader knows a whole read from an indexed one, through the query's aliases")
    func readsPlans() {
        let tables = Self.tables("SELECT a.x FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id LEFT JOIN forums WHERE 1 = 1")
        #expect(tables == ["a": "meeting_actions", "meeting_actions": "meeting_actions", "m": "meetings", "meetings": "meetings", "forums": "forums"])
        #expect(Self.wholeRead("SCAN a", tables: tables) == "meeting_actions")
        #expect(Self.wholeRead("SCAN m USING COVERING INDEX meetings_context", tables: tables) == "meetings")
        #expect(Self.wholeRead("SEARCH a USING INDEX meeting_actions_due (due_on>? AND due_on<?)", tables: tables) == nil)
        #expect(Self.wholeRead("USE TEMP B-TREE FOR GROUP BY", tables: tables) == nil)
    }

    /// The tables a statement names after FROM and JOIN, by their aliases and names.
    static func tables(_ sql: String) -> [String: String] {
        let keywords: Set<String> = ["WHERE", "ON", "LEFT", "JOIN", "INNER", "GROUP", "ORDER", "LIMIT", "USING", "CROSS", "AND", "UNION"]
        let words = sql.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "(" || $0 == ")" }).map(String.init)
        var result: [String: String] = [:]
        for (i, word) in words.enumerated() where ["FROM", "JOIN"].contains(word.uppercased()) && i + 1 < words.count {
            let table = words[i + 1]
            guard table.allSatisfy({ $0.isLetter || $0 == "_" }), !keywords.contains(table.uppercased()), table.uppercased() != "SELECT" else { continue }
            result[table] = table
            var next = i + 2
            if next < words.count, words[next].uppercased() == "AS" { next += 1 }
            if next < words.count, !keywords.contains(words[next].uppercased()), words[next].allSatisfy({ $0.isLetter || $0 == "_" }) {
                result[words[next]] = table
            }
        }
        return result
    }

    /// The table a plan line reads whole: "SCAN x" or "SCAN x USING COVERING INDEX ..." (every
    /// entry of the index); "SEARCH" reads a range.
    static func wholeRead(_ line: String, tables: [String: String]) -> String? {
        let words = line.split(separator: " ").map(String.init)
        guard words.count >= 2, words[0] == "SCAN" else { return nil }
        return tables[words[1]] ?? words[1]
    }

    /// The plan's lines, read inside the row callback (the driver's rows live only there).
    static func plan(_ sql: String, _ binds: [any Encodable & Sendable], _ db: any SQLDatabase) async throws -> [String] {
        let lines = Collected<String>()
        try await db.execute(sql: Explained(sql: sql, binds: binds)) { row in
            if let detail = try? row.decode(column: "detail", as: String.self) { lines.append(detail) }
        }
        return lines.all
    }
}

/// `EXPLAIN QUERY PLAN` before a statement already serialized, with its binds.
private struct Explained: SQLExpression {
    let sql: String
    let binds: [any Encodable & Sendable]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("EXPLAIN QUERY PLAN " + sql)
        serializer.binds += binds
    }
}
