/// The roles of DOMAIN §1. Raw values are stored; labels are shown.
public enum Role: String, Sendable, Codable, CaseIterable {
    // School side
    case principal
    case preschoolHead
    case teacher
    case schoolCounsellor
    case schoolNurse
    case specialEducator
    case specialTeacher
    case interventionCoordinator
    case schoolPsychologist
    case studentHealthHead
    case schoolSocialWorker
    // Social side (IFO)
    case intakeOfficer
    case caseOfficer
    case familyTherapist
    case treatmentAssistant
    case unitManager
    case deputyIfoHead
    case ifoHead
    // Joint
    case steeringGroupMember
    case decisionForumMember
    case managementGroupMember
    case localCollaborationGroupMember
    case systemAdministrator
    case logReviewer
    /// A region party's own account (BUP, BVC, ...): sees only the SIPs whose consent in
    /// force names it, never anything else of the child.
    case externalParty

    public var side: Side {
        switch self {
        case .principal, .preschoolHead, .teacher, .schoolCounsellor, .schoolNurse, .specialEducator,
             .specialTeacher, .interventionCoordinator, .schoolPsychologist, .studentHealthHead,
             .schoolSocialWorker:
            .school
        case .intakeOfficer, .caseOfficer, .familyTherapist, .treatmentAssistant, .unitManager,
             .deputyIfoHead, .ifoHead:
            .social
        case .steeringGroupMember, .decisionForumMember, .managementGroupMember,
             .localCollaborationGroupMember, .systemAdministrator, .logReviewer, .externalParty:
            .joint
        }
    }

    public var label: String {
        switch self {
        case .principal: "Rektor"
        case .preschoolHead: "Förskolechef"
        case .teacher: "Mentor/pedagog"
        case .schoolCounsellor: "Skolkurator"
        case .schoolNurse: "Skolsköterska"
        case .specialEducator: "Specialpedagog"
        case .specialTeacher: "Speciallärare"
        case .interventionCoordinator: "Insatskoordinator"
        case .schoolPsychologist: "Skolpsykolog"
        case .studentHealthHead: "Elevhälsochef"
        case .schoolSocialWorker: "Skolsocionom"
        case .intakeOfficer: "Mottagningssekreterare"
        case .caseOfficer: "Socialsekreterare"
        case .familyTherapist: "Familjebehandlare"
        case .treatmentAssistant: "Behandlingsassistent"
        case .unitManager: "Enhetschef/sektionschef"
        case .deputyIfoHead: "Biträdande IFO-chef"
        case .ifoHead: "IFO-chef/avdelningschef"
        case .steeringGroupMember: "Styrgruppsledamot"
        case .decisionForumMember: "Ledamot i beslutsgrupp"
        case .managementGroupMember: "Ledamot i ledningsgrupp"
        case .localCollaborationGroupMember: "Ledamot i lokal samverkansgrupp"
        case .systemAdministrator: "Systemadministratör"
        case .logReviewer: "Loggranskare"
        case .externalParty: "Extern part"
        }
    }

    /// Roles that work with individual children in their units (need-to-know starts here).
    public var worksWithChildren: Bool { side != .joint }

    /// Whether this role may be held in a unit of the given kind. Side roles need a unit of
    /// their own side; joint roles may be held municipality-wide (no unit) or in a joint body.
    public func fits(unitKind: UnitKind?) -> Bool {
        switch side {
        case .school, .social:
            guard let unitKind else { return false }
            return unitKind.side == side
        case .joint:
            return unitKind == nil || unitKind == .jointBody
        }
    }
}
