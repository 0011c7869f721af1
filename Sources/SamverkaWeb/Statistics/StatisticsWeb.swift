import SamverkaCore

/// The statistics' entry in the main menu: for those the policy gives some scope (unit
/// managers, heads of a side, the ledningsgrupp). An LSG chair who manages no unit reaches
/// the page by its address; the menu sees only the person's roles.
enum StatisticsWeb {
    static let navigation = [
        NavigationEntry(rank: 39, label: "Statistik", url: .statistics) { !StatisticsAccess.scopes($0, StatisticsFacts()).isEmpty },
    ]
}
