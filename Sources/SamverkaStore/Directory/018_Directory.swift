import SamverkaCore

extension Migrations {
    /// The directory of external help (issue 19 point 6, seed 004 §8 and section 1) and the
    /// responsibilities of seed 003 as the municipality's own text (point 7), both seeded
    /// from the seeds' words and kept by the administrator.
    static let directory = Migration(version: 18, name: "help-directory-and-responsibilities") { engine in
        let id = engine.idColumn
        func quoted(_ text: String?) -> String { text.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL" }
        func number(_ value: Int?) -> String { value.map(String.init) ?? "NULL" }
        var statements = [
            """
            CREATE TABLE help_entries (id \(id), name TEXT NOT NULL, offers TEXT NOT NULL, age_from INTEGER, age_to INTEGER, contact TEXT NOT NULL, link TEXT,
              retired INTEGER NOT NULL, sort_order INTEGER NOT NULL, updated_at BIGINT NOT NULL, updated_by BIGINT REFERENCES staff(id))
            """,
            """
            CREATE TABLE responsibilities (responsibility_key TEXT PRIMARY KEY, routine TEXT NOT NULL, administration TEXT NOT NULL, responsible TEXT NOT NULL,
              ensures TEXT NOT NULL, sort_order INTEGER NOT NULL, updated_at BIGINT NOT NULL, updated_by BIGINT REFERENCES staff(id))
            """,
        ]
        for (position, e) in HelpEntry.shipped.enumerated() {
            statements.append("""
                INSERT INTO help_entries (name, offers, age_from, age_to, contact, link, retired, sort_order, updated_at)
                VALUES (\(quoted(e.name)), \(quoted(e.offers)), \(number(e.ageFrom)), \(number(e.ageTo)), \(quoted(e.contact)), \(quoted(e.link)), 0, \(position), 0)
                """)
        }
        for (position, r) in Responsibility.shipped.enumerated() {
            statements.append("""
                INSERT INTO responsibilities (responsibility_key, routine, administration, responsible, ensures, sort_order, updated_at)
                VALUES (\(quoted(r.key)), \(quoted(r.routine.rawValue)), \(quoted(r.administration)), \(quoted(r.responsible)), \(quoted(r.ensures.joined(separator: "\n"))), \(position), 0)
                """)
        }
        return statements
    }
}
