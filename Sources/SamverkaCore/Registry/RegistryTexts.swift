/// The registry's words the store writes: the messages by a form's fields, the reasons in the
/// audit log and the review flags, and the register extract's labels. Kept in Core beside the
/// other Swedish labels so the store writes no text of its own.
public enum RegistryMessages {
    /// The child is unknown, or the person may not see it (the two are told apart by no one).
    public static let notFound = "Barnet finns inte eller så saknar du behörighet."
    public static let searchTooShort = "Skriv minst två bokstäver av namnet eller sex siffror av numret."
    public static let identityNumberMissing = "Ange barnets fullständiga personnummer eller samordningsnummer."
    /// A number that is registered already: the social side registers a report on it, the
    /// school side has the head enrol the child.
    public static func numberAlreadyRegistered(socialSide: Bool) -> String {
        socialSide
            ? "Numret finns redan i registret. Registrera anmälan eller ansökan på numret, så kopplas barnet till er enhet."
            : "Numret finns redan i registret. Rektor eller förskolechef skriver in barnet i er enhet (Inskrivning)."
    }
    public static let enrolmentUnitMissing = "Välj skolan eller förskolan."
    /// A number no child in Samverka has (emergency access, a register extract).
    public static let noChildWithNumber = "Inget barn med det numret finns i Samverka."
    public static let enrolmentNumberUnknown = "Inget barn med det numret finns i registret. Registrera barnet i stället."
}

extension IdentityNumber {
    /// A child's full number typed into a form, or the message by the field when it is not one.
    public static func child(_ text: String?, today: SimpleDate, field: String = "identity_number", into errors: inout FieldErrors) -> IdentityNumber? {
        let number = try? parse(TextRules.trimmed(text), today: today).get()
        if number == nil { errors.add(field, RegistryMessages.identityNumberMissing) }
        return number
    }
}

/// The registry's reasons in the audit log and details of the review flags it raises.
public enum RegistryAuditReasons {
    public static func search(_ text: String, hits: Int) -> String { "Sökning på \"\(text)\", \(hits) träffar" }
    public static let childMissing = "Barnet finns inte"
    public static func childList(_ count: Int) -> String { "Barnlista, \(count) barn visade" }
    /// The audit row's record of a child list: the page read.
    public static func childListPage(_ page: Int) -> String { "sida \(page)" }
    public static let existingNumberShown = "Numret fanns redan; befintligt barn visat"
    public static let existingNumberDenied = "Registrering av ett nummer som redan finns; inget kopplades"
    public static func enrolled(in unit: String, because reason: String) -> String { "Inskriven i \(unit) (\(reason))" }
    public static let guardianRegistered = "Vårdnadshavare registrerad"
    public static let guardianLinked = "Befintlig vårdnadshavare kopplad"

    // Review flag details.
    public static func protectedRead(because reason: String) -> String { "Läsning av barn med skyddade personuppgifter (\(reason))" }
    public static func existingChildEnrolled(in unit: String) -> String { "Befintligt barn inskrivet i \(unit)" }
    public static let existingGuardianLinked = "Befintlig vårdnadshavare kopplad till barnet"
}

/// The registry's sections of a register extract: titles and field labels.
public enum RegistryExtractLabels {
    public static let identityTitle = "Grunduppgifter"
    public static let unitsTitle = "Enheter som barnet är kopplat till"
    public static let guardiansTitle = "Vårdnadshavare"
    /// Why a protected child's address and relatives are left out.
    public static let protectedNote = "Barnet har skyddade personuppgifter: adress och anhöriga lämnas inte ut."

    public static let name = "Namn"
    public static let birthDate = "Födelsedatum"
    public static let unit = "Skola/förskola"
    public static let grade = "Årskurs/avdelning"
    public static let protectedIdentity = "Skyddade personuppgifter"
    public static let yes = "Ja"
    public static let no = "Nej"
    /// Each side's own entry of the address.
    public static func address(side: String?) -> String { "Adress (\(side ?? "okänd"))" }
    public static let registered = "Registrerad"
    public static let lastChanged = "Senast ändrad"
    public static let unitName = "Enhet"
    public static let connection = "Koppling"
    public static let otherConnection = "Annan"
    public static let since = "Sedan"
    public static let identityNumber = "Personnummer"
    public static let registeredBy = "Registrerad av"
    public static let contactDetails = "Kontaktuppgifter"
    public static let contactWithheld = "Lämnas inte ut (skyddade personuppgifter)"
    public static let phone = "Telefon"
    public static let email = "E-post"
    public static let plainAddress = "Adress"
}

/// Why a child is tied to a unit.
public enum ChildUnitReason: String, Sendable {
    case enrolled
    case registered
    /// A report about the child reached this social-services unit.
    case report
    /// The unit investigates the child.
    case investigation

    /// How the register extract names the connection.
    public var label: String {
        switch self {
        case .enrolled: "Inskriven"
        case .registered: "Registrerad av enheten"
        case .report: "Anmälan till enheten"
        case .investigation: "Utredning i enheten"
        }
    }
}
