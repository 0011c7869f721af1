/// Names of children, guardians and staff are shown in lists, letters and the audit log.
/// Characters that are invisible or steer how text is drawn would let a name pose as
/// another (a right-to-left override turns "Anna" + U+202E + "nossloK" into a different
/// reading), so a name may hold none of them.
public enum NameRules {
    /// The Swedish message shown next to the field.
    public static func message(label: String) -> String {
        "\(label) får inte innehålla osynliga tecken, styrtecken eller tecken som vänder textriktningen."
    }

    /// True when the text holds a control character (Cc, NUL and escape among them), a
    /// format character (Cf: the bidi overrides and isolates U+202A–U+202E and
    /// U+2066–U+2069, the marks U+200E/U+200F, the zero-width characters U+200B–U+200D,
    /// U+2060 and U+FEFF, soft hyphen, tag characters) or a line or paragraph separator.
    public static func hasHiddenCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: true
            default: false
            }
        }
    }

    /// A message when `text` is not fit to be a name, else nil.
    public static func problem(_ text: String, label: String) -> String? {
        hasHiddenCharacters(text) ? message(label: label) : nil
    }
}

extension TextRules {
    /// A required name: single-line text as `required` checks it, and nothing hidden.
    public static func requiredName(_ value: String?, field: String, label: String, max: Int, into errors: inout FieldErrors) -> String {
        let text = required(value, field: field, label: label, max: max, into: &errors)
        if let problem = NameRules.problem(text, label: label) { errors.add(field, problem) }
        return text
    }
}
