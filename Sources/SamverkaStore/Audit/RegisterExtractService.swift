import Foundation
import SQLKit
import SamverkaCore

/// Register extracts (issue 4 point 6): every record about one child and every access to
/// them, made by the log reviewer for a GDPR access request or an internal inquiry. The
/// extract is itself logged as an export, in the same transaction that reads it.
/// Protected identity: no address and no relatives. Reporters outside the municipality's
/// staff are not named (their identity may be secret, OSL 26:5).
public struct RegisterExtractService: Sendable {
    let store: Store
    let clock: any TimeSource

    public init(store: Store, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    public func extract(identityNumber: String?, purpose: String?, by origin: RequestOrigin) async throws -> Outcome<(fileName: String, extract: RegisterExtract)> {
        let now = clock.now()
        var errors = FieldErrors()
        let number = try? IdentityNumber.parse(TextRules.trimmed(identityNumber), today: Stockholm.date(of: now)).get()
        if number == nil { errors.add("identity_number", "Ange barnets fullständiga personnummer eller samordningsnummer.") }
        var reason = ""
        switch RegisterExtract.validatePurpose(purpose) {
        case .failure(let e): errors.merge(e)
        case .success(let text): reason = text
        }
        return try await store.transaction { [errors, reason] db in
            let decision = try await origin.decide(.registerExtract, type: "register-extract", at: now, db)
            guard decision.isAllowed else { return .denied(decision.reason) }
            guard errors.isEmpty, let number else { return .invalid(errors) }
            guard let childID = try await ChildQueries.childID(identityNumber: number, db), let child = try await ChildQueries.child(id: childID, db) else {
                var missing = FieldErrors()
                missing.add("identity_number", "Inget barn med det numret finns i Samverka.")
                return .invalid(missing)
            }
            try await AuditQueries.append(origin.event(.export, child: childID, type: "register-extract", reason: "Registerutdrag: \(reason)"), at: now, db)
            let sections = try await Self.sections(childID: childID, protected: child.protectedIdentity, db)
            let extract = RegisterExtract(childName: child.fullName, identityNumber: number.formatted, madeBy: origin.actor.displayName,
                                          madeAt: now, purpose: reason, sections: sections)
            return .ok(("registerutdrag-\(Stockholm.date(of: now).iso).txt", extract))
        }
    }

    typealias Field = RegisterExtract.Field

    /// A stored code shown by its Swedish label (the code itself if unknown).
    private static func label(_ row: any SQLRow, _ column: String, _ label: (String) -> String?) throws -> String {
        let raw = try row.string(column)
        return label(raw) ?? raw
    }

    private static func time(_ row: any SQLRow, _ column: String) throws -> String? {
        try row.optionalDate(column).map(Stockholm.format)
    }

    static func sections(childID: RecordID, protected: Bool, _ db: any SQLDatabase) async throws -> [RegisterExtract.Section] {
        let protectedNote = "Barnet har skyddade personuppgifter: adress och anhöriga lämnas inte ut."
        var sections: [RegisterExtract.Section] = []

        // Each side's own entry of the address (issue 14: the sides keep their entries apart).
        let addresses = protected ? [] : try await db.raw("""
            SELECT side, street_address, postal_code, city FROM child_addresses WHERE child_id = \(bind: childID) ORDER BY side
            """).all().map { row in
            Field("Adress (\(Side(rawValue: try row.string("side"))?.label ?? "okänd"))",
                  [try row.optionalString("street_address"), try row.optionalString("postal_code"), try row.optionalString("city")]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", "))
        }
        let child = try await db.raw("""
            SELECT c.identity_number, c.birth_date, c.given_name, c.family_name, u.name AS unit_name, c.grade, c.protected_identity,
              c.created_at, c.updated_at
            FROM children c LEFT JOIN units u ON u.id = c.enrolment_unit_id WHERE c.id = \(bind: childID)
            """).all().map { row in
            var fields = [Field("Namn", "\(try row.string("given_name")) \(try row.string("family_name"))"),
                          Field("Födelsedatum", try row.string("birth_date")),
                          Field("Skola/förskola", try row.optionalString("unit_name")), Field("Årskurs/avdelning", try row.optionalString("grade")),
                          Field("Skyddade personuppgifter", try row.flag("protected_identity") ? "Ja" : "Nej")]
            fields += addresses
            fields += [Field("Registrerad", try time(row, "created_at")), Field("Senast ändrad", try time(row, "updated_at"))]
            return RegisterExtract.Record(fields)
        }
        sections.append(.init("Grunduppgifter", child, note: protected ? protectedNote : nil))

        let units = try await db.raw("""
            SELECT u.name, cu.reason, cu.created_at FROM child_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.child_id = \(bind: childID) ORDER BY cu.created_at
            """).all().map { row in
            RegisterExtract.Record([Field("Enhet", try row.string("name")), Field("Koppling", ChildUnitReason(rawValue: try row.string("reason"))?.label ?? "Annan"),
                                    Field("Sedan", try time(row, "created_at"))])
        }
        sections.append(.init("Enheter som barnet är kopplat till", units))

        if protected {
            sections.append(.init("Vårdnadshavare", [], note: protectedNote))
        } else {
            let guardians = try await db.raw("""
                SELECT g.side, g.number, g.given_name, g.family_name, g.phone, g.email, g.street_address, g.postal_code, g.city, g.protected_identity
                FROM guardians g JOIN child_guardians cg ON cg.guardian_id = g.id WHERE cg.child_id = \(bind: childID) ORDER BY g.family_name, g.given_name, g.side
                """).all().map { row in
                var fields = [Field("Namn", "\(try row.string("given_name")) \(try row.string("family_name"))"),
                              Field("Personnummer", try row.optionalString("number").flatMap(IdentityNumber.init(storedDigits:))?.formatted),
                              Field("Registrerad av", try row.optionalString("side").flatMap(Side.init(rawValue:))?.label)]
                if try row.flag("protected_identity") {
                    fields.append(Field("Kontaktuppgifter", "Lämnas inte ut (skyddade personuppgifter)"))
                } else {
                    let address = [try row.optionalString("street_address"), try row.optionalString("postal_code"), try row.optionalString("city")]
                        .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
                    fields += [Field("Telefon", try row.optionalString("phone")), Field("E-post", try row.optionalString("email")), Field("Adress", address)]
                }
                return RegisterExtract.Record(fields)
            }
            sections.append(.init("Vårdnadshavare", guardians))
        }

        let reports = try await db.raw("""
            SELECT r.receipt_number, r.kind, r.channel, r.reporter_kind, r.reporter_staff_id, r.reporter_name, u.name AS unit_name,
              r.observations, r.since_when, r.actions_taken, r.acute_grounds, r.guardian_notice, r.received_at, r.receipt_confirmed_at,
              r.protection_at, r.protection_needed, r.pre_assessment, r.decided_at, r.feedback_given_at
            FROM reports r JOIN units u ON u.id = r.handling_unit_id WHERE r.child_id = \(bind: childID) ORDER BY r.received_at
            """).all().map { row in
            let reporterKind = try row.string("reporter_kind")
            let staffReporter = try row.optionalInt64("reporter_staff_id") != nil
            return RegisterExtract.Record([
                Field("Diarienummer", try row.string("receipt_number")),
                Field("Typ", try Self.label(row, "kind") { ReportKind(rawValue: $0)?.label }),
                Field("Kanal", try Self.label(row, "channel") { ReportChannel(rawValue: $0)?.label }),
                Field("Anmälare", (ReporterKind(rawValue: reporterKind)?.label ?? reporterKind) + (staffReporter ? ", " + (try row.optionalString("reporter_name") ?? "") : "")),
                Field("Handläggande enhet", try row.string("unit_name")),
                Field("Inkom", try time(row, "received_at")), Field("Mottagandet bekräftat", try time(row, "receipt_confirmed_at")),
                Field("Vad som setts eller hörts", try row.string("observations")), Field("Sedan när", try row.optionalString("since_when")),
                Field("Vad skolan har gjort", try row.optionalString("actions_taken")),
                Field("Skyddsbedömning", try time(row, "protection_at").map { t in t + ((try? row.optionalInt64("protection_needed")) == 1 ? ", omedelbart skydd behövs" : ", inget omedelbart skyddsbehov") }),
                Field("Förhandsbedömning", try row.optionalString("pre_assessment").map { PreAssessmentOutcome(rawValue: $0)?.label ?? $0 }),
                Field("Beslutad", try time(row, "decided_at")), Field("Återkoppling lämnad", try time(row, "feedback_given_at")),
            ])
        }
        sections.append(.init("Orosanmälningar och ansökningar", reports,
                              note: "Anmälare utanför kommunens personal namnges inte i utdraget (\(LegalReference.reporterIdentitySecrecy.current))."))

        let investigations = try await db.raw("""
            SELECT i.id, u.name AS unit_name, s.display_name, i.opened_at, i.due_at, i.statement_requested_at, i.statement_returned_at,
              i.closed_at, i.outcome, i.follow_up_until
            FROM investigations i JOIN units u ON u.id = i.unit_id JOIN staff s ON s.id = i.case_officer_id
            WHERE i.child_id = \(bind: childID) ORDER BY i.opened_at
            """).all().map { row in
            RegisterExtract.Record([
                Field("Utredning nr", String(try row.int64("id"))), Field("Enhet", try row.string("unit_name")), Field("Handläggare", try row.string("display_name")),
                Field("Inledd", try time(row, "opened_at")), Field("Ska vara klar", try time(row, "due_at")),
                Field("Utlåtande från skolan begärt", try time(row, "statement_requested_at")), Field("Utlåtande inkommet", try time(row, "statement_returned_at")),
                Field("Avslutad", try time(row, "closed_at")), Field("Resultat", try row.optionalString("outcome").map { InvestigationOutcome(rawValue: $0)?.label ?? $0 }),
                Field("Uppföljning till", try row.optionalString("follow_up_until")),
            ])
        }
        sections.append(.init("Utredningar", investigations))

        let references = try await ReferenceConversationQueries.list(childID: childID, db).map { r in
            RegisterExtract.Record([Field("Datum", r.conversation.heldOn.iso), Field("Med", r.conversation.withName), Field("Roll och enhet", r.conversation.withRole),
                                    Field("Anteckning", r.conversation.note), Field("Antecknat av", r.recordedByName), Field("Registrerat", Stockholm.format(r.recordedAt))])
        }
        sections.append(.init("Referenssamtal med förskola/skola", references))

        let decisions = try await db.raw("""
            SELECT d.kind, d.outcome, d.decided_by_name, d.decision_date, d.reasons FROM decisions d
            LEFT JOIN reports r ON r.id = d.report_id LEFT JOIN investigations i ON i.id = d.investigation_id
            WHERE r.child_id = \(bind: childID) OR i.child_id = \(bind: childID) ORDER BY d.recorded_at
            """).all().map { row in
            RegisterExtract.Record([Field("Beslut", try row.string("kind")), Field("Utfall", try row.optionalString("outcome")),
                                    Field("Beslutsdatum", try row.string("decision_date")), Field("Beslutat av", try row.string("decided_by_name")),
                                    Field("Skäl", try row.string("reasons"))])
        }
        sections.append(.init("Beslut", decisions))

        let interventions = try await db.raw("""
            SELECT v.kind, v.start_date, v.end_date, v.responsible, v.school_task FROM interventions v JOIN investigations i ON i.id = v.investigation_id
            WHERE i.child_id = \(bind: childID) ORDER BY v.start_date
            """).all().map { row in
            RegisterExtract.Record([Field("Insats", try Self.label(row, "kind") { InterventionKind(rawValue: $0)?.label }),
                                    Field("Från", try row.string("start_date")), Field("Till", try row.optionalString("end_date")),
                                    Field("Ansvarig", try row.string("responsible")), Field("Skolans uppgift", try row.optionalString("school_task"))])
        }
        sections.append(.init("Insatser", interventions))

        let consents = try await ConsentQueries.records(childID: childID, withGuardianNames: !protected, db).map { c in
            RegisterExtract.Record([
                Field("Samtycke nr", String(c.id)), Field("Lämnat av", c.giverKind == .guardians ? (protected ? c.giverKind.label : c.guardianNames.joined(separator: ", ")) : c.giverKind.label),
                Field("Barnets inställning", c.childView), Field("Parter", c.partyNames.joined(separator: ", ")),
                Field("Uppgifter", ConsentCategory.allCases.filter { c.facts.categories.contains($0) }.map(\.label).joined(separator: ", ")),
                Field("Syfte", "\(c.purposeKind.label): \(c.purpose)"), Field("Giltigt", "\(c.facts.validFrom.iso)–\(c.facts.validTo.iso)"),
                Field("Sätt", c.method.label), Field("Vittne", c.witness), Field("Registrerat", "\(Stockholm.format(c.recordedAt)) av \(c.recordedByName)"),
                Field("Återkallat", c.facts.withdrawnAt.map { "\(Stockholm.format($0)) av \(c.withdrawnBy ?? "")" }),
            ])
        }
        sections.append(.init("Samtycken", consents))

        let notices = try await db.raw("""
            SELECT u.name, n.message, n.created_at FROM school_notices n JOIN units u ON u.id = n.unit_id WHERE n.child_id = \(bind: childID) ORDER BY n.created_at
            """).all().map { row in
            RegisterExtract.Record([Field("Till", try row.string("name")), Field("Meddelande", try row.string("message")), Field("Skickat", try time(row, "created_at"))])
        }
        sections.append(.init("Meddelanden till skolan", notices))

        let tasks = try await db.raw("""
            SELECT s.display_name, t.title, t.due_on, t.done_at FROM tasks t JOIN staff s ON s.id = t.staff_id WHERE t.child_id = \(bind: childID) ORDER BY t.created_at
            """).all().map { row in
            RegisterExtract.Record([Field("Uppgift", try row.string("title")), Field("Ansvarig", try row.string("display_name")),
                                    Field("Senast", try row.optionalString("due_on")), Field("Klar", try time(row, "done_at"))])
        }
        sections.append(.init("Uppgifter", tasks))

        let emergency = try await db.raw("""
            SELECT s.display_name, e.reason, e.granted_at, e.expires_at FROM emergency_access e JOIN staff s ON s.id = e.staff_id
            WHERE e.child_id = \(bind: childID) ORDER BY e.granted_at
            """).all().map { row in
            RegisterExtract.Record([Field("Medarbetare", try row.string("display_name")), Field("Skäl", try row.string("reason")),
                                    Field("Från", try time(row, "granted_at")), Field("Till", try time(row, "expires_at"))])
        }
        sections.append(.init("Nödåtkomster", emergency))

        let flags = try await db.raw("""
            SELECT kind, staff_name, at, detail, resolved_at, justified, note FROM review_flags WHERE child_id = \(bind: childID) ORDER BY at
            """).all().map { row in
            let verdict = try row.optionalInt64("justified").map { $0 != 0 ? "Befogad" : "Ej befogad" }
            return RegisterExtract.Record([
                Field("Flagga", try Self.label(row, "kind") { ReviewFlagKind(rawValue: $0)?.label }),
                Field("Medarbetare", try row.string("staff_name")), Field("Tid", try time(row, "at")), Field("Vad", try row.string("detail")),
                Field("Granskad", try time(row, "resolved_at").map { "\($0), \(verdict ?? "")" }), Field("Anteckning", try row.optionalString("note")),
            ])
        }
        sections.append(.init("Flaggor i loggkontrollen", flags))

        let accesses = try await db.raw("""
            SELECT at, staff_name, action, record_type, record_id, reason FROM audit_log WHERE child_id = \(bind: childID) ORDER BY at, id
            """).all().map { row in
            let action = try row.string("action")
            let record = AuditRecordType.label(try row.string("record_type")) + (try row.optionalString("record_id").map { " nr \($0)" } ?? "")
            return RegisterExtract.Record([Field("Tid", try time(row, "at")), Field("Medarbetare", try row.string("staff_name")),
                                           Field("Händelse", AuditAction(rawValue: action)?.label ?? "Annan händelse"), Field("Post", record),
                                           Field("Anledning", try row.string("reason"))])
        }
        sections.append(.init("Åtkomster till barnets uppgifter (loggen)", accesses))
        guard protected else { return sections }
        // A protected child's relatives are named nowhere: log reasons and meeting lines
        // carry the names of those invited ("Kallelse till …").
        let relatives = try await db.raw("""
            SELECT g.given_name, g.family_name FROM guardians g JOIN child_guardians cg ON cg.guardian_id = g.id WHERE cg.child_id = \(bind: childID)
            """).all().map { row in "\(try row.string("given_name")) \(try row.string("family_name"))" }
        return RegisterExtract.withholding(relatives, in: sections)
    }
}
