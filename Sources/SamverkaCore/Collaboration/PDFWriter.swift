import Foundation

/// The two standard fonts Samverka prints with. Standard fonts need no embedding, so the
/// writer stays small and every PDF reader (and pdftotext) knows them.
public enum PDFFont: Sendable, Hashable {
    case regular
    case bold

    var resourceName: String { self == .regular ? "F1" : "F2" }
    var baseFont: String { self == .regular ? "Helvetica" : "Helvetica-Bold" }

    /// Width in points of WinAnsi bytes at `size`.
    func width(_ bytes: [UInt8], size: Double) -> Double {
        let table = self == .regular ? HelveticaMetrics.helvetica : HelveticaMetrics.helveticaBold
        return Double(bytes.reduce(0) { $0 + table[Int($1)] }) * size / 1000
    }
}

/// A minimal PDF 1.4 writer: A4 pages, flowing text (headings, paragraphs, bullets,
/// label–value rows) with word wrap and automatic page breaks, and a correct cross-reference
/// table. Pure Swift, no outside service; the bytes are ASCII apart from the header's binary
/// marker, because strings are written with octal escapes.
public struct PDFWriter: Sendable {
    public static let pageWidth = 595.28
    public static let pageHeight = 841.89
    /// 20 mm.
    public static let margin = 56.69

    public let title: String
    /// Printed at the foot of every page before "Sida n av m".
    public var footer: String?

    private var pages: [[String]] = [[]]
    /// The top of the next line on the current page.
    private var cursor = PDFWriter.pageHeight - PDFWriter.margin
    private static let bottom = PDFWriter.margin + 14
    private static let footerSize = 8.0

    public init(title: String, footer: String? = nil) {
        self.title = title
        self.footer = footer
    }

    public var contentWidth: Double { Self.pageWidth - 2 * Self.margin }
    public var pageCount: Int { pages.count }

    // MARK: Blocks

    /// The document's title, large and bold.
    public mutating func documentTitle(_ text: String) {
        block(text, font: .bold, size: 16, indent: 0, spaceBefore: 0, keepWithNext: 2)
        space(4)
    }

    public mutating func heading(_ text: String) {
        block(text, font: .bold, size: 12.5, indent: 0, spaceBefore: 10, keepWithNext: 2)
    }

    public mutating func subheading(_ text: String, indent: Double = 0) {
        block(text, font: .bold, size: 10.5, indent: indent, spaceBefore: 6, keepWithNext: 1)
    }

    /// Wrapped text; line breaks in `text` start new lines, blank lines are kept.
    public mutating func paragraph(_ text: String, font: PDFFont = .regular, size: Double = 10, indent: Double = 0) {
        block(text, font: font, size: size, indent: indent, spaceBefore: 0, keepWithNext: 0)
    }

    /// A bullet with a hanging indent.
    public mutating func bullet(_ text: String, size: Double = 10, indent: Double = 0) {
        let hang = 12.0
        let lines = wrap(text, font: .regular, size: size, width: contentWidth - indent - hang)
        for (index, line) in lines.enumerated() {
            let baseline = nextLine(size: size, keepWithNext: 0)
            if index == 0 { draw(WinAnsi.encode("•"), font: .regular, size: size, x: Self.margin + indent, baseline: baseline) }
            draw(line, font: .regular, size: size, x: Self.margin + indent + hang, baseline: baseline)
        }
    }

    /// "Datum och tid: 2026-12-03 kl. 13:00–14:30": the label bold, the value after it on
    /// the same line, wrapped lines aligned under the value. One run per line, so text
    /// extraction reads label and value together.
    public mutating func field(_ label: String, _ value: String, size: Double = 10) {
        let labelBytes = WinAnsi.encode(label)
        let hang = PDFFont.bold.width(labelBytes, size: size) + PDFFont.regular.width(WinAnsi.encode(" "), size: size)
        let lines = wrap(value.isEmpty ? "–" : value, font: .regular, size: size, width: contentWidth - hang)
        for (index, line) in lines.enumerated() {
            let baseline = nextLine(size: size, keepWithNext: 0)
            if index == 0 { draw(labelBytes, font: .bold, size: size, x: Self.margin, baseline: baseline) }
            draw(line, font: .regular, size: size, x: Self.margin + hang, baseline: baseline)
        }
    }

    public mutating func space(_ points: Double) {
        cursor -= points
        if cursor < Self.bottom { newPage() }
    }

    public mutating func newPage() {
        pages.append([])
        cursor = Self.pageHeight - Self.margin
    }

    // MARK: Output

    /// The finished file. `created` (passed in, never read from a clock) becomes the
    /// document's CreationDate.
    public func render(created: Date? = nil) -> [UInt8] {
        var out: [UInt8] = Array("%PDF-1.4\n".utf8) + [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = [0] // object 0 is the free-list head
        func object(_ body: String) {
            offsets.append(out.count)
            out += Array("\(offsets.count - 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let pageCount = pages.count
        let firstPage = 6
        let kids = (0..<pageCount).map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")

        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>")
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        var info = "<< /Title \(Self.textString(title)) /Producer (Samverka)"
        if let created { info += " /CreationDate (D:\(ICalendar.utcStamp(created).replacingOccurrences(of: "T", with: "")))" }
        object(info + " >>")

        for (index, operations) in pages.enumerated() {
            object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Self.number(Self.pageWidth)) \(Self.number(Self.pageHeight))] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(firstPage + 2 * index + 1) 0 R >>")
            let content = (operations + footerOperations(page: index + 1, of: pageCount)).joined(separator: "\n")
            let bytes = Array(content.utf8)
            object("<< /Length \(bytes.count) >>\nstream\n\(content)\nendstream")
        }

        let xref = out.count
        var table = "xref\n0 \(offsets.count)\n0000000000 65535 f \n"
        for offset in offsets.dropFirst() { table += Self.padded(offset, 10) + " 00000 n \n" }
        table += "trailer\n<< /Size \(offsets.count) /Root 1 0 R /Info 5 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return out
    }

    // MARK: Layout

    private mutating func block(_ text: String, font: PDFFont, size: Double, indent: Double, spaceBefore: Double, keepWithNext: Int) {
        if spaceBefore > 0, !(pages[pages.count - 1].isEmpty) { space(spaceBefore) }
        for (index, line) in wrap(text, font: font, size: size, width: contentWidth - indent).enumerated() {
            let baseline = nextLine(size: size, keepWithNext: index == 0 ? keepWithNext : 0)
            draw(line, font: font, size: size, x: Self.margin + indent, baseline: baseline)
        }
    }

    /// Moves down one line and returns its baseline, starting a page when the line (and the
    /// `keepWithNext` body lines that should follow a heading) would not fit.
    private mutating func nextLine(size: Double, keepWithNext: Int) -> Double {
        let height = size * 1.3
        if cursor - height * Double(1 + keepWithNext) < Self.bottom, !(pages[pages.count - 1].isEmpty) { newPage() }
        let baseline = cursor - size
        cursor -= height
        return baseline
    }

    private mutating func draw(_ bytes: [UInt8], font: PDFFont, size: Double, x: Double, baseline: Double) {
        guard !bytes.isEmpty else { return }
        pages[pages.count - 1].append("BT /\(font.resourceName) \(Self.number(size)) Tf 1 0 0 1 \(Self.number(x)) \(Self.number(baseline)) Tm \(Self.literal(bytes)) Tj ET")
    }

    private func footerOperations(page: Int, of count: Int) -> [String] {
        var text = "Sida \(page) av \(count)"
        if let footer, !footer.isEmpty { text = footer + " – " + text }
        let bytes = WinAnsi.encode(text)
        return ["BT /F1 \(Self.number(Self.footerSize)) Tf 1 0 0 1 \(Self.number(Self.margin)) \(Self.number(Self.margin / 2)) Tm \(Self.literal(bytes)) Tj ET"]
    }

    /// Greedy word wrap on spaces; a word longer than the line is split by characters.
    /// Blank lines in the text are kept as empty lines.
    func wrap(_ text: String, font: PDFFont, size: Double, width: Double) -> [[UInt8]] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines: [[UInt8]] = []
        let space = WinAnsi.encode(" ")
        for paragraph in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            var current: [UInt8] = []
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                var bytes = WinAnsi.encode(String(word))
                let candidate = current.isEmpty ? bytes : current + space + bytes
                if font.width(candidate, size: size) <= width {
                    current = candidate
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                current = []
                while font.width(bytes, size: size) > width {
                    var cut = bytes.count - 1
                    while cut > 1, font.width(Array(bytes[..<cut]), size: size) > width { cut -= 1 }
                    lines.append(Array(bytes[..<cut]))
                    bytes = Array(bytes[cut...])
                }
                current = bytes
            }
            lines.append(current)
        }
        return lines
    }

    // MARK: Encoding

    /// A PDF literal string: parentheses and backslash escaped, bytes outside printable
    /// ASCII as three-digit octal.
    static func literal(_ bytes: [UInt8]) -> String {
        var s = "("
        for b in bytes {
            switch b {
            case 0x28: s += "\\("
            case 0x29: s += "\\)"
            case 0x5C: s += "\\\\"
            case 0x20...0x7E: s.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let octal = String(b, radix: 8)
                s += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return s + ")"
    }

    /// A text string for the document information: UTF-16BE with a byte-order mark, as hex.
    static func textString(_ text: String) -> String {
        "<FEFF" + text.utf16.map { padded(Int($0), 4, radix: 16).uppercased() }.joined() + ">"
    }

    /// Two decimals, never exponent notation: "595.28".
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        return sign + "\(magnitude / 100)." + padded(magnitude % 100, 2)
    }

    static func padded(_ value: Int, _ width: Int, radix: Int = 10) -> String {
        let digits = String(value, radix: radix)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
