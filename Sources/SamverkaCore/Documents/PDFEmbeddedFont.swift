/// One font as PDF objects: a Type0 font with `/Identity-H` (two-byte codes that are the
/// glyph indices), its CIDFontType2 descendant with the widths of the glyphs used, the font
/// descriptor, the subset font file, and a ToUnicode map so that copying and text
/// extraction give back exactly the text that was written.
struct PDFEmbeddedFont {
    enum Object {
        case dictionary(String)
        case stream(dictionary: String, bytes: [UInt8])
    }

    static let objectCount = 5

    let font: TrueTypeFont
    let glyphs: Set<GlyphID>

    /// "KQXZBA+DejaVuSans"
    var baseFont: String { TrueTypeSubset.tag(for: glyphs) + "+" + font.postScriptName }

    /// The objects in order, numbered from `first`; the Type0 font (the one a page's
    /// resources refer to) is `first`.
    func objects(first: Int) -> [Object] {
        let cidFont = first + 1, descriptor = first + 2, file = first + 3, toUnicode = first + 4
        let subset = TrueTypeSubset.bytes(of: font, keeping: glyphs)
        // Compressed, because the glyph locations and widths of all glyphs are most of it.
        let packed = Deflate.zlib(subset)
        let box = font.boundingBox
        let bbox = [box.xMin, box.yMin, box.xMax, box.yMax].map { String(font.pdfUnits($0)) }.joined(separator: " ")
        let cmap = Array(Self.toUnicodeCMap(glyphs.sorted().map { ($0, unicode(of: $0)) }).utf8)
        return [
            .dictionary("<< /Type /Font /Subtype /Type0 /BaseFont /\(baseFont) /Encoding /Identity-H /DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>"),
            .dictionary("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(baseFont) /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor \(descriptor) 0 R /DW \(font.pdfWidth(of: 0)) /W \(widths) /CIDToGIDMap /Identity >>"),
            // Flags 4, symbolic: the font has characters outside Adobe's standard Latin set
            // (with Identity-H the glyphs are addressed directly, so no encoding is implied).
            // StemV is required but not in a TrueType file; 80 is the customary value.
            .dictionary("<< /Type /FontDescriptor /FontName /\(baseFont) /Flags 4 /FontBBox [\(bbox)] /ItalicAngle \(PDFWriter.number(font.italicAngle)) /Ascent \(font.pdfUnits(font.ascent)) /Descent \(font.pdfUnits(font.descent)) /CapHeight \(font.pdfUnits(font.capHeight)) /StemV 80 /FontFile2 \(file) 0 R >>"),
            .stream(dictionary: "<< /Length \(packed.count) /Length1 \(subset.count) /Filter /FlateDecode >>", bytes: packed),
            .stream(dictionary: "<< /Length \(cmap.count) >>", bytes: cmap),
        ]
    }

    /// `[3 [1233] 36 [1401 1405 1430]]`: runs of consecutive glyphs with their widths.
    var widths: String {
        var runs: [(first: GlyphID, widths: [Int])] = []
        for glyph in glyphs.sorted() {
            if let last = runs.last, Int(last.first) + last.widths.count == Int(glyph) {
                runs[runs.count - 1].widths.append(font.pdfWidth(of: glyph))
            } else {
                runs.append((glyph, [font.pdfWidth(of: glyph)]))
            }
        }
        return "[" + runs.map { "\($0.first) [\($0.widths.map(String.init).joined(separator: " "))]" }.joined(separator: " ") + "]"
    }

    /// What a glyph stands for. Glyph 0 (.notdef) and any glyph no character maps to read
    /// as U+FFFD, the replacement character, rather than silently as nothing.
    func unicode(of glyph: GlyphID) -> Unicode.Scalar {
        guard glyph != 0, let value = font.unicodeOfGlyph[glyph], let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    /// The ToUnicode CMap (Adobe technical note 5411): two-byte codes, each mapped to UTF-16BE
    /// (a surrogate pair outside the Basic Multilingual Plane), at most 100 per block.
    static func toUnicodeCMap(_ mappings: [(GlyphID, Unicode.Scalar)]) -> String {
        var lines = [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            "<0000> <FFFF>",
            "endcodespacerange",
        ]
        var start = 0
        while start < mappings.count {
            let block = mappings[start..<min(start + 100, mappings.count)]
            lines.append("\(block.count) beginbfchar")
            for (glyph, scalar) in block {
                lines.append("<\(hex(glyph))> <\(String(scalar).utf16.map(hex).joined())>")
            }
            lines.append("endbfchar")
            start += 100
        }
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return lines.joined(separator: "\n")
    }

    /// Four upper-case hex digits: "00E5".
    static func hex(_ value: UInt16) -> String { PDFWriter.padded(Int(value), 4, radix: 16).uppercased() }
}
