/// The routines of seed 003 whose responsibilities are written out per side ("Vi
/// säkerställer att …").
public enum ResponsibilityRoutine: String, Sendable, Hashable, CaseIterable {
    case information
    case report
    case collaborationMeeting = "collaboration-meeting"

    public var title: String {
        switch self {
        case .information: "Information och kommunikation"
        case .report: "Anmälan"
        case .collaborationMeeting: "Samverkansmöte"
        }
    }

    /// The forums whose work the routine's responsibilities are about, shown with them.
    public var forumKinds: Set<ForumKind> {
        switch self {
        case .information: [.twiceYearlyMeeting, .managementGroup, .localCollaborationGroup]
        case .report: [.studentHealthTeam, .childHealthTeam, .contactPersons]
        case .collaborationMeeting: [.childCollaboration, .pupilCollaboration, .studentHealthTeam, .childHealthTeam, .contactPersons]
        }
    }

    public static func shown(with kind: ForumKind) -> [ResponsibilityRoutine] { allCases.filter { $0.forumKinds.contains(kind) } }
}

/// One side's responsibility in a routine, as the municipality words it: who answers for it
/// and what they ensure, one point per line. Stored; shipped with seed 003's words.
public struct Responsibility: Sendable, Hashable {
    public var key: String
    public var routine: ResponsibilityRoutine
    /// "Bildningsförvaltningen", "Socialförvaltningen" or both.
    public var administration: String
    public var responsible: String
    public var ensures: [String]

    public init(key: String, routine: ResponsibilityRoutine, administration: String, responsible: String, ensures: [String]) {
        self.key = key
        self.routine = routine
        self.administration = administration
        self.responsible = responsible
        self.ensures = ensures
    }
}

public enum ResponsibilityRules {
    /// The responsible person and the points, one per line. Field keys `responsible`, `ensures`.
    public static func validate(responsible: String, ensures: String) -> Result<(responsible: String, ensures: [String]), FieldErrors> {
        var errors = FieldErrors()
        let who = TextRules.required(responsible, field: "responsible", label: DirectoryMessages.responsibleLabel, max: 200, into: &errors)
        let points = ensures.split(whereSeparator: \.isNewline).map { TextRules.trimmed(String($0)) }.filter { !$0.isEmpty }
        if points.isEmpty { errors.add("ensures", DirectoryMessages.responsibilityMissing) }
        if points.contains(where: { $0.count > 2000 }) { errors.add("ensures", DirectoryMessages.tooLong("En punkt", max: 2000)) }
        guard errors.isEmpty else { return .failure(errors) }
        return .success((who, points))
    }
}

extension Responsibility {
    static let school = "Bildningsförvaltningen"
    static let social = "Socialförvaltningen"

    /// Seed 003 ("Samverkansrutin mellan skola och socialtjänst", 2022), word for word.
    public static let shipped: [Responsibility] = [
        .init(key: "information-school", routine: .information, administration: school, responsible: "Rektor", ensures: [
            "Vi bjuder in personal från individ- och familjeomsorgen till våra föräldramöten för att möjliggöra för familjeteamet att informera om tillgängligt föräldrastöd i kommunen. Detta sker vid ett tillfälle under varje barns/elevs förskole-, lågstadie-, mellanstadie-, högstadie- och gymnasietid.",
            "Vi är socialtjänsten behjälpliga med att sprida information som de vill nå ut med till vårdnadshavare. Detta sker genom rektorer för vidare spridning via Schoolsoft eller dylikt.",
            "Vi kommer till samverkansmötet som elevhälsochef och enhetschef för IFO/bistånd kallar till två gånger/år, med syfte att följa upp framarbetade rutiner för samverkan.",
        ]),
        .init(key: "information-social", routine: .information, administration: social, responsible: "Avdelningschef IFO/Bistånd", ensures: [
            "Personal från individ- och familjeomsorgen kommer till de föräldramöten som förskolan/skolan bjuder in till och ger information om tillgängligt föräldrastöd.",
            "Vi skickar i början av varje läsår ut aktuellt material gällande tillgängligt föräldrastöd samt annat informationsmaterial som kan vara av värde för förskolor och skolor. Materialet skickas till rektorer för vidare spridning via Schoolsoft eller dylikt.",
            "Vi kommer till samverkansmötet som elevhälsochef och enhetschef för IFO/bistånd kallar till två gånger/år, med syfte att följa upp framarbetade rutiner för samverkan.",
        ]),
        .init(key: "report-school", routine: .report, administration: school, responsible: "Rektor", ensures: [
            "Alla på förskolan/skolan känner till anmälningsplikten och framarbetade anmälningsrutiner genom ”Handlingsplan för förskola/skola då man känner oro eller misstänker att barn/elever far illa”.",
            "Vårdnadshavare har fått information om att en anmälan ska göras. Om oron gäller misstänkt misshandel eller sexuella övergrepp ska förskolan/skolan ta direkt kontakt/göra en anmälan till socialtjänsten. Vårdnadshavare ska i dessa fall inte informeras om att en anmälan ska göras.",
            "Vi prioriterar att komma till det möte som socialtjänsten bjuder in till i samband med anmälningar.",
            "Om anmälaren önskar återkoppling gällande beslut om inledd utredning eller ej, tar anmälaren kontakt med socialtjänsten efter två veckor.",
            "Anmälan kan göras skriftligt via brev eller e-tjänst. Vid akut behov kan anmälan göras på telefon och den skriftliga anmälan kan inkomma senare.",
        ]),
        .init(key: "report-social", routine: .report, administration: social, responsible: "Enhetschef IFO/Bistånd", ensures: [
            "Vi finns tillgängliga för anonym konsultation inför en eventuell anmälan.",
            "Vi tar emot anmälan från förskolan/skolan muntligen, därefter ska den även inkomma skriftligt.",
            "Vi informerar den som har gjort anmälan om att anmälan tagits emot och av vem.",
            "Om anmälaren hör av sig lämnar vi information om att en utredning har inletts eller ej, eller redan pågår.",
            "Vi finns vid behov tillgängliga för ett anmälningsmöte i samband med en anmälan.",
        ]),
        .init(key: "collaboration-meeting", routine: .collaborationMeeting, administration: "Bildningsförvaltningen och socialförvaltningen", responsible: "Rektor och avdelningschef IFO/bistånd", ensures: [
            "Vi alltid överväger om det skulle vara av värde för barnet/eleven med ett gemensamt möte oavsett om barnet/eleven redan har kontakt med socialtjänsten eller ej. Behovet kan vara alltifrån när vi uppmärksammar behov kring barnet/eleven som inte ger skäl för en orosanmälan, till barn/elever där flera orosanmälningar redan gjorts men där vi uppfattar att ingen förändring skett. Vi säkrar alltid barns/elevs och vårdnadshavares samtycke och delaktighet i samband med dessa möten.",
            "Då någon av parterna anser att behov finns för ett gemensamt möte använder vi ”Samverkansmodellen”.",
            "Då samverkan ska kunna ske så smidigt som möjligt för alla parter, delges vårdnadshavare information så snart som möjligt och informeras även om samtycke genom framtagen blankett, varpå detta undertecknas. Det är processbärarens (initiativtagarens) ansvar att detta sker.",
        ]),
    ]
}
