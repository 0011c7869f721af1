/// The two styles Samverka prints in.
public enum PDFFont: Sendable, Hashable, CaseIterable {
    case regular
    case bold

    /// The name of the font in a page's resources, used by the content stream's `Tf`.
    var resourceName: String { self == .regular ? "F1" : "F2" }
}

/// The fonts every PDF is printed with: embedded TrueType fonts with the whole of Unicode a
/// municipality meets in names (Polish, Turkish, Vietnamese and more), where the PDF
/// standard fonts only have Windows-1252. Loaded once by the caller, which owns the files
/// (Core does no file I/O), and passed to each document.
public struct PDFFonts: Sendable {
    public var regular: TrueTypeFont
    public var bold: TrueTypeFont

    public init(regular: TrueTypeFont, bold: TrueTypeFont) {
        self.regular = regular
        self.bold = bold
    }

    public subscript(_ style: PDFFont) -> TrueTypeFont {
        switch style {
        case .regular: regular
        case .bold: bold
        }
    }
}
