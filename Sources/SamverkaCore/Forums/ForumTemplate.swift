/// A forum of the seeds as shipped: everything but its members and what it covers, which
/// the municipality fills in (an LSG per area, an EHT per school). The routine texts are the
/// seeds' own words.
public struct ForumTemplate: Sendable, Hashable {
    public var kind: ForumKind
    public var name: String
    public var meetingsPerPeriod: Int?
    public var period: ForumPeriod
    public var childItems: ForumChildItems
    public var routine: String
    public var meetingTypeKey: String
    /// Where the routine comes from.
    public var source: String

    public func forum(id: RecordID, name: String? = nil, covers: String, members: [ForumMember]) -> Forum {
        Forum(id: id, kind: kind, name: name ?? self.name, covers: covers, members: members, meetingsPerPeriod: meetingsPerPeriod, period: period,
              childItems: childItems, routine: routine, meetingTypeKey: meetingTypeKey)
    }
}

extension ForumTemplate {
    static let botkyrka = "Kraftsamlings styrdokument, Botkyrka (2016)"
    static let dalsEd = "Tidiga Samordnade Insatser, Dals-Ed"
    static let routine003 = "Samverkansrutin mellan skola och socialtjänst (2022)"

    public static let shipped: [ForumTemplate] = [
        .init(kind: .managementGroup, name: "Ledningsgrupp för Kraftsamling", meetingsPerPeriod: nil, period: .calendarYear, childItems: .deidentified,
              routine: "Ledningsgruppen för Kraftsamling ansvarar för att målen för Kraftsamling uppfylls och att Kraftsamling är en del av ordinarie ledningsstruktur. Ledningsgruppen har delat ordförandeskap med en verksamhetschef från socialförvaltningen och en verksamhetschef från utbildningsförvaltningen.",
              meetingTypeKey: MeetingType.forumMeeting.key, source: botkyrka),
        .init(kind: .localCollaborationGroup, name: "Lokal samverkansgrupp", meetingsPerPeriod: 5, period: .calendarYear, childItems: .deidentified,
              routine: "För förskolechef, rektor (förutom gymnasieskolan) och sektionschef inom socialförvaltningens resursenhet och utredningsenhet är det obligatoriskt att ingå i en lokal samverkansgrupp. I varje lokal samverkansgrupp finns två ordföranden, en från utbildningsförvaltningen och en från socialförvaltningen. Lokala samverkansgrupperna träffas med regelbundenhet, minst fem gånger per år.",
              meetingTypeKey: MeetingType.forumMeeting.key, source: botkyrka),
        .init(kind: .contactPersons, name: "Socialtjänstens kontaktpersoner", meetingsPerPeriod: nil, period: .schoolYear, childItems: .deidentified,
              routine: "Varje grundskola och gymnasieskola har en eller två kontaktpersoner från socialtjänstens utredningsenhet och/eller resursenhet knutna till sig. Kontaktpersonerna besöker skolans elevhälsoteam regelbundet. Rektor och kontaktpersoner ansvarar tillsammans för att varje termin göra en plan för antal träffar och träffarnas innehåll utifrån de behov som skolan och socialtjänsten identifierar.",
              meetingTypeKey: MeetingType.forumMeeting.key, source: botkyrka),
        .init(kind: .childCollaboration, name: "Barnsamverkan 1–5 år", meetingsPerPeriod: 3, period: .schoolYear, childItems: .withConsent,
              routine: "Barnsamverkan är ett forum för samverkan mellan BVC, socialtjänsten BoU, förskolan och förskolans barnhälsoteam. Det är tre sammankomster per läsår, en på hösten och två på våren. För att samverkan ska kunna ske behövs ett samtycke från vårdnadshavarna.",
              meetingTypeKey: MeetingType.forumMeeting.key, source: dalsEd),
        .init(kind: .pupilCollaboration, name: "Elevsamverkan 6–9 år", meetingsPerPeriod: 3, period: .schoolYear, childItems: .withConsent,
              routine: "Elevsamverkan är ett forum för samverkan mellan socialtjänsten BoU, skolan och skolans EHT. Det är tre sammankomster per läsår, en på hösten och två på våren. För att samverkan ska kunna ske behövs ett samtycke från vårdnadshavarna.",
              meetingTypeKey: MeetingType.forumMeeting.key, source: dalsEd),
        .init(kind: .childHealthTeam, name: "Barnhälsoteam", meetingsPerPeriod: nil, period: .schoolYear, childItems: .withConsent,
              routine: "Barnhälsoteam finns på alla förskolor i Dals-Eds kommun. Där ingår rektor, specialpedagog och insatskoordinator. Tillgång till psykolog finns.",
              meetingTypeKey: MeetingType.forumMeeting.key, source: dalsEd),
        .init(kind: .studentHealthTeam, name: "Elevhälsoteam", meetingsPerPeriod: nil, period: .schoolYear, childItems: .withConsent,
              routine: "På respektive skola finns ett elevhälsoteam som omfattar rektor, specialpedagog, speciallärare, skolsköterska, skolkurator och insatskoordinator. Rektor står för beslutsfattandet.",
              meetingTypeKey: MeetingType.forumMeeting.key, source: dalsEd),
        .init(kind: .safetyTeam, name: "Trygghetsteam", meetingsPerPeriod: nil, period: .schoolYear, childItems: .deidentified,
              routine: "Trygghetsteamet är ett komplement till elevhälsoteamet. Trygghetsteamets huvuduppgift är att se över studiero och trygghet på skolan.",
              meetingTypeKey: MeetingType.forumMeeting.key, source: dalsEd),
        // "Gruppen träffas en gång i månaden": counted as ten meetings in a school year (no meetings in July and one month's break).
        .init(kind: .sspf, name: "SSPF – skola, socialtjänst, polis och fritid", meetingsPerPeriod: 10, period: .schoolYear, childItems: .never,
              routine: "Syftet med gruppen är att få en helhetsbild kring barn och unga i vårt samhälle samt att samtliga verksamheter kan se över hur de arbetar främjande och förebyggande gällande normbrytande beteende, kriminalitet och missbruk. Gruppen träffas en gång i månaden och gör en avstämning kring nuläget. Inga individärenden lyfts, utan samtal sker på en övergripande grupp och samhällsnivå.",
              meetingTypeKey: MeetingType.forumMeeting.key, source: dalsEd),
        .init(kind: .twiceYearlyMeeting, name: "Samverkansmöte i april och oktober", meetingsPerPeriod: 2, period: .calendarYear, childItems: .deidentified,
              routine: "Elevhälsochef inom bildningsförvaltningen och enhetschef inom IFO/bistånd kallar till ett samverkansmöte två gånger/år, april och oktober, där representanter för elevhälsan, rektor, socialtjänst och familjeteam finns representerade.",
              meetingTypeKey: MeetingType.twiceYearlyCollaborationMeeting.key, source: routine003),
        .init(kind: .yearlyHalfDay, name: "Gemensam halvdag", meetingsPerPeriod: 1, period: .calendarYear, childItems: .never,
              routine: "En gång per år har förskolan/skolan och socialtjänst BoU en halvdag ihop för att stärka samverkan och förståelsen för varandras professioner samt möjliggöra gemensam kompetensutveckling i form av föreläsningar etc.",
              meetingTypeKey: MeetingType.forumMeeting.key, source: dalsEd),
        .init(kind: .collaborationDay, name: "Kraftsamlingsdagen", meetingsPerPeriod: 1, period: .calendarYear, childItems: .never,
              routine: "I oktober hålls den årliga Kraftsamlingsdagen. Ansvar för dagen ambuleras mellan de olika lokala samverkansgrupperna.",
              meetingTypeKey: MeetingType.forumMeeting.key, source: botkyrka),
    ]

    public static func shipped(_ kind: ForumKind) -> ForumTemplate { shipped.first { $0.kind == kind }! }
}
