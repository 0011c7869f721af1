import Foundation
import SamverkaCore
import SamverkaStore

/// What the log review page says about the background scan: under way (with how far it
/// has come and a link to load the page again, no script), waiting to start, or when the
/// last one finished.
enum LogReviewScanView {
    static func status(_ scan: LogReviewScanState, queued: Bool) -> [String: Any] {
        var view: [String: Any] = ["running": scan.running, "queued": queued]
        if scan.running { view["progress"] = scan.progress.sentence }
        if let finished = scan.finishedAt {
            view["last"] = "Senaste kontrollen blev klar \(Stockholm.format(finished)): \(ScanProgress.grouped(scan.lastRows ?? 0)) loggrader, "
                + "\(ScanProgress.grouped(scan.lastRaised ?? 0)) nya flaggor."
        }
        return view
    }
}
