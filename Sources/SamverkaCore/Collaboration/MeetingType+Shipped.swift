/// The meeting types Samverka ships, from the seeds. Agenda and preparation items are copied
/// word for word from the seed documents (line breaks in the seed joined with one space);
/// `MeetingTypeSeedTests` compares them with a second, independent copy.
extension MeetingType {
    public static let shipped: [MeetingType] = [
        collaborationMeeting, twiceYearlyCollaborationMeeting, jointReportMeeting, bbicMeeting,
        trampolinenFollowUp, sipMeeting, forumMeeting,
    ]

    public static func shipped(key: String) -> MeetingType? { shipped.first { $0.key == key } }

    /// Seed 003, Bilaga 1 "Förslag på dagordning samverkansmöten" and the process map:
    /// guardians, child, school and family therapist always invited; led by the process owner.
    public static let collaborationMeeting = MeetingType(
        key: "samverkansmote",
        name: "Samverkansmöte",
        category: .collaboration,
        purpose: "Gemensamt möte med barnet/eleven, vårdnadshavare, förskola/skola och socialtjänst när någon av parterna ser ett behov av samverkan kring barnet/eleven.",
        source: "Samverkansrutin mellan skola och socialtjänst (2022), bilaga 1: Processkarta för samverkansmöte",
        invitedRoles: [.guardian, .child, .school, .familyTherapist],
        chairRole: .processOwner,
        secretaryRole: nil, // "Sekreterare utses" is the first agenda item.
        convenerRoles: [.processOwner],
        agenda: [
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
        ],
        childAttendance: .invited,
        requiresConsent: true,
        consentPurposes: [.collaborationCase, .meetingSeries],
        minutesRecipients: [.guardian, .principal]
    )

    /// Seed 003 "Förslag på samverkansmötets innehåll": called in April and October by the
    /// head of student health and the IFO unit manager. Not about individual children.
    public static let twiceYearlyCollaborationMeeting = MeetingType(
        key: "samverkansmote-april-oktober",
        name: "Samverkansmöte i april och oktober",
        category: .forum,
        purpose: "Följa upp framarbetade rutiner för samverkan mellan elevhälsan, rektor, socialtjänst och familjeteam.",
        source: "Samverkansrutin mellan skola och socialtjänst (2022): Förslag på samverkansmötets innehåll",
        invitedRoles: [.studentHealth, .principal, .socialServices, .familyTeam],
        convenerRoles: [.studentHealthHead, .ifoUnitManager],
        agenda: [
            "Uppföljning av föregående möte",
            "Behovsanalys",
            "Syfte och mål",
            "Utvärdering av samverkan",
            "Gemensamma kompetensutvecklingsfrågor",
            "Tid för nytt möte",
        ],
        childAttendance: .notAboutAChild,
        requiresConsent: false
    )

    /// Seed 002 "Gemensam planering av anmälningsmöte". The seed's four points are planning
    /// steps: the first three (agreeing the time, calling the guardians, the place) happen
    /// before the meeting and are kept as `preparation`; only the fourth is what happens at
    /// it. Not for acute concern, when guardians are not told (DOMAIN §3.1 step 3).
    public static let jointReportMeeting = MeetingType(
        key: "anmalningsmote",
        name: "Gemensamt anmälningsmöte",
        category: .report,
        purpose: "Förskola/Skola och socialtjänst planerar och genomför gemensamma anmälningsmöten med familjen. Detta gäller inte vid akut oro. Mötet läggs upp utifrån situationen, barnets/den unges och familjens behov.",
        source: "Kraftsamlings styrdokument, Botkyrka (2016): Gemensam planering av anmälningsmöte",
        invitedRoles: [.guardian, .school, .caseOfficer],
        convenerRoles: [.school],
        preparation: [
            "I samband med att förskola/skola gör en anmälan kontaktar de socialtjänsten för att komma överens med socialsekreterare om tid för anmälningsmöte.",
            "Förskola/Skola kallar vårdnadshavare till mötet.",
            "Mötet sker företrädesvis på förskolan/skolan, om inget annat bestäms.",
        ],
        agenda: [
            "Under mötet redogör förskolan/skolan för sin oro för barnet/den unge.",
        ],
        childAttendance: .optional,
        // The report is made under the duty to report, without consent; the guardians are told.
        requiresConsent: false,
        minutesRecipients: [.guardian]
    )

    /// Seed 002 "Gemensamt möte om BBIC med familjen" gives the purpose but no agenda. The
    /// agenda below is Samverka's own proposal, NOT from the seed; a municipality replaces it.
    public static let bbicMeeting = MeetingType(
        key: "bbic-mote",
        name: "Gemensamt möte om BBIC med familjen",
        category: .investigation,
        purpose: "Mötet syftar till att gå igenom de uppgifter som lämnats. Vårdnadshavarna närvarar vid mötet om inte särskilda skäl finns som gör det olämpligt.",
        source: "Kraftsamlings styrdokument, Botkyrka (2016): Gemensamt möte om BBIC med familjen (dagordningen är Samverkas förslag)",
        invitedRoles: [.guardian, .school, .caseOfficer],
        convenerRoles: [.caseOfficer],
        agenda: [
            "Presentation av deltagarna",
            "Genomgång av de uppgifter som förskolan/skolan har lämnat",
            "Vårdnadshavarnas synpunkter",
            "Barnets/den unges syn",
            "Stöd till barnet/den unge under pågående utredning",
            "Tid för nytt möte",
        ],
        childAttendance: .optional,
        // Information from the investigation reaches the school only with consent (seed 002).
        requiresConsent: true,
        minutesRecipients: [.guardian, .principal]
    )

    /// Seed 000 "Uppstartsmöte/Uppföljningsmöte barn/elev och familj": monthly, called by the
    /// socialsekreterare, rektor chairs, socialsekreterare is secretary. The agenda is the
    /// five points on what the meeting goes through (the other points are the rules kept in
    /// the fields). The foster family attends when there is one, so it is not required.
    public static let trampolinenFollowUp = MeetingType(
        key: "trampolinen-uppfoljning",
        name: "Ragunda Trampolinen: uppstartsmöte/uppföljningsmöte",
        category: .programme,
        purpose: "Gemensam uppföljning en gång per månad av insatsen Ragunda Trampolinen med barnets/elevens familj, förskola/skola och IFO.",
        source: "Rutiner för Ragunda Trampolinen: Uppstartsmöte/Uppföljningsmöte barn/elev och familj",
        invitedRoles: [.principal, .caseOfficer, .guardian, .teacher, .treatmentAssistant, .schoolSocialWorker],
        chairRole: .principal,
        secretaryRole: .caseOfficer,
        convenerRoles: [.caseOfficer],
        agenda: [
            "Vid uppstartsmöte/uppföljningsmöte går ansvariga för mötet igenom upprättad vårdplan/genomförandeplan (IFO) samt Trampolinutredning/handlingsplan (skolan).",
            "Aktuellt läge informeras av respektive profession.",
            "Vårdnadshavare delger sina upplevelser av aktuellt läge.",
            "Behov av förändringar gällande de upprättade planerna.",
            "Nästa mötestillfälle bokas innan mötet avslutas.",
        ],
        childAttendance: .onDecision,
        staffTalkWithChild: true,
        requiresConsent: true,
        minutesRecipients: [.principal, .guardian]
    )

    /// Seed 004 "Hur går en SIP till?": the pre-meeting's five points are `preparation`, the
    /// SIP meeting's seven points the agenda (the last, sending the protocol, is kept as the
    /// seed lists it). Needs parties of both the municipality and the region, and a SIP
    /// consent naming every party.
    public static let sipMeeting = MeetingType(
        key: "sip-mote",
        name: "SIP-möte (samordnad individuell plan)",
        category: .sip,
        purpose: "SIP syftar till att skapa delaktighet och inflytande för barnet/familjen. SIP ska också skapa tydlighet över vem som ansvarar för vad, så att inget ska falla mellan stolarna.",
        source: "Tidiga Samordnade Insatser i Dals-Eds kommun: Hur går en SIP till?",
        invitedRoles: [.guardian, .child, .sipResponsible, .region],
        chairRole: .sipResponsible,
        convenerRoles: [.sipResponsible],
        requiredAssignments: [.sipResponsible],
        preparation: [
            "Ansvarig för SIP- mötet går igenom frågeställningar och syfte med SIP-mötet tillsammans med barnet och vårdnadshavare.",
            "Tillsammans bestäms vilka parter som ska bjudas in till SIP-mötet.",
            "Samtycke inhämtas.",
            "SIP ansvarig skickar kallelse till berörda parter.",
            "Ansvarig för SIP och barnet/vårdnadshavare börjar tillsammans att fylla i ett SIP-protokoll.",
        ],
        agenda: [
            "Sammanhangsmarkering görs, där alla får presentera sig och vilka roller de har.",
            "Nuläget: vad fungerar bra/vad är svårare, vilka stödkontakter/insatser finns idag och från vem? Alla parter behöver komma till tals och uttrycka vad som fungerar bra och vilka utmaningar de ser.",
            "Behov identifieras för att det ska bli bättre för barnet.",
            "Planering av vad som ska göras, vem som har ansvaret och när ska det ske.",
            "Ansvarig för SIP sammanfattar de punkter man har enats om för att tydliggöra allas ansvar.",
            "Ett uppföljningsmöte för SIP bokas in.",
            "Protokoll skickas till vårdnadshavare. Svarskuvert skickas med så att skolan får protokoll med vårdnadshavares underskrift. SIP protokollet behöver inte skrivas under, men det är viktigt att sammanfatta vad man kommit fram till och fråga den enskilde om hen samtycker till planeringen.",
        ],
        childAttendance: .invited,
        requiresConsent: true,
        consentPurposes: [.sip],
        minutesRecipients: [.guardian]
    )
}
