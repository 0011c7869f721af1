import Foundation

/// A minimal PDF 1.4 writer: A4 pages, flowing text (headings, paragraphs, bullets,
/// label–value rows) with word wrap and automatic page breaks, and a correct cross-reference
/// table. Pure Swift, no outside service. Text is drawn in embedded subsets of the fonts
/// passed in, as glyph indices, so any name the fonts can show prints as written and is
/// extracted as written.
public struct PDFWriter: Sendable {
    /// One line of text on a page, kept as glyphs until the end, because the fonts are
    /// subset to the glyphs of all pages (and the footers) when the file is rendered.
    private struct TextRun: Sendable {
        var font: PDFFont
        var size: Double
        var x: Double
        var baseline: Double
        var glyphs: [GlyphID]
    }

    public static let pageWidth = 595.28
    public static let pageHeight = 841.89
    /// 20 mm.
    public static let margin = 56.69

    public let title: String
    /// Printed at the foot of every page before "Sida n av m".
    public var footer: String?
    public let fonts: PDFFonts

    private var pages: [[TextRun]] = [[]]
    /// Each page's drawing operations (bars, rules), painted under its text.
    private var drawings: [[String]] = [[]]
    /// The top of the next line on the current page.
    private var cursor = PDFWriter.pageHeight - PDFWriter.margin
    private static let bottom = PDFWriter.margin + 14
    private static let footerSize = 8.0

    public init(title: String, footer: String? = nil, fonts: PDFFonts) {
        self.title = title
        self.footer = footer
        self.fonts = fonts
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
            if index == 0 { draw(fonts.regular.glyphs(for: "•"), font: .regular, size: size, x: Self.margin + indent, baseline: baseline) }
            draw(line, font: .regular, size: size, x: Self.margin + indent + hang, baseline: baseline)
        }
    }

    /// "Datum och tid: 2026-12-03 kl. 13:00–14:30": the label bold, the value after it on
    /// the same line, wrapped lines aligned under the value. One run per line, so text
    /// extraction reads label and value together.
    public mutating func field(_ label: String, _ value: String, size: Double = 10) {
        let labelGlyphs = fonts.bold.glyphs(in: label)
        let hang = width(labelGlyphs, font: .bold, size: size) + width(fonts.regular.spaceGlyphs, font: .regular, size: size)
        let lines = wrap(value.isEmpty ? "–" : value, font: .regular, size: size, width: contentWidth - hang)
        for (index, line) in lines.enumerated() {
            let baseline = nextLine(size: size, keepWithNext: 0)
            if index == 0 { draw(labelGlyphs, font: .bold, size: size, x: Self.margin, baseline: baseline) }
            draw(line, font: .regular, size: size, x: Self.margin + hang, baseline: baseline)
        }
    }

    public mutating func space(_ points: Double) {
        cursor -= points
        if cursor < Self.bottom { newPage() }
    }

    public mutating func newPage() {
        pages.append([])
        drawings.append([])
        cursor = Self.pageHeight - Self.margin
    }

    // MARK: Tables and charts

    /// One line of a table: each cell wrapped within its column's width (points), the line
    /// as tall as its tallest cell, a hairline under it.
    public mutating func tableRow(_ cells: [String], widths: [Double], bold: Bool = false, size: Double = 8.5) {
        let font: PDFFont = bold ? .bold : .regular
        let wrapped = zip(cells, widths).map { wrap($0.isEmpty ? " " : $0, font: font, size: size, width: $1 - 4) }
        let height = Double(wrapped.map(\.count).max() ?? 1) * size * 1.3
        if cursor - height < Self.bottom, !(pages[pages.count - 1].isEmpty) { newPage() }
        var x = Self.margin
        for (lines, width) in zip(wrapped, widths) {
            for (i, line) in lines.enumerated() { draw(line, font: font, size: size, x: x, baseline: cursor - size - Double(i) * size * 1.3) }
            x += width
        }
        cursor -= height + 2
        drawings[drawings.count - 1].append("0.75 G 0.5 w \(Self.number(Self.margin)) \(Self.number(cursor + 1)) m \(Self.number(x)) \(Self.number(cursor + 1)) l S")
    }

    /// Horizontal bars, one per item, the longest to the width; an item without a value (a
    /// suppressed count) gets no bar, only its text.
    public mutating func bars(_ items: [(label: String, value: Double?, text: String)], size: Double = 8.5) {
        let labelWidth = contentWidth * 0.4, room = contentWidth * 0.5
        let most = items.compactMap(\.value).max() ?? 0
        for item in items {
            let height = size * 1.8
            if cursor - height < Self.bottom, !(pages[pages.count - 1].isEmpty) { newPage() }
            let baseline = cursor - size - 2
            let label = wrap(item.label, font: .regular, size: size, width: labelWidth - 6).first ?? []
            draw(label, font: .regular, size: size, x: Self.margin, baseline: baseline)
            let length = item.value.map { most > 0 ? room * $0 / most : 0 } ?? 0
            if length > 0 {
                drawings[drawings.count - 1].append("0.16 0.42 0.55 rg \(Self.number(Self.margin + labelWidth)) \(Self.number(baseline - 2)) \(Self.number(length)) \(Self.number(size + 2)) re f")
            }
            draw(fonts.regular.glyphs(in: item.text), font: .regular, size: size, x: Self.margin + labelWidth + length + 4, baseline: baseline)
            cursor -= height
        }
    }

    /// An empty ruled box of `lines` lines to write in by hand.
    public mutating func writingSpace(lines: Int) {
        let height = Double(lines) * 20
        if cursor - height < Self.bottom, !(pages[pages.count - 1].isEmpty) { newPage() }
        let top = cursor, left = Self.margin, right = Self.margin + contentWidth
        var ops = ["0.6 G 0.75 w \(Self.number(left)) \(Self.number(top - height)) \(Self.number(contentWidth)) \(Self.number(height)) re S"]
        for i in 1..<max(1, lines) { ops.append("0.85 G 0.5 w \(Self.number(left + 6)) \(Self.number(top - Double(i) * 20)) m \(Self.number(right - 6)) \(Self.number(top - Double(i) * 20)) l S") }
        drawings[drawings.count - 1] += ops
        cursor -= height + 6
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
        func stream(_ dictionary: String, _ bytes: [UInt8]) {
            offsets.append(out.count)
            out += Array("\(offsets.count - 1) 0 obj\n\(dictionary)\nstream\n".utf8) + bytes + Array("\nendstream\nendobj\n".utf8)
        }
        let pageCount = pages.count
        let runs = pages.enumerated().map { $0.element + [footer(page: $0.offset + 1, of: pageCount)] }
        // Catalog, pages, info, then each font's objects, then each page and its content.
        let firstFont = 4
        let fontObjects = PDFFont.allCases.enumerated().map { (style: $0.element, first: firstFont + $0.offset * PDFEmbeddedFont.objectCount) }
        let firstPage = firstFont + PDFFont.allCases.count * PDFEmbeddedFont.objectCount
        let kids = (0..<pageCount).map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        let fontResources = fontObjects.map { "/\($0.style.resourceName) \($0.first) 0 R" }.joined(separator: " ")

        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>")
        var info = "<< /Title \(Self.textString(title)) /Producer (Samverka)"
        if let created { info += " /CreationDate (D:\(ICalendar.utcStamp(created).replacingOccurrences(of: "T", with: "")))" }
        object(info + " >>")

        for (style, first) in fontObjects {
            let used = Set(runs.joined().filter { $0.font == style }.flatMap(\.glyphs))
            for part in PDFEmbeddedFont(font: fonts[style], glyphs: used).objects(first: first) {
                switch part {
                case .dictionary(let body): object(body)
                case .stream(let dictionary, let bytes): stream(dictionary, bytes)
                }
            }
        }

        for (index, pageRuns) in runs.enumerated() {
            object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Self.number(Self.pageWidth)) \(Self.number(Self.pageHeight))] /Resources << /Font << \(fontResources) >> >> /Contents \(firstPage + 2 * index + 1) 0 R >>")
            let content = (drawings[min(index, drawings.count - 1)] + pageRuns.map(Self.operation)).joined(separator: "\n")
            stream("<< /Length \(content.utf8.count) >>", Array(content.utf8))
        }

        let xref = out.count
        var table = "xref\n0 \(offsets.count)\n0000000000 65535 f \n"
        for offset in offsets.dropFirst() { table += Self.padded(offset, 10) + " 00000 n \n" }
        table += "trailer\n<< /Size \(offsets.count) /Root 1 0 R /Info 3 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return out
    }

    /// "BT /F1 10.00 Tf 1 0 0 1 56.69 770.00 Tm <00240025> Tj ET": the glyph indices as a hex
    /// string, two bytes each, which `/Identity-H` reads as the glyphs themselves.
    private static func operation(_ run: TextRun) -> String {
        let hex = run.glyphs.map(PDFEmbeddedFont.hex).joined()
        return "BT /\(run.font.resourceName) \(number(run.size)) Tf 1 0 0 1 \(number(run.x)) \(number(run.baseline)) Tm <\(hex)> Tj ET"
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

    private mutating func draw(_ glyphs: [GlyphID], font: PDFFont, size: Double, x: Double, baseline: Double) {
        guard !glyphs.isEmpty else { return }
        pages[pages.count - 1].append(TextRun(font: font, size: size, x: x, baseline: baseline, glyphs: glyphs))
    }

    private func footer(page: Int, of count: Int) -> TextRun {
        var text = "Sida \(page) av \(count)"
        if let footer, !footer.isEmpty { text = footer + " – " + text }
        return TextRun(font: .regular, size: Self.footerSize, x: Self.margin, baseline: Self.margin / 2, glyphs: fonts.regular.glyphs(in: text))
    }

    /// The width of glyphs in `font` at `size` points, from the font's advance widths.
    func width(_ glyphs: [GlyphID], font: PDFFont, size: Double) -> Double {
        fonts[font].width(of: glyphs, size: size)
    }

    /// Greedy word wrap on spaces; a word longer than the line is split between characters.
    /// Blank lines in the text are kept as empty lines.
    func wrap(_ text: String, font: PDFFont, size: Double, width: Double) -> [[GlyphID]] {
        let face = fonts[font]
        func fits(_ glyphs: [GlyphID]) -> Bool { face.width(of: glyphs, size: size) <= width }
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines: [[GlyphID]] = []
        let space = face.spaceGlyphs
        for paragraph in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            var current: [GlyphID] = []
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                let glyphs = face.glyphs(in: word)
                let candidate = current.isEmpty ? glyphs : current + space + glyphs
                if fits(candidate) {
                    current = candidate
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                // One entry per character, so a long word is never cut inside a letter with
                // its accents.
                var rest = ArraySlice(word.map { face.glyphs(for: $0) })
                while rest.count > 1, !fits(Array(rest.joined())) {
                    var cut = rest.count - 1
                    while cut > 1, !fits(Array(rest.prefix(cut).joined())) { cut -= 1 }
                    lines.append(Array(rest.prefix(cut).joined()))
                    rest = rest.dropFirst(cut)
                }
                current = Array(rest.joined())
            }
            lines.append(current)
        }
        return lines
    }

    // MARK: Encoding

    /// A text string for the document information: UTF-16BE with a byte-order mark, as hex,
    /// composed (NFC) like the text on the pages.
    static func textString(_ text: String) -> String {
        "<FEFF" + text.precomposedStringWithCanonicalMapping.utf16.map { padded(Int($0), 4, radix: 16).uppercased() }.joined() + ">"
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
