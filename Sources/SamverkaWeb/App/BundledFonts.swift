import Foundation
import SamverkaCore

/// The fonts shipped in the bundle (`Fonts/`, with their licence) and printed with, so a
/// PDF does not depend on what is installed on the server. DejaVu Sans covers the Latin,
/// Greek and Cyrillic alphabets in full, Vietnamese included.
enum BundledFonts {
    enum Failure: Error { case missing(String) }

    /// Read and parsed once per process: every router built (each web test builds one)
    /// shares the same bytes.
    private static let loaded: Result<PDFFonts, any Error> = Result {
        PDFFonts(regular: try font("DejaVuSans"), bold: try font("DejaVuSans-Bold"))
    }

    static func dejaVuSans() throws -> PDFFonts { try loaded.get() }

    private static func font(_ name: String) throws -> TrueTypeFont {
        guard let url = Bundle.module.url(forResource: name, withExtension: "ttf", subdirectory: "Fonts") else { throw Failure.missing(name) }
        return try TrueTypeFont(bytes: Array(try Data(contentsOf: url)))
    }
}
