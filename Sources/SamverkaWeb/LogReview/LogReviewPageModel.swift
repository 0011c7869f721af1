import Foundation
import SamverkaCore
import SamverkaStore

/// The log reviewer's page (`/loggkontroll`): the open flags (each with its verdict form, or
/// a note that a flag on the reviewer herself goes to another reviewer), the recently
/// resolved, the samples, the background scan and the forms for a sample and a summary.
/// Each form keeps what was typed when it is refused; one error summary links to the field
/// of whichever form was refused.
struct LogReviewPageModel {
    /// The forms of the page.
    struct Forms {
        var scan = FormState()
        var sample = FormState()
        var summary = FormState()
        var flagID: RecordID?
        var flag = FormState()
        var notice: String?
    }

    let overview: LogReviewOverview
    let forms: Forms
    let reviewer: Actor
    let today: SimpleDate

    /// The confirmation a redirect back to the page asks for.
    static func notice(_ query: (String) -> String?) -> String? {
        if query("kontroll") != nil { return "Kontrollen har startats. Den körs i bakgrunden; ladda om sidan för att se hur långt den har kommit." }
        if let count = query("stickprov") { return "Stickprovet är draget: \(count) åtkomster att granska." }
        if query("granskad") != nil { return "Flaggan är granskad." }
        return nil
    }

    static func row(_ flag: ReviewFlagRecord) -> [String: Any] {
        var child = ""
        if let name = flag.childName { child = name + " (" + (flag.childIdentityNumber?.formatted ?? "") + ")" }
        return ["id": flag.id, "kind": flag.kind?.label ?? flag.kindRaw, "at": Stockholm.format(flag.at), "staff": flag.staffName,
                "child": child, "detail": flag.detail, "verdict": flag.justified.map { $0 ? "Befogad" : "Ej befogad" } ?? "",
                "note": flag.note ?? "", "resolvedAt": flag.resolvedAt.map(Stockholm.format) ?? "", "dayLog": dayLog(flag) ?? false]
    }

    /// The person's log of the flag's day, for the flags that stand for a whole day's accesses.
    static func dayLog(_ flag: ReviewFlagRecord) -> String? {
        guard let staffID = flag.staffID, let kind = flag.kind, kind == .outOfHours || kind == .manyChildren else { return nil }
        let day = Stockholm.date(of: flag.at).iso
        return "\(SiteURL.auditLog.path)?staff_id=\(staffID)&from=\(day)&to=\(day)"
    }

    /// The open flags: the verdict form, unless the policy sends the flag to another reviewer.
    private var open: [[String: Any]] {
        overview.open.map { flag -> [String: Any] in
            var row = Self.row(flag)
            guard AccessPolicy.allows(reviewer, .resolveReviewFlag(raisedOn: flag.staffID)) else {
                row["ownFlag"] = true
                return row
            }
            let state = flag.id == forms.flagID ? forms.flag : FormState()
            var form = state.data
            form["yes"] = state.values["justified"] == "yes"
            form["no"] = state.values["justified"] == "no"
            row["form"] = form
            return row
        }
    }

    /// The sample's and the summary's forms start on last month and this month.
    private var sample: FormState {
        var sample = forms.sample
        if sample.values.isEmpty { sample.values = ["month": String(today.adding(months: -1).iso.prefix(7)), "per_unit": "5"] }
        return sample
    }

    private var summary: FormState {
        var summary = forms.summary
        if summary.values.isEmpty { summary.values = ["from": SimpleDate(year: today.year, month: today.month, day: 1)!.iso, "to": today.iso] }
        return summary
    }

    private var errorList: [[String: String]] {
        var list: [[String: String]] = []
        func collect(_ state: FormState, field: (String) -> String) {
            for name in state.errors.fields { if let message = state.errors[name] { list.append(["field": field(name), "message": message]) } }
        }
        collect(forms.scan) { "scan-\($0)" }
        collect(forms.sample) { $0 }
        collect(forms.summary) { "summary-\($0)" }
        if let id = forms.flagID { collect(forms.flag) { "\($0)-\(id)" } }
        return list
    }

    var data: [String: Any] {
        let errors = errorList
        return [
            "hasErrors": !errors.isEmpty, "errorList": errors,
            "law": LegalReference.accessControlAndLogReview.current, "notice": forms.notice ?? false,
            "open": open, "openCount": overview.openCount, "noneOpen": overview.open.isEmpty,
            "more": overview.openCount > overview.open.count ? "Visar de \(overview.open.count) äldsta av \(overview.openCount)." : false,
            "resolved": overview.recentlyResolved.map(Self.row), "hasResolved": !overview.recentlyResolved.isEmpty,
            "samples": overview.samples.map { ["period": $0.period, "units": $0.units, "drawn": $0.drawn] }, "hasSamples": !overview.samples.isEmpty,
            "scan": forms.scan.data, "sample": sample.data, "summary": summary.data,
            "scanStatus": LogReviewScanView.status(overview.scan, queued: overview.scanQueued),
        ]
    }
}
