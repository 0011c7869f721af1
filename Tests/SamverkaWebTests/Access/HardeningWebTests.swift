import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing
@testable import SamverkaCore
@testable import SamverkaStore
@testable import SamverkaWeb

/// Sends bytes as they are (a client's malformed request) and reads the answer until the
/// server closes or the page has ended.
func rawHTTP(port: Int, _ request: String) async throws -> String {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
        }
    return try await channel.executeThenClose { inbound, outbound in
        try await outbound.write(ByteBuffer(string: request))
        var text = ""
        for try await chunk in inbound {
            text += String(buffer: chunk)
            if text.contains("</html>") { break }
        }
        return text
    }
}

@Suite("Hardening: stylesheet, HEAD, body sizes, malformed bodies, names, the e-service's refusal")
struct HardeningWebTests {
    func cookieHeaders(_ browser: Browser) -> HTTPFields {
        var headers = HTTPFields()
        if !browser.cookies.isEmpty { headers[.cookie] = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        headers[HTTPField.Name("X-Forwarded-For")!] = browser.address
        return headers
    }

    @Test("the stylesheet is served: 200, text/css, with its rules")
    func stylesheet() async throws {
        try await WebHarness.run { _, client in
            let css = try await client.execute(uri: "/style.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true, "\(css.headers)")
            let body = String(buffer: css.body)
            #expect(body.contains(".error-summary") && body.contains("{"))
            #expect(css.headers[.contentSecurityPolicy] != nil, "security headers on files too")
            // And every page links it.
            #expect(String(buffer: try await client.execute(uri: "/logga-in", method: .get).body).contains("<link rel=\"stylesheet\" href=\"/style.css\">"))
        }
    }

    @Test("HEAD answers like GET without the body: the stylesheet, a page, a signed-in page")
    func head() async throws {
        try await WebHarness.run { _, client in
            let get = try await client.execute(uri: "/style.css", method: .get)
            let head = try await client.execute(uri: "/style.css", method: .head)
            #expect(head.status == .ok)
            #expect(head.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.body.readableBytes == 0)

            let page = try await client.execute(uri: "/logga-in", method: .head)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.body.readableBytes == 0)

            let mentor = Browser(client)
            try await mentor.signIn("mentor.ekbacken")
            let home = try await client.execute(uri: "/", method: .head, headers: cookieHeaders(mentor))
            #expect(home.status == .ok)
            #expect(home.body.readableBytes == 0)
            // HEAD is no way around the sign-in, nor does it invent pages.
            #expect(try await client.execute(uri: "/", method: .head).status == .seeOther)
            #expect(try await client.execute(uri: "/finns-inte", method: .head).status == .notFound)
        }
    }

    @Test("too large a body answers 413 with the Swedish page; anonymous bodies have a lower limit")
    func oversizedBodies() async throws {
        try await WebHarness.run { _, client in
            let mentor = Browser(client)
            try await mentor.signIn("mentor.ekbacken")
            let csrf = try await mentor.csrf()
            let huge = try await mentor.post("/konsultationer", ["_csrf": csrf, "topic": String(repeating: "a", count: 10 * 1024 * 1024)])
            #expect(huge.status == .contentTooLarge)
            #expect(huge.body.contains("För mycket data") && huge.body.contains("<html"))
            #expect(!huge.body.contains("NIO") && !huge.body.contains("Error"))
            // 200 kB is fine for someone signed in (the form itself answers).
            let signedIn = try await mentor.post("/konsultationer", ["_csrf": csrf, "topic": String(repeating: "a", count: 200 * 1024)])
            #expect(signedIn.status != .contentTooLarge)

            let visitor = Browser(client, address: "198.51.100.40")
            let token = try #require(try await visitor.get("/e-tjanst/anmalan").csrf)
            let anonymous = try await visitor.post("/e-tjanst/anmalan", ["_csrf": token, "reporter_kind": "anonymous", "child_name": "Barn", "observations": String(repeating: "a", count: 200 * 1024)])
            #expect(anonymous.status == .contentTooLarge)
            #expect(anonymous.body.contains("För mycket data") && anonymous.body.contains("ring 112"))
            let signInFlood = try await visitor.post("/logga-in", ["_csrf": token, "username": "x", "password": String(repeating: "a", count: 200 * 1024)])
            #expect(signInFlood.status == .contentTooLarge)
            // The longest text the e-service takes still goes through, in any script.
            let longest = try await visitor.post("/e-tjanst/anmalan", ["_csrf": token, "reporter_kind": "anonymous", "child_name": "Barn",
                                                                      "observations": String(repeating: "𝄞", count: ReportValidation.maxText)])
            #expect(longest.status == .ok && longest.body.contains("kvittonummer"))
        }
    }

    @Test("a malformed body (bad chunk size) answers 400 with the Swedish page, not 500")
    func malformedChunk() async throws {
        try await WebHarness.run { _, client in
            let port = try #require(client.port)
            let answer = try await rawHTTP(port: port, """
                POST /logga-in HTTP/1.1\r
                Host: 127.0.0.1\r
                Content-Type: application/x-www-form-urlencoded\r
                Transfer-Encoding: chunked\r
                \r
                ZZ\r
                username=x\r
                0\r
                \r

                """)
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(200))")
            #expect(!answer.hasPrefix("HTTP/1.1 500"))
            if answer.contains("<html") { #expect(answer.contains("Felaktig begäran")) }
        }
    }

    @Test("a staff name with a right-to-left override is refused next to the field")
    func staffNameWithOverride() async throws {
        try await WebHarness.run { h, client in
            let admin = Browser(client)
            try await admin.signIn("admin")
            let csrf = try #require(try await admin.get("/admin").csrf)
            let before = try await h.count("staff")
            let page = try await admin.post("/admin/personal", ["_csrf": csrf, "username": "ny.person", "display_name": "Anna\u{202E}nossloK", "password": "ett-langt-losenord"])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains(NameRules.message(label: "Namn")))
            #expect(try await h.count("staff") == before)
        }
    }

    @Test("a refused e-service report keeps the text and tells how to report by phone, and to call 112")
    func refusedReportKeepsTextAndGivesPhone() async throws {
        try await WebHarness.run(configuration: WebConfiguration(port: 0, trustForwardedFor: true, socialServicesPhone: "08-123 456 78")) { h, client in
            let visitor = Browser(client, address: "2001:db8:5:6::1")
            let csrf = try #require(try await visitor.get("/e-tjanst/anmalan").csrf)
            for n in 1...PublicReportLimits.perAddress {
                #expect(try await visitor.post("/e-tjanst/anmalan", ["_csrf": csrf, "reporter_kind": "anonymous", "child_name": "Barn \(n)", "observations": "Skrik"]).status == .ok)
            }
            // Another address in the same /64 is the same sender.
            let neighbour = Browser(client, address: "2001:db8:5:6::beef")
            neighbour.cookies = visitor.cookies
            let refused = try await neighbour.post("/e-tjanst/anmalan", ["_csrf": csrf, "reporter_kind": "anonymous", "child_name": "Lilla Vera",
                                                                        "observations": "Hon gråter i trappan varje kväll"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Anmälan kunde inte skickas just nu"))
            #expect(refused.body.contains("08-123 456 78"))
            #expect(refused.body.contains("ring 112"))
            #expect(refused.body.contains("value=\"Lilla Vera\"") && refused.body.contains("Hon gråter i trappan varje kväll</textarea>"))
            #expect(!refused.body.contains("härifrån"))
            #expect(try await h.count("reports") == PublicReportLimits.perAddress)
            // An error page of the e-service (here: the form's token is gone) says it too.
            let stale = Browser(client, address: "198.51.100.61")
            let lost = try await stale.post("/e-tjanst/anmalan", ["_csrf": "gammal", "reporter_kind": "anonymous", "child_name": "Vera", "observations": "Gråter"])
            #expect(lost.status == .forbidden)
            #expect(lost.body.contains("08-123 456 78") && lost.body.contains("ring 112"))
            // Elsewhere an error page does not talk about reports.
            #expect(!(try await stale.get("/finns-inte").body.contains("ring 112")))
        }
    }
}
