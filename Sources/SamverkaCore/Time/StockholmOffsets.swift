import Foundation

/// Stockholm's offsets from UTC, read once from the system's time zone database: every change
/// (summer time starting or ending) from 1970 to 2100 and the offset in force from it. Turning
/// an instant into a Swedish date or time is then a binary search and integer arithmetic;
/// `Calendar.dateComponents` took microseconds, and the intake queue and work lists turn
/// hundreds of instants into dates per page. Instants outside the table ask `TimeZone`.
struct StockholmOffsets: Sendable {
    static let shared = StockholmOffsets(timeZone: Stockholm.timeZone)

    /// The instants (seconds since 1970) at which the offset changes, ascending.
    let changes: [Int64]
    /// `offsets[i]` is in force from `changes[i]`; `offsets[0]` before the first change.
    let offsets: [Int]
    let timeZone: TimeZone
    /// The table covers 1970-01-01 up to 2101-01-01 (UTC).
    static let first: Int64 = 0
    static let last: Int64 = 4_133_980_800

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var changes: [Int64] = []
        var offsets = [timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: 0))]
        var cursor = Date(timeIntervalSince1970: 0)
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next.timeIntervalSince1970 < Double(Self.last), next > cursor {
            changes.append(Int64(next.timeIntervalSince1970.rounded(.down)))
            offsets.append(timeZone.secondsFromGMT(for: next))
            cursor = next
        }
        self.changes = changes
        self.offsets = offsets
    }

    /// Seconds to add to UTC for Stockholm's wall clock at `seconds` since 1970.
    func offset(at seconds: Int64) -> Int {
        guard seconds >= Self.first, seconds < Self.last else { return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))) }
        // The number of changes at or before `seconds` is the index of the offset in force.
        var low = 0, high = changes.count
        while low < high {
            let mid = (low + high) / 2
            if changes[mid] <= seconds { low = mid + 1 } else { high = mid }
        }
        return offsets[low]
    }

    /// Stockholm wall-clock seconds since 1970-01-01 00:00 (local) at `instant`.
    func localSeconds(_ instant: Date) -> Int64 {
        let utc = Int64(instant.timeIntervalSince1970.rounded(.down))
        return utc + Int64(offset(at: utc))
    }

    /// The instant whose Stockholm wall clock reads `local` (local seconds since 1970). For
    /// midnights, the only use: Stockholm changes its clocks at 02:00 and 03:00, never
    /// across midnight, so the wall clock time exists once.
    func instant(local: Int64) -> Date {
        // A first guess with the offset an hour earlier, then the offset in force at the guess.
        let guess = local - Int64(offset(at: local - 3600))
        return Date(timeIntervalSince1970: Double(local - Int64(offset(at: guess))))
    }
}

extension Stockholm {
    /// The stretches of UTC seconds in `range` with one offset each: where a database turns
    /// epoch seconds into Stockholm days itself (the statistics group clocks by day), it adds
    /// the offset of the stretch an instant falls in.
    public static func offsetStretches(_ range: Range<Int64>) -> [(from: Int64, to: Int64, offset: Int)] {
        let table = StockholmOffsets.shared
        var result: [(from: Int64, to: Int64, offset: Int)] = []
        var start = range.lowerBound
        for change in table.changes where change > range.lowerBound && change < range.upperBound {
            result.append((start, change, table.offset(at: start)))
            start = change
        }
        result.append((start, range.upperBound, table.offset(at: start)))
        return result
    }
}
