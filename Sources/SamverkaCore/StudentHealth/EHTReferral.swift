import Foundation

/// A mentor's referral of a pupil to the unit's student health team, "Steg 1" (seed 004
/// 3.1): the pupil's current situation and the adaptations the mentor has already made in
/// the classroom; the team's reflections from its professions; the rektor's decision with
/// reasons. Elevhälsa data (OSL 23:2): only the team and the unit's rektor read it.
public struct EHTReferral: Sendable, Hashable {
    public var id: RecordID
    public var childID: RecordID
    public var childName: String
    /// The pupil's unit when the referral was sent, and the team it went to.
    public var unitID: RecordID
    public var forumID: RecordID
    public var forumName: String
    public var sentBy: RecordID
    public var sentByName: String
    public var sentAt: Date
    public var situation: String
    public var adaptations: String
    public var reflections: [EHTReflection]
    public var decision: EHTDecision?

    public init(id: RecordID, childID: RecordID, childName: String, unitID: RecordID, forumID: RecordID, forumName: String, sentBy: RecordID, sentByName: String,
                sentAt: Date, situation: String, adaptations: String, reflections: [EHTReflection] = [], decision: EHTDecision? = nil) {
        self.id = id
        self.childID = childID
        self.childName = childName
        self.unitID = unitID
        self.forumID = forumID
        self.forumName = forumName
        self.sentBy = sentBy
        self.sentByName = sentByName
        self.sentAt = sentAt
        self.situation = situation
        self.adaptations = adaptations
        self.reflections = reflections
        self.decision = decision
    }

    public var stage: EHTReferralStage {
        if decision != nil { return .decided }
        return reflections.isEmpty ? .sent : .reflected
    }
}

public enum EHTReferralStage: String, Sendable, Hashable, CaseIterable {
    case sent
    case reflected
    case decided

    public var label: String {
        switch self {
        case .sent: "Skickad, väntar på elevhälsoteamet"
        case .reflected: "Reflekterad i elevhälsoteamet, väntar på rektors beslut"
        case .decided: "Beslutad av rektor"
        }
    }
}

/// One member's reflection in the team, from their profession's perspective.
public struct EHTReflection: Sendable, Hashable {
    public var staffID: RecordID
    public var name: String
    public var at: Date
    public var text: String

    public init(staffID: RecordID, name: String, at: Date, text: String) {
        self.staffID = staffID
        self.name = name
        self.at = at
        self.text = text
    }
}

/// What the rektor decided ("Rektor står för beslutsfattandet").
public enum EHTDecisionOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// The team takes the pupil's case up and plans its measures.
    case takenUp = "taken-up"
    /// The mentor goes on with the classroom adaptations, followed up.
    case continuedAdaptations = "continued-adaptations"
    /// Another decision, said in the reasons.
    case other

    public var label: String {
        switch self {
        case .takenUp: "Elevhälsoteamet tar upp ärendet och planerar insatser"
        case .continuedAdaptations: "Fortsatta anpassningar i klassrummet, som följs upp"
        case .other: "Annat beslut (se motiveringen)"
        }
    }
}

public struct EHTDecision: Sendable, Hashable {
    public var outcome: EHTDecisionOutcome
    public var record: DecisionRecord

    public init(outcome: EHTDecisionOutcome, record: DecisionRecord) {
        self.outcome = outcome
        self.record = record
    }
}

/// What the policy knows about a referral: the pupil's unit and the team's members now.
public struct EHTReferralAccessFacts: Sendable, Hashable {
    public var referralID: RecordID?
    public var unitID: RecordID
    public var teamMemberIDs: Set<RecordID>

    public init(referralID: RecordID?, unitID: RecordID, teamMemberIDs: Set<RecordID>) {
        self.referralID = referralID
        self.unitID = unitID
        self.teamMemberIDs = teamMemberIDs
    }
}

/// The team a pupil's referral goes to: the unit's elevhälsoteam (or, for a preschool, its
/// barnhälsoteam), the health-team forum whose members sit for the pupil's unit, chairs first.
public enum EHTTeam {
    public static let kinds: Set<ForumKind> = [.studentHealthTeam, .childHealthTeam]

    public static func team(forUnit unitID: RecordID, among forums: [Forum]) -> Forum? {
        let teams = forums.filter { kinds.contains($0.kind) }.sorted { $0.id < $1.id }
        return teams.first { $0.chairs.contains { $0.unitID == unitID } } ?? teams.first { $0.members.contains { $0.unitID == unitID } }
    }
}
