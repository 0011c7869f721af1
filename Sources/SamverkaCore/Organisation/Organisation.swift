/// Row identifiers are database integers.
public typealias RecordID = Int64

public struct Area: Sendable, Hashable, Codable {
    public var id: RecordID
    public var name: String
    public init(id: RecordID, name: String) {
        self.id = id
        self.name = name
    }
}

public struct OrgUnit: Sendable, Hashable, Codable {
    public var id: RecordID
    public var name: String
    public var kind: UnitKind
    public var areaID: RecordID?
    public var active: Bool
    public var side: Side { kind.side }

    public init(id: RecordID, name: String, kind: UnitKind, areaID: RecordID? = nil, active: Bool = true) {
        self.id = id
        self.name = name
        self.kind = kind
        self.areaID = areaID
        self.active = active
    }
}

/// One role held in one unit (or municipality-wide for joint roles).
public struct Assignment: Sendable, Hashable, Codable {
    public var role: Role
    public var unitID: RecordID?
    public var unitKind: UnitKind?
    /// For showing who is signed in ("Mentor/pedagog, Ekbackens skola").
    public var unitName: String?

    public init(role: Role, unitID: RecordID?, unitKind: UnitKind?, unitName: String? = nil) {
        self.role = role
        self.unitID = unitID
        self.unitKind = unitKind
        self.unitName = unitName
    }
}
