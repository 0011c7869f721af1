import Foundation

/// One calendar event, as plain values: nothing here reads a clock or a time zone database.
public struct ICalendarEvent: Sendable, Hashable {
    /// Globally unique and stable for the meeting and recipient, so a re-sent invitation
    /// updates the event instead of adding another ("samverka-meeting-12-p-3@kommun.se").
    public var uid: String
    /// When the file was made (DTSTAMP, written in UTC). Passed in.
    public var stamp: Date
    public var date: SimpleDate
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var summary: String
    public var location: String?
    public var description: String?
    /// An https link (the video meeting).
    public var url: String?
    /// Raised when the meeting is changed and the invitation sent again.
    public var sequence: Int

    public init(uid: String, stamp: Date, date: SimpleDate, start: TimeOfDay, end: TimeOfDay, summary: String, location: String? = nil, description: String? = nil, url: String? = nil, sequence: Int = 0) {
        self.uid = uid
        self.stamp = stamp
        self.date = date
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.description = description
        self.url = url
        self.sequence = sequence
    }
}

/// An RFC 5545 calendar file with one event in Europe/Stockholm time. Lines end in CRLF and
/// are folded at 75 octets without splitting a UTF-8 character; text is escaped.
public enum ICalendar {
    public static let productID = "-//Samverka//Samverka//SV"
    public static let timeZoneID = "Europe/Stockholm"
    public static let mediaType = "text/calendar; charset=utf-8"

    /// The whole file, ready to serve as text/calendar.
    public static func document(_ event: ICalendarEvent) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:\(productID)",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        lines += stockholmTimeZone
        lines += [
            "BEGIN:VEVENT",
            "UID:\(escapeText(event.uid))",
            "DTSTAMP:\(utcStamp(event.stamp))",
            "DTSTART;TZID=\(timeZoneID):\(localStamp(event.date, event.start))",
            // An end not after the start (booking refuses it) becomes an hour, still valid.
            event.end > event.start ? "DTEND;TZID=\(timeZoneID):\(localStamp(event.date, event.end))" : "DURATION:PT1H",
            "SEQUENCE:\(max(0, event.sequence))",
            "SUMMARY:\(escapeText(event.summary))",
        ]
        if let location = event.location, !location.isEmpty { lines.append("LOCATION:\(escapeText(location))") }
        if let description = event.description, !description.isEmpty { lines.append("DESCRIPTION:\(escapeText(description))") }
        if let url = event.url, isSafeURI(url) { lines.append("URL:\(url)") }
        lines += ["STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
        return lines.map(fold).map { $0 + "\r\n" }.joined()
    }

    /// Europe/Stockholm since 1996: CET (+01:00) in winter, CEST (+02:00) from the last Sunday
    /// of March 02:00 to the last Sunday of October 03:00 (EU rules).
    public static let stockholmTimeZone: [String] = [
        "BEGIN:VTIMEZONE",
        "TZID:\(timeZoneID)",
        "X-LIC-LOCATION:\(timeZoneID)",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as
    /// "\n". Other control characters are not allowed in TEXT and are dropped (tab becomes a
    /// space). The text is composed (NFC) first: a name typed decomposed ("e" + combining
    /// marks) then reads the same as the stored precomposed one in calendars that search or
    /// compare, and folding has fewer combining marks to keep with their letters.
    public static func escapeText(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out += " "
            case "\u{2028}", "\u{2029}": out += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds one content line (without its CRLF) so that no physical line exceeds 75 octets:
    /// continuation lines start with a space. Folds fall between characters (grapheme
    /// clusters), so neither a UTF-8 sequence nor a letter and its combining accents are ever
    /// split; only a cluster too long for a line of its own is split, between code points.
    public static func fold(_ line: String) -> String {
        var result = ""
        var current = 0
        func append(_ text: String, size: Int) {
            if current + size > 75 {
                result += "\r\n "
                current = 1
            }
            result += text
            current += size
        }
        for character in line {
            let size = character.utf8.count
            if size <= 74 {
                append(String(character), size: size)
            } else {
                for scalar in character.unicodeScalars { append(String(scalar), size: String(scalar).utf8.count) }
            }
        }
        return result
    }

    /// "20261123T130500Z".
    public static func utcStamp(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        let date = SimpleDate(dayNumber: days) ?? SimpleDate(year: 1970, month: 1, day: 1)!
        return compact(date) + "T" + TimeOfDay.pad(rest / 3600) + TimeOfDay.pad(rest % 3600 / 60) + TimeOfDay.pad(rest % 60) + "Z"
    }

    /// "20261203T130000" (local time; the TZID parameter says whose).
    public static func localStamp(_ date: SimpleDate, _ time: TimeOfDay) -> String {
        compact(date) + "T" + TimeOfDay.pad(time.hour) + TimeOfDay.pad(time.minute) + "00"
    }

    private static func compact(_ date: SimpleDate) -> String { date.iso.replacingOccurrences(of: "-", with: "") }

    /// A URI value is not escaped, so only plain https links without spaces or controls pass.
    private static func isSafeURI(_ text: String) -> Bool {
        text.lowercased().hasPrefix("https://") && text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "\"" }
    }
}
