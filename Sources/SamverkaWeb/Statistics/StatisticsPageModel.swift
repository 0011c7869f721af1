import Foundation
import SamverkaCore
import SamverkaStore

/// The statistics page: the choice of period and scope, the download links, and each part's
/// clocks, lines and tables with their charts. The charts are SVG built by Core's
/// `StatisticsChart`, which escapes every text it draws; the template writes them with triple
/// braces, the only place it does (a template test holds that).
struct StatisticsPageModel {
    let view: StatisticsView
    let choice: StatisticsChoice

    var data: [String: Any] {
        var d: [String: Any] = ["periodLabel": view.report.period.label, "scopeLabel": view.report.scope]
        d["periods"] = periodOptions
        d["scopes"] = view.choices.map { ["key": $0.key, "label": $0.label, "selected": $0.key == view.scope.key] }
        d["hasScopeChoice"] = view.choices.count > 1
        d["custom"] = choice.periodKey == "egen"
        d["from"] = choice.from
        d["to"] = choice.to
        d["fromError"] = choice.errors["fran"] ?? false
        d["toError"] = choice.errors["till"] ?? false
        d["periodError"] = choice.errors["period"] ?? false
        let query = StatisticsChoice.query(period: view.report.period, scope: view.scope)
        d["csvLink"] = SiteURL.statisticsCSV.path + query
        d["pdfLink"] = SiteURL.statisticsPDF.path + query
        d["action"] = SiteURL.statistics.path
        d["sections"] = view.report.sections.map(section)
        return d
    }

    /// This year so far (the default), the years, terms and the last twelve months, then
    /// any days.
    private var periodOptions: [[String: Any]] {
        let today = view.today, chosen = choice.periodKey
        var periods: [StatisticsPeriod] = []
        for year in [today.year, today.year - 1] {
            periods += [StatisticsPeriod.year(year), StatisticsPeriod.term(year, spring: false), StatisticsPeriod.term(year, spring: true)].compactMap { $0 }
        }
        var month = SimpleDate(year: today.year, month: today.month, day: 1)!
        for _ in 0..<12 {
            if let p = StatisticsPeriod.month(month.year, month.month) { periods.append(p) }
            month = month.adding(months: -1)
        }
        var options: [[String: Any]] = [["key": "", "label": "I år hittills", "selected": chosen.isEmpty]]
        options += periods.map { ["key": $0.key, "label": $0.label, "selected": $0.key == chosen] }
        options.append(["key": "egen", "label": "Egna datum (fyll i nedan)", "selected": chosen == "egen"])
        return options
    }

    private func section(_ s: StatisticsReport.Section) -> [String: Any] {
        let clocks: [[String: Any]] = s.clocks.map {
            ["label": $0.label, "limit": $0.limit, "started": $0.started, "onTime": $0.onTime, "late": $0.late, "overdue": $0.overdue,
             "running": $0.running, "share": $0.share, "median": $0.median, "percentile90": $0.percentile90]
        }
        let lines: [[String: Any]] = s.lines.enumerated().map { i, line in
            ["title": line.title, "chartSvg": line.chart, "id": "\(s.key.rawValue)-line-\(i)",
             "points": line.points.map { ["label": $0.label, "share": $0.share] }]
        }
        let tables: [[String: Any]] = s.tables.map(table)
        return ["id": "del-\(s.key.rawValue)", "title": s.title, "hasClocks": !clocks.isEmpty, "clocks": clocks, "lines": lines, "tables": tables]
    }

    private func table(_ t: StatisticsReport.Table) -> [String: Any] {
        let rowTotals = t.rows.first?.total != nil
        func row(_ r: StatisticsReport.Row) -> [String: Any] {
            ["label": r.label, "cells": r.cells.map { ["text": $0] }, "total": r.total ?? false]
        }
        return ["id": "tabell-\(t.key.rawValue)", "title": t.title, "columns": t.columns.map { ["label": $0] }, "rowTotals": rowTotals,
                "rows": t.rows.map(row), "totals": t.totals.map(row) ?? false, "isEmpty": t.rows.isEmpty,
                "chartSvg": t.chart ?? false]
    }
}

extension StatisticsChoice {
    static func query(period: StatisticsPeriod, scope: StatisticsScope) -> String {
        "?period=\(period.key)&omfang=\(scope.key)"
    }
}
