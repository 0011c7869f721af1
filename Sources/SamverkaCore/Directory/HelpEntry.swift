import Foundation

/// An entry of the directory of external help (seed 004 §8 and section 1): who offers what,
/// for which ages, how to reach them and a link. Data: shipped from the seed, kept current by
/// the administrator; a retired entry stays for the record but is no longer offered.
public struct HelpEntry: Sendable, Hashable {
    public var id: RecordID
    public var name: String
    public var offers: String
    /// The ages it is for, both ends included; nil: no bound (e.g. for parents-to-be).
    public var ageFrom: Int?
    public var ageTo: Int?
    public var contact: String
    public var link: String?
    public var retired: Bool

    public init(id: RecordID = 0, name: String, offers: String, ageFrom: Int?, ageTo: Int?, contact: String, link: String?, retired: Bool = false) {
        self.id = id
        self.name = name
        self.offers = offers
        self.ageFrom = ageFrom
        self.ageTo = ageTo
        self.contact = contact
        self.link = link
        self.retired = retired
    }

    /// "3–12 år", "från 13 år", "alla åldrar".
    public var agesText: String {
        switch (ageFrom, ageTo) {
        case let (from?, to?): "\(from)–\(to) år"
        case let (from?, nil): "från \(from) år"
        case let (nil, to?): "upp till \(to) år"
        case (nil, nil): "alla åldrar"
        }
    }

    public func isFor(age: Int) -> Bool {
        (ageFrom.map { age >= $0 } ?? true) && (ageTo.map { age <= $0 } ?? true)
    }
}

/// What an administrator types for an entry.
public struct HelpEntryInput: Sendable, Hashable {
    public var name = ""
    public var offers = ""
    public var ageFrom = ""
    public var ageTo = ""
    public var contact = ""
    public var link = ""
    public var retired = false

    public init() {}

    public init(_ entry: HelpEntry) {
        name = entry.name
        offers = entry.offers
        ageFrom = entry.ageFrom.map(String.init) ?? ""
        ageTo = entry.ageTo.map(String.init) ?? ""
        contact = entry.contact
        link = entry.link ?? ""
        retired = entry.retired
    }
}

/// Field keys: `name`, `offers`, `age_from`, `age_to`, `contact`, `link`.
public enum HelpEntryRules {
    public static func validate(_ input: HelpEntryInput, id: RecordID = 0) -> Result<HelpEntry, FieldErrors> {
        var errors = FieldErrors()
        let name = TextRules.required(input.name, field: "name", label: DirectoryMessages.nameLabel, max: 200, into: &errors)
        let offers = TextRules.trimmed(input.offers)
        if offers.isEmpty { errors.add("offers", DirectoryMessages.offersMissing) } else if offers.count > 4000 { errors.add("offers", DirectoryMessages.tooLong(DirectoryMessages.offersLabel, max: 4000)) }
        func age(_ value: String, field: String) -> Int? {
            let text = TextRules.trimmed(value)
            guard !text.isEmpty else { return nil }
            guard let age = Int(text), (0...120).contains(age) else { errors.add(field, DirectoryMessages.ageInvalid); return nil }
            return age
        }
        let from = age(input.ageFrom, field: "age_from"), to = age(input.ageTo, field: "age_to")
        if let from, let to, from > to { errors.add("age_to", DirectoryMessages.agesReversed) }
        let contact = TextRules.trimmed(input.contact)
        if contact.isEmpty { errors.add("contact", DirectoryMessages.contactMissing) } else if contact.count > 2000 { errors.add("contact", DirectoryMessages.tooLong(DirectoryMessages.contactLabel, max: 2000)) }
        let link = TextRules.optional(input.link, field: "link", label: DirectoryMessages.linkLabel, max: 500, into: &errors)
        if let link, !(link.hasPrefix("https://") || link.hasPrefix("http://")) || link.contains(" ") { errors.add("link", DirectoryMessages.linkInvalid) }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(HelpEntry(id: id, name: name, offers: offers, ageFrom: from, ageTo: to, contact: contact, link: link, retired: input.retired))
    }
}

extension HelpEntry {
    /// The directory as shipped: the seed's own words where it has them (seed 004 §8 and
    /// section 1, "Senast uppdaterad: 220622"); the municipality updates the contacts.
    public static let shipped: [HelpEntry] = [
        HelpEntry(name: "Första linjen", offers: "En första instans för barn och unga med mild till måttlig psykisk ohälsa. Vårdcentralen bedömer om den kan ge stöd och hjälp, om en vårdcentral med tilläggsuppdrag (psykologer/psykoterapeuter och socionomer, behandling enskilt och i grupp) ska bistå, eller om BUP behövs för specialistvård.",
                  ageFrom: 6, ageTo: 17, contact: "Vårdnadshavare och/eller barn/ungdom vänder sig i första hand till den vårdcentral de är listade på, här Närhälsan Dals-Ed. Hit kan man söka från förskoleklass tills barnet fyller 18 år.",
                  link: "https://www.narhalsan.se/hitta-mottagning/dals-ed/narhalsan-dals-ed-varldcentral/"),
        HelpEntry(name: "En väg in", offers: "Ett kontaktcenter för barn och unga i Västra Götaland som mår psykiskt dåligt, och för deras vårdnadshavare och närstående, dit man kan vända sig för att få hjälp och stöd.",
                  ageFrom: 0, ageTo: 17, contact: "Via 1177 Västra Götaland.",
                  link: "https://www.1177.se/Vastra-Gotaland/liv--halsa/psykisk-halsa/att-soka-stod-och-hjalp/en-vag-in-vgr/"),
        HelpEntry(name: "Barnmorskemottagningen (BMM)", offers: "Barnmorskemottagningen i Dals-Ed.",
                  ageFrom: nil, ageTo: nil, contact: "Dals-Eds barnmorskemottagning.",
                  link: "https://www.vgregion.se/halsa-och-varld/barnmorskemottagning/hitta-mottagning/dals-ed/dals-ed-barnmorskemottagning/"),
        HelpEntry(name: "Barnavårdscentralen (BVC)", offers: "Barnavårdscentralen i Dals-Ed, med föräldragrupper för nyblivna föräldrar under barnets första år (babymassage, matprat, vardagsliv, barnsäkerhet och språkutveckling).",
                  ageFrom: 0, ageTo: 5, contact: "Närhälsan Dals-Ed barnavårdscentral.",
                  link: "https://www.narhalsan.se/hitta-mottagning/dals-ed/narhalsan-dals-ed-barnavardscentral/"),
        HelpEntry(name: "Ungdomsmottagningen (UMO)", offers: "Här kan man få kunskap om kroppen, sex, relationer, psykisk hälsa, alkohol och droger, självkänsla och mycket annat. Ungdomsmottagningen finns lokalt i kommunen men också digitalt (umo.se).",
                  ageFrom: 13, ageTo: 25, contact: "Dals-Eds ungdomsmottagning, eller digitalt på umo.se.",
                  link: "https://www.vgregion.se/halsa-och-varld/ungdomsmottagning/hitta-mottagning/dals-ed/dals-ed-ungdomsmottagning/"),
        HelpEntry(name: "Insatser enligt LSS", offers: "Kommunens verksamhet kring lagen om stöd och service till vissa funktionshindrade (LSS).",
                  ageFrom: nil, ageTo: nil, contact: "Dals-Eds kommun, funktionsnedsättning.",
                  link: "https://www.dalsed.se/stod-omsorg-och-halsa/funktionsnedsattning/insatser-enligt-lss/"),
        HelpEntry(name: "Habiliteringen (HAB)", offers: "Habiliteringen för barn och ungdom.",
                  ageFrom: 0, ageTo: 17, contact: "Habilitering barn och ungdom, Vänersborg.",
                  link: "https://www.vgregion.se/f/habilitering-och-halsa/mottagningar/habilitering-mottagningar/barn-och-ungdom/vanersborg-barn-och-ungdom/"),
        HelpEntry(name: "ABC föräldrastöd (Alla Barn i Centrum)", offers: "Föräldrastöd för föräldrar med barn mellan 3 och 12 år, som främjar barns utveckling genom att stärka relationen mellan föräldrar och barn. Fem träffar i grupp med olika teman; två till fyra uppstartsgrupper varje år.",
                  ageFrom: 3, ageTo: 12, contact: "Socialtjänstens familjebehandlare, som också kommer ut till förskolor och skolor och berättar om ABC.",
                  link: nil),
        HelpEntry(name: "Familjecentralen", offers: "En mötesplats för föräldrar och barn 0–6 år (till och med det år barnet fyller 6): öppen förskola, babycafé för föräldrar med barn 0–1 år, föräldragrupper via BVC för nyblivna föräldrar och familjeförskola. Familjebehandlare kan erbjuda råd- och stödsamtal.",
                  ageFrom: 0, ageTo: 6, contact: "Familjecentralen; familjeförskolan nås via BVC, socialtjänsten BoU eller förskola/skola.",
                  link: nil),
    ]
}
