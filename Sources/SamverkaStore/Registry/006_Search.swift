extension Migrations {
    /// Name search by unit: one row per unit a child belongs to and leading part (two letters
    /// or more) of a word of its name, with the name to sort by. A search for "karl" in a
    /// unit reads that unit's "karl" rows already in name order and stops after one page,
    /// instead of checking every child with a matching name and sorting them all (15–40 ms
    /// for a common name in a unit of 100,000 children). Kept by `ChildQueries.refreshSearch`
    /// whenever a child's units or name change.
    static let search = Migration(version: 6, name: "search") { engine in
        [
            """
            CREATE TABLE child_search (unit_id BIGINT NOT NULL REFERENCES units(id), prefix \(engine.binaryText) NOT NULL,
              family_name TEXT NOT NULL, given_name TEXT NOT NULL, child_id BIGINT NOT NULL REFERENCES children(id),
              PRIMARY KEY (unit_id, prefix, family_name, given_name, child_id))
            """,
            "CREATE INDEX child_search_child ON child_search (child_id)",
            ChildSearchRows.insert,
        ]
    }
}

/// The rows of `child_search`, derived from `child_units`, `child_name_tokens` and the
/// child's name; one statement for both engines (a recursive CTE counts the prefix lengths).
enum ChildSearchRows {
    static let insert = """
        WITH RECURSIVE lengths (n) AS (SELECT 2 UNION ALL SELECT n + 1 FROM lengths WHERE n < 100)
        INSERT INTO child_search (unit_id, prefix, family_name, given_name, child_id)
        SELECT DISTINCT cu.unit_id, SUBSTR(t.token, 1, lengths.n), c.family_name, c.given_name, c.id
        FROM child_units cu JOIN child_name_tokens t ON t.child_id = cu.child_id JOIN children c ON c.id = cu.child_id
        JOIN lengths ON lengths.n <= LENGTH(t.token)
        """
}
