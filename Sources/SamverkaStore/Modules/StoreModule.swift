import Foundation
import SQLKit
import SamverkaCore

/// What one subject area gives the parts of Samverka that cut across all of them. The
/// register extract, the migration runner, the log review, the work list and the statistics
/// loop over `Modules.all`; a new subject is its folder and one line there. The coverage
/// tests hold every table naming a child to some module's extract and every audit record
/// type and clock kind to some module.
public struct StoreModule: Sendable {
    public let name: String
    let migrations: [Migration]
    /// The audit record types this subject writes.
    public let recordTypes: [AuditRecordType]
    /// Its sections of a child's register extract, in the order they are shown.
    public let extract: [ExtractSection]
    /// Its items on a person's work list.
    let workListParts: [WorkListSource]
    /// The kinds of clock this subject puts on somebody's work list.
    public var clocks: [ClockKind] { workListParts.flatMap(\.clocks) }
    /// Its figures for a period (counts only; the statistics page reads them).
    public let counts: [StatisticsCount]
    /// Its part of the statistics page: the tables it counts and the clocks it measures.
    public let statistics: [StatisticsSource]
    /// Its part of "is this person connected to this child?" for the log review.
    public let connected: [ConnectedClause]

    init(name: String, migrations: [Migration] = [], recordTypes: [AuditRecordType] = [], extract: [ExtractSection] = [],
         workList: [WorkListSource] = [], counts: [StatisticsCount] = [], statistics: [StatisticsSource] = [], connected: [ConnectedClause] = []) {
        self.name = name
        self.migrations = migrations
        self.recordTypes = recordTypes
        self.extract = extract
        self.workListParts = workList
        self.counts = counts
        self.statistics = statistics
        self.connected = connected
    }
}

public enum Modules {
    /// Every subject area, in the order their extract sections and work-list parts appear.
    public static let all: [StoreModule] = [.foundation, .accounts, .organisation, .registry, .concern, .consent, .collaboration, .meetings, .sip, .programmes, .forums, .studentHealth, .directory, .statistics, .workList, .logReview, .audit, .jobs]
}
