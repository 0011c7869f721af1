/// The meeting role a staff member fills by their account role (nil: joint roles, which do
/// not represent a side in a meeting about a child).
extension MeetingRole {
    public init?(staffRole: Role) {
        switch staffRole {
        case .principal, .preschoolHead: self = .principal
        case .teacher, .specialEducator, .specialTeacher, .interventionCoordinator: self = .teacher
        case .schoolCounsellor, .schoolSocialWorker: self = .schoolSocialWorker
        case .schoolNurse, .schoolPsychologist: self = .studentHealth
        case .studentHealthHead: self = .studentHealthHead
        case .intakeOfficer, .caseOfficer: self = .caseOfficer
        case .familyTherapist: self = .familyTherapist
        case .treatmentAssistant: self = .treatmentAssistant
        case .unitManager, .deputyIfoHead, .ifoHead: self = .ifoUnitManager
        case .steeringGroupMember, .decisionForumMember, .managementGroupMember, .localCollaborationGroupMember, .systemAdministrator, .logReviewer, .externalParty:
            return nil
        }
    }
}
