import Foundation

/// Whether staff talked with the child before the meeting (to bring the child's view to it)
/// or after it (to tell the child what was decided). Raw values are stored.
public enum ChildTalkTiming: String, Sendable, Hashable, Codable, CaseIterable {
    case before
    case after

    public var label: String {
        switch self {
        case .before: "Före mötet"
        case .after: "Efter mötet"
        }
    }
}

/// A talk with the child around a meeting (Trampolinen: the child normally does not attend,
/// so staff talk with the child before and after; seed 000, DOMAIN §3.4 and §4).
public struct ChildTalk: Sendable, Hashable {
    public var childID: RecordID
    public var timing: ChildTalkTiming
    /// Who talked with the child, as typed ("Lisa Lind, skolsocionom").
    public var talkedBy: String
    public var talkedOn: SimpleDate
    /// The child's view, in short.
    public var childView: String

    public init(childID: RecordID, timing: ChildTalkTiming, talkedBy: String, talkedOn: SimpleDate, childView: String) {
        self.childID = childID
        self.timing = timing
        self.talkedBy = talkedBy
        self.talkedOn = talkedOn
        self.childView = childView
    }
}

/// What was typed into the talk form.
public struct ChildTalkInput: Sendable, Hashable {
    public var timing: String = ""
    /// The child's id as text; may be empty when the meeting concerns one child.
    public var childID: String = ""
    public var talkedBy: String = ""
    public var talkedOn: String = ""
    public var childView: String = ""

    public init() {}
}

/// Field keys: `talk_timing`, `talk_child`, `talk_by`, `talk_on`, `talk_view`.
public enum ChildTalkRules {
    public static let maxViewLength = 2000

    /// `children`: the children the meeting concerns; `meetingOn`: its day; `today`: no talk
    /// is recorded before it has been held.
    public static func validate(_ input: ChildTalkInput, children: [RecordID], meetingOn: SimpleDate, today: SimpleDate) -> Result<ChildTalk, FieldErrors> {
        var errors = FieldErrors()
        let timing = ChildTalkTiming(rawValue: TextRules.trimmed(input.timing))
        if timing == nil { errors.add("talk_timing", "Välj om samtalet hölls före eller efter mötet.") }

        let chosen = RecordID(TextRules.trimmed(input.childID))
        let child: RecordID? = children.count == 1 && chosen == nil ? children.first : chosen.flatMap { children.contains($0) ? $0 : nil }
        if children.isEmpty {
            errors.add("talk_child", "Mötet gäller inget enskilt barn.")
        } else if child == nil {
            errors.add("talk_child", "Välj vilket barn samtalet var med.")
        }

        let by = TextRules.required(input.talkedBy, field: "talk_by", label: "Vem som samtalade med barnet", max: 200, into: &errors)

        let dayText = TextRules.trimmed(input.talkedOn)
        let day = SimpleDate(iso: dayText)
        if day == nil {
            errors.add("talk_on", dayText.isEmpty ? "Ange vilken dag samtalet hölls (ÅÅÅÅ-MM-DD)." : "Skriv dagen som ÅÅÅÅ-MM-DD, till exempel \(today.iso).")
        } else if let day, day > today {
            errors.add("talk_on", "Ett samtal kan inte antecknas innan det har hållits: dagen ligger efter i dag.")
        } else if let day, timing == .before, day > meetingOn {
            errors.add("talk_on", "Ett samtal före mötet hålls senast på mötesdagen \(meetingOn.iso).")
        } else if let day, timing == .after, day < meetingOn {
            errors.add("talk_on", "Ett samtal efter mötet hålls tidigast på mötesdagen \(meetingOn.iso).")
        }

        let view = TextRules.trimmed(input.childView)
        if view.isEmpty {
            errors.add("talk_view", "Skriv barnets syn i korthet.")
        } else if view.count > maxViewLength {
            errors.add("talk_view", "Barnets syn får vara högst \(maxViewLength) tecken.")
        }

        guard errors.isEmpty, let timing, let child, let day else { return .failure(errors) }
        return .success(ChildTalk(childID: child, timing: timing, talkedBy: by, talkedOn: day, childView: view))
    }
}
