import Foundation

/// A wall-clock time in Stockholm, to the minute ("14:05"). Meetings are booked as a
/// Swedish date plus times of day; the calendar file carries them with TZID=Europe/Stockholm,
/// so no conversion to an instant is needed here.
///
/// Encodes as its text "HH:MM".
public struct TimeOfDay: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// "14:05" or "9:30"; also "14.05", as Swedes often write it.
    public init?(text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        let pieces = parts.count == 2 ? parts : text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 2, (1...2).contains(pieces[0].count), pieces[1].count == 2,
              pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(pieces[0]), let m = Int(pieces[1]) else { return nil }
        self.init(hour: h, minute: m)
    }

    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// "14:05".
    public var text: String { Self.pad(hour) + ":" + Self.pad(minute) }
    public var description: String { text }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutesSinceMidnight < rhs.minutesSinceMidnight }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = TimeOfDay(text: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a time (HH:MM): \(text)")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// A staff member as a case or an action names them: the id for work lists, the name as
/// it was when recorded (history shows who it was then).
public struct StaffRef: Sendable, Hashable, Codable {
    public var id: RecordID
    public var name: String

    public init(id: RecordID, name: String) {
        self.id = id
        self.name = name
    }
}

extension TimeOfDay {
    /// The Stockholm wall-clock time at `instant` (to the minute).
    public static func stockholm(at instant: Date) -> TimeOfDay {
        let local = StockholmOffsets.shared.localSeconds(instant)
        let second = Int(((local % 86_400) + 86_400) % 86_400)
        return TimeOfDay(hour: second / 3600, minute: second % 3600 / 60)!
    }
}
