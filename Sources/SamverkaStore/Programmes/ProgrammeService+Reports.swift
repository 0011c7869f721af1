import Foundation
import SQLKit
import SamverkaCore

/// The steering group's reports: the termly report of the running families and the yearly
/// summary of counts.
extension ProgrammeService {
    // MARK: Reports

    /// The termly report to the steering group, from the records; every child on it audited as read.
    public func termReport(programmeKey: String, term: SchoolTerm, by origin: RequestOrigin) async throws -> Outcome<ProgrammeTermReport> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let definition = try await ProgrammeQueries.definition(key: programmeKey, db),
                  try await origin.decide(.viewProgrammeOverview(steeringGroupRoles: Set(definition.steeringGroupRoles)), type: .programmeReport, at: now, db).isAllowed
            else { return .denied(Self.notFound) }
            let records = try await ProgrammeQueries.records(ids: try await ProgrammeQueries.ids(programmeKey: programmeKey, all: false, db), db)
            let report = ProgrammeTermReportRules.report(records.map(\.enrolment), definition: definition, term: term, on: Stockholm.date(of: now))
            for line in report.lines {
                for child in records.first(where: { $0.enrolment.id == line.enrolmentID })?.enrolment.childIDs ?? [] {
                    try await AuditQueries.append(origin.event(.read, child: child, type: .programmeReport, record: String(line.enrolmentID),
                                                               reason: ProgrammeAuditReasons.termReport(definition.reports.first?.name, term: term.label)), at: now, db)
                }
            }
            return .ok(report)
        }
    }

    /// The yearly summary: counts only, small cells suppressed (no child is read by name).
    public func yearSummary(programmeKey: String, year: Int, by origin: RequestOrigin) async throws -> Outcome<ProgrammeYearSummary> {
        let now = clock.now()
        return try await store.transaction { db in
            guard let definition = try await ProgrammeQueries.definition(key: programmeKey, db),
                  try await origin.decide(.viewProgrammeOverview(steeringGroupRoles: Set(definition.steeringGroupRoles)), type: .programmeReport, at: now, db).isAllowed
            else { return .denied(Self.notFound) }
            let records = try await ProgrammeQueries.records(ids: try await ProgrammeQueries.ids(programmeKey: programmeKey, all: true, db), db)
            try await AuditQueries.append(origin.event(.read, type: .programmeReport, reason: ProgrammeAuditReasons.yearReport(year, programme: definition.name)), at: now, db)
            return .ok(ProgrammeYearSummaryRules.summary(records.map(\.enrolment), definition: definition, year: year))
        }
    }
}
