import Foundation
import Mustache
import SamverkaCore
import SamverkaStore

/// A clock as the `clock` partial shows it. Its sentence and basis are composed here: long
/// lists render hundreds of clocks, and each template lookup costs more than the
/// concatenation. It answers the partial's names itself (`MustacheParent`), the shape the
/// renderer reads fastest; `data` is the same as a dictionary for the other pages.
struct ClockLine: MustacheParent {
    let state: String
    let stateLabel: String
    let text: String
    let due: String
    let basis: String
    let overdue: Bool

    init(_ deadline: Deadline, now: Date) {
        let state = deadline.state(at: now)
        var text = deadline.kind.label + ": senast " + deadline.dueLabel
        if !deadline.extensions.isEmpty {
            text += " (förlängd, ursprungligen " + Stockholm.date(of: deadline.originalDue.addingTimeInterval(-1)).iso + ")"
        }
        self.state = state.rawValue
        stateLabel = state.label
        self.text = text
        due = deadline.dueLabel
        basis = [deadline.kind.duration?.label, deadline.kind.source.text].compactMap { $0 }.joined(separator: ", ")
        overdue = state == .overdue
    }

    var data: [String: Any] {
        ["state": state, "stateLabel": stateLabel, "text": text, "due": due, "basis": basis, "overdue": overdue]
    }

    func child(named name: String) -> Any? {
        switch name {
        case "state": state
        case "stateLabel": stateLabel
        case "text": text
        case "due": due
        case "basis": basis
        case "overdue": overdue
        default: nil
        }
    }
}

/// Turns reports, investigations and clocks into template data. Only what the service
/// returned is shown; access was decided there.
enum ConcernViews {
    /// A clock for the `clock` partial, as template data.
    static func clock(_ deadline: Deadline, now: Date) -> [String: Any] { ClockLine(deadline, now: now).data }

    static func reportRow(_ report: ReportRecord, now: Date) -> [String: Any] {
        let clocks = report.state.clocks().filter { $0.state(at: now).isOpen }.map { clock($0, now: now) }
        let received = Stockholm.format(report.state.receivedAt)
        return ["id": report.id, "receipt": report.receiptNumber, "kind": report.state.kind.label, "channel": report.state.channel.label,
                "child": report.childName ?? report.childDescription ?? "Barnet är inte kopplat", "received": received,
                "stage": report.state.stage.label, "acute": report.isAcute, "clocks": clocks,
                "awaitsWritten": report.state.awaitsWrittenConfirmation, "protected": report.childProtected]
    }

    static func decision(_ entry: DecisionEntry) -> [String: Any] {
        let title: String = switch entry.kind {
        case "protection-assessment": entry.outcome == "needed" ? "Skyddsbedömning: omedelbart skydd behövs" : "Skyddsbedömning: inget omedelbart skyddsbehov"
        case "pre-assessment": "Förhandsbedömning: " + (PreAssessmentOutcome(rawValue: entry.outcome ?? "")?.label.lowercased() ?? "")
        case "investigation-opened": "Utredning inledd"
        case "extension": "Utredningstiden förlängd" + (entry.newDueAt.map { " till \(Stockholm.date(of: $0.addingTimeInterval(-1)).iso)" } ?? "")
        case "closure": InvestigationOutcome(rawValue: entry.outcome ?? "")?.label ?? "Utredningen avslutad"
        case "intervention": "Insats: " + (InterventionKind(rawValue: entry.outcome ?? "")?.label ?? "")
        case "follow-up": "Uppföljning till och med \(entry.outcome ?? "")"
        default: entry.kind
        }
        return ["title": title, "by": entry.record.decidedByName, "date": entry.record.date.iso, "reasons": entry.record.reasons,
                "recorded": Stockholm.format(entry.recordedAt)]
    }

    static func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, selected: String, label: (T) -> String) -> [[String: Any]] where T.RawValue == String {
        type.allCases.map { ["value": $0.rawValue, "label": label($0), "selected": $0.rawValue == selected] }
    }
}
