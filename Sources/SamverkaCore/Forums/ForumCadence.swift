import Foundation

/// A forum below its number of meetings for a period: the clock on its chairs' work lists.
public struct ForumMeetingShortfall: Sendable, Hashable {
    public var forumID: RecordID
    public var forumName: String
    /// "2026", "läsåret 2026/27".
    public var periodName: String
    public var count: Int
    public var required: Int
    public var deadline: Deadline

    /// "3 av minst 5 möten 2026".
    public var text: String { "\(count) av minst \(required) möten \(periodName)" }
}

/// Seed 002 "minst fem gånger per år", seed 004 "tre sammankomster per läsår": the meetings
/// booked or held in the period count. While the period runs and the forum is below its
/// number, its chairs have a clock due on the period's last day; a period that ended below
/// it stays on their list, overdue, for the first month of the next.
public enum ForumCadence {
    /// How long an ended period's shortfall stays on the chairs' work lists.
    public static let endedPeriodShownDays = 31

    public static func shortfalls(_ forum: Forum, meetingDays: [SimpleDate], on today: SimpleDate) -> [ForumMeetingShortfall] {
        guard let required = forum.meetingsPerPeriod, required > 0 else { return [] }
        var result: [ForumMeetingShortfall] = []
        let current = forum.period.period(containing: today)
        let previous = forum.period.period(containing: current.first.adding(days: -1))
        for (period, shown) in [(previous, today <= previous.last.adding(days: endedPeriodShownDays)), (current, true)] where shown {
            let count = meetingDays.filter { $0 >= period.first && $0 <= period.last }.count
            guard count < required else { continue }
            result.append(ForumMeetingShortfall(forumID: forum.id, forumName: forum.name, periodName: forum.period.name(containing: period.first), count: count, required: required,
                                                deadline: Deadline(kind: .forumMeetings, startedOn: period.first, dueOn: period.last)))
        }
        return result
    }
}

extension ForumCadence {
    /// The meetings the forum's routine plans in the days `from`…`to`: its number per period
    /// (year or school year) for each of its periods the days cover, in proportion to the
    /// days covered, rounded to the nearest meeting (a whole year: the whole number).
    public static func planned(_ forum: Forum, from: SimpleDate, to: SimpleDate) -> Int {
        guard let required = forum.meetingsPerPeriod, required > 0, from <= to else { return 0 }
        var planned = 0.0
        var day = from
        while day <= to {
            let period = forum.period.period(containing: day)
            let last = min(period.last, to)
            let length = Double(period.first.days(until: period.last) + 1)
            planned += Double(required) * Double(day.days(until: last) + 1) / length
            day = last.adding(days: 1)
        }
        return Int(planned.rounded())
    }
}
