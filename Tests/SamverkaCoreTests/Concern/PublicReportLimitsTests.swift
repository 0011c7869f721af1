import Testing
@testable import SamverkaCore

@Suite("Public e-service: who counts as one sender")
struct PublicReportLimitsTests {
    @Test("IPv4 by address, IPv6 by /64, mapped IPv4 as IPv4", arguments: [
        ("198.51.100.7", "v4:198.51.100.7"),
        (" 198.51.100.7 ", "v4:198.51.100.7"),
        ("2001:db8:1:2::1", "v6:2001:db8:1:2::/64"),
        ("2001:DB8:1:2:abcd:ef01:2345:6789", "v6:2001:db8:1:2::/64"),
        ("2001:0db8:0001:0002:0000:0000:0000:0001", "v6:2001:db8:1:2::/64"),
        ("[2001:db8:1:2::1]", "v6:2001:db8:1:2::/64"),
        ("fe80::1%eth0", "v6:fe80:0:0:0::/64"),
        ("2001:db8::", "v6:2001:db8:0:0::/64"),
        ("::1", "v6:0:0:0:0::/64"),
        ("::ffff:198.51.100.7", "v4:198.51.100.7"),
        ("64:ff9b:1:2::198.51.100.7", "v6:64:ff9b:1:2::/64"),
        ("okänd", "other:okänd"),
        ("1.2.3", "other:1.2.3"),
        ("2001:db8::1::2", "other:2001:db8::1::2"),
    ])
    func senderKey(_ sample: (String, String)) {
        #expect(PublicReportLimits.senderKey(sample.0) == sample.1)
    }

    @Test("the sender's limit comes first; the ceiling is far above it")
    func verdict() {
        #expect(PublicReportLimits.verdict(fromAddress: 4, fromEveryone: 10) == .allowed)
        #expect(PublicReportLimits.verdict(fromAddress: 5, fromEveryone: 10) == .addressLimit)
        #expect(PublicReportLimits.verdict(fromAddress: 0, fromEveryone: PublicReportLimits.everyone) == .ceiling)
        #expect(PublicReportLimits.everyone >= 100 * PublicReportLimits.perAddress * 4)
        #expect(PublicReportLimits.message(.allowed) == nil)
    }
}
