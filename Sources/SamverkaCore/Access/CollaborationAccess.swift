import Foundation

/// What the policy knows about a collaboration case: the child, the process owner and the
/// staff taking part (named in the case or invited to one of its meetings).
public struct CollaborationCaseFacts: Sendable, Hashable {
    public var child: ChildAccessFacts
    public var ownerID: RecordID
    public var participantStaffIDs: Set<RecordID>

    public init(child: ChildAccessFacts, ownerID: RecordID, participantStaffIDs: Set<RecordID>) {
        self.child = child
        self.ownerID = ownerID
        self.participantStaffIDs = participantStaffIDs
    }
}

/// Collaboration cases and their meetings (DOMAIN §3.2). A case holds minutes from both
/// sides of the secrecy barrier, so it is need-to-know: the process owner and the staff who
/// take part, nobody else in the unit. Opening a case needs the child in one's own unit.
public enum CollaborationAccess {
    static func decide(_ actor: Actor, _ request: AccessRequest) -> AccessDecision? {
        switch request {
        case .openCollaborationCase(let child):
            let own = AccessPolicy.decide(actor, .viewChild(ChildAccessFacts(childID: child.childID, unitIDs: child.unitIDs, protectedIdentity: child.protectedIdentity)))
            guard own.isAllowed else { return own }
            return .allow(.init(code: "own-unit", text: "Samverkansärende för barn i din enhet"))

        case .viewCollaborationCase(let facts), .workInCollaborationCase(let facts):
            guard !actor.childWorkUnitIDs.isEmpty else {
                return .deny(.init(code: "no-child-role", text: "Du har ingen roll som arbetar med barn."))
            }
            if actor.staffID == facts.ownerID {
                return .allow(.init(code: "process-owner", text: "Processbärare i samverkansärendet"))
            }
            if facts.participantStaffIDs.contains(actor.staffID) {
                return .allow(.init(code: "case-participant", text: "Deltar i samverkansärendet"))
            }
            return .deny(.init(code: "not-in-case", text: "Du deltar inte i samverkansärendet."))

        case .manageCollaborationCase(let facts):
            guard actor.staffID == facts.ownerID else {
                return .deny(.init(code: "not-process-owner", text: "Bara processbäraren lämnar över eller avslutar ärendet."))
            }
            return .allow(.init(code: "process-owner", text: "Processbärare i samverkansärendet"))

        default:
            return nil
        }
    }
}
