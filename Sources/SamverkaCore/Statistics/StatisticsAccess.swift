/// What a statistics page counts over: the whole municipality, one side (school or social
/// services), or a set of units (one unit, or an LSG's area).
public enum StatisticsScope: Sendable, Hashable {
    case municipality
    case side(Side)
    case units(Set<RecordID>)
}

/// What the policy needs besides the person's roles: the units of the local collaboration
/// groups the person chairs (their area), and each unit's side.
public struct StatisticsFacts: Sendable, Hashable {
    public var chairedAreaUnitIDs: Set<RecordID>
    public var unitSides: [RecordID: Side]

    public init(chairedAreaUnitIDs: Set<RecordID> = [], unitSides: [RecordID: Side] = [:]) {
        self.chairedAreaUnitIDs = chairedAreaUnitIDs
        self.unitSides = unitSides
    }
}

/// Who sees which statistics (issue 20 item 5): unit managers (rektor, förskolechef, IFO
/// enhetschef) their units; the heads of a side (elevhälsochef; IFO-chef and biträdande
/// IFO-chef) that side; the ledningsgrupp the whole municipality; an LSG's chairs their
/// area. Figures are counts and times only, so seeing them is not seeing a child; a teacher
/// or a case officer sees none.
public enum StatisticsAccess {
    /// The units the person manages.
    public static func managedUnits(_ actor: Actor) -> Set<RecordID> {
        Set(actor.assignments.filter { $0.role.managesUnit }.compactMap(\.unitID))
    }

    /// The sides the person heads.
    public static func headedSides(_ actor: Actor) -> Set<Side> {
        var sides = Set<Side>()
        if actor.holds(.studentHealthHead) { sides.insert(.school) }
        if actor.holds(.ifoHead) || actor.holds(.deputyIfoHead) { sides.insert(.social) }
        return sides
    }

    /// The widest scopes the person may choose, widest first (the page's choices).
    public static func scopes(_ actor: Actor, _ facts: StatisticsFacts) -> [StatisticsScope] {
        var scopes: [StatisticsScope] = []
        if actor.holds(.managementGroupMember) { scopes.append(.municipality) }
        scopes += headedSides(actor).sorted { $0.rawValue < $1.rawValue }.map { .side($0) }
        if !facts.chairedAreaUnitIDs.isEmpty { scopes.append(.units(facts.chairedAreaUnitIDs)) }
        for unit in managedUnits(actor).sorted() { scopes.append(.units([unit])) }
        return scopes.filter { decide(actor, $0, facts).isAllowed }
    }

    /// The menu's question, with what the session read instead of the area itself: whether
    /// the person chairs a local collaboration group with a school or preschool among its
    /// members (a group without one has an empty area and offers nothing). The area's units
    /// are not known to the menu, only that there are some, so a stand-in unit asks `scopes`
    /// the same rule the page asks with the real ones.
    public static func offersSome(_ actor: Actor, chairsLocalGroupWithArea: Bool) -> Bool {
        !scopes(actor, StatisticsFacts(chairedAreaUnitIDs: chairsLocalGroupWithArea ? [standInAreaUnit] : [])).isEmpty
    }

    private static let standInAreaUnit: RecordID = -1

    /// The policy's part (`AccessPolicy.decide` asks it for `.viewStatistics`).
    static func decide(_ actor: Actor, _ request: AccessRequest) -> AccessDecision? {
        guard case .viewStatistics(let scope, let facts) = request else { return nil }
        return decide(actor, scope, facts)
    }

    public static func decide(_ actor: Actor, _ scope: StatisticsScope, _ facts: StatisticsFacts) -> AccessDecision {
        guard actor.active else { return .deny(.init(code: "inactive", text: "Kontot är avaktiverat.")) }
        let wholeMunicipality = actor.holds(.managementGroupMember)
        switch scope {
        case .municipality:
            if wholeMunicipality { return .allow(.init(code: "management-group", text: "Ledningsgruppen: hela kommunen")) }
        case .side(let side):
            if wholeMunicipality { return .allow(.init(code: "management-group", text: "Ledningsgruppen: hela kommunen")) }
            if headedSides(actor).contains(side) { return .allow(.init(code: "head-of-side", text: "Chef för \(side.label.lowercased())")) }
        case .units(let units):
            guard !units.isEmpty else { break }
            if wholeMunicipality { return .allow(.init(code: "management-group", text: "Ledningsgruppen: hela kommunen")) }
            let sides = headedSides(actor)
            let own = managedUnits(actor).union(facts.chairedAreaUnitIDs)
            if units.allSatisfy({ own.contains($0) || facts.unitSides[$0].map(sides.contains) == true }) {
                return .allow(.init(code: "own-units", text: "Dina enheter och ditt område"))
            }
        }
        return .deny(.init(code: "no-statistics", text: "Statistiken visas för chefer, ledningsgruppen och de lokala samverkansgruppernas ordförande."))
    }
}

extension StatisticsScope {
    /// The scope in a link: "kommun", "skola", "socialtjanst", "enheter-3-7".
    public var key: String {
        switch self {
        case .municipality: "kommun"
        case .side(.school): "skola"
        case .side(.social): "socialtjanst"
        case .side(.joint): "gemensamt"
        case .units(let ids): "enheter-" + ids.sorted().map(String.init).joined(separator: "-")
        }
    }

    public init?(key: String) {
        switch key {
        case "kommun": self = .municipality
        case "skola": self = .side(.school)
        case "socialtjanst": self = .side(.social)
        case "gemensamt": self = .side(.joint)
        default:
            guard key.hasPrefix("enheter-") else { return nil }
            let ids = key.dropFirst("enheter-".count).split(separator: "-").compactMap { RecordID(String($0)) }
            guard !ids.isEmpty, ids.count < 200 else { return nil }
            self = .units(Set(ids))
        }
    }

    /// The scope in words; units by their names.
    public func label(unitNames: [RecordID: String]) -> String {
        switch self {
        case .municipality: return "Hela kommunen"
        case .side(let side): return side.label
        case .units(let ids):
            let names = ids.compactMap { unitNames[$0] }.sorted()
            return names.isEmpty ? "Enheter" : names.joined(separator: ", ")
        }
    }
}

extension StatisticsPeriod {
    /// The period in a link: "2026" (a year), "2026-vt"/"2026-ht" (a term), "2026-03" (a
    /// month), "2026-01-05_2026-02-10" (any days).
    public var key: String {
        if self == StatisticsPeriod.year(from.year) { return String(from.year) }
        if self == StatisticsPeriod.term(from.year, spring: true) { return "\(from.year)-vt" }
        if self == StatisticsPeriod.term(from.year, spring: false) { return "\(from.year)-ht" }
        if self == StatisticsPeriod.month(from.year, from.month) { return monthKey }
        return "\(from.iso)_\(to.iso)"
    }

    public init?(key: String) {
        let parts = key.split(separator: "-").map(String.init)
        if parts.count == 1, let year = Int(parts[0]), (2000...2100).contains(year), let p = StatisticsPeriod.year(year) { self = p; return }
        if parts.count == 2, let year = Int(parts[0]), (2000...2100).contains(year) {
            if parts[1] == "vt" || parts[1] == "ht", let p = StatisticsPeriod.term(year, spring: parts[1] == "vt") { self = p; return }
            if let month = Int(parts[1]), (1...12).contains(month), let p = StatisticsPeriod.month(year, month) { self = p; return }
        }
        let days = key.split(separator: "_").map(String.init)
        if days.count == 2, let from = SimpleDate(iso: days[0]), let to = SimpleDate(iso: days[1]), from.days(until: to) <= 3 * 366,
           let p = StatisticsPeriod(from: from, to: to) { self = p; return }
        return nil
    }
}

/// A scope the page offers, with its words.
public struct StatisticsChoice: Sendable, Hashable {
    public let scope: StatisticsScope
    public let label: String
}

extension StatisticsAccess {
    /// What the page offers: the widest scopes first, then each area and each unit within
    /// them (per unit and area, issue 20 item 1), every one of them allowed by `decide`.
    public static func choices(_ actor: Actor, _ facts: StatisticsFacts, units: [OrgUnit], areas: [Area]) -> [StatisticsChoice] {
        let names = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var result: [StatisticsChoice] = []
        func add(_ scope: StatisticsScope, _ label: String) {
            guard decide(actor, scope, facts).isAllowed, !result.contains(where: { $0.scope == scope }) else { return }
            result.append(StatisticsChoice(scope: scope, label: label))
        }
        for scope in scopes(actor, facts) {
            let label = scope == .units(facts.chairedAreaUnitIDs) && !facts.chairedAreaUnitIDs.isEmpty
                ? "Samverkansgruppens område: " + scope.label(unitNames: names) : scope.label(unitNames: names)
            add(scope, label)
        }
        for area in areas.sorted(by: { $0.name < $1.name }) {
            let ids = Set(units.filter { $0.areaID == area.id && $0.active }.map(\.id))
            if !ids.isEmpty { add(.units(ids), "Område \(area.name)") }
        }
        for unit in units.filter(\.active).sorted(by: { $0.name < $1.name }) { add(.units([unit.id]), unit.name) }
        return result
    }
}
