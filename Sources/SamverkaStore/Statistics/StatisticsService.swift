import Foundation
import SQLKit
import SamverkaCore

/// How the statistics leave the page: shown, or downloaded. Each is audited as an export.
public enum StatisticsFormat: String, Sendable, CaseIterable {
    case page, csv, pdf
}

/// The statistics as the page, the CSV and the PDF show them, with the scopes the person may
/// choose between.
public struct StatisticsView: Sendable {
    public struct ScopeChoice: Sendable, Hashable {
        public let key: String
        public let label: String
    }
    public let report: StatisticsReport
    public let scope: StatisticsScope
    public let choices: [ScopeChoice]
    public let today: SimpleDate
}

/// The statistics page's reads: who may see which scope (the policy, through the audited
/// door), the figures from every module, the export row. Figures are counts and times only.
public struct StatisticsService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public static let notFound = AccessReason(code: "no-statistics", text: StatisticsMessages.noStatistics)

    /// The period defaults to this year so far; the scope to the widest the person may see.
    /// A scope the person may not see answers like one that does not exist.
    public func statistics(period: StatisticsPeriod?, scope requested: StatisticsScope?, format: StatisticsFormat, by origin: RequestOrigin) async throws -> Outcome<StatisticsView> {
        let now = clock.now()
        let today = Stockholm.date(of: now)
        let period = period ?? StatisticsPeriod(from: SimpleDate(year: today.year, month: 1, day: 1)!, to: today, label: "\(today.year) hittills")!
        let (units, areas, facts) = try await store.withConnection { db in
            let (units, facts) = try await Self.facts(origin.actor, db)
            return (units, try await OrganisationQueries.areas(db), facts)
        }
        let choices = StatisticsAccess.choices(origin.actor, facts, units: units, areas: areas)
        let scope = requested ?? choices.first?.scope ?? .municipality
        let names = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let label = choices.first { $0.scope == scope }?.label ?? scope.label(unitNames: names)
        let allowed = try await store.transaction { db in
            guard try await origin.decide(.viewStatistics(scope, facts), type: .statistics, record: scope.key, at: now, db).isAllowed else { return false }
            try await AuditQueries.append(origin.event(.export, type: .statistics, record: scope.key,
                                                       reason: StatisticsMessages.exported(format: format.rawValue, period: period.label, scope: label)), at: now, db)
            return true
        }
        guard allowed else { return .denied(Self.notFound) }
        let unitIDs: Set<RecordID>? = switch scope {
        case .municipality: nil
        case .side(let side): Set(units.filter { $0.side == side }.map(\.id))
        case .units(let ids): ids
        }
        let part = try await Modules.statistics(StatisticsQuery(period: period, unitIDs: unitIDs, now: now), store)
        return .ok(StatisticsView(report: StatisticsReport(period: period, scope: label, part, at: now), scope: scope,
                                  choices: choices.map { .init(key: $0.scope.key, label: $0.label) }, today: today))
    }

    /// For the operator's `/metrics`: per clock the page measures, how many are overdue now
    /// and how many still running, of the clocks started in the last two years, for the whole
    /// municipality: the same figures as the page's, without a person (counts only).
    public func clockGauges() async throws -> [(kind: ClockKind, overdue: Int, running: Int)] {
        let now = clock.now()
        let today = Stockholm.date(of: now)
        guard let period = StatisticsPeriod(from: today.adding(months: -24), to: today) else { return [] }
        let part = try await Modules.statistics(StatisticsQuery(period: period, unitIDs: nil, now: now), store)
        return StatisticsSection.allCases.flatMap(\.clocks).map { kind in
            let figures = ClockFigures(kind: kind, samples: part.clocks, at: now)
            return (kind, figures.overdue, figures.running)
        }
    }

    /// The units with their sides, and the units of the local collaboration groups the person
    /// chairs (their area).
    static func facts(_ actor: Actor, _ db: any SQLDatabase) async throws -> ([OrgUnit], StatisticsFacts) {
        let units = try await OrganisationQueries.units(db)
        let chaired = try await ForumQueries.forums(db).filter { $0.kind == .localCollaborationGroup && $0.isChair(actor.staffID) }
        // An LSG's area is its schools and preschools and the others of their areas: the IFO
        // members' units serve the whole municipality, so they are not the area's.
        let sides = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let schools = Set(chaired.flatMap { $0.members.compactMap(\.unitID) }).filter { sides[$0]?.side == .school }
        let areas = Set(schools.compactMap { sides[$0]?.areaID })
        let area = schools.union(units.filter { $0.side == .school && $0.areaID.map(areas.contains) == true }.map(\.id))
        return (units, StatisticsFacts(chairedAreaUnitIDs: area, unitSides: Dictionary(units.map { ($0.id, $0.side) }, uniquingKeysWith: { a, _ in a })))
    }
}
