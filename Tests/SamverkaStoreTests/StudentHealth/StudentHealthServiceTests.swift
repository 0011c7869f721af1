import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

/// Issue 19 points 5–7 in the store, on both engines: a Steg 1 referral refused without the
/// adaptations (nothing saved), read only by the team and the rektor (a refusal answers as
/// a missing one, both audited), reflected on and decided by the rektor, on the work list
/// until decided, in the register extract; the directory and the responsibilities edited by
/// the administrator, audited.
@Suite("Student health referrals, the directory of help, the responsibilities: service")
struct StudentHealthServiceTests {
    struct Setup {
        var child: RecordID
        var rektor: Actor
        var kurator: Actor
        var service: StudentHealthService
    }

    static func person(_ f: Fixture, _ username: String, _ role: Role, unit: RecordID) async throws -> Actor {
        try await f.store.transaction { db in
            let id = try await OrganisationQueries.insertStaff(username: username, displayName: username.capitalized, email: nil, passwordHash: "x", mustChangePassword: false, now: Fixture.start, db)
            _ = try await OrganisationQueries.insertAssignment(staffID: id, role: role, unitID: unit, now: Fixture.start, db)
            return try await OrganisationQueries.actor(staffID: id, db)!
        }
    }

    /// Skola A's elevhälsoteam: its rektor (chair) and kurator; teacher A is the mentor, outside the team.
    static func setUp(_ f: Fixture) async throws -> Setup {
        let child = try await f.registerChild(Numbers.make(2015, 3, 12), "Saga", "Ek")
        let rektor = try await person(f, "rektor.a", .principal, unit: f.schoolA)
        let kurator = try await person(f, "kurator.a", .schoolCounsellor, unit: f.schoolA)
        _ = try requireOK(await ForumService(store: f.store, clock: f.clock).createForum(.shipped(.studentHealthTeam), name: "Elevhälsoteam, Skola A", covers: "Skola A",
                                                                                        members: [(rektor.staffID, .chair), (kurator.staffID, .member)], by: f.origin(f.admin)))
        return Setup(child: child, rektor: rektor, kurator: kurator, service: StudentHealthService(store: f.store, clock: f.clock))
    }

    static let complete = EHTReferralInput(situation: "Saga lämnar klassrummet under matematiken.", adaptations: "Uppgifterna delas upp; checklista på bänken.")

    @Test("a referral without the adaptations already made is refused with the message by the field, and nothing is saved")
    func refusedWithoutAdaptations() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await Self.setUp(f)
            guard case .invalid(let errors) = try await s.service.send(childID: s.child, EHTReferralInput(situation: "Saga lämnar klassrummet.", adaptations: "  "), by: f.origin(f.teacherA)) else {
                Issue.record("a referral without adaptations was saved"); return
            }
            #expect(errors["adaptations"] == StudentHealthMessages.adaptationsMissing)
            #expect(try await f.count("eht_referrals") == 0)
            // A teacher of another school cannot send one about the pupil at all.
            guard case .denied = try await s.service.send(childID: s.child, Self.complete, by: f.origin(f.teacherB)) else { Issue.record("another school's teacher sent"); return }
            #expect(try await f.count("eht_referrals") == 0)
        }
    }

    @Test("a teacher outside the team cannot read a referral: the same answer as a missing one, both audited")
    func outsiderCannotRead() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await Self.setUp(f)
            let id = try requireOK(await s.service.send(childID: s.child, Self.complete, by: f.origin(f.teacherA)))
            guard case .denied(let refused) = try await s.service.page(id, by: f.origin(f.teacherA)) else { Issue.record("the mentor outside the team read it"); return }
            guard case .denied(let otherSchool) = try await s.service.page(id, by: f.origin(f.teacherB)) else { Issue.record("another school's teacher read it"); return }
            guard case .denied(let missing) = try await s.service.page(9_999, by: f.origin(f.teacherB)) else { Issue.record("a missing referral"); return }
            #expect(refused == missing && otherSchool == missing)
            #expect(try await s.service.visibleReferrals(childID: s.child, by: f.origin(f.teacherA)).isEmpty)
            let page = try requireOK(await s.service.page(id, by: f.origin(s.kurator)))
            #expect(page.referral.adaptations == Self.complete.adaptations && page.mayReflect && !page.mayDecide)
            let rows = try await f.auditRows().filter { $0.recordType == AuditRecordType.ehtReferral.rawValue }
            #expect(rows.contains { $0.action == .create && $0.childID == s.child && $0.recordID == String(id) })
            #expect(rows.filter { $0.action == .accessDenied }.count == 3)
            #expect(rows.contains { $0.action == .read && $0.childID == s.child && $0.staffName == s.kurator.displayName })
        }
    }

    @Test("the team reflects, the rektor decides with reasons; on the work list until decided; in the register extract")
    func rektorDecides() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let s = try await Self.setUp(f)
            let id = try requireOK(await s.service.send(childID: s.child, Self.complete, by: f.origin(f.teacherA)))
            func waiting(_ actor: Actor) async throws -> Bool {
                try await f.workLists.workList(by: f.origin(actor)).items.contains { if case .ehtReferral(id, _, _) = $0.subject { true } else { false } }
            }
            let (rektorWaits, kuratorWaits, mentorWaits) = (try await waiting(s.rektor), try await waiting(s.kurator), try await waiting(f.teacherA))
            #expect(rektorWaits && kuratorWaits && !mentorWaits)
            _ = try requireOK(await s.service.reflect(id, text: "Kurator: oro inför matematiken.", by: f.origin(s.kurator)))
            let decision = EHTDecisionInput(outcome: EHTDecisionOutcome.takenUp.rawValue, date: f.today.iso, reasons: "")
            guard case .denied = try await s.service.decide(id, decision, by: f.origin(s.kurator)) else { Issue.record("the kurator decided"); return }
            guard case .invalid(let errors) = try await s.service.decide(id, decision, by: f.origin(s.rektor)) else { Issue.record("a decision without reasons"); return }
            #expect(errors["reasons"] == StudentHealthMessages.reasonsMissing)
            var reasoned = decision
            reasoned.reasons = "Specialpedagogen kartlägger."
            _ = try requireOK(await s.service.decide(id, reasoned, by: f.origin(s.rektor)))
            let page = try requireOK(await s.service.page(id, by: f.origin(s.rektor)))
            #expect(page.referral.decision?.record.decidedByName == s.rektor.displayName && page.referral.decision?.record.date == f.today && !page.mayDecide && !page.mayReflect)
            let (rektorStillWaits, kuratorStillWaits) = (try await waiting(s.rektor), try await waiting(s.kurator))
            #expect(!rektorStillWaits && !kuratorStillWaits)

            let (_, extract) = try requireOK(await RegisterExtractService(store: store, clock: f.clock).extract(identityNumber: Numbers.make(2015, 3, 12), purpose: "Begäran", by: f.origin(f.logReviewer)))
            let section = try #require(extract.sections.first { $0.title == StudentHealthExtractLabels.title })
            let values = section.records.flatMap(\.fields).map(\.value).joined(separator: "\n")
            #expect(values.contains(Self.complete.adaptations) && values.contains("Kurator: oro inför matematiken.") && values.contains("Specialpedagogen kartlägger."))
            #expect(values.contains(EHTDecisionOutcome.takenUp.label))
        }
    }

    @Test("the administrator edits and retires a directory entry and the responsibilities' text; others are refused; each change audited")
    func adminEdits() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let directory = DirectoryService(store: store, clock: f.clock)
            let entries = try await directory.entries()
            #expect(entries.count == HelpEntry.shipped.count)
            let umo = try #require(entries.first { $0.name.contains("UMO") })
            var input = HelpEntryInput(umo)
            input.contact = "Ring 0534-190 00, tisdagar 13–16."
            guard case .denied = try await directory.save(id: umo.id, input, by: f.origin(f.teacherA)) else { Issue.record("a teacher edited the directory"); return }
            input.link = "inte en länk"
            guard case .invalid(let errors) = try await directory.save(id: umo.id, input, by: f.origin(f.admin)) else { Issue.record("a bad link saved"); return }
            #expect(errors["link"] == DirectoryMessages.linkInvalid)
            input.link = umo.link ?? ""
            _ = try requireOK(await directory.save(id: umo.id, input, by: f.origin(f.admin)))
            let edited = try await directory.entries().first { $0.id == umo.id }
            #expect(edited?.contact == "Ring 0534-190 00, tisdagar 13–16.")
            input.retired = true
            _ = try requireOK(await directory.save(id: umo.id, input, by: f.origin(f.admin)))
            let (inUse, all) = (try await directory.entries(), try await directory.entries(includeRetired: true))
            #expect(!inUse.contains { $0.id == umo.id } && all.contains { $0.id == umo.id && $0.retired })

            guard case .denied = try await directory.saveResponsibility(key: "report-school", responsible: "Rektor", ensures: "Ny text", by: f.origin(f.teacherA)) else {
                Issue.record("a teacher edited the responsibilities"); return
            }
            _ = try requireOK(await directory.saveResponsibility(key: "report-school", responsible: "Rektor och förskolechef", ensures: "Alla känner till anmälningsplikten.\nVi kommer till anmälningsmötet.", by: f.origin(f.admin)))
            let saved = try #require(try await directory.responsibilities().first { $0.key == "report-school" })
            #expect(saved.responsible == "Rektor och förskolechef" && saved.ensures == ["Alla känner till anmälningsplikten.", "Vi kommer till anmälningsmötet."])
            let rows = try await f.auditRows()
            #expect(rows.filter { $0.recordType == AuditRecordType.helpEntry.rawValue && $0.action == .update }.count == 2)
            #expect(rows.contains { $0.recordType == AuditRecordType.responsibility.rawValue && $0.action == .update && $0.recordID == "report-school" })
            #expect(rows.contains { $0.recordType == AuditRecordType.responsibility.rawValue && $0.action == .accessDenied })
        }
    }
}
