import Foundation
import Testing
@testable import SamverkaCore

/// The shipped agendas against a second, independent copy of the seeds' lists (taken from
/// the seed files line by line, wrapped lines joined with one space). A typo in either copy
/// fails. The seeds are not read at test time: CI has no ../shared.
@Suite("Shipped meeting types match the seeds")
struct MeetingTypeSeedTests {
    /// Seed 003, Bilaga 1 "Förslag på dagordning samverkansmöten".
    static let seed003CollaborationAgenda = [
        "Sekreterare utses",
        "Presentation av deltagarna",
        "Syfte och mål med samverkansmötet/ uppföljning och sammanfattning av föregående möte",
        "Samtycke gås igenom (blankett finns)",
        "Sekretess",
        "Nulägesbeskrivning",
        "Behovsanalys",
        "Minnesanteckningar/gemensam handlingsplan inklusive åtgärder (framtagen mall finns)",
        "Vårdnadshavares kontaktperson (om annan än processbärare)",
        "Tid för nytt samverkansmöte",
    ]

    /// Seed 003 "Förslag på samverkansmötets innehåll" (April and October).
    static let seed003TwiceYearlyAgenda = [
        "Uppföljning av föregående möte",
        "Behovsanalys",
        "Syfte och mål",
        "Utvärdering av samverkan",
        "Gemensamma kompetensutvecklingsfrågor",
        "Tid för nytt möte",
    ]

    /// Seed 002 "Gemensam planering av anmälningsmöte": all four points.
    static let seed002ReportMeetingPoints = [
        "I samband med att förskola/skola gör en anmälan kontaktar de socialtjänsten för att komma överens med socialsekreterare om tid för anmälningsmöte.",
        "Förskola/Skola kallar vårdnadshavare till mötet.",
        "Mötet sker företrädesvis på förskolan/skolan, om inget annat bestäms.",
        "Under mötet redogör förskolan/skolan för sin oro för barnet/den unge.",
    ]

    /// Seed 000 "Uppstartsmöte/Uppföljningsmöte barn/elev och familj": every point, in order.
    static let seed000FollowUpPoints = [
        "Gemensamma uppföljningar ska genomföras en gång per månad och socialsekreterare kallar till möten.",
        "Ansvariga för möten är rektor (ordförande) och socialsekreterare (sekreterare).",
        "Närvarande vid möten är förutom rektor och socialsekreterare, vårdnadshavare, familjehem, pedagoger, behandlingsassistent samt skolsocionom. Generell regel är att barn/elev inte deltar i månadsuppföljningar. Rektor och socialsekreterare kan ta ett gemensamt beslut om att barn/elev deltar vid månadsuppföljning om det är till barnets bästa för den pågående processen. Skolsocionom och behandlingsassistent pratar med barn/elev inför månadsuppföljning samt återkopplar till barn/elev efter mötet.",
        "Socialsekreterare dokumenterar mötet enligt Ragunda Trampolinens dagordningsmall.",
        "Vid uppstartsmöte/uppföljningsmöte går ansvariga för mötet igenom upprättad vårdplan/genomförandeplan (IFO) samt Trampolinutredning/handlingsplan (skolan).",
        "Aktuellt läge informeras av respektive profession.",
        "Vårdnadshavare delger sina upplevelser av aktuellt läge.",
        "Behov av förändringar gällande de upprättade planerna.",
        "Nästa mötestillfälle bokas innan mötet avslutas.",
        "Socialsekreterare skickar mötesprotokoll till rektor och till berörd familj. Rektor och socialsekreterare ansvarar för att berörda inom sin egen verksamhet delges protokollet.",
        "Rektor och socialsekreterare avrapporterar pågående insats till styrgrupp i samband med styrgruppens möten i slutet av varje termin.",
        "Skola/förskola och IFO bokar utöver de gemensamma träffarna möten med elev/föräldrar utifrån behov.",
    ]

    /// Seed 004 "Först hålls ett förmöte där man går igenom följande".
    static let seed004SIPPreMeeting = [
        "Ansvarig för SIP- mötet går igenom frågeställningar och syfte med SIP-mötet tillsammans med barnet och vårdnadshavare.",
        "Tillsammans bestäms vilka parter som ska bjudas in till SIP-mötet.",
        "Samtycke inhämtas.",
        "SIP ansvarig skickar kallelse till berörda parter.",
        "Ansvarig för SIP och barnet/vårdnadshavare börjar tillsammans att fylla i ett SIP-protokoll.",
    ]

    /// Seed 004 "Sedan hålls själva SIP-mötet på följande sätt".
    static let seed004SIPMeeting = [
        "Sammanhangsmarkering görs, där alla får presentera sig och vilka roller de har.",
        "Nuläget: vad fungerar bra/vad är svårare, vilka stödkontakter/insatser finns idag och från vem? Alla parter behöver komma till tals och uttrycka vad som fungerar bra och vilka utmaningar de ser.",
        "Behov identifieras för att det ska bli bättre för barnet.",
        "Planering av vad som ska göras, vem som har ansvaret och när ska det ske.",
        "Ansvarig för SIP sammanfattar de punkter man har enats om för att tydliggöra allas ansvar.",
        "Ett uppföljningsmöte för SIP bokas in.",
        "Protokoll skickas till vårdnadshavare. Svarskuvert skickas med så att skolan får protokoll med vårdnadshavares underskrift. SIP protokollet behöver inte skrivas under, men det är viktigt att sammanfatta vad man kommit fram till och fråga den enskilde om hen samtycker till planeringen.",
    ]

    @Test func collaborationMeetingAgendaIsSeed003Bilaga1() {
        #expect(MeetingType.collaborationMeeting.agenda == Self.seed003CollaborationAgenda)
        #expect(MeetingType.collaborationMeeting.preparation.isEmpty)
    }

    @Test func twiceYearlyAgendaIsSeed003() {
        #expect(MeetingType.twiceYearlyCollaborationMeeting.agenda == Self.seed003TwiceYearlyAgenda)
    }

    /// The first three points are planning before the meeting, the fourth the meeting itself.
    @Test func jointReportMeetingIsSeed002InOrder() {
        let type = MeetingType.jointReportMeeting
        #expect(type.preparation + type.agenda == Self.seed002ReportMeetingPoints)
        #expect(type.agenda == [Self.seed002ReportMeetingPoints[3]])
    }

    /// The agenda is the run of points on what the meeting goes through.
    @Test func trampolinenAgendaIsSeed000() {
        #expect(MeetingType.trampolinenFollowUp.agenda == Array(Self.seed000FollowUpPoints[4...8]))
    }

    @Test func sipIsSeed004() {
        #expect(MeetingType.sipMeeting.preparation == Self.seed004SIPPreMeeting)
        #expect(MeetingType.sipMeeting.agenda == Self.seed004SIPMeeting)
    }

    @Test func seedRulesAreInTheFields() {
        let collab = MeetingType.collaborationMeeting
        // "Vårdnadshavare, barn/elev, skola och familjebehandlare kallas alltid".
        #expect(collab.invitedRoles == [.guardian, .child, .school, .familyTherapist])
        #expect(collab.chairRole == .processOwner)
        #expect(collab.requiresConsent)
        #expect(collab.childAttendsByDefault)

        let tramp = MeetingType.trampolinenFollowUp
        #expect(tramp.chairRole == .principal)
        #expect(tramp.secretaryRole == .caseOfficer)
        #expect(tramp.convenerRoles == [.caseOfficer])
        #expect(tramp.childAttendance == .onDecision)
        #expect(!tramp.childAttendsByDefault)
        #expect(tramp.staffTalkWithChild)
        #expect(tramp.minutesRecipients == [.principal, .guardian])

        #expect(MeetingType.sipMeeting.consentPurposes == [.sip])
        #expect(MeetingType.twiceYearlyCollaborationMeeting.childAttendance == .notAboutAChild)
        #expect(!MeetingType.jointReportMeeting.requiresConsent)
    }

    @Test func shippedTypesAreValidWithUniqueKeys() {
        #expect(MeetingTypeRules.validate(MeetingType.shipped).isEmpty)
        #expect(Set(MeetingType.shipped.map(\.key)).count == MeetingType.shipped.count)
        #expect(MeetingType.shipped(key: "sip-mote") == .sipMeeting)
        for type in MeetingType.shipped {
            #expect(!type.agenda.isEmpty)
            #expect(type.agenda.allSatisfy { $0 == $0.trimmingCharacters(in: .whitespacesAndNewlines) && !$0.contains("  ") })
        }
    }

    @Test func typesRoundTripThroughJSON() throws {
        let data = try JSONEncoder().encode(MeetingType.shipped)
        let decoded = try JSONDecoder().decode([MeetingType].self, from: data)
        #expect(decoded == MeetingType.shipped)
    }

    /// A municipality's own type needs only the essentials; the rest has safe defaults.
    @Test func aMinimalMunicipalTypeDecodes() throws {
        let json = #"{"key":"natverksmote","name":"Nätverksmöte","agenda":["Presentation","Nuläge","Tid för nytt möte"],"invitedRoles":["guardian","school"]}"#
        let type = try JSONDecoder().decode(MeetingType.self, from: Data(json.utf8))
        #expect(type.agenda.count == 3)
        #expect(type.requiresConsent)
        #expect(type.childAttendance == .invited)
        #expect(MeetingTypeRules.validate(type, existingKeys: Set(MeetingType.shipped.map(\.key))).isEmpty)
        let unknownRole = #"{"key":"x1","name":"X","agenda":["A"],"invitedRoles":["wizard"]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MeetingType.self, from: Data(unknownRole.utf8)) }
    }
}

@Suite("Custom meeting types")
struct MeetingTypeRulesTests {
    static func input(_ change: (inout MeetingTypeInput) -> Void = { _ in }) -> MeetingTypeInput {
        var i = MeetingTypeInput()
        i.key = "natverksmote"
        i.name = "Nätverksmöte"
        i.purpose = "Samla nätverket kring barnet."
        i.agenda = ["Presentation", "Nuläge", "Tid för nytt möte"]
        i.invitedRoles = ["guardian", "child", "school"]
        i.chairRole = "process-owner"
        i.childAttendance = "invited"
        i.consentPurposes = ["collaboration-case"]
        change(&i)
        return i
    }

    static func errors(_ input: MeetingTypeInput, existing: Set<String> = ["samverkansmote"]) -> FieldErrors {
        if case .failure(let e) = MeetingTypeRules.validate(input, existingKeys: existing) { return e }
        return FieldErrors()
    }

    @Test func aCompleteTypeIsAccepted() throws {
        let type = try MeetingTypeRules.validate(Self.input(), existingKeys: ["samverkansmote"]).get()
        #expect(type.key == "natverksmote")
        #expect(type.invitedRoles == [.guardian, .child, .school])
        #expect(type.chairRole == .processOwner)
        #expect(type.consentPurposes == [.collaborationCase])
    }

    @Test func nameIsRequired() {
        #expect(Self.errors(Self.input { $0.name = "  " })["name"] == "Fyll i namnet.")
    }

    @Test func atLeastOneAgendaItemAndNoBlankOnes() {
        #expect(Self.errors(Self.input { $0.agenda = [] })["agenda"] == "Skriv minst en punkt i dagordningen.")
        #expect(Self.errors(Self.input { $0.agenda = ["Presentation", " ", "Nuläge"] })["agenda"] == "Punkt 2 i dagordningen är tom. Fyll i den eller ta bort den.")
        #expect(Self.errors(Self.input { $0.agenda = ["Presentation\nNuläge"] })["agenda"] != nil)
        #expect(Self.errors(Self.input { $0.preparation = [""] })["preparation"] != nil)
    }

    @Test func keyIsUniqueAndPlain() {
        #expect(Self.errors(Self.input { $0.key = "samverkansmote" })["key"] == "Det finns redan en mötestyp med koden \"samverkansmote\".")
        #expect(Self.errors(Self.input { $0.key = "Nätverk" })["key"] != nil)
        #expect(Self.errors(Self.input { $0.key = "-x-" })["key"] != nil)
        #expect(Self.errors(Self.input { $0.key = "" })["key"] != nil)
        // Editing a type: its own key is left out of the existing ones.
        #expect(Self.errors(Self.input(), existing: []).isEmpty)
    }

    @Test func rolesAndChoicesComeFromTheLists() {
        #expect(Self.errors(Self.input { $0.invitedRoles = ["guardian", "wizard"] })["invited_roles"] != nil)
        #expect(Self.errors(Self.input { $0.chairRole = "king" })["chair_role"] != nil)
        #expect(Self.errors(Self.input { $0.childAttendance = "" })["child_attendance"] != nil)
        #expect(Self.errors(Self.input { $0.consentPurposes = ["everything"] })["consent_purposes"] != nil)
        #expect(Self.errors(Self.input { $0.childAttendance = "not-about-a-child" })["invited_roles"] != nil)
        #expect(Self.errors(Self.input { $0.requiresConsent = false })["consent_purposes"] != nil)
    }

    @Test func aListWithADuplicateKeyIsReported() {
        var copy = MeetingType.sipMeeting
        copy.name = "SIP, kopia"
        let problems = MeetingTypeRules.validate([MeetingType.sipMeeting, copy])
        #expect(problems["sip-mote"]?["key"] != nil)
    }
}
