import Foundation
import Testing
@testable import SamverkaCore

@Suite("Statistics: the clocks kept, on a fixed data set")
struct ClockFiguresTests {
    typealias F = Fx

    @Test("protection assessments across both DST changes: 23 and 25 real hours; the share, median and 90th percentile by hand")
    func protectionAssessments() {
        let clocks = [
            // Spring forward (29 March 2026): 20:00 to 20:00 is 23 hours, on time.
            Deadline(kind: .protectionAssessment, startedAt: F.at(2026, 3, 28, 20), metAt: F.at(2026, 3, 29, 20)),
            // Fall back (25 October 2026): 20:00 to 20:00 is 25 hours, late.
            Deadline(kind: .protectionAssessment, startedAt: F.at(2026, 10, 24, 20), metAt: F.at(2026, 10, 25, 20)),
            Deadline(kind: .protectionAssessment, startedAt: F.at(2026, 11, 2, 8), metAt: F.at(2026, 11, 2, 10)),
            Deadline(kind: .protectionAssessment, startedAt: F.at(2026, 11, 3, 8), metAt: F.at(2026, 11, 3, 14)),
            // Never assessed: overdue at the time of reading.
            Deadline(kind: .protectionAssessment, startedAt: F.at(2026, 11, 20, 8)),
            // Another kind is not counted.
            Deadline(kind: .preAssessment, startedAt: F.at(2026, 11, 2, 8)),
        ]
        let figures = ClockFigures(kind: .protectionAssessment, clocks, at: F.at(2026, 11, 30, 12))
        #expect(figures.started == 5)
        #expect(figures.metOnTime == 3 && figures.metLate == 1 && figures.overdue == 1 && figures.running == 0)
        #expect(figures.onTime?.text == "60 %")
        // Times 2, 6, 23, 25 hours: median (6 + 23) / 2 = 14.5; nearest rank ⌈0.9·4⌉ = 4 → 25.
        #expect(figures.median == ClockTime(value: 14.5, unit: .hours))
        #expect(figures.median?.text == "14,5 timmar")
        #expect(figures.percentile90?.text == "25 timmar")
    }

    @Test("pre-assessments in days across a month end: on time on day 14, late on day 15, running ones not in the share")
    func preAssessments() {
        let clocks = [
            Deadline(kind: .preAssessment, startedAt: F.at(2026, 1, 20, 9), metAt: F.at(2026, 2, 3, 16)),  // 14 days
            Deadline(kind: .preAssessment, startedAt: F.at(2026, 1, 25, 9), metAt: F.at(2026, 2, 9, 8)),   // 15 days, late
            Deadline(kind: .preAssessment, startedAt: F.at(2026, 1, 30, 9), metAt: F.at(2026, 2, 2, 9)),   // 3 days
            Deadline(kind: .preAssessment, startedAt: F.at(2026, 2, 26, 9)),                               // running on 2 March
        ]
        let figures = ClockFigures(kind: .preAssessment, clocks, at: F.at(2026, 3, 2, 12))
        #expect(figures.metOnTime == 2 && figures.metLate == 1 && figures.running == 1 && figures.overdue == 0)
        #expect(figures.onTime == Share(2, of: 3))
        #expect(figures.onTime?.text == "67 %")
        #expect(figures.median?.text == "14 dagar")
        #expect(figures.percentile90?.text == "15 dagar")
    }

    @Test("nothing measured: no share and no times, not a zero")
    func empty() {
        let figures = ClockFigures(kind: .investigation, [], at: F.at(2026, 3, 2, 12))
        #expect(figures.onTime == nil && figures.median == nil && figures.percentile90 == nil)
        #expect(Percentiles.nearestRank(0.9, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) == 9)
        #expect(Percentiles.median([5]) == 5)
    }
}
