import Foundation
import Logging
import ServiceLifecycle
import SamverkaCore
import SamverkaStore

/// The background jobs of a Samverka instance, one list for the app and the tests.
public enum BackgroundJobs {
    public static func all(store: Store, configuration: WebConfiguration) -> [any BackgroundJob] {
        [LogReviewScanJob(engine: store.engine), SessionCleanupJob(rules: configuration.sessionRules)]
    }

    public static func runner(_ deps: AppDependencies) -> JobRunner {
        JobRunner(store: deps.store, clock: deps.clock, jobs: all(store: deps.store, configuration: deps.configuration))
    }
}

/// Polls the job runner for as long as the application runs (swift-service-lifecycle),
/// and stops with it. Other instances poll the same table; the leases keep them apart.
struct JobPollingService: Service {
    let runner: JobRunner
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await runner.runDue()
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("background job failed", metadata: ["error": "\(error)"])
                }
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }
}
