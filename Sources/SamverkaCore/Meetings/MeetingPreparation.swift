import Foundation

/// A preparation step of the meeting's type marked as done: which step (its position in
/// the type as booked, so a later change of the type does not move it), who did it, when.
public struct PreparationStepDone: Sendable, Hashable {
    /// 1-based position in `MeetingType.preparation`.
    public var step: Int
    /// The step's words as they stood when it was done.
    public var text: String
    public var doneBy: StaffRef
    public var doneAt: Date

    public init(step: Int, text: String, doneBy: StaffRef, doneAt: Date) {
        self.step = step
        self.text = text
        self.doneBy = doneBy
        self.doneAt = doneAt
    }
}

/// Field keys: `preparation_<n>`.
public enum MeetingPreparationRules {
    /// Marks step `step` (1-based) of the type's preparation as done. A step is done once:
    /// the first to record it is who did it.
    public static func markDone(step: Int, of type: MeetingType, done: [PreparationStepDone], by staff: StaffRef, at now: Date) -> Result<PreparationStepDone, FieldErrors> {
        var errors = FieldErrors()
        guard type.preparation.indices.contains(step - 1) else {
            errors.add("preparation_\(step)", "Förberedelsen finns inte för \(type.name.lowercased()).")
            return .failure(errors)
        }
        if let earlier = done.first(where: { $0.step == step }) {
            errors.add("preparation_\(step)", "Förberedelsen är redan gjord, av \(earlier.doneBy.name).")
            return .failure(errors)
        }
        return .success(PreparationStepDone(step: step, text: type.preparation[step - 1], doneBy: staff, doneAt: now))
    }
}
