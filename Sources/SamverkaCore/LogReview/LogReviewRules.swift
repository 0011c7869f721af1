import Foundation

/// Automatic flags over the accesses of a period (issue 4 point 5). Pure: the store
/// gathers the entries and the case connections, this decides what is unusual.
public enum LogReviewRules {
    /// Office hours in Stockholm, Monday to Friday. Accesses outside them are flagged.
    public struct WorkingHours: Sendable, Hashable {
        public var startHour: Int
        public var endHour: Int
        public init(startHour: Int = 7, endHour: Int = 18) {
            self.startHour = startHour
            self.endHour = endHour
        }

        public func contains(_ instant: Date) -> Bool {
            let parts = Stockholm.calendar.dateComponents([.weekday, .hour], from: instant)
            // Gregorian weekday: 1 is Sunday, 7 is Saturday.
            guard let weekday = parts.weekday, let hour = parts.hour, (2...6).contains(weekday) else { return false }
            return hour >= startHour && hour < endHour
        }
    }

    /// "Many children in a short time": this many different children within the window.
    public struct Burst: Sendable, Hashable {
        public var children: Int
        public var window: TimeInterval
        public init(children: Int = 20, window: TimeInterval = 3600) {
            self.children = children
            self.window = window
        }
    }

    /// One flag per person and day for accesses outside working hours: the day's first.
    /// One per child would give a reviewer hundreds of flags for one evening's work, one
    /// verdict each; the day's flag points to the person's log of that day instead.
    public static func outOfHours(_ entries: [ChildAccessEntry], hours: WorkingHours = .init()) -> [FlagCandidate] {
        var seen = Set<String>()
        return entries.sorted(by: chronological).compactMap { entry in
            guard !hours.contains(entry.at) else { return nil }
            let key = "hours:\(entry.staffID):\(Stockholm.date(of: entry.at).iso)"
            guard seen.insert(key).inserted else { return nil }
            return FlagCandidate(kind: .outOfHours, staffID: entry.staffID, staffName: entry.staffName, childID: entry.childID, at: entry.at,
                                 detail: outOfHoursDetailStart + Stockholm.format(entry.at) + outOfHoursDetailEnd(hours),
                                 key: key, auditID: entry.auditID)
        }
    }

    /// The out-of-hours flag's words around the time (the scan's SQL writes the same).
    public static let outOfHoursDetailStart = "Första åtkomsten utanför arbetstid den dagen: "
    public static func outOfHoursDetailEnd(_ hours: WorkingHours) -> String {
        " (arbetstid vardagar \(hours.startHour)–\(hours.endHour)). Dagens alla åtkomster finns i loggen."
    }

    /// One flag per person and day when they opened `burst.children` different children
    /// within `burst.window`: a sign of browsing rather than casework.
    public static func manyChildren(_ entries: [ChildAccessEntry], burst: Burst = .init()) -> [FlagCandidate] {
        var flags: [FlagCandidate] = []
        let byStaff = Dictionary(grouping: entries, by: \.staffID)
        for staffID in byStaff.keys.sorted() {
            let mine = byStaff[staffID]!.sorted(by: chronological)
            var flaggedDays = Set<String>()
            var start = 0
            var counts: [RecordID: Int] = [:]
            for end in mine.indices {
                counts[mine[end].childID, default: 0] += 1
                while mine[end].at.timeIntervalSince(mine[start].at) > burst.window {
                    let child = mine[start].childID
                    counts[child]! -= 1
                    if counts[child] == 0 { counts[child] = nil }
                    start += 1
                }
                guard counts.count >= burst.children else { continue }
                let day = Stockholm.date(of: mine[start].at).iso
                guard flaggedDays.insert(day).inserted else { continue }
                let minutes = Int(burst.window / 60)
                flags.append(FlagCandidate(
                    kind: .manyChildren, staffID: staffID, staffName: mine[end].staffName, childID: nil, at: mine[start].at,
                    detail: "Öppnade \(counts.count) olika barn inom \(minutes) minuter (\(Stockholm.format(mine[start].at))–\(Stockholm.format(mine[end].at))).",
                    key: "many:\(staffID):\(day)", auditID: mine[start].auditID))
            }
        }
        return flags
    }

    /// A person and a child, for the "no case of theirs" check.
    public struct Pair: Sendable, Hashable {
        public var staffID: RecordID
        public var childID: RecordID
        public init(staffID: RecordID, childID: RecordID) {
            self.staffID = staffID
            self.childID = childID
        }
    }

    /// One flag per person, child and day when the person has no connection to the child:
    /// not enrolled in their school unit, not their investigation or report, not a consent
    /// party, not a unit they manage. `connected` holds the pairs that do have one.
    public static func noCase(_ entries: [ChildAccessEntry], connected: Set<Pair>) -> [FlagCandidate] {
        var seen = Set<String>()
        return entries.sorted(by: chronological).compactMap { entry in
            guard !connected.contains(Pair(staffID: entry.staffID, childID: entry.childID)) else { return nil }
            let key = "nocase:\(entry.staffID):\(entry.childID):\(Stockholm.date(of: entry.at).iso)"
            guard seen.insert(key).inserted else { return nil }
            return FlagCandidate(kind: .noCase, staffID: entry.staffID, staffName: entry.staffName, childID: entry.childID, at: entry.at,
                                 detail: LogReviewMessages.noCaseDetail,
                                 key: key, auditID: entry.auditID)
        }
    }

    /// The regular sample: up to `perUnit` random accesses per unit in `period`
    /// (e.g. "2026-11"). The generator is passed in so the draw can be tested.
    public static func sample<G: RandomNumberGenerator>(_ entries: [ChildAccessEntry], perUnit: Int, period: String, using generator: inout G) -> [FlagCandidate] {
        let byUnit = Dictionary(grouping: entries, by: { $0.unitID ?? 0 })
        var flags: [FlagCandidate] = []
        for unit in byUnit.keys.sorted() {
            // Sorted before shuffling, so the same generator gives the same draw.
            let picked = byUnit[unit]!.sorted { $0.auditID < $1.auditID }.shuffled(using: &generator).prefix(max(0, perUnit))
            for entry in picked.sorted(by: chronological) {
                flags.append(FlagCandidate(kind: .sample, staffID: entry.staffID, staffName: entry.staffName, childID: entry.childID, at: entry.at,
                                           detail: "Stickprov \(period): åtkomst \(Stockholm.format(entry.at)).",
                                           key: "sample:\(period):\(entry.auditID)", auditID: entry.auditID))
            }
        }
        return flags
    }

    private static func chronological(_ a: ChildAccessEntry, _ b: ChildAccessEntry) -> Bool {
        a.at == b.at ? a.auditID < b.auditID : a.at < b.at
    }
}

/// SplitMix64: a small seeded generator, so a sample can be drawn from a seed the caller
/// picks at random (and tests can repeat).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
