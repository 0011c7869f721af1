/// Every legal reference Samverka shows lives here, in one table (DOMAIN §7). SoL 2025:400
/// replaced SoL 2001:453 on 1 July 2025; the seeds cite the old paragraphs, so both are
/// kept. A municipality verifies the paragraphs against the official text.
public enum LegalReference: String, Sendable, CaseIterable {
    case dutyToReport
    case feedbackToReporter
    case protectionAssessment
    case preAssessment
    case investigationTime
    case reportersDutyToInform
    case dutyToCollaborate
    case sip
    case assistance
    case followUp
    case documentation
    case retention
    case schoolDutyToCollaborate
    case socialServicesSecrecy
    case schoolHealthSecrecy
    case studentHealthSecrecy
    case consentLiftsSecrecy
    case reportSecrecyAtSchool
    case accessControlAndLogReview
    case specialCategoryData
    case impactAssessment
    case childsBestInterestsAndRightToBeHeard
    case rightOfAccess
    case reporterIdentitySecrecy
    case digitalAccessibility

    public var topic: String { Self.table[self]!.topic }
    /// The paragraph in force, e.g. "SoL (2025:400) 19 kap. 1 §".
    public var current: String { Self.table[self]!.current }
    /// The paragraph before 1 July 2025, where the seeds cite it.
    public var previous: String? { Self.table[self]!.previous }

    private struct Entry {
        let topic: String
        let current: String
        let previous: String?
    }

    private static let table: [LegalReference: Entry] = [
        .dutyToReport: .init(topic: "Anmälningsskyldighet vid oro för barn", current: "SoL (2025:400) 19 kap. 1 §", previous: "SoL (2001:453) 14 kap. 1 §"),
        .feedbackToReporter: .init(topic: "Återkoppling till anmälaren om utredning inleds", current: "SoL (2025:400) 19 kap. 6 §; OSL 26 kap. 9 a §", previous: "SoL (2001:453) 14 kap. 1 b §"),
        .protectionAssessment: .init(topic: "Skyddsbedömning genast", current: "SoL (2025:400) 20 kap. 1 §", previous: "SoL (2001:453) 11 kap. 1 a §"),
        .preAssessment: .init(topic: "Förhandsbedömning inom 14 dagar", current: "SoL (2025:400) 20 kap. 2 §", previous: "SoL (2001:453) 11 kap. 1 a §"),
        .investigationTime: .init(topic: "Utredning inom fyra månader, förlängning", current: "SoL (2025:400) 20 kap. 3 §", previous: "SoL (2001:453) 11 kap. 2 §"),
        .reportersDutyToInform: .init(topic: "Anmälares uppgiftsskyldighet", current: "SoL (2025:400) 20 kap. 6 §", previous: "SoL (2001:453) 14 kap. 1 §"),
        .dutyToCollaborate: .init(topic: "Skyldighet att samverka kring barn som far illa", current: "SoL (2025:400) 18 kap. 6 §", previous: "SoL (2001:453) 5 kap. 1 a §"),
        .sip: .init(topic: "Samordnad individuell plan (SIP)", current: "SoL (2025:400) 10 kap. 8–9 §§", previous: "SoL (2001:453) 2 kap. 7 §"),
        .assistance: .init(topic: "Bistånd", current: "SoL (2025:400) 11 kap. 1 §", previous: "SoL (2001:453) 4 kap. 1 §"),
        .followUp: .init(topic: "Uppföljning efter avslutad utredning eller placering, högst sex månader", current: "SoL (2025:400) 23 kap. 1–5 §§", previous: "SoL (2001:453) 11 kap. 4 a–c §§"),
        .documentation: .init(topic: "Dokumentation", current: "SoL (2025:400) 14 kap. 3–7 §§", previous: "SoL (2001:453) 11 kap. 5–6 §§"),
        .retention: .init(topic: "Gallring och bevarande", current: "SoL (2025:400) 16 kap. 1–2 a §§", previous: "SoL (2001:453) 12 kap. 1–2 §§"),
        .schoolDutyToCollaborate: .init(topic: "Skolans skyldighet att samverka", current: "Skollagen (2010:800) 29 kap. 13 §", previous: nil),
        .socialServicesSecrecy: .init(topic: "Sekretess inom socialtjänsten", current: "OSL (2009:400) 26 kap. 1 §", previous: nil),
        .schoolHealthSecrecy: .init(topic: "Sekretess i skolan och elevhälsan", current: "OSL (2009:400) 23 kap. 1–2 §§", previous: nil),
        .studentHealthSecrecy: .init(topic: "Sekretess inom elevhälsan (anmälan till elevhälsoteamet)", current: "OSL (2009:400) 23 kap. 2 §", previous: nil),
        .consentLiftsSecrecy: .init(topic: "Samtycke häver sekretess", current: "OSL (2009:400) 12 kap. 2–3 §§", previous: nil),
        .reportSecrecyAtSchool: .init(topic: "Sekretess för uppgifter om anmälan hos skolan", current: "OSL (2009:400) 40 kap. 7 g §", previous: nil),
        .accessControlAndLogReview: .init(topic: "Behörighetsstyrning och återkommande loggkontroll", current: "SoLPuL (2001:454) 10 §", previous: nil),
        .specialCategoryData: .init(topic: "Känsliga personuppgifter", current: "GDPR art. 9", previous: nil),
        .impactAssessment: .init(topic: "Konsekvensbedömning avseende dataskydd", current: "GDPR art. 35", previous: nil),
        .childsBestInterestsAndRightToBeHeard: .init(topic: "Barnets bästa och barnets rätt att fritt uttrycka sina åsikter", current: "Barnkonventionen, lag (2018:1197), art. 3 och 12", previous: nil),
        .rightOfAccess: .init(topic: "Registerutdrag: den registrerades rätt till tillgång", current: "GDPR art. 15", previous: nil),
        .reporterIdentitySecrecy: .init(topic: "Sekretess för anmälarens identitet", current: "OSL (2009:400) 26 kap. 5 §", previous: nil),
        .digitalAccessibility: .init(topic: "Tillgänglighet till digital offentlig service", current: "Lag (2018:1937) om tillgänglighet till digital offentlig service", previous: nil),
    ]
}
