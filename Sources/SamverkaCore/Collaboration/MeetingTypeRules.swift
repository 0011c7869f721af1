/// What an administrator typed into the meeting-type form, before validation.
public struct MeetingTypeInput: Sendable, Hashable {
    public var key: String = ""
    public var name: String = ""
    /// `MeetingCategory` raw value; empty means "other".
    public var category: String = ""
    public var purpose: String = ""
    public var source: String = ""
    /// One string per agenda row, in order.
    public var agenda: [String] = []
    public var preparation: [String] = []
    /// `MeetingRole` raw values.
    public var invitedRoles: [String] = []
    public var chairRole: String = ""
    public var secretaryRole: String = ""
    public var convenerRoles: [String] = []
    /// `MeetingAssignment` raw values.
    public var requiredAssignments: [String] = []
    /// `ChildAttendanceRule` raw value.
    public var childAttendance: String = ""
    public var staffTalkWithChild = false
    public var requiresConsent = true
    /// `ConsentPurposeKind` raw values.
    public var consentPurposes: [String] = []
    public var minutesRecipients: [String] = []

    public init() {}

    /// The form pre-filled from an existing type, for editing.
    public init(_ type: MeetingType) {
        key = type.key
        name = type.name
        category = type.category.rawValue
        purpose = type.purpose
        source = type.source ?? ""
        agenda = type.agenda
        preparation = type.preparation
        invitedRoles = type.invitedRoles.map(\.rawValue)
        chairRole = type.chairRole?.rawValue ?? ""
        secretaryRole = type.secretaryRole?.rawValue ?? ""
        convenerRoles = type.convenerRoles.map(\.rawValue)
        requiredAssignments = type.requiredAssignments.map(\.rawValue)
        childAttendance = type.childAttendance.rawValue
        staffTalkWithChild = type.staffTalkWithChild
        requiresConsent = type.requiresConsent
        consentPurposes = type.consentPurposes.map(\.rawValue)
        minutesRecipients = type.minutesRecipients.map(\.rawValue)
    }
}

/// Checks a municipality's own meeting types, so one changed without code still works.
///
/// Field keys: `key`, `name`, `category`, `purpose`, `source`, `agenda`, `preparation`, `invited_roles`,
/// `chair_role`, `secretary_role`, `convener_roles`, `required_assignments`, `child_attendance`, `consent_purposes`,
/// `minutes_recipients`.
public enum MeetingTypeRules {
    public static let maxItems = 40
    public static let maxItemLength = 600

    /// `existingKeys`: the keys of the other types (leave out the edited type's own key).
    public static func validate(_ input: MeetingTypeInput, existingKeys: Set<String>) -> Result<MeetingType, FieldErrors> {
        var errors = FieldErrors()
        let key = TextRules.trimmed(input.key)
        if key.isEmpty {
            errors.add("key", "Fyll i en kod för mötestypen.")
        } else if !isKey(key) {
            errors.add("key", "Koden får bara innehålla a–z, 0–9 och bindestreck (2–60 tecken), till exempel \"uppfoljningsmote\".")
        } else if existingKeys.contains(key) {
            errors.add("key", "Det finns redan en mötestyp med koden \"\(key)\".")
        }
        let name = TextRules.required(input.name, field: "name", label: "Namnet", max: 120, into: &errors)
        let categoryText = TextRules.trimmed(input.category)
        let category = categoryText.isEmpty ? MeetingCategory.other : MeetingCategory(rawValue: categoryText)
        if category == nil { errors.add("category", "Välj vilket slags möte det är i listan.") }
        let purpose = TextRules.trimmed(input.purpose)
        if purpose.count > 1000 { errors.add("purpose", "Syftet får vara högst 1000 tecken.") }
        let source = TextRules.optional(input.source, field: "source", label: "Källan", max: 300, into: &errors)

        let agenda = items(input.agenda, field: "agenda", what: "dagordningen", required: true, into: &errors)
        let preparation = items(input.preparation, field: "preparation", what: "förberedelserna", required: false, into: &errors)

        let invited = roles(input.invitedRoles, field: "invited_roles", into: &errors)
        let conveners = roles(input.convenerRoles, field: "convener_roles", into: &errors)
        let recipients = roles(input.minutesRecipients, field: "minutes_recipients", into: &errors)
        let chair = optionalRole(input.chairRole, field: "chair_role", into: &errors)
        let secretary = optionalRole(input.secretaryRole, field: "secretary_role", into: &errors)

        let required = input.requiredAssignments.map { MeetingAssignment(rawValue: TextRules.trimmed($0)) }
        if required.contains(nil) { errors.add("required_assignments", "Välj uppdragen i listan.") }

        let attendance = ChildAttendanceRule(rawValue: TextRules.trimmed(input.childAttendance))
        if attendance == nil { errors.add("child_attendance", "Välj om barnet deltar i mötet.") }
        if attendance == .notAboutAChild, invited.contains(.child) {
            errors.add("invited_roles", "Barnet kan inte kallas till ett möte som inte gäller ett enskilt barn.")
        }

        let purposes = input.consentPurposes.map { ConsentPurposeKind(rawValue: $0) }
        if purposes.contains(nil) { errors.add("consent_purposes", "Välj samtyckets syfte i listan.") }
        if !input.requiresConsent, !input.consentPurposes.isEmpty {
            errors.add("consent_purposes", "Ange samtyckets syfte bara om mötet kräver samtycke.")
        }

        guard errors.isEmpty, let attendance else { return .failure(errors) }
        return .success(MeetingType(
            key: key, name: name, category: category ?? .other, purpose: purpose, source: source, invitedRoles: invited, chairRole: chair,
            secretaryRole: secretary, convenerRoles: conveners, requiredAssignments: unique(required.compactMap { $0 }), preparation: preparation, agenda: agenda,
            childAttendance: attendance, staffTalkWithChild: input.staffTalkWithChild && attendance.isAboutAChild,
            requiresConsent: input.requiresConsent, consentPurposes: unique(purposes.compactMap { $0 }),
            minutesRecipients: recipients
        ))
    }

    /// Re-checks a type read from JSON or rows (a municipality may have edited it by hand).
    public static func validate(_ type: MeetingType, existingKeys: Set<String>) -> FieldErrors {
        switch validate(MeetingTypeInput(type), existingKeys: existingKeys) {
        case .success: FieldErrors()
        case .failure(let errors): errors
        }
    }

    /// Checks a whole list, such as a municipality's file of types: each valid, keys unique.
    /// The errors are keyed by the type's key (or its position when the key is empty).
    public static func validate(_ types: [MeetingType]) -> [String: FieldErrors] {
        var result: [String: FieldErrors] = [:]
        var seen: Set<String> = []
        for (index, type) in types.enumerated() {
            let errors = validate(type, existingKeys: seen)
            if !errors.isEmpty { result[type.key.isEmpty ? "#\(index + 1)" : type.key] = errors }
            seen.insert(type.key)
        }
        return result
    }

    static func isKey(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard (2...60).contains(scalars.count), scalars.first != "-", scalars.last != "-" else { return false }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private static func items(_ raw: [String], field: String, what: String, required: Bool, into errors: inout FieldErrors) -> [String] {
        let items = raw.map { TextRules.trimmed($0) }
        if required, items.isEmpty {
            errors.add(field, "Skriv minst en punkt i \(what).")
        } else if let blank = items.firstIndex(where: \.isEmpty) {
            errors.add(field, "Punkt \(blank + 1) i \(what) är tom. Fyll i den eller ta bort den.")
        } else if items.count > maxItems {
            errors.add(field, "Högst \(maxItems) punkter i \(what).")
        } else if let long = items.firstIndex(where: { $0.count > maxItemLength }) {
            errors.add(field, "Punkt \(long + 1) i \(what) får vara högst \(maxItemLength) tecken.")
        } else if let broken = items.firstIndex(where: { $0.contains(where: \.isNewline) }) {
            errors.add(field, "Punkt \(broken + 1) i \(what) ska stå på en rad.")
        }
        return items
    }

    private static func roles(_ raw: [String], field: String, into errors: inout FieldErrors) -> [MeetingRole] {
        let roles = raw.map { MeetingRole(rawValue: TextRules.trimmed($0)) }
        if roles.contains(nil) { errors.add(field, "Välj roller i listan.") }
        return unique(roles.compactMap { $0 })
    }

    private static func optionalRole(_ raw: String, field: String, into errors: inout FieldErrors) -> MeetingRole? {
        let text = TextRules.trimmed(raw)
        if text.isEmpty { return nil }
        guard let role = MeetingRole(rawValue: text) else {
            errors.add(field, "Välj en roll i listan.")
            return nil
        }
        return role
    }
}

/// The elements in order, each once.
private func unique<T: Hashable>(_ items: [T]) -> [T] {
    var seen: Set<T> = []
    return items.filter { seen.insert($0).inserted }
}
