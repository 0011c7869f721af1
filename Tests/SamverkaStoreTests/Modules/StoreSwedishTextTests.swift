import Foundation
import Testing

/// Store holds no Swedish words of its own (issue 16 point 8): the messages, audit reasons,
/// register-extract labels and other texts it writes come from SamverkaCore (the domain's
/// words) or SamverkaWeb (page wording). A string literal with å, ä or ö in Store outside
/// `Demo/` fails this test, naming file and line.
@Suite("Store: no Swedish text outside the demo")
struct StoreSwedishTextTests {
    /// Literals that stay, each by file and an excerpt of the literal, and why.
    static let allowed: [(file: String, literal: String, why: String)] = [
        // A module's name names it to developers and in test output; it is shown on no screen.
        ("Collaboration/CollaborationModule.swift", "Samverkan och möten", "module name, shown on no screen"),
        ("Concern/ConcernModule.swift", "Orosanmälan och utredning", "module name, shown on no screen"),
        ("Directory/DirectoryModule.swift", "Stödkatalog och ansvar", "module name, shown on no screen"),
        ("Forums/ForumModule.swift", "Forum och årshjul", "module name, shown on no screen"),
        ("Meetings/MeetingsModule.swift", "Möten", "module name, shown on no screen"),
        ("StudentHealth/StudentHealthModule.swift", "Elevhälsa", "module name, shown on no screen"),
    ]

    static var storeSources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SamverkaStore")
    }

    /// The characters that make a literal Swedish text: å, ä, ö (also when written as a
    /// letter and a combining ring or diaeresis).
    static let swedish: Set<Unicode.Scalar> = ["å", "ä", "ö", "Å", "Ä", "Ö", "\u{030A}", "\u{0308}"]

    /// Each string literal holding a Swedish letter, by the line it is on (1-based) and its
    /// line's text. Comments are skipped; a literal inside an interpolation is a literal too.
    static func swedishLiterals(in source: String) -> [(line: Int, text: String)] {
        enum Mode { case code(parens: Int), string(multiline: Bool) }
        let s = Array(source.unicodeScalars)
        let lines = source.components(separatedBy: "\n")
        var stack: [Mode] = [.code(parens: 0)]
        var found: [Int] = []
        var line = 1
        var i = 0
        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
        func isTripleQuote(_ k: Int) -> Bool { at(k) == "\"" && at(k + 1) == "\"" && at(k + 2) == "\"" }
        func advance(_ n: Int = 1) {
            for _ in 0..<n where i < s.count {
                if s[i] == "\n" { line += 1 }
                i += 1
            }
        }
        while i < s.count {
            let c = s[i]
            switch stack[stack.count - 1] {
            case .code(let parens):
                if c == "/", at(i + 1) == "/" {
                    while i < s.count, s[i] != "\n" { advance() }
                } else if c == "/", at(i + 1) == "*" {
                    advance(2)
                    while i < s.count, !(s[i] == "*" && at(i + 1) == "/") { advance() }
                    advance(2)
                } else if isTripleQuote(i) {
                    stack.append(.string(multiline: true))
                    advance(3)
                } else if c == "\"" {
                    stack.append(.string(multiline: false))
                    advance()
                } else if c == "(" {
                    stack[stack.count - 1] = .code(parens: parens + 1)
                    advance()
                } else if c == ")" {
                    if parens == 0, stack.count > 1 { stack.removeLast() } else { stack[stack.count - 1] = .code(parens: max(0, parens - 1)) }
                    advance()
                } else {
                    advance()
                }
            case .string(let multiline):
                if c == "\\" {
                    if at(i + 1) == "(" { stack.append(.code(parens: 0)) }
                    advance(2)
                } else if multiline, isTripleQuote(i) {
                    stack.removeLast()
                    advance(3)
                } else if !multiline, c == "\"" {
                    stack.removeLast()
                    advance()
                } else {
                    if swedish.contains(c), found.last != line { found.append(line) }
                    advance()
                }
            }
        }
        return found.map { ($0, lines.indices.contains($0 - 1) ? lines[$0 - 1].trimmingCharacters(in: .whitespaces) : "") }
    }

    @Test("the scanner finds Swedish literals, also in interpolations and multi-line strings, and skips comments")
    func scanner() {
        let source = """
            // En kommentar på svenska
            /* och en till: åäö */
            let a = "Välj"
            let b = "id \\(x.map { "nr \\($0)" } ?? "okänd")"
            let c = \"\"\"
                SELECT 1 -- inget
                WHERE name = 'Åsa'
                \"\"\"
            let d = "plain" // kommentar: ö
            let e = "\\"quoted\\" ä"
            """
        #expect(Self.swedishLiterals(in: source).map(\.line) == [3, 4, 7, 10])
    }

    @Test("no string literal in Store outside Demo/ holds å, ä or ö, but for the listed ones")
    func noSwedishInStore() throws {
        let root = Self.storeSources
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("Demo/") }.sorted()
        #expect(files.count > 50, "Store's sources not found at \(root.path)")
        var offending: [String] = []
        var used = Set<String>()
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for hit in Self.swedishLiterals(in: text) {
                if let allowed = Self.allowed.first(where: { $0.file == file && hit.text.contains("\"\($0.literal)\"") }) {
                    used.insert(allowed.file + allowed.literal)
                } else {
                    offending.append("Sources/SamverkaStore/\(file):\(hit.line): \(hit.text)")
                }
            }
        }
        #expect(offending.isEmpty, "Swedish text in Store; move it to SamverkaCore (domain words) or SamverkaWeb (page wording):\n\(offending.joined(separator: "\n"))")
        // An allowance no longer needed is removed, so the list stays short and true.
        #expect(Self.allowed.filter { !used.contains($0.file + $0.literal) }.map(\.file) == [])
    }
}
