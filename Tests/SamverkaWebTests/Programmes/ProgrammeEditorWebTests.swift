import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

/// The programme editor's form (issue 18 item 1) and the choice of programme on the
/// nomination, the steering group's queue and the reports (item 2).
@Suite("Web: the programme editor's form and the programme picker")
struct ProgrammeEditorWebTests {
    static let secondKey = "exempelby-familjeskolan"
    static let secondName = "Familjeskolan i Exempelby"

    /// The form as the editor fills it in from a definition (with its blank rows), plus the token.
    static func form(_ d: ProgrammeDefinition, csrf: String) -> [String: String] {
        var values = ProgrammeDefinitionForm.values(ProgrammeDefinitionInput(d))
        values["_csrf"] = csrf
        return values
    }

    static func admin(_ client: any TestClientProtocol) async throws -> Browser {
        let admin = Browser(client)
        try await admin.signIn("admin")
        return admin
    }

    /// A second programme, added through the form: förskoleklass to grade 6, no siblings, no application criterion.
    static func addSecond(_ admin: Browser) async throws {
        var values = form(.trampolinen, csrf: try await admin.csrf())
        values["key"] = secondKey
        values["name"] = secondName
        values["target_from"] = "0"
        values["target_to"] = "6"
        values["siblings_to"] = ""
        // Criterion 5 (the family applies) left out by emptying its row.
        values["criteria_5_kind"] = ""
        values["criteria_5_text"] = ""
        let saved = try await admin.post("/admin/program/ny", values)
        #expect(saved.location == "/admin/program?sparad=1", "\(saved.status) \(saved.body.components(separatedBy: "field-error").dropFirst().first?.prefix(300) ?? "")")
    }

    @Test("an administrator changes Trampolinen through the form; the nomination uses the changed name and criterion at once")
    func changeThroughForm() async throws {
        try await WebHarness.run { h, client in
            let admin = try await Self.admin(client)
            let edit = try await admin.get("/admin/program/ragunda-trampolinen")
            #expect(edit.status == .ok && edit.body.contains("id=\"name\" name=\"name\" value=\"Ragunda Trampolinen\""))
            // One blank row after the criteria, and a "Lägg till rad" of its own.
            #expect(edit.body.contains("id=\"criteria_6_text\"") && !edit.body.contains("id=\"criteria_7_text\""))
            #expect(edit.body.contains("name=\"add_row\" value=\"criteria\""))
            var values = Self.form(.trampolinen, csrf: try await admin.csrf())
            values["name"] = "Trampolinen i Exempelby"
            values["criteria_2_text"] = "Oro som varat minst ett halvår"
            let saved = try await admin.post("/admin/program/ragunda-trampolinen", values)
            #expect(saved.location == "/admin/program?sparad=1")
            let stored = try #require(try await h.store.withConnection { db in try await ProgrammeQueries.definition(key: "ragunda-trampolinen", db) })
            #expect(stored.name == "Trampolinen i Exempelby" && stored.criteria[1].text == "Oro som varat minst ett halvår")
            // The rest as it was (the boxes tick roles in the form's order).
            var unchanged = ProgrammeDefinition.trampolinen
            unchanged.name = stored.name
            unchanged.criteria[1].text = stored.criteria[1].text
            func sorted(_ d: ProgrammeDefinition) -> String {
                var d = d
                for i in d.documents.indices { d.documents[i].writtenBy.sort { $0.rawValue < $1.rawValue } }
                for i in d.preMeetingFollowUps.indices { d.preMeetingFollowUps[i].with.sort { $0.rawValue < $1.rawValue } }
                d.checkIn?.between.sort { $0.rawValue < $1.rawValue }
                for keyPath in [\ProgrammeDefinition.teamRoles, \.steeringGroupRoles, \.decisionForumRoles] { d[keyPath: keyPath].sort { $0.rawValue < $1.rawValue } }
                return ProgrammeDefinitionRules.encode(d)
            }
            #expect(sorted(stored) == sorted(unchanged))
            // Saved with its audit line.
            let audited = try await h.store.withConnection { db in
                try await db.raw("SELECT COUNT(*) AS n FROM audit_log WHERE record_type = 'programme-definition' AND record_id = 'ragunda-trampolinen'").first()!.decode(column: "n", as: Int64.self)
            }
            #expect(audited >= 1)
            let child = try await ProgrammeWebTests.youngPupil(h)
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            let nomination = try await rektor.get("/barn/\(child)/program/ny")
            #expect(nomination.body.contains("Föreslå till Trampolinen i Exempelby") && nomination.body.contains("Oro som varat minst ett halvår"))
        }
    }

    @Test("Lägg till rad draws one more row and keeps everything typed; bad input keeps it too, with the message by its field, and nothing is saved")
    func rowsAndErrors() async throws {
        try await WebHarness.run { h, client in
            let admin = try await Self.admin(client)
            var values = Self.form(.trampolinen, csrf: try await admin.csrf())
            values["criteria_6_kind"] = ProgrammeCriterionKind.familyApplied.rawValue
            values["criteria_6_text"] = "Frånvaro & <oro> i ny rad"
            values["add_row"] = "criteria"
            let more = try await admin.post("/admin/program/ragunda-trampolinen", values)
            #expect(more.status == .ok && more.body.contains("id=\"criteria_7_text\"") && more.body.contains("Frånvaro &amp; &lt;oro&gt; i ny rad"))
            #expect(more.body.contains("name=\"criteria_rows\" value=\"7\""))

            values["add_row"] = nil
            values["criteria_rows"] = "7"
            values["_csrf"] = try await admin.csrf()
            values["name"] = ""
            values["documents_3_name"] = ""
            values["purpose"] = "Syfte med <b>fet</b> text"
            values["meetings_1_count"] = "varje"
            let bad = try await admin.post("/admin/program/ragunda-trampolinen", values)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("id=\"name-error\">Programmet behöver ett namn"))
            #expect(bad.body.contains("id=\"documents_3_name-error\">Skriv dokumentets namn."))
            #expect(bad.body.contains("id=\"meetings_1_count-error\">Skriv antalet som en siffra."))
            // The duplicate criterion kind is refused on its own row.
            #expect(bad.body.contains("id=\"criteria_6_kind-error\""))
            #expect(bad.body.contains("Syfte med &lt;b&gt;fet&lt;/b&gt; text") && bad.body.contains("Frånvaro &amp; &lt;oro&gt; i ny rad"))
            #expect(bad.body.contains("value=\"varje\"") && bad.body.contains("href=\"#documents_3_name\""))
            let stored = try #require(try await h.store.withConnection { db in try await ProgrammeQueries.definition(key: "ragunda-trampolinen", db) })
            #expect(stored == ProgrammeDefinition.trampolinen)
        }
    }

    @Test("an administrator adds a second programme; its key must be new; someone else gets no form and saves nothing")
    func addSecondProgramme() async throws {
        try await WebHarness.run { h, client in
            let admin = try await Self.admin(client)
            let blank = try await admin.get("/admin/program/ny")
            #expect(blank.status == .ok && blank.body.contains("id=\"key\" name=\"key\""))
            let copy = try await admin.get("/admin/program/ny?fran=ragunda-trampolinen")
            #expect(copy.body.contains("Vårdplan") && copy.body.contains("id=\"key\" name=\"key\" value=\"\""))
            try await Self.addSecond(admin)
            let list = try await admin.get("/admin/program")
            #expect(list.body.contains(Self.secondName) && list.body.contains("Ragunda Trampolinen") && list.body.contains("href=\"/admin/program/\(Self.secondKey)\""))
            // The same key again is refused by the field.
            var again = Self.form(.trampolinen, csrf: try await admin.csrf())
            again["key"] = Self.secondKey
            let twice = try await admin.post("/admin/program/ny", again)
            #expect(twice.status == .unprocessableContent && twice.body.contains("id=\"key-error\">Det finns redan ett program"))

            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            #expect(try await rektor.get("/admin/program/ny").status != .ok)
            #expect(try await rektor.get("/admin/program/ragunda-trampolinen").status != .ok)
            var values = Self.form(.trampolinen, csrf: try await rektor.csrf())
            values["key"] = "rektorns-program"
            values["name"] = "Rektorns program"
            #expect(try await rektor.post("/admin/program/ny", values).status != .seeOther)
            values["add_row"] = "criteria"
            #expect(try await rektor.post("/admin/program/ny", values).status != .ok)
            values["add_row"] = nil
            values["name"] = "Ändrat av rektor"
            #expect(try await rektor.post("/admin/program/ragunda-trampolinen", values).status != .seeOther)
            #expect(try await h.count("programme_definitions") == 2)
            #expect(try await h.store.withConnection { db in try await ProgrammeQueries.definition(key: "ragunda-trampolinen", db) }?.name == "Ragunda Trampolinen")
        }
    }

    @Test("with two programmes the nomination, the queue and the reports offer both; a family nominated to the second is on its queue only")
    func pickerWithTwoProgrammes() async throws {
        try await WebHarness.run { h, client in
            try await Self.addSecond(try await Self.admin(client))
            let child = try await ProgrammeWebTests.youngPupil(h)
            let level = try await h.store.withConnection { db in try await db.raw("SELECT grade FROM children WHERE id = \(bind: child)").first()!.decode(column: "grade", as: String.self) }
            let rektor = Browser(client)
            try await rektor.signIn("rektor.ekbacken")
            let childPage = try await rektor.get("/barn/\(child)")
            #expect(childPage.body.contains("Föreslå till ett gemensamt program"))
            let picker = try await rektor.get("/barn/\(child)/program/ny")
            #expect(picker.status == .ok && picker.body.contains("href=\"/barn/\(child)/program/ragunda-trampolinen/ny\"")
                && picker.body.contains("href=\"/barn/\(child)/program/\(Self.secondKey)/ny\""))
            // Posted without a programme while there are two: nothing is nominated.
            var nomination = ProgrammeWebTests.nomination(h, child: child, level: level, csrf: try await rektor.csrf())
            #expect(try await rektor.post("/barn/\(child)/program/ny", nomination).status == .notFound)
            let form = try await rektor.get("/barn/\(child)/program/\(Self.secondKey)/ny")
            #expect(form.status == .ok && form.body.contains("Föreslå till \(Self.secondName)") && form.body.contains("förskoleklass–årskurs 6")
                && form.body.contains("action=\"/barn/\(child)/program/\(Self.secondKey)/ny\""))
            nomination["_csrf"] = try await rektor.csrf()
            let nominated = try await rektor.post("/barn/\(child)/program/\(Self.secondKey)/ny", nomination)
            let family = try #require(nominated.location.flatMap { URL(string: "http://x\($0)")?.path }, "\(nominated.status)")
            #expect(try await rektor.get(family).body.contains(Self.secondName))
            #expect(try await h.store.withConnection { db in
                try await db.raw("SELECT programme_key FROM programme_enrolments").all().map { try $0.decode(column: "programme_key", as: String.self) }
            } == [Self.secondKey])
            #expect(try await rektor.get("/program").body.contains("<td>\(Self.secondName)</td>"))

            let steering = try await ProgrammeWebTests.steering(h, client)
            let queues = try await steering.get("/program/styrgrupp")
            #expect(queues.status == .ok && queues.body.contains("href=\"/program/styrgrupp/ragunda-trampolinen\"") && queues.body.contains("href=\"/program/styrgrupp/\(Self.secondKey)\""))
            let second = try await steering.get("/program/styrgrupp/\(Self.secondKey)")
            #expect(second.body.contains("Styrgruppens kö: \(Self.secondName)") && second.body.contains("href=\"\(family)\"")
                && second.body.contains("href=\"/program/terminsrapport/\(Self.secondKey)\""))
            #expect(!(try await steering.get("/program/styrgrupp/ragunda-trampolinen")).body.contains("href=\"\(family)\""))
            #expect(try await steering.get("/program/terminsrapport").body.contains("href=\"/program/terminsrapport/\(Self.secondKey)\""))
            let report = try await steering.get("/program/terminsrapport/\(Self.secondKey)")
            #expect(report.status == .ok && report.body.contains("href=\"/program/terminsrapport/\(Self.secondKey)/pdf?termin="))
            #expect(try await steering.get("/program/terminsrapport/\(Self.secondKey)/pdf").body.hasPrefix("%PDF"))
            #expect(try await steering.get("/program/arssammanstallning/\(Self.secondKey)").status == .ok)
            #expect(try await steering.get("/program/arssammanstallning").body.contains("href=\"/program/arssammanstallning/\(Self.secondKey)\""))
            // The picker keeps the term or year asked for (a garbled one falls back to the current term).
            #expect(try await steering.get("/program/terminsrapport?termin=2025-vt").body.contains("href=\"/program/terminsrapport/\(Self.secondKey)?termin=2025-vt\""))
            #expect(try await steering.get("/program/terminsrapport.pdf?termin=2025-ht").body.contains("href=\"/program/terminsrapport/\(Self.secondKey)/pdf?termin=2025-ht\""))
            #expect(try await steering.get("/program/arssammanstallning?ar=2024").body.contains("href=\"/program/arssammanstallning/\(Self.secondKey)?ar=2024\""))
            let garbled = try await steering.get("/program/terminsrapport?termin=%22%3E%3Cscript%3E").body
            #expect(garbled.contains("href=\"/program/terminsrapport/\(Self.secondKey)?termin=") && !garbled.contains("<script>"))
            // Someone outside the steering group still gets no queue of either.
            let mentor = Browser(client)
            try await mentor.signIn("mentor.strand")
            #expect(try await mentor.get("/program/styrgrupp").status == .notFound)
            #expect(try await mentor.get("/program/styrgrupp/\(Self.secondKey)").status == .notFound)
        }
    }

    @Test("the menu follows the stored definitions: a programme whose steering group is the IFO enhetschef shows that person Styrgruppen, Trampolinen alone does not")
    func menuFollowsTheDefinitions() async throws {
        try await WebHarness.run { _, client in
            let manager = Browser(client)
            try await manager.signIn("enhetschef")
            let menuEntry = "href=\"\(SiteURL.programmeQueue.path)\""
            #expect(!(try await manager.get("/").body.contains(menuEntry)), "enhetschef is in no steering group of Trampolinen")
            let steering = Browser(client)
            try await steering.signIn("bitradande.ifochef")
            #expect(try await steering.get("/").body.contains(menuEntry), "biträdande IFO-chef is in Trampolinen's")

            let admin = try await Self.admin(client)
            var values = Self.form(.trampolinen, csrf: try await admin.csrf())
            values["key"] = Self.secondKey
            values["name"] = Self.secondName
            for key in values.keys where key.hasPrefix("steering_group_") { values[key] = nil }
            values["steering_group_\(Role.unitManager.rawValue)"] = "1"
            let saved = try await admin.post("/admin/program/ny", values)
            #expect(saved.location == "/admin/program?sparad=1", "\(saved.status) \(saved.body.components(separatedBy: "field-error").dropFirst().first?.prefix(300) ?? "")")
            #expect(try await manager.get("/").body.contains(menuEntry), "the new programme's steering group finds its queue")
            #expect(try await steering.get("/").body.contains(menuEntry))

            // Trampolinen's steering group changed: the biträdande IFO-chef's way in goes with it.
            values = Self.form(.trampolinen, csrf: try await admin.csrf())
            for key in values.keys where key.hasPrefix("steering_group_") { values[key] = nil }
            values["steering_group_\(Role.studentHealthHead.rawValue)"] = "1"
            #expect(try await admin.post("/admin/program/ragunda-trampolinen", values).location == "/admin/program?sparad=1")
            #expect(!(try await steering.get("/").body.contains(menuEntry)))
        }
    }
}
