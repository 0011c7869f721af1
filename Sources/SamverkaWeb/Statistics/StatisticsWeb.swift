import SamverkaCore

/// The statistics' entry in the main menu: for those the policy gives some scope (unit
/// managers, heads of a side, the ledningsgrupp, the chairs of a local collaboration group
/// with an area, which the session reads).
enum StatisticsWeb {
    static let navigation = [
        NavigationEntry.withFacts(rank: 39, label: "Statistik", url: .statistics) { facts in
            StatisticsAccess.offersSome(facts.actor, chairsLocalGroupWithArea: facts.chairsLocalGroupWithArea)
        },
    ]
}
