/// Whether a school grade fits the child's age (issue 15: a child born 1920 was registered
/// in grade 3 without a question). Swedish children start förskoleklass the autumn of the
/// year they turn six, grade 1 the year they turn seven, and so on; a year either way is
/// common (started early, held back), more is almost always a mistyped number or grade.
public enum GradeAge {
    /// The grade as a number (förskoleklass is 0), or nil when the text is no school grade
    /// ("Avdelning Humlan", a preschool group, is not checked).
    public static func schoolGrade(_ text: String) -> Int? {
        var t = text.trimmingCharacters(in: .whitespaces).lowercased()
        for prefix in ["årskurs", "åk.", "åk"] where t.hasPrefix(prefix) {
            t = String(t.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        if t == "f" || t == "fk" || t == "förskoleklass" { return 0 }
        guard let grade = Int(t), (1...10).contains(grade) else { return nil }
        return grade
    }

    /// The age the child turns in the calendar year its class started the school year.
    static func ageThisSchoolYear(born: SimpleDate, today: SimpleDate) -> Int {
        let schoolYearStart = today.month >= 7 ? today.year : today.year - 1
        return schoolYearStart - born.year
    }

    /// A message when the grade does not fit the age, else nil.
    public static func mismatch(grade text: String, born: SimpleDate, today: SimpleDate) -> String? {
        guard let grade = schoolGrade(text) else { return nil }
        let age = ageThisSchoolYear(born: born, today: today)
        let expected = 6 + grade
        guard abs(age - expected) > 1 else { return nil }
        let name = grade == 0 ? "förskoleklass" : "årskurs \(grade)"
        return "Enligt personnumret fyller barnet \(age) år i år, men i \(name) brukar barn fylla \(expected). Kontrollera personnumret och årskursen, eller bekräfta att uppgifterna stämmer."
    }
}
