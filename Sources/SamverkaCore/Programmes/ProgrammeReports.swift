import Foundation

/// A school term: the spring term (January–June) or the autumn term (July–December), so that
/// every day belongs to one and the report at a term's end covers all of it.
public struct SchoolTerm: Sendable, Hashable {
    public enum Half: String, Sendable, Hashable { case spring, autumn }

    public var year: Int
    public var half: Half

    public init(year: Int, half: Half) {
        self.year = year
        self.half = half
    }

    public static func containing(_ day: SimpleDate) -> SchoolTerm { SchoolTerm(year: day.year, half: day.month <= 6 ? .spring : .autumn) }

    public var first: SimpleDate { SimpleDate(year: year, month: half == .spring ? 1 : 7, day: 1)! }
    public var last: SimpleDate { half == .spring ? SimpleDate(year: year, month: 6, day: 30)! : SimpleDate(year: year, month: 12, day: 31)! }
    public func contains(_ day: SimpleDate) -> Bool { first <= day && day <= last }

    /// "Vårterminen 2027", "Höstterminen 2026".
    public var label: String { "\(half == .spring ? "Vårterminen" : "Höstterminen") \(year)" }
}

/// One running family in the termly report to the steering group (issue 18 item 9).
public struct ProgrammeTermReportLine: Sendable, Hashable {
    public var enrolmentID: RecordID
    /// The family's children, as listed ("Alva (årskurs 2), Ebbe (årskurs 6)").
    public var family: String
    public var stage: ProgrammeStage
    public var startedOn: SimpleDate?
    /// The plans' goals, per plan ("Genomförandeplan: …").
    public var goals: [String]
    public var meetingsHeld: Int
    public var checkInsHeld: Int
    /// From the term's check-ins and follow-ups, newest first.
    public var works: [String]
    public var doesNotWork: [String]
    /// Clocks of the term: missed (still open past their day) or met late.
    public var clocksMissed: Int
    public var clocksMetLate: Int
}

public struct ProgrammeTermReport: Sendable, Hashable {
    public var programmeName: String
    public var term: SchoolTerm
    public var lines: [ProgrammeTermReportLine]
}

public enum ProgrammeTermReportRules {
    /// Every family running at the report's day, and no other (a closed family has its
    /// closure, not a line here).
    public static func report(_ enrolments: [ProgrammeEnrolment], definition: ProgrammeDefinition, term: SchoolTerm, on today: SimpleDate) -> ProgrammeTermReport {
        let lines = enrolments.filter { $0.programmeKey == definition.key && $0.stage.isRunning }.sorted { $0.id < $1.id }.map { e -> ProgrammeTermReportLine in
            let plans = definition.documents.filter(\.isPlan)
            let goals = plans.flatMap { plan in e.documents(plan.key).flatMap { $0.goals.map { "\(plan.name): \($0)" } } }
            let notes = e.notes.filter { term.contains($0.heldOn) }.sorted { $0.heldOn > $1.heldOn }
            let clocks = (ProgrammeClocks.followUpMeetings(e, definition: definition) + ProgrammeClocks.checkIns(e, definition: definition))
                .filter { term.contains($0.dueDay) || term.contains(Stockholm.date(of: $0.startedAt)) }
            let states = clocks.map { $0.state(on: today) }
            return ProgrammeTermReportLine(
                enrolmentID: e.id, family: e.children.map { "\($0.name) (\($0.level.label.lowercased()))" }.joined(separator: ", "),
                stage: e.stage, startedOn: e.startedOn, goals: goals,
                meetingsHeld: e.heldMeetings.filter { $0.heldOn.map(term.contains) ?? false }.count,
                checkInsHeld: notes.filter { $0.kind == .checkIn }.count,
                works: notes.map(\.works), doesNotWork: notes.map(\.doesNotWork),
                clocksMissed: states.filter { $0 == .overdue }.count, clocksMetLate: states.filter { $0 == .metLate }.count)
        }
        return ProgrammeTermReport(programmeName: definition.name, term: term, lines: lines)
    }
}

/// A count in a published summary: shown when 0 or five or more, otherwise "<5", so that no
/// family can be recognised from a small figure (counts only, never a list of families); a 0
/// identifies nobody. The rule is the statistics' (`SuppressedTable`), for one figure alone.
public enum SuppressedCount: Sendable, Hashable {
    case shown(Int)
    case suppressed

    public static let threshold = SuppressedTable.threshold

    public init(_ n: Int) { self = n >= Self.threshold || n == 0 ? .shown(n) : .suppressed }

    public var text: String {
        switch self {
        case .shown(let n): String(n)
        case .suppressed: "<5"
        }
    }
}

/// The yearly programme summary the decision-makers asked for (seed 001, issue 18 item 11).
public struct ProgrammeYearSummary: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var label: String
        public var count: SuppressedCount
    }

    public var programmeName: String
    public var year: Int
    public var rows: [Row]
}

public enum ProgrammeYearSummaryRules {
    /// Families nominated, selected, declined, started, closed and followed up during the
    /// year, and per outcome the children for whom it was answered yes at closure and at
    /// the follow-up.
    public static func summary(_ enrolments: [ProgrammeEnrolment], definition: ProgrammeDefinition, year: Int) -> ProgrammeYearSummary {
        let mine = enrolments.filter { $0.programmeKey == definition.key }
        func inYear(_ day: SimpleDate?) -> Bool { day?.year == year }
        func count(_ label: String, _ n: Int) -> ProgrammeYearSummary.Row { .init(label: label, count: SuppressedCount(n)) }
        var rows = [
            count("Familjer som nominerats", mine.filter { Stockholm.date(of: $0.nominatedAt).year == year }.count),
            count("Familjer som styrgruppen utsett", mine.filter { e in e.decisions.contains { $0.kind == .select && inYear($0.date) } }.count),
            count("Familjer som styrgruppen inte utsett", mine.filter { e in e.decisions.contains { $0.kind == .decline && inYear($0.date) } }.count),
            count("Familjer som tackat nej", mine.filter { $0.familyResponse.map { !$0.accepted && inYear($0.respondedOn) } ?? false }.count),
            count("Insatser som beviljats", mine.filter { inYear($0.grant?.date) }.count),
            count("Insatser som avslutats", mine.filter { inYear($0.closure?.closingMeetingOn) }.count),
            count("Uppföljningar efter avslut", mine.filter { inYear($0.followUp?.heldOn) }.count),
        ]
        for kind in definition.outcomes {
            let atClosure = mine.filter { inYear($0.closure?.closingMeetingOn) }.flatMap { $0.closure!.outcomes }.filter { $0.kind == kind && $0.answer == .yes }.count
            let atFollowUp = mine.filter { inYear($0.followUp?.heldOn) }.flatMap { $0.followUp!.outcomes }.filter { $0.kind == kind && $0.answer == .yes }.count
            rows.append(count("\(kind.label): barn vid avslut", atClosure))
            rows.append(count("\(kind.label): barn vid uppföljning", atFollowUp))
        }
        return ProgrammeYearSummary(programmeName: definition.name, year: year, rows: rows)
    }
}
