/// What the child page offers a person: each button is one question to the policy, so the
/// page never offers what the next page would refuse.
public struct ChildPageActions: Sendable, Hashable {
    public var edit = false
    public var fileReport = false
    public var addGuardian = false
    public var viewConsents = false
    public var registerConsent = false
    public var openCollaborationCase = false

    public init() {}

    public static func decide(_ actor: Actor, _ child: ChildAccessFacts) -> ChildPageActions {
        var actions = ChildPageActions()
        actions.edit = AccessPolicy.decide(actor, .updateChild(child)).isAllowed
        actions.fileReport = AccessPolicy.decide(actor, .fileReport(child: child)).isAllowed
        actions.addGuardian = actions.edit
        actions.viewConsents = AccessPolicy.decide(actor, .viewConsents(child: child)).isAllowed
        actions.registerConsent = AccessPolicy.decide(actor, .registerConsent(child: child)).isAllowed
        actions.openCollaborationCase = AccessPolicy.decide(actor, .openCollaborationCase(child: child)).isAllowed
        return actions
    }
}
