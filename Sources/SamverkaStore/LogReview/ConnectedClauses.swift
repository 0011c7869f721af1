import Foundation
import SQLKit
import SamverkaCore

/// One subject area's answer to "has this person a connection to this child?" for the
/// log review's no-case flag: an `EXISTS (…)` over the pair `pair.staff_id`, `pair.child_id`.
/// Each module declares its clauses (`StoreModule.connected`); the check is their union
/// (`ConnectedClause.all`), so a new area adds its clause to its module and nothing else
/// changes. A coverage test holds every table that ties a person to a child to some clause.
public struct ConnectedClause: Sendable {
    public let name: String
    public let sql: SQLQueryString

    public init(name: String, sql: SQLQueryString) {
        self.name = name
        self.sql = sql
    }
}

extension ConnectedClause {
    /// Every module's clauses. A pair is connected when any of them holds.
    public static var all: [ConnectedClause] { Modules.all.flatMap(\.connected) }

    /// Roles that oversee every child of their unit, so reading any of them is their case.
    static let overseeingRoles: [String] = [Role.unitManager, .deputyIfoHead, .ifoHead, .principal, .preschoolHead].map(\.rawValue)

    /// The child is a pupil of, registered at or reported to one of the person's units, or
    /// the person leads a unit the child is connected to.
    public static let childUnits = ConnectedClause(name: "child-units", sql: """
        EXISTS (SELECT 1 FROM child_units cu JOIN staff_assignments sa ON sa.unit_id = cu.unit_id
                WHERE cu.child_id = pair.child_id AND sa.staff_id = pair.staff_id
                  AND (cu.reason IN (\(binds: [ChildUnitReason.enrolled, .registered, .report].map(\.rawValue))) OR sa.role IN (\(binds: overseeingRoles))))
        """)

    /// The person's investigation of the child.
    public static let investigations = ConnectedClause(name: "investigations", sql: """
        EXISTS (SELECT 1 FROM investigations i WHERE i.child_id = pair.child_id AND i.case_officer_id = pair.staff_id)
        """)

    /// A report about the child that the person made or registered.
    public static let reports = ConnectedClause(name: "reports", sql: """
        EXISTS (SELECT 1 FROM reports r WHERE r.child_id = pair.child_id AND (r.reporter_staff_id = pair.staff_id OR r.registered_by = pair.staff_id))
        """)

    /// A consent about the child names the person or one of their units.
    public static let consents = ConnectedClause(name: "consents", sql: """
        EXISTS (SELECT 1 FROM consent_parties p JOIN consents k ON k.id = p.consent_id
                WHERE k.child_id = pair.child_id AND (p.staff_id = pair.staff_id
                  OR p.unit_id IN (SELECT unit_id FROM staff_assignments WHERE staff_id = pair.staff_id)))
        """)

    /// A task of the person's about the child.
    public static let tasks = ConnectedClause(name: "tasks", sql: """
        EXISTS (SELECT 1 FROM tasks t WHERE t.child_id = pair.child_id AND t.staff_id = pair.staff_id)
        """)

    /// The person opens or owns (is process owner of) a collaboration case about the child.
    public static let collaborationCases = ConnectedClause(name: "collaboration-cases", sql: """
        EXISTS (SELECT 1 FROM collaboration_cases k WHERE k.child_id = pair.child_id AND (k.owner_id = pair.staff_id OR k.opened_by = pair.staff_id))
        """)

    /// The person takes part in a collaboration case about the child or a sibling in it
    /// (named at opening, invited to a meeting, responsible for an action: `case_staff`).
    public static let caseStaff = ConnectedClause(name: "case-staff", sql: """
        EXISTS (SELECT 1 FROM case_staff s JOIN collaboration_cases k ON k.id = s.case_id
                WHERE s.staff_id = pair.staff_id AND (k.child_id = pair.child_id
                  OR EXISTS (SELECT 1 FROM case_siblings cs WHERE cs.case_id = k.id AND cs.child_id = pair.child_id)))
        """)

    /// The person booked or closed a meeting about the child (in any context), or answers for
    /// an action of one.
    public static let meetings = ConnectedClause(name: "meetings", sql: """
        EXISTS (SELECT 1 FROM meeting_children mc JOIN meetings m ON m.id = mc.meeting_id
                WHERE mc.child_id = pair.child_id AND (m.booked_by = pair.staff_id OR m.closed_by = pair.staff_id
                  OR EXISTS (SELECT 1 FROM meeting_actions a WHERE a.meeting_id = m.id AND a.responsible_staff_id = pair.staff_id)))
        """)

    /// `EXISTS … OR EXISTS …`: the pair has one of the connections.
    static func anyOf(_ clauses: [ConnectedClause]) -> SQLQueryString {
        clauses.map { "\($0.sql)" as SQLQueryString }.joined(separator: " OR ")
    }

    /// The person is SIP-ansvarig for, opened, or is a party (by account) of a SIP about the child.
    public static let sips = ConnectedClause(name: "sips", sql: """
        EXISTS (SELECT 1 FROM sips s WHERE s.child_id = pair.child_id AND (s.responsible_id = pair.staff_id OR s.opened_by = pair.staff_id
                  OR EXISTS (SELECT 1 FROM sip_parties p WHERE p.sip_id = s.id AND p.staff_id = pair.staff_id)))
        """)
}
