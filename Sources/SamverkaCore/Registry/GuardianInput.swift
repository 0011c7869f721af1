/// The guardian form as typed.
public struct GuardianInput: Sendable, Hashable {
    public var identityNumber: String
    public var givenName: String
    public var familyName: String
    public var phone: String
    public var email: String
    public var streetAddress: String
    public var postalCode: String
    public var city: String
    public var protectedIdentity: Bool

    public init(identityNumber: String = "", givenName: String = "", familyName: String = "", phone: String = "", email: String = "", streetAddress: String = "", postalCode: String = "", city: String = "", protectedIdentity: Bool = false) {
        self.identityNumber = identityNumber
        self.givenName = givenName
        self.familyName = familyName
        self.phone = phone
        self.email = email
        self.streetAddress = streetAddress
        self.postalCode = postalCode
        self.city = city
        self.protectedIdentity = protectedIdentity
    }
}

public struct GuardianRegistration: Sendable, Hashable {
    public var identityNumber: IdentityNumber?
    public var givenName: String
    public var familyName: String
    public var phone: String?
    public var email: String?
    public var address: PostalAddress
    public var protectedIdentity: Bool

    public init(identityNumber: IdentityNumber?, givenName: String, familyName: String, phone: String?, email: String?, address: PostalAddress, protectedIdentity: Bool) {
        self.identityNumber = identityNumber
        self.givenName = givenName
        self.familyName = familyName
        self.phone = phone
        self.email = email
        self.address = address
        self.protectedIdentity = protectedIdentity
    }

    /// A guardian's number is optional (a parent abroad may have none); when given it must
    /// be valid, because it is how the same guardian is found for siblings.
    public static func validate(_ input: GuardianInput, today: SimpleDate) -> Result<GuardianRegistration, FieldErrors> {
        var errors = FieldErrors()
        var number: IdentityNumber?
        if !TextRules.trimmed(input.identityNumber).isEmpty {
            switch IdentityNumber.parse(input.identityNumber, today: today) {
            case .success(let parsed): number = parsed
            case .failure(let error): errors.add("identity_number", error.message)
            }
        }
        let given = TextRules.requiredName(input.givenName, field: "given_name", label: "Förnamn", max: 100, into: &errors)
        let family = TextRules.requiredName(input.familyName, field: "family_name", label: "Efternamn", max: 100, into: &errors)
        let phone = TextRules.optional(input.phone, field: "phone", label: "Telefon", max: 40, into: &errors)
        if let phone, !phone.allSatisfy({ $0.isASCIIDigit || " +-()".contains($0) }) {
            errors.add("phone", "Telefonnumret får bara innehålla siffror, mellanslag, + och -.")
        }
        let email = TextRules.optional(input.email, field: "email", label: "E-post", max: 200, into: &errors)
        if let email, !Self.looksLikeEmail(email) {
            errors.add("email", "Ange en e-postadress som namn@exempel.se.")
        }
        let address = PostalAddress.validate(street: input.streetAddress, postalCode: input.postalCode, city: input.city, into: &errors)
        guard errors.isEmpty else { return .failure(errors) }
        return .success(GuardianRegistration(identityNumber: number, givenName: given, familyName: family, phone: phone, email: email, address: address, protectedIdentity: input.protectedIdentity))
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !text.contains(" ")
    }
}
