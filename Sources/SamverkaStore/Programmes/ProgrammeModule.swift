import SQLKit
import SamverkaCore

extension StoreModule {
    /// Joint programmes such as Ragunda Trampolinen (issue 18).
    static let programmes = StoreModule(
        name: "Gemensamma program",
        migrations: [Migrations.programmes, Migrations.programmeRoles],
        recordTypes: [.programmeDefinition, .programmeEnrolment, .programmeReport],
        extract: [ProgrammeExtract.enrolments],
        workList: [ProgrammeWorkList.clocks],
        counts: [.rows(.programmeFamiliesNominated, in: "programme_enrolments", at: "nominated_at"), .days(.programmesClosed, in: "programme_enrolments", on: "closed_on")],
        statistics: [ProgrammeStatistics.families],
        connected: [.programmes])
}

extension ConnectedClause {
    /// The person nominated or referred the family, is in its team, wrote a document, a
    /// note or a decision about it, or answers for one of its actions: of any of its children.
    public static let programmes = ConnectedClause(name: "programmes", sql: """
        EXISTS (SELECT 1 FROM programme_children pc JOIN programme_enrolments e ON e.id = pc.enrolment_id
                WHERE pc.child_id = pair.child_id AND (e.nominated_by = pair.staff_id OR e.referral_principal_id = pair.staff_id
                  OR e.referral_case_officer_id = pair.staff_id
                  OR EXISTS (SELECT 1 FROM programme_team t WHERE t.enrolment_id = e.id AND t.staff_id = pair.staff_id)
                  OR EXISTS (SELECT 1 FROM programme_decisions d WHERE d.enrolment_id = e.id AND d.decided_by = pair.staff_id)
                  OR EXISTS (SELECT 1 FROM programme_documents doc WHERE doc.enrolment_id = e.id AND doc.written_by = pair.staff_id)
                  OR EXISTS (SELECT 1 FROM programme_notes n WHERE n.enrolment_id = e.id AND n.written_by = pair.staff_id)
                  OR EXISTS (SELECT 1 FROM programme_plan_actions a WHERE a.enrolment_id = e.id AND a.responsible_staff_id = pair.staff_id)))
        """)
}
