import Foundation
import SQLKit
import SamverkaCore

enum DirectoryQueries {
    static func entries(includeRetired: Bool, _ db: any SQLDatabase) async throws -> [HelpEntry] {
        let filter: SQLQueryString = includeRetired ? "" : " WHERE retired = 0"
        return try await db.raw("SELECT id, name, offers, age_from, age_to, contact, link, retired FROM help_entries\(filter) ORDER BY retired, sort_order, id").all().map { row in
            HelpEntry(id: try row.int64("id"), name: try row.string("name"), offers: try row.string("offers"),
                      ageFrom: try row.optionalInt64("age_from").map(Int.init), ageTo: try row.optionalInt64("age_to").map(Int.init),
                      contact: try row.string("contact"), link: try row.optionalString("link"), retired: try row.flag("retired"))
        }
    }

    static func insert(_ e: HelpEntry, by actor: Actor, now: Date, _ db: any SQLDatabase) async throws -> RecordID {
        let next = try await db.raw("SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM help_entries").first().map { try $0.int64("n") } ?? 1
        return try await db.insertReturningID("""
            INSERT INTO help_entries (name, offers, age_from, age_to, contact, link, retired, sort_order, updated_at, updated_by)
            VALUES (\(bind: e.name), \(bind: e.offers), \(bind: e.ageFrom), \(bind: e.ageTo), \(bind: e.contact), \(bind: e.link), \(bind: e.retired.flag), \(bind: next),
              \(bind: now.epochSeconds), \(bind: actor.staffID))
            """)
    }

    static func update(_ e: HelpEntry, by actor: Actor, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE help_entries SET name = \(bind: e.name), offers = \(bind: e.offers), age_from = \(bind: e.ageFrom), age_to = \(bind: e.ageTo), contact = \(bind: e.contact),
              link = \(bind: e.link), retired = \(bind: e.retired.flag), updated_at = \(bind: now.epochSeconds), updated_by = \(bind: actor.staffID)
            WHERE id = \(bind: e.id)
            """).run()
    }

    static func responsibilities(_ db: any SQLDatabase) async throws -> [Responsibility] {
        try await db.raw("SELECT responsibility_key, routine, administration, responsible, ensures FROM responsibilities ORDER BY sort_order").all().compactMap { row in
            guard let routine = ResponsibilityRoutine(rawValue: try row.string("routine")) else { return nil }
            return Responsibility(key: try row.string("responsibility_key"), routine: routine, administration: try row.string("administration"),
                                  responsible: try row.string("responsible"), ensures: try row.string("ensures").split(separator: "\n").map(String.init))
        }
    }

    static func updateResponsibility(key: String, responsible: String, ensures: [String], by actor: Actor, now: Date, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE responsibilities SET responsible = \(bind: responsible), ensures = \(bind: ensures.joined(separator: "\n")), updated_at = \(bind: now.epochSeconds), updated_by = \(bind: actor.staffID)
            WHERE responsibility_key = \(bind: key)
            """).run()
    }
}

/// The directory of external help and the routines' responsibilities: staff read them, the
/// administrator keeps them; every change audited in its transaction.
public struct DirectoryService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public static let notFound = AccessReason(code: "not-found", text: StudentHealthMessages.notFound)

    /// The entries in use (the administrator also sees the retired ones).
    public func entries(includeRetired: Bool = false) async throws -> [HelpEntry] {
        try await store.withConnection { db in try await DirectoryQueries.entries(includeRetired: includeRetired, db) }
    }

    public func responsibilities() async throws -> [Responsibility] {
        try await store.withConnection { db in try await DirectoryQueries.responsibilities(db) }
    }

    /// Adds (`id` nil) or changes an entry; retiring is a change.
    public func save(id: RecordID?, _ input: HelpEntryInput, by origin: RequestOrigin) async throws -> Outcome<RecordID> {
        let now = clock.now()
        return try await store.transaction { db in
            guard try await origin.decide(.manageOrganisation, type: .helpEntry, record: id.map(String.init), at: now, db).isAllowed else { return .denied(Self.notFound) }
            if let id, try await DirectoryQueries.entries(includeRetired: true, db).contains(where: { $0.id == id }) == false { return .denied(Self.notFound) }
            switch HelpEntryRules.validate(input, id: id ?? 0) {
            case .failure(let errors): return .invalid(errors)
            case .success(let entry):
                if let id {
                    try await DirectoryQueries.update(entry, by: origin.actor, now: now, db)
                    try await AuditQueries.append(origin.event(.update, type: .helpEntry, record: String(id), reason: DirectoryAuditReasons.entryUpdated(entry.name, retired: entry.retired)), at: now, db)
                    return .ok(id)
                }
                let newID = try await DirectoryQueries.insert(entry, by: origin.actor, now: now, db)
                try await AuditQueries.append(origin.event(.create, type: .helpEntry, record: String(newID), reason: DirectoryAuditReasons.entryCreated(entry.name)), at: now, db)
                return .ok(newID)
            }
        }
    }

    /// The municipality's own words for one side's responsibility in a routine.
    public func saveResponsibility(key: String, responsible: String, ensures: String, by origin: RequestOrigin) async throws -> Outcome<Void> {
        let now = clock.now()
        return try await store.transaction { db in
            guard try await origin.decide(.manageOrganisation, type: .responsibility, record: key, at: now, db).isAllowed,
                  let current = try await DirectoryQueries.responsibilities(db).first(where: { $0.key == key }) else { return .denied(Self.notFound) }
            switch ResponsibilityRules.validate(responsible: responsible, ensures: ensures) {
            case .failure(let errors): return .invalid(errors)
            case .success(let (who, points)):
                try await DirectoryQueries.updateResponsibility(key: key, responsible: who, ensures: points, by: origin.actor, now: now, db)
                try await AuditQueries.append(origin.event(.update, type: .responsibility, record: key, reason: DirectoryAuditReasons.responsibilityUpdated(current.routine.title, responsible: who)), at: now, db)
                return .ok(())
            }
        }
    }
}
