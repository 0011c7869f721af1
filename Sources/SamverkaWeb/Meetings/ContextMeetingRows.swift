import SamverkaCore
import SamverkaStore

/// The meetings of a report or an investigation, as its page lists them (the page itself was
/// opened through the door and its read audited).
enum ContextMeetingRows {
    static func rows(_ meetings: [MeetingRecord]) -> [[String: Any]] {
        meetings.map { m in
            ["title": "\(m.type.name) \(m.schedule.whenText)", "link": SiteURL.meeting(.value(m.id)).path,
             "state": m.closedAt == nil ? "Bokat" : "Hållet, protokoll fastställt"]
        }
    }
}
