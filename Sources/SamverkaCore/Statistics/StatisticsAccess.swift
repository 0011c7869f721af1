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
