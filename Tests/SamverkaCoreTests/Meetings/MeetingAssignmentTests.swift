import Foundation
import Testing
@testable import SamverkaCore

@Suite("Chair, secretary, SIP-ansvarig and convener are assigned among the invited when booking")
struct MeetingAssignmentTests {
    typealias B = MeetingBookingTests
    /// A case officer with no SIP role of their own: assigning makes them SIP-ansvarig.
    static let caseOfficer = Participant(name: "Cecilia Socialsekreterare", roles: [.caseOfficer], staffID: 40, unitID: 300)
    static let sipConsent = B.consent(3, parties: [.unit(300), .external("BUP Region Jämtland")], purpose: .sip)

    static func sip(_ change: (inout MeetingBookingInput) -> Void) -> MeetingBookingInput {
        B.input {
            $0.participants = [B.guardian, B.child, caseOfficer, B.bup]
            change(&$0)
        }
    }

    @Test func aSIPIsRefusedWithoutASIPResponsibleAndBookedWhenOneIsAssigned() throws {
        let refused = B.errors(B.book(Self.sip { _ in }, type: .sipMeeting, consents: [Self.sipConsent]))
        #expect(refused["assign_sip_responsible"] == "SIP-möte (samordnad individuell plan) kräver en SIP-ansvarig: välj vem bland deltagarna.")

        let booking = try B.book(Self.sip { $0.assignments = [.sipResponsible: Self.caseOfficer] }, type: .sipMeeting, consents: [Self.sipConsent]).get()
        let lead = try #require(booking.participants.first { $0.person.staffID == 40 })
        #expect(lead.assignments == [.sipResponsible])
        // The assignment gives the role the SIP type invites.
        #expect(lead.person.roles == [.caseOfficer, .sipResponsible])
        #expect(booking.participants.filter { !$0.assignments.isEmpty }.count == 1)
    }

    @Test func theAssignedMustBeAmongTheInvitedAndNotOfTheFamily() {
        let absent = B.errors(B.book(Self.sip { $0.participants.remove(at: 2); $0.participants.append(B.sipLead); $0.assignments = [.sipResponsible: Self.caseOfficer] },
                                     type: .sipMeeting, consents: [Self.sipConsent]))
        #expect(absent["assign_sip_responsible"] == "Cecilia Socialsekreterare är inte kallad till mötet. Kryssa i Cecilia Socialsekreterare bland deltagarna eller välj någon annan som SIP-ansvarig.")
        let family = B.errors(B.book(B.input { $0.assignments = [.secretary: B.guardian] }, consents: [B.consent()]))
        #expect(family["assign_secretary"] == "Välj en yrkesperson som sekreterare, inte någon ur familjen.")
    }

    @Test func theTypeSaysWhoMayConveneAndChair() throws {
        // The samverkansmöte is called and led by the process owner.
        let wrong = B.errors(B.book(B.input { $0.assignments = [.convener: B.therapist, .chair: B.therapist] }, consents: [B.consent()]))
        #expect(wrong["assign_convener"] == "Enligt mötestypen Samverkansmöte är sammankallande någon som är: Processbärare. Fia Familjebehandlare är inte det.")
        #expect(wrong["assign_chair"] != nil)
        let right = try B.book(B.input { $0.assignments = [.convener: B.rektor, .chair: B.rektor, .secretary: B.therapist] }, consents: [B.consent()]).get()
        #expect(right.participants.first { $0.person.staffID == 10 }?.assignments == [.chair, .convener])
        #expect(right.participants.first { $0.person.staffID == 20 }?.assignments == [.secretary])
        // Nothing assigned is fine where the type requires nothing.
        #expect(try B.book(consents: [B.consent()]).get().participants.allSatisfy(\.assignments.isEmpty))
    }

    @Test func aStoredTypeWithoutAssignmentsNeedsASIPResponsibleWhereItInvitesOne() throws {
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(MeetingType.sipMeeting)) as! [String: Any]
        json["requiredAssignments"] = nil
        let stored = try JSONDecoder().decode(MeetingType.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(stored.requiredAssignments == [.sipResponsible])
        var collab = try JSONSerialization.jsonObject(with: JSONEncoder().encode(MeetingType.collaborationMeeting)) as! [String: Any]
        collab["requiredAssignments"] = nil
        #expect(try JSONDecoder().decode(MeetingType.self, from: JSONSerialization.data(withJSONObject: collab)).requiredAssignments == [])
        // A participant stored before assignments has none.
        let old = #"{"person":{"name":"Gun","roles":["guardian"],"protectedIdentity":false},"attendance":"invited"}"#
        #expect(try JSONDecoder().decode(MeetingParticipant.self, from: Data(old.utf8)).assignments == [])
    }

    @Test func aMunicipalityChoosesTheRequiredAssignmentsOfItsType() throws {
        var input = MeetingTypeInput(.trampolinenFollowUp)
        input.requiredAssignments = ["chair", "secretary", "chair"]
        let type = try MeetingTypeRules.validate(input, existingKeys: []).get()
        #expect(type.requiredAssignments == [.chair, .secretary])
        input.requiredAssignments = ["ordförande"]
        guard case .failure(let e) = MeetingTypeRules.validate(input, existingKeys: []) else { Issue.record("accepted"); return }
        #expect(e["required_assignments"] == "Välj uppdragen i listan.")
        #expect(MeetingTypeInput(.sipMeeting).requiredAssignments == ["sip-responsible"])
    }
}
