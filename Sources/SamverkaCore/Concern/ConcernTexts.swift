/// The words of the tasks and notices the concern path gives people, kept in Core beside the
/// other Swedish labels so the store writes no text of its own.
public enum ConcernTexts {
    /// The case officer's task a month after an intervention that gives the school a part.
    public static func followUpSchoolTask(_ kind: InterventionKind, task: String) -> String {
        "Följ upp skolans uppgift i genomförandeplanen (\(kind.label.lowercased())): \(task)"
    }

    /// The case officer's task when a placed child moves home (seed 002).
    public static func callReturnMeeting(childName: String, movingHomeOn day: SimpleDate) -> String {
        "Kalla till samverkansmöte om \(childName)s återgång till förskola/skola (flytt hem \(day.iso))"
    }

    /// What the school is told at once about a placement (seed 002): that the child will be
    /// away, never why.
    public static func placementNotice(from day: SimpleDate) -> String {
        "Barnet kommer inte till förskolan/skolan på grund av placering från och med \(day.iso)."
    }
}
