import Testing
@testable import SamverkaCore

@Suite("Statistics: who sees which figures")
struct StatisticsAccessTests {
    static func actor(_ assignments: [(Role, RecordID?)]) -> Actor {
        Actor(staffID: 1, displayName: "P", active: true, assignments: assignments.map { Assignment(role: $0.0, unitID: $0.1, unitKind: nil) })
    }

    static let sides: [RecordID: Side] = [1: .school, 2: .school, 3: .social, 4: .social]
    static let facts = StatisticsFacts(unitSides: sides)

    @Test("a teacher and a case officer see no statistics; a rektor sees their unit only")
    func unitLevel() {
        for nobody in [Self.actor([(.teacher, 1)]), Self.actor([(.caseOfficer, 3)])] {
            #expect(StatisticsAccess.scopes(nobody, Self.facts).isEmpty)
            #expect(!StatisticsAccess.decide(nobody, .units([1]), Self.facts).isAllowed)
        }
        let rektor = Self.actor([(.principal, 1)])
        #expect(StatisticsAccess.scopes(rektor, Self.facts) == [.units([1])])
        #expect(!StatisticsAccess.decide(rektor, .units([1, 2]), Self.facts).isAllowed)
        #expect(!StatisticsAccess.decide(rektor, .side(.school), Self.facts).isAllowed)
        #expect(!StatisticsAccess.decide(rektor, .municipality, Self.facts).isAllowed)
    }

    @Test("heads see their side and its units; the ledningsgrupp the municipality; an LSG chair their area")
    func wider() {
        let elevhalsochef = Self.actor([(.studentHealthHead, nil)])
        #expect(StatisticsAccess.scopes(elevhalsochef, Self.facts) == [.side(.school)])
        #expect(StatisticsAccess.decide(elevhalsochef, .units([1, 2]), Self.facts).isAllowed)
        #expect(!StatisticsAccess.decide(elevhalsochef, .units([3]), Self.facts).isAllowed)
        let ifochef = Self.actor([(.ifoHead, nil), (.managementGroupMember, nil)])
        #expect(StatisticsAccess.scopes(ifochef, Self.facts).first == .municipality)
        let chair = Self.actor([(.principal, 1), (.localCollaborationGroupMember, nil)])
        let area = StatisticsFacts(chairedAreaUnitIDs: [1, 2, 3], unitSides: Self.sides)
        #expect(StatisticsAccess.scopes(chair, area) == [.units([1, 2, 3]), .units([1])])
        #expect(!StatisticsAccess.decide(chair, .units([4]), area).isAllowed)
    }

    @Test("the menu offers statistics to a chair of a local group with an area, whatever their roles; not to a deactivated one")
    func menu() {
        let counsellor = Self.actor([(.schoolCounsellor, 1)])
        #expect(!StatisticsAccess.offersSome(counsellor, chairsLocalGroupWithArea: false))
        #expect(StatisticsAccess.offersSome(counsellor, chairsLocalGroupWithArea: true))
        #expect(StatisticsAccess.offersSome(Self.actor([(.principal, 1)]), chairsLocalGroupWithArea: false))
        var gone = counsellor
        gone.active = false
        #expect(!StatisticsAccess.offersSome(gone, chairsLocalGroupWithArea: true))
    }

    @Test("the page offers the widest scope first, then each area and each unit the person may see, and nothing else")
    func choices() {
        let units = [OrgUnit(id: 1, name: "Ekbacken", kind: .school, areaID: 10), OrgUnit(id: 2, name: "Strand", kind: .school, areaID: 11),
                     OrgUnit(id: 3, name: "IFO Mottagning", kind: .ifoIntake), OrgUnit(id: 4, name: "IFO Utredning", kind: .ifoInvestigation),
                     OrgUnit(id: 5, name: "Solrosen", kind: .preschool, areaID: 10)]
        let facts = StatisticsFacts(unitSides: Self.sides.merging([5: .school]) { a, _ in a })
        let areas = [Area(id: 10, name: "Norra"), Area(id: 11, name: "Södra")]
        let head = StatisticsAccess.choices(Self.actor([(.studentHealthHead, nil)]), facts, units: units, areas: areas).map(\.label)
        // Södra is Strand alone: offered once, as the area.
        #expect(head == ["Förskola/skola", "Område Norra", "Område Södra", "Ekbacken", "Solrosen"])
        let whole = StatisticsAccess.choices(Self.actor([(.managementGroupMember, nil)]), facts, units: units, areas: areas).map(\.label)
        #expect(whole.first == "Hela kommunen" && whole.contains("IFO Utredning") && whole.contains("Område Södra"))
        #expect(StatisticsAccess.choices(Self.actor([(.principal, 2)]), facts, units: units, areas: areas).map(\.label) == ["Strand"])
        #expect(StatisticsAccess.choices(Self.actor([(.teacher, 1)]), facts, units: units, areas: areas).isEmpty)
    }
}
