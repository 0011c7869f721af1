extension Migrations {
    /// Social services lifting an acute report's ban on telling the guardians, with who, when
    /// and why (issue 14, hole 10).
    static let guardianNoticeLift = Migration(version: 9, name: "guardian notice lift") { _ in
        [
            "ALTER TABLE reports ADD COLUMN notice_ban_lifted_at BIGINT",
            "ALTER TABLE reports ADD COLUMN notice_ban_lifted_by BIGINT REFERENCES staff(id)",
            "ALTER TABLE reports ADD COLUMN notice_ban_lifted_by_name TEXT",
            "ALTER TABLE reports ADD COLUMN notice_ban_lift_reason TEXT",
        ]
    }
}
