import Foundation

/// Seed 002 "Årlig handlingsplan": per year, goals from the ledningsgrupp and activities per
/// LSG in relation to them, each with who answers for it and its status; followed up in May
/// and summarised in November.
public enum ActivityStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case planned
    case ongoing
    case done
    case postponed

    public var label: String {
        switch self {
        case .planned: "Planerad"
        case .ongoing: "Pågår"
        case .done: "Genomförd"
        case .postponed: "Skjuten till senare"
        }
    }
}

public struct ActionPlanGoal: Sendable, Hashable {
    public var id: RecordID
    public var text: String

    public init(id: RecordID, text: String) {
        self.id = id
        self.text = text
    }
}

public struct ActionPlanActivity: Sendable, Hashable {
    public var id: RecordID
    public var goalID: RecordID
    public var forumID: RecordID
    public var what: String
    public var responsibleStaffID: RecordID
    public var responsibleName: String
    public var status: ActivityStatus
    public var note: String?

    public init(id: RecordID, goalID: RecordID, forumID: RecordID, what: String, responsibleStaffID: RecordID, responsibleName: String, status: ActivityStatus, note: String?) {
        self.id = id
        self.goalID = goalID
        self.forumID = forumID
        self.what = what
        self.responsibleStaffID = responsibleStaffID
        self.responsibleName = responsibleName
        self.status = status
        self.note = note
    }
}

/// The year's plan: goals, activities, the May follow-up and the November summary.
public struct ActionPlan: Sendable, Hashable {
    public var year: Int
    public var goals: [ActionPlanGoal]
    public var activities: [ActionPlanActivity]
    public var followUp: String?
    public var summary: String?

    public init(year: Int, goals: [ActionPlanGoal] = [], activities: [ActionPlanActivity] = [], followUp: String? = nil, summary: String? = nil) {
        self.year = year
        self.goals = goals
        self.activities = activities
        self.followUp = followUp
        self.summary = summary
    }

    public func activities(of goalID: RecordID) -> [ActionPlanActivity] { activities.filter { $0.goalID == goalID } }
}

public struct ActionPlanActivityInput: Sendable, Hashable {
    public var goalID = ""
    public var forumID = ""
    public var what = ""
    public var responsibleStaffID = ""
    public var status = ActivityStatus.planned.rawValue
    public var note = ""

    public init() {}
}

public struct ActionPlanActivityDraft: Sendable, Hashable {
    public var goalID: RecordID
    public var forumID: RecordID
    public var what: String
    public var responsible: ForumMember
    public var status: ActivityStatus
    public var note: String?
}

/// Field keys: `goal` (a goal's text), `goal_id`, `forum_id`, `what`, `responsible`, `status`, `note`.
public enum ActionPlanRules {
    public static func goal(_ text: String) -> Result<String, FieldErrors> {
        var errors = FieldErrors()
        let goal = TextRules.required(text, field: "goal", label: "Målet", max: 1000, into: &errors)
        return errors.isEmpty ? .success(goal) : .failure(errors)
    }

    /// An activity of an LSG under one of the year's goals; the responsible person is one of
    /// the LSG's members (the group formulates its activities).
    public static func activity(_ input: ActionPlanActivityInput, plan: ActionPlan, localGroups: [Forum]) -> Result<ActionPlanActivityDraft, FieldErrors> {
        var errors = FieldErrors()
        let goal = plan.goals.first { String($0.id) == TextRules.trimmed(input.goalID) }
        if goal == nil { errors.add("goal_id", "Välj vilket mål aktiviteten hör till.") }
        let forum = localGroups.first { String($0.id) == TextRules.trimmed(input.forumID) }
        if forum == nil { errors.add("forum_id", "Välj den lokala samverkansgrupp som ansvarar för aktiviteten.") }
        let what = TextRules.required(input.what, field: "what", label: "Aktiviteten", max: 1000, into: &errors)
        let responsible = forum?.members.first { String($0.staffID) == TextRules.trimmed(input.responsibleStaffID) }
        if responsible == nil, forum != nil { errors.add("responsible", "Välj en ledamot i gruppen som ansvarar för aktiviteten.") }
        let status = ActivityStatus(rawValue: input.status)
        if status == nil { errors.add("status", "Välj status.") }
        let note = TextRules.optional(input.note, field: "note", label: "Kommentaren", max: 2000, into: &errors)
        guard errors.isEmpty, let goal, let forum, let responsible, let status else { return .failure(errors) }
        return .success(ActionPlanActivityDraft(goalID: goal.id, forumID: forum.id, what: what, responsible: responsible, status: status, note: note))
    }
}
