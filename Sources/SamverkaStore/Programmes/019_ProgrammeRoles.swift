import SamverkaCore

extension Migrations {
    /// The roles each programme's team and steering group are made of, as rows, so the one
    /// query every signed-in request runs (`SessionQueries.lookup`) can tell which of the
    /// person's roles some programme counts (the menu's "Styrgruppen" and "Mina familjer" for
    /// any programme, not only Trampolinen). Written with the definition on every save; the
    /// shipped Trampolinen seeded here.
    static let programmeRoles = Migration(version: 19, name: "programme-roles") { _ in
        let trampolinen = ProgrammeDefinition.trampolinen
        let rows = ProgrammeRolePart.rows(of: trampolinen).map { part, role in "('\(trampolinen.key)', '\(part.rawValue)', '\(role.rawValue)')" }
        return [
            """
            CREATE TABLE programme_roles (programme_key TEXT NOT NULL REFERENCES programme_definitions(programme_key), part TEXT NOT NULL, role TEXT NOT NULL,
              PRIMARY KEY (role, part, programme_key))
            """,
            "INSERT INTO programme_roles (programme_key, part, role) VALUES \(rows.joined(separator: ", "))",
        ]
    }
}
