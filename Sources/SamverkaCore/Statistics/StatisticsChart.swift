import Foundation

/// Charts drawn on the server as SVG, for pages that work without JavaScript: bars for
/// counts, a line for shares over months. Each has a title and a description read by screen
/// readers (the page shows the same figures as a table beside it). Suppressed counts draw no
/// bar and say "<5"; a month without a share breaks the line.
public enum StatisticsChart {
    public struct Bar: Sendable, Hashable {
        public let label: String
        public let value: SuppressedTable.Cell
        public init(label: String, value: SuppressedTable.Cell) {
            self.label = label
            self.value = value
        }
    }

    public struct Point: Sendable, Hashable {
        public let label: String
        public let share: Share?
        public init(label: String, share: Share?) {
            self.label = label
            self.share = share
        }
    }

    static let width = 640.0
    static let rowHeight = 28.0
    static let labelWidth = 290.0

    /// Horizontal bars, one per row, longest to scale. `id` makes the title's id unique on the page.
    public static func bars(id: String, title: String, _ bars: [Bar]) -> String {
        let height = Double(bars.count) * rowHeight + 16
        let most = Double(bars.compactMap(\.value.value).max() ?? 0)
        let room = width - labelWidth - 60
        var body = ""
        for (i, bar) in bars.enumerated() {
            let y = 8 + Double(i) * rowHeight
            body += #"<text class="chart-label" x="\#(fmt(labelWidth - 8))" y="\#(fmt(y + 18))" text-anchor="end">\#(escape(short(bar.label)))</text>"#
            let length = bar.value.value.map { most > 0 ? room * Double($0) / most : 0 } ?? 0
            if length > 0 {
                body += #"<rect class="chart-bar" x="\#(fmt(labelWidth))" y="\#(fmt(y + 4))" width="\#(fmt(length))" height="\#(fmt(rowHeight - 8))"/>"#
            }
            body += #"<text class="chart-value" x="\#(fmt(labelWidth + length + 6))" y="\#(fmt(y + 18))">\#(escape(bar.value.text))</text>"#
        }
        let description = bars.map { "\($0.label): \($0.value.text)" }.joined(separator: "; ")
        return frame(id: id, title: title, description: description, height: height, body)
    }

    /// A line of shares (0–100 %) over the months of a period.
    public static func line(id: String, title: String, _ points: [Point]) -> String {
        let height = 220.0, left = 48.0, bottom = 180.0, top = 16.0
        let step = points.count > 1 ? (width - left - 24) / Double(points.count - 1) : 0
        func x(_ i: Int) -> Double { left + Double(i) * step }
        func y(_ share: Share) -> Double { bottom - (bottom - top) * share.fraction }
        var body = ""
        for percent in [0, 50, 100] {
            let yy = bottom - (bottom - top) * Double(percent) / 100
            body += #"<line class="chart-grid" x1="\#(fmt(left))" y1="\#(fmt(yy))" x2="\#(fmt(width - 16))" y2="\#(fmt(yy))"/>"#
            body += #"<text class="chart-label" x="\#(fmt(left - 6))" y="\#(fmt(yy + 4))" text-anchor="end">\#(percent) %</text>"#
        }
        // A month without a share (nothing measured) breaks the line into segments.
        var segments: [[(Int, Share)]] = [[]]
        for (i, point) in points.enumerated() {
            if let share = point.share { segments[segments.count - 1].append((i, share)) } else if !segments[segments.count - 1].isEmpty { segments.append([]) }
        }
        for segment in segments where !segment.isEmpty {
            let path = segment.map { "\(fmt(x($0.0))),\(fmt(y($0.1)))" }.joined(separator: " ")
            body += #"<polyline class="chart-line" points="\#(path)"/>"#
            for (i, share) in segment { body += #"<circle class="chart-point" cx="\#(fmt(x(i)))" cy="\#(fmt(y(share)))" r="3"/>"# }
        }
        for (i, point) in points.enumerated() {
            body += #"<text class="chart-label" x="\#(fmt(x(i)))" y="\#(fmt(bottom + 20))" text-anchor="middle">\#(escape(point.label))</text>"#
        }
        let description = points.map { "\($0.label): \($0.share?.text ?? "inget mätt")" }.joined(separator: "; ")
        return frame(id: id, title: title, description: description, height: height, body)
    }

    static func frame(id: String, title: String, description: String, height: Double, _ body: String) -> String {
        let safeID = id.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        return #"<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 \#(fmt(width)) \#(fmt(height))" aria-labelledby="\#(safeID)-title \#(safeID)-desc">"#
            + #"<title id="\#(safeID)-title">\#(escape(title))</title><desc id="\#(safeID)-desc">\#(escape(description))</desc>"# + body + "</svg>"
    }

    /// A bar's label cut to what fits beside it (the whole label is in the description and
    /// in the table beside the chart).
    static func short(_ label: String) -> String {
        label.count <= 40 ? label : String(label.prefix(38)) + "…"
    }

    static func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
