/// What a person typed into the child form, before validation. Kept as typed so a form
/// with errors can be shown again with nothing lost.
public struct ChildInput: Sendable, Hashable {
    public var identityNumber: String
    public var givenName: String
    public var familyName: String
    public var unitID: String
    public var grade: String
    public var protectedIdentity: Bool
    public var streetAddress: String
    public var postalCode: String
    public var city: String
    /// The person confirmed a grade that does not fit the age (`GradeAge`).
    public var gradeConfirmed: Bool

    public init(
        identityNumber: String = "", givenName: String = "", familyName: String = "", unitID: String = "",
        grade: String = "", protectedIdentity: Bool = false, streetAddress: String = "", postalCode: String = "",
        city: String = "", gradeConfirmed: Bool = false
    ) {
        self.gradeConfirmed = gradeConfirmed
        self.identityNumber = identityNumber
        self.givenName = givenName
        self.familyName = familyName
        self.unitID = unitID
        self.grade = grade
        self.protectedIdentity = protectedIdentity
        self.streetAddress = streetAddress
        self.postalCode = postalCode
        self.city = city
    }
}

/// A child's registry data that passed validation.
public struct ChildRegistration: Sendable, Hashable {
    public var identityNumber: IdentityNumber
    public var givenName: String
    public var familyName: String
    public var enrolmentUnitID: RecordID?
    public var grade: String?
    public var protectedIdentity: Bool
    public var address: PostalAddress

    public init(identityNumber: IdentityNumber, givenName: String, familyName: String, enrolmentUnitID: RecordID?, grade: String?, protectedIdentity: Bool, address: PostalAddress) {
        self.identityNumber = identityNumber
        self.givenName = givenName
        self.familyName = familyName
        self.enrolmentUnitID = enrolmentUnitID
        self.grade = grade
        self.protectedIdentity = protectedIdentity
        self.address = address
    }

    /// Validates every field at once, so the person sees all problems together.
    /// `enrolmentUnits` are the units the person may choose from.
    public static func validate(_ input: ChildInput, enrolmentUnits: [OrgUnit], unitRequired: Bool, today: SimpleDate) -> Result<ChildRegistration, FieldErrors> {
        var errors = FieldErrors()
        var number: IdentityNumber?
        switch IdentityNumber.parse(input.identityNumber, today: today) {
        case .success(let parsed): number = parsed
        case .failure(let error): errors.add("identity_number", error.message)
        }
        let given = TextRules.requiredName(input.givenName, field: "given_name", label: "Förnamn", max: 100, into: &errors)
        let family = TextRules.requiredName(input.familyName, field: "family_name", label: "Efternamn", max: 100, into: &errors)
        let grade = TextRules.optional(input.grade, field: "grade", label: "Årskurs/avdelning", max: 40, into: &errors)
        var unitID: RecordID?
        let unitText = TextRules.trimmed(input.unitID)
        if unitText.isEmpty {
            if unitRequired { errors.add("unit_id", "Välj skola eller förskola.") }
        } else if let id = RecordID(unitText), enrolmentUnits.contains(where: { $0.id == id }) {
            unitID = id
        } else {
            errors.add("unit_id", "Välj en skola eller förskola i listan.")
        }
        let address = PostalAddress.validate(street: input.streetAddress, postalCode: input.postalCode, city: input.city, into: &errors)
        if let number, let grade, !input.gradeConfirmed, let mismatch = GradeAge.mismatch(grade: grade, born: number.birthDate, today: today) {
            errors.add("grade", mismatch)
        }
        guard errors.isEmpty, let number else { return .failure(errors) }
        return .success(ChildRegistration(
            identityNumber: number, givenName: given, familyName: family, enrolmentUnitID: unitID,
            grade: grade, protectedIdentity: input.protectedIdentity, address: address
        ))
    }
}

public struct PostalAddress: Sendable, Hashable {
    public var street: String?
    public var postalCode: String?
    public var city: String?

    public init(street: String? = nil, postalCode: String? = nil, city: String? = nil) {
        self.street = street
        self.postalCode = postalCode
        self.city = city
    }

    public var isEmpty: Bool { street == nil && postalCode == nil && city == nil }

    /// Swedish postal codes are five digits, often written "123 45".
    public static func validate(street: String, postalCode: String, city: String, into errors: inout FieldErrors) -> PostalAddress {
        let street = TextRules.optional(street, field: "street_address", label: "Gatuadress", max: 200, into: &errors)
        let city = TextRules.optional(city, field: "city", label: "Postort", max: 100, into: &errors)
        var code = TextRules.trimmed(postalCode).replacingOccurrences(of: " ", with: "")
        if !code.isEmpty, code.count != 5 || !code.allSatisfy(\.isASCIIDigit) {
            errors.add("postal_code", "Postnummer är fem siffror, till exempel 123 45.")
        }
        if code.count == 5 { code.insert(" ", at: code.index(code.startIndex, offsetBy: 3)) }
        return PostalAddress(street: street, postalCode: code.isEmpty ? nil : code, city: city)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

import Foundation
