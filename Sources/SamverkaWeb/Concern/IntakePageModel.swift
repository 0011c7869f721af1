import Foundation
import Mustache
import SamverkaCore
import SamverkaStore

/// The intake queue (`/mottagning`): fifty groups of reports a page, oldest first, and the
/// reporters waiting for feedback. Its cards are the longest list a page renders, so they
/// are values that answer the template's names themselves (`MustacheParent`): swift-mustache
/// reads those without casting a dictionary of `Any` for every name (bench/README.md,
/// 2026-12-02: the queue's rendering and what this shape saved).
struct IntakePageModel {
    static let pageSize = 50

    struct Report: MustacheParent {
        let id: String
        let title: String
        let summary: String
        /// "Akut oro", "Väntar på skriftlig bekräftelse": one list instead of a section each.
        let tags: [String]
        let clocks: [ClockLine]

        init(_ report: ReportRecord, now: Date) {
            id = String(report.id)
            title = report.state.kind.label + " " + report.receiptNumber
            summary = "inkom " + Stockholm.format(report.state.receivedAt) + " – " + report.state.stage.label
            tags = (report.isAcute ? ["Akut oro"] : []) + (report.state.awaitsWrittenConfirmation ? ["Väntar på skriftlig bekräftelse"] : [])
            clocks = report.state.clocks().filter { $0.state(at: now).isOpen }.map { ClockLine($0, now: now) }
        }

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "title": title
            case "summary": summary
            case "tags": tags
            case "clocks": clocks
            default: nil
            }
        }
    }

    /// The reports about one child (or one unlinked report).
    struct Group: MustacheParent {
        let child: String
        let several: Bool
        let count: String
        let reports: [Report]

        init(_ reports: [ReportRecord], now: Date) {
            child = reports[0].childName ?? reports[0].childDescription ?? "Barnet är inte kopplat"
            several = reports.count > 1
            count = String(reports.count)
            self.reports = reports.map { Report($0, now: now) }
        }

        func child(named name: String) -> Any? {
            switch name {
            case "child": child
            case "several": several
            case "count": count
            case "reports": reports
            default: nil
            }
        }
    }

    let groups: [Group]
    let total: Int
    let page: Int
    let pages: Int
    let waiting: [[String: Any]]

    /// `requestedPage` is the `?sida=` asked for, kept within the pages there are.
    init(queue: IntakeQueue, requestedPage: Int, now: Date) {
        pages = max(1, (queue.groups.count + Self.pageSize - 1) / Self.pageSize)
        page = min(pages, max(1, requestedPage))
        total = queue.groups.reduce(0) { $0 + $1.count }
        groups = queue.groups.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize).map { Group($0, now: now) }
        waiting = queue.awaitingFeedback.map { ConcernViews.reportRow($0, now: now) }
    }

    var data: [String: Any] {
        ["total": total, "page": page, "pages": pages,
         "previous": page > 1 ? page - 1 : false, "next": page < pages ? page + 1 : false,
         "groups": groups, "empty": groups.isEmpty, "waiting": waiting, "hasWaiting": !waiting.isEmpty]
    }
}
