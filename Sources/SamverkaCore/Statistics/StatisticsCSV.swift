/// A table as a file a spreadsheet opens with åäö intact: UTF-8 with a byte-order mark,
/// `;` between cells (Swedish Excel's list separator), each line ending CRLF. A cell that a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return) is neutralised with a leading apostrophe; a cell with `;`, a quote or a line break
/// is quoted.
public enum StatisticsCSV {
    public static func bytes(_ rows: [[String]]) -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array(text(rows).utf8)
    }

    public static func text(_ rows: [[String]]) -> String {
        rows.map { $0.map(cell).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { v = "'" + v }
        guard v.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
