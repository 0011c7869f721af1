import Foundation
import SQLKit
import Testing
@testable import SamverkaCore
@testable import SamverkaStore

@Suite("Public e-service: limited per sender, never shut for everyone by a few")
struct PublicReportLimitTests {
    static var input: ReportInput {
        var input = ReportInput()
        input.reporterKind = .anonymous
        input.observations = "Ett barn på gården ropar på hjälp på kvällarna."
        return input
    }

    func submit(_ f: Fixture, from address: String) async throws -> Outcome<String> {
        try await f.reports.submitPublic(Self.input, childName: "Pojke, ca 8 år", childNumber: "", childSchool: "", clientAddress: address)
    }

    @Test("a hundred senders at their limit do not shut out a genuine reporter")
    func manySendersDoNotShutTheService() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            for sender in 1...100 {
                for _ in 0..<PublicReportLimits.perAddress {
                    try requireOK(await submit(f, from: "10.0.\(sender / 250).\(sender % 250 + 1)"))
                }
            }
            #expect(try await f.count("reports") == 500)
            // The one who actually worries about a child is still heard.
            try requireOK(await submit(f, from: "203.0.113.9"))
            #expect(try await f.count("reports") == 501)
        }
    }

    @Test("IPv6 senders are counted by their /64: another address in the same prefix is the same sender")
    func ipv6CountedPerPrefix() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            for host in 1...PublicReportLimits.perAddress {
                try requireOK(await submit(f, from: "2001:db8:1:2::\(host)"))
            }
            let refused = try requireInvalid(await submit(f, from: "2001:db8:1:2:abcd:ef01:2345:6789"))
            #expect(refused[ReportService.publicRefusedField] == PublicReportLimits.message(.addressLimit))
            // The next prefix is someone else.
            try requireOK(await submit(f, from: "2001:db8:1:3::1"))
        }
    }

    @Test("over the ceiling for everyone, the refusal does not blame the sender")
    func ceiling() async throws {
        try await TestDatabase.withStore { store in
            let f = try await Fixture(store)
            let now = f.clock.now().epochSeconds
            // Earlier submissions from as many senders, straight into the table.
            try await store.transaction { db in
                for batch in stride(from: 0, to: PublicReportLimits.everyone, by: 500) {
                    let rows = (batch..<min(batch + 500, PublicReportLimits.everyone)).map { "(\(now - 60), 'sender-\($0)')" }.joined(separator: ",")
                    try await db.raw(SQLQueryString("INSERT INTO public_submissions (at, address_hash) VALUES " + rows)).run()
                }
            }
            let refused = try requireInvalid(await submit(f, from: "203.0.113.10"))
            #expect(refused[ReportService.publicRefusedField] == PublicReportLimits.message(.ceiling))
            #expect(refused[ReportService.publicRefusedField]?.contains("din internetanslutning") == false)
            #expect(try await f.count("reports") == 0)
            // An hour on, the service takes reports again.
            f.clock.advance(by: 3600)
            try requireOK(await submit(f, from: "203.0.113.10"))
        }
    }
}
