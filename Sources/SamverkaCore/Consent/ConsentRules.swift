import Foundation

/// What a person typed into the consent form, before validation.
public struct ConsentInput: Sendable, Hashable {
    public var giverKind: String = ""
    /// The guardians (registry ids) who gave it.
    public var guardianIDs: [RecordID] = []
    /// With joint custody, why one guardian's consent is enough (otherwise all must give it).
    public var singleGuardianReason: String = ""
    /// The child's own view (required from age 12).
    public var childView: String = ""
    public var unitIDs: [RecordID] = []
    public var staffIDs: [RecordID] = []
    /// Outside parties, one per line (e.g. "BUP Region Jämtland").
    public var externalParties: String = ""
    public var categories: [String] = []
    public var purposeKind: String = ""
    public var purpose: String = ""
    public var validFrom: String = ""
    public var validTo: String = ""
    public var method: String = ""
    /// For a signed form: the uploaded file's size and type (the bytes are checked in the store).
    public var documentSize: Int = 0
    public var documentType: String = ""
    public var witness: String = ""

    public init() {}
}

/// What the registry knows about the child when a consent is registered.
public struct ConsentChildFacts: Sendable, Hashable {
    public var birthDate: SimpleDate
    public var guardianIDs: Set<RecordID>

    public init(birthDate: SimpleDate, guardianIDs: Set<RecordID>) {
        self.birthDate = birthDate
        self.guardianIDs = guardianIDs
    }
}

/// A validated consent, ready to store. It is never edited afterwards: a new party means a
/// new consent; the only change is withdrawal.
public struct ConsentRegistration: Sendable, Hashable {
    public var giverKind: ConsentGiverKind
    public var guardianIDs: [RecordID]
    public var singleGuardianReason: String?
    public var childView: String?
    public var parties: [ConsentParty]
    public var categories: [ConsentCategory]
    public var purposeKind: ConsentPurposeKind
    public var purpose: String
    public var validFrom: SimpleDate
    public var validTo: SimpleDate
    public var method: ConsentMethod
    public var witness: String?
}

public enum ConsentRules {
    public static let maxDocumentBytes = 10 * 1024 * 1024
    public static let documentTypes: Set<String> = ["application/pdf", "image/jpeg", "image/png"]

    /// The type of an uploaded file from its first bytes, not from what the browser
    /// claims: a renamed executable must not be stored as a "PDF".
    public static func sniffDocumentType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }
    /// The child's own view is recorded from this age.
    public static let childViewAge = 12
    public static let childConsentAge = 15
    public static let adultAge = 18

    public static func validate(_ input: ConsentInput, child: ConsentChildFacts, today: SimpleDate) -> Result<ConsentRegistration, FieldErrors> {
        var errors = FieldErrors()
        let age = child.birthDate.age(on: today)

        let giver = ConsentGiverKind(rawValue: input.giverKind)
        var guardians: [RecordID] = []
        var singleReason: String?
        switch giver {
        case nil:
            errors.add("giver_kind", "Välj vem som lämnar samtycket.")
        case .guardians:
            guardians = Array(Set(input.guardianIDs.filter { child.guardianIDs.contains($0) })).sorted()
            singleReason = TextRules.optional(input.singleGuardianReason, field: "single_guardian_reason", label: "Skälet", max: 500, into: &errors)
            if child.guardianIDs.isEmpty {
                errors.add("guardian_ids", "Barnet har ingen vårdnadshavare registrerad. Registrera vårdnadshavarna först.")
            } else if guardians.isEmpty {
                errors.add("guardian_ids", "Välj vilka vårdnadshavare som samtycker.")
            } else if guardians.count < child.guardianIDs.count, singleReason == nil {
                errors.add("guardian_ids", "Vid gemensam vårdnad behövs samtycke från båda vårdnadshavarna, eller ett skäl till att en räcker.")
            }
        case .youth:
            if age < adultAge { errors.add("giver_kind", "Den unge kan samtycka ensam först från 18 år.") }
        case .child:
            if age < childConsentAge { errors.add("giver_kind", "Barnet kan samtycka i egen sak först från 15 år.") }
        }

        let childView = TextRules.trimmed(input.childView)
        if age >= childViewAge, age < adultAge, giver != .youth, childView.isEmpty {
            errors.add("child_view", "Barnet är \(age) år: skriv barnets egen inställning.")
        } else if childView.count > 2000 {
            errors.add("child_view", "Barnets inställning får vara högst 2000 tecken.")
        }

        var parties: [ConsentParty] = Array(Set(input.unitIDs)).sorted().map { .unit($0) } + Array(Set(input.staffIDs)).sorted().map { .staff($0) }
        let outside = input.externalParties.split(whereSeparator: \.isNewline).map { TextRules.trimmed(String($0)) }.filter { !$0.isEmpty }
        if outside.contains(where: { $0.count > 200 }) { errors.add("external_parties", "En extern part får vara högst 200 tecken.") }
        parties += outside.map { .external($0) }
        if parties.isEmpty { errors.add("parties", "Välj minst en part som samtycket gäller.") }

        let categories = input.categories.compactMap(ConsentCategory.init(rawValue:))
        if categories.isEmpty || categories.count != input.categories.count {
            errors.add("categories", "Välj vilka uppgifter som får lämnas.")
        }

        let purposeKind = ConsentPurposeKind(rawValue: input.purposeKind)
        if purposeKind == nil { errors.add("purpose_kind", "Välj vad samtycket gäller.") }
        let purpose = TextRules.required(input.purpose, field: "purpose", label: "Syftet", max: 500, into: &errors)

        let from = SimpleDate(iso: TextRules.trimmed(input.validFrom))
        let to = SimpleDate(iso: TextRules.trimmed(input.validTo))
        if from == nil { errors.add("valid_from", "Ange från och med vilket datum samtycket gäller (ÅÅÅÅ-MM-DD).") }
        if to == nil { errors.add("valid_to", "Ange till och med vilket datum samtycket gäller (ÅÅÅÅ-MM-DD).") }
        if let from, let to {
            if to < from {
                errors.add("valid_to", "Slutdatum kan inte vara före startdatum.")
            } else if to < today {
                errors.add("valid_to", "Slutdatum har redan passerat.")
            } else if let months = purposeKind?.maximumMonths, to >= from.adding(months: months) {
                errors.add("valid_to", "Ett samtycke till SIP gäller högst ett år: senast \(from.adding(months: months).adding(days: -1).iso).")
            }
        }

        let method = ConsentMethod(rawValue: input.method)
        var witness: String?
        switch method {
        case nil:
            errors.add("method", "Välj hur samtycket lämnades.")
        case .signedForm:
            if input.documentSize == 0 {
                errors.add("document", "Ladda upp den underskrivna blanketten (PDF, JPEG eller PNG).")
            } else if input.documentSize > maxDocumentBytes {
                errors.add("document", "Filen får vara högst 10 MB.")
            } else if !documentTypes.contains(input.documentType) {
                errors.add("document", "Filen ska vara en PDF, JPEG eller PNG.")
            }
        case .oral:
            witness = TextRules.required(input.witness, field: "witness", label: "Vittnet", max: 200, into: &errors)
        }

        guard errors.isEmpty, let giver, let purposeKind, let from, let to, let method else { return .failure(errors) }
        return .success(ConsentRegistration(
            giverKind: giver, guardianIDs: giver == .guardians ? guardians : [],
            singleGuardianReason: giver == .guardians && guardians.count < child.guardianIDs.count ? singleReason : nil,
            childView: childView.isEmpty ? nil : childView, parties: parties, categories: categories,
            purposeKind: purposeKind, purpose: purpose, validFrom: from, validTo: to, method: method, witness: witness
        ))
    }

    /// Withdrawal: by whom (a guardian, the youth), at once; history kept.
    public static func validateWithdrawal(by: String, into errors: inout FieldErrors) -> String {
        TextRules.required(by, field: "withdrawn_by", label: "Vem som återkallar", max: 200, into: &errors)
    }
}
