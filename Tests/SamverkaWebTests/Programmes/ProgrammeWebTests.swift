import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

/// The Trampolinen pages over the demo municipality: a family from the child page to the
/// follow-up after closure, across the accounts that do each step.
@Suite("Web: joint programmes (Trampolinen), from nomination to the follow-up after closure")
struct ProgrammeWebTests {
    /// An unprotected pupil of Ekbackens skola in F–3 (the rektor's own school).
    static func youngPupil(_ h: WebHarness) async throws -> RecordID {
        try await h.store.withConnection { db in
            try #require(try await db.raw("""
                SELECT c.id FROM children c JOIN units u ON u.id = c.enrolment_unit_id
                WHERE u.name = 'Ekbackens skola' AND c.protected_identity = 0 AND c.grade IN ('F', '1', '2', '3') ORDER BY c.id LIMIT 1
                """).first()).decode(column: "id", as: Int64.self)
        }
    }

    static func day(_ h: WebHarness, _ days: Int) -> String { Stockholm.date(of: h.clock.now()).adding(days: days).iso }

    static func nomination(_ h: WebHarness, child: RecordID, level: String, csrf: String) -> [String: String] {
        ["_csrf": csrf, "nominated_by": ProgrammeNominator.schoolStudentHealth.rawValue, "eht_meeting_on": day(h, -3),
         "child_1_include": "1", "child_1_id": String(child), "child_1_level": level,
         "concern_since": day(h, -240), "concern": "Problematisk frånvaro sedan i våras", "earlier_measures": "Anpassningar och föräldrastöd har inte räckt till",
         "needs_at_school": "1", "needs_at_home": "1", "needs_description": "Stöd i skolan och hemma", "applied": "1", "applied_on": day(h, -1)]
    }

    /// A redirect to the family page with the notice of the form, or the page's first error.
    static func expectDone(_ page: Browser.Page, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = page.body.components(separatedBy: "class=\"field-error\"").dropFirst().first.map { String($0.prefix(200)) } ?? String(page.body.prefix(300))
        #expect(page.location != nil, "\(what): \(page.status) \(error)", sourceLocation: sourceLocation)
    }

    @Test("rektor nominates from the child page, the steering group selects, the team prepares, the forum grants, the plans and notes are kept, and the family is closed and followed up")
    func wholeFlow() async throws {
        try await WebHarness.run { h, client in
            let child = try await Self.youngPupil(h)
            let level = try await h.store.withConnection { db in try await db.raw("SELECT grade FROM children WHERE id = \(bind: child)").first()!.decode(column: "grade", as: String.self) }
            let ids = (rektor: try await h.staffID("rektor.ekbacken"), officer: try await h.staffID("utredare"), assistant: try await h.staffID("behandlingsassistent"),
                       socionom: try await h.staffID("skolsocionom"), mentor: try await h.staffID("mentor.ekbacken"), steering: try await h.staffID("elevhalsochef"), deputy: try await h.staffID("bitradande.ifochef"))
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            let childPage = try await rektor.get("/barn/\(child)")
            #expect(childPage.body.contains("href=\"/barn/\(child)/program/ny\"") && childPage.body.contains("Föreslå till Ragunda Trampolinen"))
            let nominationForm = try await rektor.get("/barn/\(child)/program/ny")
            // The level comes from the registry.
            #expect(nominationForm.status == .ok && nominationForm.body.contains("<option value=\"\(level)\" selected>"))
            let nominated = try await rektor.post("/barn/\(child)/program/ny", Self.nomination(h, child: child, level: level, csrf: try await rektor.csrf()))
            Self.expectDone(nominated, "nominate")
            let family = try #require(nominated.location.flatMap { URL(string: "http://x\($0)")?.path })
            #expect(family.hasPrefix("/program/familjer/"))
            func form(_ name: String) -> String { "\(family)/\(name)" }

            Self.expectDone(try await rektor.post(form("initiera"), ["_csrf": try await rektor.csrf(), "principal": String(ids.rektor), "case_officer": String(ids.officer),
                                                                     "referred_on": Self.day(h, 0)]), "refer")
            #expect(try await rektor.get("/program").body.contains("href=\"\(family)\""))

            let steering = Browser(client)
            try await steering.signIn("elevhalsochef")
            #expect(try await steering.get("/").body.contains("href=\"/program/styrgrupp\""))
            #expect(try await steering.get("/program/styrgrupp").body.contains("href=\"\(family)\""))
            Self.expectDone(try await steering.post(form("styrgrupp"), ["_csrf": try await steering.csrf(), "kind": "select", "decided_by": String(ids.steering),
                                                                         "decision_date": Self.day(h, 0), "reasons": "Uppfyller kriterierna"]), "select")

            var answer = ["_csrf": try await rektor.csrf(), "answer": "ja", "responded_on": Self.day(h, 0), "informed_by": "Rektor och socialsekreterare",
                          "consent_given_by": "Vårdnadshavarna", "may_share": "Det insatsen behöver", "valid_to": Self.day(h, 300)]
            for id in [ids.rektor, ids.officer, ids.assistant, ids.socionom, ids.mentor] { answer["team_\(id)"] = "1" }
            Self.expectDone(try await rektor.post(form("svar"), answer), "answer")

            let officer = Browser(client)
            try await officer.signIn("utredare")
            Self.expectDone(try await officer.post(form("dokument"), ["_csrf": try await officer.csrf(), "document_key": "vardplan", "child_id": String(child), "written_on": Self.day(h, 0),
                                                                       "summary": "Situationen vid start: hög frånvaro.", "anchored_on": Self.day(h, 0), "anchored_with": "Barnet och föräldrarna"]), "vårdplan")
            let socionom = Browser(client)
            try await socionom.signIn("skolsocionom")
            Self.expectDone(try await socionom.post(form("dokument"), ["_csrf": try await socionom.csrf(), "document_key": "trampolinutredning", "written_on": Self.day(h, 0),
                                                                        "summary": "Skolsituationen vid start.", "anchored_on": Self.day(h, 0), "anchored_with": "Barnet och föräldrarna"]), "utredning")

            let deputy = Browser(client)
            try await deputy.signIn("bitradande.ifochef")
            let grantPage = try await deputy.get(family)
            #expect(grantPage.body.contains("Bevilja insatsen"))
            Self.expectDone(try await deputy.post(form("bevilja"), ["_csrf": try await deputy.csrf(), "decided_by": String(ids.deputy), "decision_date": Self.day(h, 0),
                                                                     "reasons": "Båda dokumenten finns och är förankrade"]), "grant")

            let assistant = Browser(client)
            try await assistant.signIn("behandlingsassistent")
            Self.expectDone(try await assistant.post(form("plan"), ["_csrf": try await assistant.csrf(), "document_key": "genomforandeplan", "written_on": Self.day(h, 0),
                                                                     "summary": "Genomförandeplan", "goal_1": "Lugnare morgnar", "action_1_what": "Morgonstöd i hemmet",
                                                                     "action_1_responsible": String(ids.assistant), "action_1_due_on": Self.day(h, 30)]), "genomförandeplan")
            Self.expectDone(try await socionom.post(form("anteckning"), ["_csrf": try await socionom.csrf(), "kind": "check-in", "held_on": Self.day(h, 0),
                                                                          "participants": "Bo och Sofia", "works": "Morgnarna", "does_not_work": "Rasterna"]), "check-in")
            // The monthly follow-up, booked by the socialsekreterare on the meeting machinery; the child not attending.
            var booking = ["_csrf": try await officer.csrf(), "date": Self.day(h, 7), "start_time": "09:00", "end_time": "10:00", "place": "Ekbackens skola",
                           "guardians": "Vårdnadshavaren", "assign_chair": String(ids.rektor), "assign_secretary": String(ids.officer), "assign_convener": String(ids.officer)]
            for id in [ids.rektor, ids.officer, ids.assistant, ids.socionom, ids.mentor] { booking["staff_\(id)"] = "1" }
            booking["child_\(child)"] = "1"
            booking["principal_agrees"] = "1"
            let oneSided = try await officer.post(form("mote"), booking)
            #expect(oneSided.status == .unprocessableContent && oneSided.body.contains(ProgrammeMeetingRules.jointDecisionMessage))
            booking["child_\(child)"] = nil
            booking["principal_agrees"] = nil
            booking["_csrf"] = try await officer.csrf()
            let booked = try await officer.post(form("mote"), booking)
            #expect(booked.location?.hasPrefix("/moten/") == true, "\(booked.status) \(booked.body.components(separatedBy: "error-summary").dropFirst().first?.prefix(600) ?? "")")
            let running = try await assistant.get(family)
            #expect(running.body.contains(Self.day(h, 7)) && !running.body.contains("Boka nästa uppföljningsmöte"))
            // No one has talked with the child before the booked meeting yet.
            #expect(running.body.contains(": före mötet</td>"))
            #expect(running.body.contains("Pågående insats") && running.body.contains("Lugnare morgnar") && running.body.contains("Rasterna"))
            let reportPage = try await steering.get("/program/terminsrapport")
            #expect(reportPage.status == .ok && reportPage.body.contains("Lugnare morgnar"))
            let summary = try await steering.get("/program/arssammanstallning")
            #expect(summary.status == .ok && summary.body.contains("<td>&lt;5</td>"))
            let pdf = try await steering.get("/program/terminsrapport.pdf")
            #expect(pdf.status == .ok && pdf.body.hasPrefix("%PDF"))

            var closing = ["_csrf": try await rektor.csrf(), "held_on": Self.day(h, 0), "participants": "Familjen och teamet", "situation_at_start": "Hög frånvaro",
                           "situation_now": "Närvaron är bättre", "against_goal": "Målet är nått", "experience_1": "Vårdnadshavarna: stödet hemma hjälpte"]
            for kind in ProgrammeOutcomeKind.allCases { closing["outcome_\(child)_\(kind.rawValue)"] = "ja" }
            Self.expectDone(try await rektor.post(form("avslut"), closing), "closure")
            #expect(!(try await steering.get("/program/terminsrapport")).body.contains("href=\"\(family)\""))
            Self.expectDone(try await steering.post(form("internt"), ["_csrf": try await steering.csrf(), "held_on": Self.day(h, 0), "participants": "Styrgrupp och personal",
                                                                       "keep": "Veckoavstämningarna", "improve": "Tidigare start"]), "internal")
            // Three months later (new sessions: the old ones have expired).
            h.clock.advance(by: 92 * 86_400)
            for (browser, name) in [(officer, "utredare"), (steering, "elevhalsochef"), (rektor, "rektor.ekbacken")] { try await browser.signIn(name) }
            var followUp = ["_csrf": try await officer.csrf(), "held_on": Self.day(h, 0), "participants": "Familjen och socialsekreteraren", "situation": "Stabilt", "further_support": "nej"]
            for kind in ProgrammeOutcomeKind.allCases { followUp["outcome_\(child)_\(kind.rawValue)"] = "ja" }
            Self.expectDone(try await officer.post(form("uppfoljning"), followUp), "follow-up")
            let done = try await steering.get(family)
            #expect(done.body.contains("Avslutad och uppföljd") && done.body.contains("Veckoavstämningarna") && done.body.contains("Stabilt"))
            // The child page lists the programme for the team.
            #expect(try await rektor.get("/barn/\(child)").body.contains("href=\"\(family)\""))
        }
    }

    @Test("someone outside the programme gets the same 404 as for a family that does not exist, and sees no queue")
    func outsider() async throws {
        try await WebHarness.run { h, client in
            let child = try await Self.youngPupil(h)
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            let level = try await h.store.withConnection { db in try await db.raw("SELECT grade FROM children WHERE id = \(bind: child)").first()!.decode(column: "grade", as: String.self) }
            let nominated = try await rektor.post("/barn/\(child)/program/ny", Self.nomination(h, child: child, level: level, csrf: try await rektor.csrf()))
            let family = try #require(nominated.location.flatMap { URL(string: "http://x\($0)")?.path })
            let other = Browser(client)
            try await other.signIn("mentor.strand")
            let refused = try await other.get(family)
            let missing = try await other.get("/program/familjer/999999")
            #expect(refused.status == .notFound && missing.status == .notFound && refused.body == missing.body)
            #expect(try await other.post("\(family)/initiera", ["_csrf": try await other.csrf(), "principal": "1", "case_officer": "1", "referred_on": Self.day(h, 0)]).status == .notFound)
            #expect(try await other.get("/program/styrgrupp").status != .ok)
            #expect(!(try await other.get("/")).body.contains("href=\"/program/styrgrupp\""))
            #expect(try await Self.steering(h, client).get(family).body.contains("Nominerad"))
        }
    }

    @Test("the demo has Trampolinen families at every stage, on the steering group's queue and the team's lists; the running one is on the termly report")
    func demoFamilies() async throws {
        try await WebHarness.run { h, client in
            try await DemoMunicipality.seedCases(h.store, now: h.clock.now())
            let steering = try await Self.steering(h, client)
            let queue = try await steering.get("/program/styrgrupp")
            for stage in [ProgrammeStage.nominated, .preparation, .running, .closed] {
                #expect(queue.body.contains("<td>\(stage.label)</td>"), "\(stage.label)")
            }
            let report = try await steering.get("/program/terminsrapport")
            #expect(report.body.components(separatedBy: "class=\"report-line\"").count == 2 && report.body.contains("Rastvärden hjälper."))
            let assistant = Browser(client)
            try await assistant.signIn("behandlingsassistent")
            let mine = try await assistant.get("/program")
            #expect(mine.body.contains("Pågående insats") && mine.body.contains("Avslutad, uppföljning återstår") && !mine.body.contains("<td>Nominerad</td>"))
            let officer = Browser(client)
            try await officer.signIn("utredare")
            #expect(try await officer.get("/arbetslista").body.contains("Trampolinen"))
            // The running family's next follow-up: the meeting page closes it through the
            // programme, which will not close it while the programme runs without a next meeting.
            let open = try await h.store.withConnection { db in
                try #require(try await db.raw("SELECT id FROM meetings WHERE context_kind = 'programme-enrolment' AND closed_at IS NULL").first()).decode(column: "id", as: Int64.self)
            }
            var minutes = ["_csrf": try await officer.csrf(), "chair": "Rut Rektorsdotter", "secretary": "Ulf Utredarsson", "child_view": "Saga vill ha lugnare raster",
                           "no_next_meeting_reason": "Vi bokar senare"]
            for n in 1...6 { minutes["attendance_\(n)"] = Attendance.present.rawValue }
            let refused = try await officer.post("/moten/\(open)/anteckningar", minutes)
            #expect(refused.status == .unprocessableContent && refused.body.contains("Insatsen pågår: boka nästa månadsuppföljning"))
            #expect(try await h.store.withConnection { db in try await db.raw("SELECT closed_at FROM meetings WHERE id = \(bind: open)").first()!.decodeNil(column: "closed_at") })
            // The family takes its consent back: the behandlingsassistent no longer sees the family.
            let runningFamily = try await h.store.withConnection { db in
                try #require(try await db.raw("SELECT context_id FROM meetings WHERE id = \(bind: open)").first()).decode(column: "context_id", as: Int64.self)
            }
            #expect(try await assistant.get("/program/familjer/\(runningFamily)").status == .ok)
            let withdrawn = try await officer.post("/program/familjer/\(runningFamily)/aterkalla", ["_csrf": try await officer.csrf()])
            #expect(withdrawn.location?.contains("aterkalla=1") == true)
            #expect(try await assistant.get("/program/familjer/\(runningFamily)").status == .notFound)
        }
    }

    @Test("an administrator sees the programme definitions, a bad JSON is refused with what was typed kept, a changed name is saved; others get no editor")
    func definitionsEditor() async throws {
        try await WebHarness.run { h, client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            #expect(try await admin.get("/").body.contains("href=\"/admin/program\""))
            let page = try await admin.get("/admin/program")
            #expect(page.status == .ok && page.body.contains("ragunda-trampolinen") && page.body.contains("href=\"/admin/program/ragunda-trampolinen\""))
            // The edit page offers the definition as JSON for export.
            #expect(try await admin.get("/admin/program/ragunda-trampolinen").body.contains("&quot;key&quot;"))
            let bad = try await admin.post("/admin/program", ["_csrf": try await admin.csrf(), "json": "{\"key\": \"x\" <"])
            #expect(bad.status == .unprocessableContent && bad.body.contains("{&quot;key&quot;: &quot;x&quot; &lt;"))
            var changed = ProgrammeDefinition.trampolinen
            changed.name = "Trampolinen i Exempelby"
            let saved = try await admin.post("/admin/program", ["_csrf": try await admin.csrf(), "json": ProgrammeDefinitionRules.encode(changed)])
            #expect(saved.location?.contains("sparad") == true)
            #expect(try await admin.get("/admin/program").body.contains("Trampolinen i Exempelby"))
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            #expect(try await rektor.get("/admin/program").status != .ok)
            #expect(try await rektor.post("/admin/program", ["_csrf": try await rektor.csrf(), "json": ProgrammeDefinitionRules.encode(changed)]).status != .seeOther)
        }
    }

    static func steering(_ h: WebHarness, _ client: any TestClientProtocol) async throws -> Browser {
        let browser = Browser(client)
        try await browser.signIn("elevhalsochef")
        return browser
    }

    @Test("a nomination without needs at home is refused with the reason next to the field, keeps what was typed and stores nothing")
    func formErrorKeepsValues() async throws {
        try await WebHarness.run { h, client in
            let child = try await Self.youngPupil(h)
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            var form = Self.nomination(h, child: child, level: "2", csrf: try await rektor.csrf())
            form["needs_at_home"] = nil
            form["concern"] = "Frånvaro & <oro> sedan hösten"
            let answer = try await rektor.post("/barn/\(child)/program/ny", form)
            #expect(answer.status == .unprocessableContent)
            #expect(answer.body.contains("Behov i hemmet (insatser från IFO) saknas"))
            #expect(answer.body.contains("Frånvaro &amp; &lt;oro&gt; sedan hösten"))
            #expect(answer.body.contains("id=\"needs_at_school\" name=\"needs_at_school\" value=\"1\" checked"))
            #expect(!answer.body.contains("id=\"needs_at_home\" name=\"needs_at_home\" value=\"1\" checked"))
            #expect(try await h.count("programme_enrolments") == 0)
        }
    }
}
