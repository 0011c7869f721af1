extension Migrations {
    /// The registry across the secrecy barrier (issue 14): a child's address and the guardians
    /// belong to the side that entered them, so a child becoming visible on the other side
    /// brings none of it along.
    ///
    /// - `child_addresses`: one address per child and side (the old columns on `children` are
    ///   emptied; they stay because SQLite cannot drop them cheaply).
    /// - `guardians.side` and `guardians.number`: each side keeps its own guardian records,
    ///   unique per side and number. `identity_number` (unique across both sides, and so the
    ///   way one side's record leaked to the other) is emptied and no longer read.
    /// - `consents.holder_side`: the side that recorded the consent (whose secret it releases).
    ///
    /// Rows from before are attributed to the school side when the child is connected to a
    /// school unit, otherwise to social services.
    static let registrySides = Migration(version: 8, name: "registry sides") { _ in
        let schoolKnown = "EXISTS (SELECT 1 FROM child_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.child_id = %@ AND u.side = 'school')"
        func sideOf(child column: String) -> String {
            "CASE WHEN \(schoolKnown.replacingOccurrences(of: "%@", with: column)) THEN 'school' ELSE 'social' END"
        }
        return [
            """
            CREATE TABLE child_addresses (child_id BIGINT NOT NULL REFERENCES children(id), side TEXT NOT NULL,
              street_address TEXT, postal_code TEXT, city TEXT, updated_at BIGINT NOT NULL, PRIMARY KEY (child_id, side))
            """,
            """
            INSERT INTO child_addresses (child_id, side, street_address, postal_code, city, updated_at)
            SELECT c.id, \(sideOf(child: "c.id")), c.street_address, c.postal_code, c.city, c.updated_at FROM children c
            WHERE c.street_address IS NOT NULL OR c.postal_code IS NOT NULL OR c.city IS NOT NULL
            """,
            "UPDATE children SET street_address = NULL, postal_code = NULL, city = NULL",
            "ALTER TABLE guardians ADD COLUMN side TEXT",
            "ALTER TABLE guardians ADD COLUMN number TEXT",
            """
            UPDATE guardians SET number = identity_number, side = CASE WHEN EXISTS (
              SELECT 1 FROM child_guardians cg JOIN child_units cu ON cu.child_id = cg.child_id JOIN units u ON u.id = cu.unit_id
              WHERE cg.guardian_id = guardians.id AND u.side = 'school') THEN 'school' ELSE 'social' END
            """,
            "UPDATE guardians SET identity_number = NULL",
            "CREATE UNIQUE INDEX guardians_side_number ON guardians (side, number)",
            "ALTER TABLE consents ADD COLUMN holder_side TEXT",
            "UPDATE consents SET holder_side = \(sideOf(child: "consents.child_id"))",
        ]
    }
}
