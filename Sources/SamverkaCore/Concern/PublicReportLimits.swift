import Foundation

/// How much the public e-service takes, and from whom. A report of concern must never be
/// shut out for everyone by a few senders, so the limit is per sender and the ceiling for
/// everyone is far above any real day; when either refuses, the page tells how to report
/// by phone instead (`PublicReportLimits.phoneAdvice`), and keeps what the person wrote.
public enum PublicReportLimits {
    public static let window: TimeInterval = 3600
    public static let perAddress = 5
    /// Protects the database from a flood from many addresses; a municipality's e-service
    /// gets a handful of reports a day.
    public static let everyone = 2000

    public enum Verdict: Sendable, Hashable {
        case allowed
        case addressLimit
        case ceiling
    }

    public static func verdict(fromAddress: Int, fromEveryone: Int) -> Verdict {
        if fromAddress >= perAddress { return .addressLimit }
        if fromEveryone >= everyone { return .ceiling }
        return .allowed
    }

    /// Why a report was not taken (shown with `phoneAdvice`).
    public static func message(_ verdict: Verdict) -> String? {
        switch verdict {
        case .allowed: nil
        case .addressLimit: "Anmälan är inte skickad: många anmälningar har skickats från din internetanslutning den senaste timmen."
        case .ceiling: "Anmälan är inte skickad: e-tjänsten tar emot ovanligt många anmälningar just nu."
        }
    }

    /// What the submissions from one sender are counted under: an IPv4 address as it is,
    /// an IPv6 address by its /64 prefix (one household or phone gets a whole /64, so
    /// counting single IPv6 addresses would limit nobody), an IPv4-mapped IPv6 address as
    /// IPv4. Anything else (no address known) as its own text.
    public static func senderKey(_ address: String) -> String {
        let text = address.trimmingCharacters(in: .whitespaces).lowercased()
        if let v4 = ipv4(text) { return "v4:" + v4.map(String.init).joined(separator: ".") }
        if let groups = ipv6(text) {
            if groups[0..<5].allSatisfy({ $0 == 0 }), groups[5] == 0xffff {
                let bytes = [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff]
                return "v4:" + bytes.map(String.init).joined(separator: ".")
            }
            return "v6:" + groups[0..<4].map { String($0, radix: 16) }.joined(separator: ":") + "::/64"
        }
        return "other:" + text
    }

    static func ipv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let bytes = parts.compactMap { part -> UInt8? in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit) else { return nil }
            return UInt8(part)
        }
        return bytes.count == 4 ? bytes : nil
    }

    /// The eight 16-bit groups of an IPv6 address ("[…]", a zone "%eth0", "::" and a
    /// dotted IPv4 tail allowed), or nil.
    static func ipv6(_ raw: String) -> [UInt16]? {
        var text = Substring(raw)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        if let zone = text.firstIndex(of: "%") { text = text[..<zone] }
        guard text.contains(":") else { return nil }
        var tail: [UInt16] = []
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard let v4 = ipv4(String(text[text.index(after: lastColon)...])) else { return nil }
            tail = [UInt16(v4[0]) << 8 | UInt16(v4[1]), UInt16(v4[2]) << 8 | UInt16(v4[3])]
            text = text[...lastColon]
            if !text.hasSuffix("::") { text = text.dropLast() }
        }
        func groups(_ part: Substring) -> [UInt16]? {
            if part.isEmpty { return [] }
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            let values = pieces.compactMap { piece -> UInt16? in
                guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit) else { return nil }
                return UInt16(piece, radix: 16)
            }
            return values.count == pieces.count ? values : nil
        }
        let halves = text.components(separatedBy: "::")
        switch halves.count {
        case 1:
            guard let all = groups(text), all.count + tail.count == 8 else { return nil }
            return all + tail
        case 2:
            guard let left = groups(Substring(halves[0])), let right = groups(Substring(halves[1])) else { return nil }
            let missing = 8 - left.count - right.count - tail.count
            guard missing >= 1 else { return nil }
            return left + Array(repeating: 0, count: missing) + right + tail
        default:
            return nil
        }
    }
}
