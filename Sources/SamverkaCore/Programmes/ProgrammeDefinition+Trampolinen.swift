/// Ragunda Trampolinen (seeds 000 and 001), the first programme Samverka ships. Criteria,
/// stage descriptions and document descriptions are the seed's words (wrapped lines joined
/// with one space); `ProgrammeDefinitionTests` compares them with a second copy. The seed
/// cites bistånd under SoL 4:1; the current paragraph comes from the legal table.
extension ProgrammeDefinition {
    public static let shipped: [ProgrammeDefinition] = [trampolinen]

    public static let trampolinen = ProgrammeDefinition(
        key: "ragunda-trampolinen",
        name: "Ragunda Trampolinen",
        purpose: "Ett gemensamt arbete skola–IFO med gemensamma mål och metoder för barn och familjer där stödet baserar sig på helhetssyn, nätverkstänkande och systemiskt förhållningssätt.",
        source: "Rutiner för Ragunda Trampolinen; Ragunda Trampolinen – behandlande skola (beslut att permanenta projektet)",
        criteria: [
            ProgrammeCriterion(.childLevel, "Barn/elev i ålder förskola till och med årskurs 3, finns äldre syskon ingår även de."),
            ProgrammeCriterion(.concernOverTime, "Oro som varat över tid, tex. problematisk frånvaro, normbrytande beteende"),
            ProgrammeCriterion(.measuresNotEnough, "Förskola/Skola resp. IFO (individ och familjeomsorgen) har arbetet med åtgärder som inte räckt till"),
            ProgrammeCriterion(.needsSchoolAndHome, "Upplevelse/kännedom om behov av stöd i både förskole-/skolsituation och hemsituation."),
            ProgrammeCriterion(.familyApplied, "Familjen ansöker om stöd"),
        ],
        // "Även äldre syskon som går i grundskolan omfattas": up to grade 9.
        eligibility: ProgrammeEligibility(targetFrom: .preschool, targetTo: .grade(3), olderSiblingsTo: .grade(9)),
        nominators: [.preschool, .schoolStudentHealth, .socialServices],
        stages: [
            ProgrammeStageText(.nominated, "Förskola - Skola - IFO", "Förskola uppmärksammar barn/familj som kan vara aktuella för Ragunda Trampolinen. Skola uppmärksammar elev/familj vid EHT (elevhälsoträff) som kan vara aktuella för Ragunda Trampolinen. IFO förordar barn/familj som kan vara aktuella för insats Ragunda Trampolinen."),
            ProgrammeStageText(.atSteeringGroup, "Styrgrupp", "Rektor och socialsekreterare initierar ärende/familj till Styrgrupp dvs. verksamhetschef elevhälsan och bitr. IFO-chef. För att ett ärende ska initieras till diskussion i styrgruppen ska det finnas behov av insatser både i förskola/skola och från IFO. Styrgrupp prioriterar och utser de familjer som uppfyller kriterierna för Ragunda Trampolinen."),
            ProgrammeStageText(.selected, "Styrgrupp", "Rektor och socialsekreterare informerar aktuell familj vad deltagande i Ragunda Trampolinen innebär, ansvar och möjlighet samt erbjuder dem insats från IFO och förskola/skola."),
            ProgrammeStageText(.preparation, "Förberedelsearbete inför beviljande av biståndsbeslut av Ragunda Trampolinen", "Förberedelsearbete påbörjas när familjen tackat ja till insats, när förberedelsearbetet med en familj är klart ska insatsen så snart som möjligt komma igång. Innan ett ärende lyfts vidare till beslutsforum ska den planering som upprättats vara förankrad med barn/elev och föräldrar."),
            ProgrammeStageText(.running, "Beslutsforum/Beslutsgrupp", "Vid beslutstillfället deltar rektor vid aktuell förskola/skola, socialsekreterare i ärendet samt verksamhetschef för elevhälsan och biträdande IFO-chef. Vid mötet ska upprättad Trampolinutredning för skola/förskola samt vårdplan för IFO finnas."),
            ProgrammeStageText(.closed, "Avslut med familj", "Under avslutande möte går deltagarna igenom den situation som föranledde aktualisering (Trampolinutredning respektive vårdplanen) vid insatsens början samt nuläge i förhållande till det ursprungliga målet. En viktig aspekt är att samla in erfarenheter från samtliga deltagare för att Ragunda Trampolinen som projekt ska utvecklas."),
            ProgrammeStageText(.followedUp, "Uppföljning", "Socialsekreterare kallar vårdnadshavare, rektor, behandlingsassistent och skolsocionom till uppföljningsmöte efter 3 månader. Syftet är att göra avstämning med familjen om det aktuella nuläget och undersöka om det finns behov av ytterligare stöd från IFO och förskola/skola."),
        ],
        documents: [
            ProgrammeDocumentDefinition(key: "vardplan", name: "Vårdplan", side: .social, writtenBy: [.caseOfficer], phase: .preparation, perChild: true, anchoredWithFamily: true, isPlan: false,
                                        description: "IFO upprättar vårdplan i samverkan med familjen för varje barn (även äldre syskon som går i grundskolan, se kriterier)."),
            ProgrammeDocumentDefinition(key: "trampolinutredning", name: "Trampolinutredning", side: .school, writtenBy: [.principal, .preschoolHead, .schoolSocialWorker, .teacher],
                                        phase: .preparation, perChild: false, anchoredWithFamily: true, isPlan: false,
                                        description: "Skola/förskola ska under förberedelsearbetet upprätta en Trampolinutredning i samverkan med berörda barn/elev och föräldrar. Även äldre barn som går i grundskolan omfattas, se kriterier."),
            ProgrammeDocumentDefinition(key: "genomforandeplan", name: "Genomförandeplan", side: .social, writtenBy: [.treatmentAssistant], phase: .afterDecision, perChild: false, anchoredWithFamily: false, isPlan: true,
                                        description: "Behandlingsassistent upprättar tillsammans med barn och familj en genomförandeplan"),
            ProgrammeDocumentDefinition(key: "handlingsplan", name: "Handlingsplan", side: .school, writtenBy: [.schoolSocialWorker], phase: .afterDecision, perChild: false, anchoredWithFamily: false, isPlan: true,
                                        description: "Skolsocionom upprättar tillsammans med barn och familj en handlingsplan."),
        ],
        meetings: [ProgrammeMeetingDefinition(meetingTypeKey: MeetingType.trampolinenFollowUp.key, cadence: .months(1), purpose: .followUp)],
        checkIn: ProgrammeCheckInDefinition(between: [.treatmentAssistant, .schoolSocialWorker], cadence: .weeks(1),
                                            description: "Behandlingsassistent och skolsocionom har en gemensam avstämning varje vecka gällande nuläge där arbetssättet dokumenteras angående det som fungerar samt inte fungerar."),
        preMeetingFollowUps: [
            ProgrammePreMeetingFollowUp(key: "ifo", heldBy: .treatmentAssistant, with: [.caseOfficer],
                                        description: "Inför månadsuppföljning med föräldrar, skola/förskola och IFO har behandlingsassistent en uppföljning med aktuell socialsekreterare."),
            ProgrammePreMeetingFollowUp(key: "skola", heldBy: .schoolSocialWorker, with: [.principal, .teacher],
                                        description: "Skolsocionom träffar aktuell rektor samt pedagog för att följa upp skolans insatser."),
        ],
        reports: [ProgrammeReportDefinition(name: "Terminsrapport till styrgruppen", recipient: "Styrgruppen", period: .term,
                                            description: "Rektor och socialsekreterare avrapporterar pågående insats till styrgrupp i samband med styrgruppens möten i slutet av varje termin.")],
        followUpAfterClosure: .months(3),
        outcomes: [.attendance, .resultsTowardEligibility, .placementAvoided],
        teamRoles: [.principal, .caseOfficer, .treatmentAssistant, .schoolSocialWorker],
        // "verksamhetschef elevhälsan och bitr. IFO-chef".
        steeringGroupRoles: [.studentHealthHead, .deputyIfoHead, .steeringGroupMember],
        // With the rektor and socialsekreterare of the case, who brought it (the referral).
        decisionForumRoles: [.studentHealthHead, .deputyIfoHead, .decisionForumMember],
        grantLegalBasis: LegalReference.assistance.rawValue
    )
}
