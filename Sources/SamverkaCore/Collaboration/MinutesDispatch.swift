import Foundation

/// How the minutes reached someone.
public enum DispatchChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case post
    case email
    case secureMessage = "secure-message"
    case handedOver = "handed-over"

    public var label: String {
        switch self {
        case .post: "Brev"
        case .email: "E-post"
        case .secureMessage: "Säkert meddelande"
        case .handedOver: "Lämnat personligen"
        }
    }
}

/// A record that the minutes were sent: to whom, how, when and by whom.
public struct MinutesDispatch: Sendable, Hashable, Codable {
    public var recipientName: String
    public var recipientRole: MeetingRole?
    public var channel: DispatchChannel
    public var sentAt: Date
    public var sentBy: StaffRef

    public init(recipientName: String, recipientRole: MeetingRole?, channel: DispatchChannel, sentAt: Date, sentBy: StaffRef) {
        self.recipientName = recipientName
        self.recipientRole = recipientRole
        self.channel = channel
        self.sentAt = sentAt
        self.sentBy = sentBy
    }
}

/// Field keys: `recipient`, `channel`.
public enum MinutesDispatchRules {
    public static func record(recipientName: String, role: MeetingRole?, channel: String, sentBy: StaffRef, at now: Date) -> Result<MinutesDispatch, FieldErrors> {
        var errors = FieldErrors()
        let name = TextRules.required(recipientName, field: "recipient", label: "Mottagaren", max: 200, into: &errors)
        let how = DispatchChannel(rawValue: TextRules.trimmed(channel))
        if how == nil { errors.add("channel", "Välj hur minnesanteckningarna skickades.") }
        guard errors.isEmpty, let how else { return .failure(errors) }
        return .success(MinutesDispatch(recipientName: name, recipientRole: role, channel: how, sentAt: now, sentBy: sentBy))
    }

    /// The participants the meeting type sends the minutes to (the family, the rektor) who
    /// have not received them yet.
    public static func notYetSent(type: MeetingType, participants: [Participant], dispatches: [MinutesDispatch]) -> [Participant] {
        participants.filter { p in
            p.roles.contains { type.minutesRecipients.contains($0) } && !dispatches.contains { $0.recipientName == p.name }
        }
    }
}
