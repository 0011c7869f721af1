import Foundation

/// A register extract for one child (issue 4 point 6): every record about the child and
/// every access to them, for a GDPR access request (art. 15) or an internal inquiry.
public struct RegisterExtract: Sendable, Hashable {
    /// One record: labelled fields in a fixed order.
    public struct Record: Sendable, Hashable {
        public var fields: [Field]
        public init(_ fields: [Field]) { self.fields = fields }
    }

    public struct Field: Sendable, Hashable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String?) {
            self.label = label
            self.value = value ?? ""
        }
    }

    /// The sections with every mention of these names replaced (a protected child's relatives
    /// must not be named anywhere in the extract, not even in a log row's reason). Longest
    /// names first, so "Anna Nyström" goes before "Anna".
    public static func withholding(_ names: [String], in sections: [Section], placeholder: String = "[anhörig, skyddade personuppgifter]") -> [Section] {
        let names = Set(names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 2 }).sorted { $0.count > $1.count }
        guard !names.isEmpty else { return sections }
        return sections.map { section in
            var section = section
            section.records = section.records.map { record in
                Record(record.fields.map { field in
                    Field(field.label, names.reduce(field.value) { $0.replacingOccurrences(of: $1, with: placeholder) })
                })
            }
            return section
        }
    }

    public struct Section: Sendable, Hashable {
        public var title: String
        public var records: [Record]
        /// Why something is left out (protected identity, the reporter's identity).
        public var note: String?
        public init(_ title: String, _ records: [Record], note: String? = nil) {
            self.title = title
            self.records = records
            self.note = note
        }
    }

    public var childName: String
    public var identityNumber: String
    public var madeBy: String
    public var madeAt: Date
    public var purpose: String
    public var sections: [Section]

    public init(childName: String, identityNumber: String, madeBy: String, madeAt: Date, purpose: String, sections: [Section]) {
        self.childName = childName
        self.identityNumber = identityNumber
        self.madeBy = madeBy
        self.madeAt = madeAt
        self.purpose = purpose
        self.sections = sections
    }

    /// Plain UTF-8 text: readable as it is, printable, and easy to attach to a reply.
    public var text: String {
        var lines = [
            "Registerutdrag ur Samverka",
            "Barn: \(childName), \(identityNumber)",
            "Framställt: \(Stockholm.format(madeAt)) av \(madeBy)",
            "Ändamål: \(purpose)",
            "Grund: \(LegalReference.rightOfAccess.current); åtkomsten till utdraget loggas.",
        ]
        for section in sections {
            lines += ["", section.title.uppercased() + " (\(section.records.count))"]
            if let note = section.note { lines.append("Obs: \(note)") }
            if section.records.isEmpty { lines.append("Inga uppgifter.") }
            for (index, record) in section.records.enumerated() {
                lines.append("\(index + 1).")
                for field in record.fields where !field.value.isEmpty {
                    // Multi-line values stay readable: continuation lines are indented.
                    let value = field.value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\n     ")
                    lines.append("   \(field.label): \(value)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Validates the purpose the person gives (it is logged with the export).
    public static func validatePurpose(_ text: String?) -> Result<String, FieldErrors> {
        var errors = FieldErrors()
        let purpose = TextRules.required(text, field: "purpose", label: "Ändamål", max: 300, into: &errors)
        return errors.isEmpty ? .success(purpose) : .failure(errors)
    }
}
