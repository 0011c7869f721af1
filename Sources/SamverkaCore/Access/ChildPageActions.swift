/// What the child page offers a person: each button is one question to the policy, so the
/// page never offers what the next page would refuse.
public struct ChildPageActions: Sendable, Hashable {
    public var edit = false
    public var fileReport = false
    public var addGuardian = false
    public var viewConsents = false
    public var registerConsent = false
    public var openCollaborationCase = false
    public var openSIP = false
    public var nominateForProgramme = false
    public var sendEHTReferral = false

    public init() {}

    public static func decide(_ actor: Actor, _ child: ChildAccessFacts) -> ChildPageActions {
        var actions = ChildPageActions()
        actions.edit = AccessPolicy.allows(actor, .updateChild(child))
        actions.fileReport = AccessPolicy.allows(actor, .fileReport(child: child))
        actions.addGuardian = actions.edit
        actions.viewConsents = AccessPolicy.allows(actor, .viewConsents(child: child))
        actions.registerConsent = AccessPolicy.allows(actor, .registerConsent(child: child))
        actions.openCollaborationCase = AccessPolicy.allows(actor, .openCollaborationCase(child: child))
        actions.openSIP = AccessPolicy.allows(actor, .openSIP(child: child))
        actions.nominateForProgramme = AccessPolicy.allows(actor, .nominateForProgramme(children: [child]))
        actions.sendEHTReferral = AccessPolicy.allows(actor, .sendEHTReferral(child: child))
        return actions
    }
}
