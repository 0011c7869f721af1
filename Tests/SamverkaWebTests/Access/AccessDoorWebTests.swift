import Foundation
import HTTPTypes
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

/// One audited door into the policy (issue 16): every refusal is logged and answers the same.
@Suite("Web: one door into the policy, one answer to a refusal")
struct AccessDoorWebTests {
    @Test("a refused person gets the same no-access page (not the stale-form page) on every admin page and the register extract, and each refusal is logged")
    func refusalsAnswerTheSame() async throws {
        try await WebHarness.run { h, client in
            let teacher = Browser(client)
            try await teacher.signIn("mentor.ekbacken")
            let pages = ["/admin", "/admin/motestyper", "/admin/motestyper/samverkansmote", "/registerutdrag"]
            var bodies: [String] = []
            for path in pages {
                let page = try await teacher.get(path)
                #expect(page.status == .forbidden, "\(path)")
                #expect(!page.body.contains("Formuläret var för gammalt"), "\(path)")
                bodies.append(page.body)
            }
            #expect(Set(bodies.prefix(3)).count == 1, "every admin refusal shows the same page")
            #expect(bodies.allSatisfy { $0.contains("Ingen åtkomst") })
            let denied = try await h.auditRows(.init(staffID: try await h.staffID("mentor.ekbacken"), action: .accessDenied))
            #expect(denied.count >= pages.count)
            // A social-services person asking for the form by number is refused the same way.
            let officer = Browser(client)
            try await officer.signIn("utredare")
            #expect(try await officer.get("/anmalan").status == .forbidden)
        }
    }

    @Test("every demo role's menu links only to pages that open for them, and a teacher's menu has no administration")
    func menuAsThePolicySays() async throws {
        try await WebHarness.run { h, client in
            for account in DemoMunicipality.accounts {
                let browser = Browser(client)
                try await browser.signIn(account.username)
                let home = try await browser.get("/").body
                let menu = try #require(home.range(of: "<nav aria-label=\"Huvudmeny\">").flatMap { start in home[start.upperBound...].range(of: "</nav>").map { home[start.upperBound..<$0.lowerBound] } })
                let links = menu.matches(of: try Regex(#"href="([^"]+)""#)).compactMap { $0.output[1].substring.map(String.init) }
                #expect(links.first == "/")
                for link in links {
                    #expect(try await browser.get(link).status == .ok, "\(account.username) \(link)")
                }
                if account.username == "mentor.ekbacken" {
                    #expect(!links.contains("/admin") && !links.contains("/loggkontroll") && links.contains("/anmalningar") && !links.contains("/mottagning"))
                }
            }
        }
    }

    @Test("no entry decision asks the policy outside the audited door (lists and buttons use AccessPolicy.allows)")
    func oneDoor() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        // The door itself, and the per-line filter of what a consent lets the school see, which
        // keeps each line's reason for the log.
        let allowed: Set<String> = ["SamverkaStore/Access/AccessDoor.swift", "SamverkaStore/Consent/ConsentService.swift"]
        var offenders: [String] = []
        for target in ["SamverkaStore", "SamverkaWeb"] {
            let folder = sources.appendingPathComponent(target)
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
            #expect(files.count > 20)
            for file in files {
                let relative = target + "/" + file.path.dropFirst(folder.path.count + 1)
                let text = try String(contentsOf: file, encoding: .utf8)
                if text.contains("AccessPolicy.decide(") && !allowed.contains(relative) { offenders.append(relative) }
            }
        }
        #expect(offenders.isEmpty, "AccessPolicy.decide outside the door: \(offenders)")
    }
}
