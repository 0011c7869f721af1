import NIOPosix

/// Where a read or a transaction on SQLite runs: the whole body, its statements and the
/// Swift between them, on NIO's thread pool (one hop there at the start and one back at the
/// end, not one per statement and per row as with SQLiteNIO). Run on Swift's cooperative
/// threads instead, the statements kept every other task of the process waiting behind
/// them (the sign-in gate's "busy" answers, which touch no database, came late under load).
final class SQLiteExecutor: TaskExecutor {
    static let shared = SQLiteExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        NIOThreadPool.singleton.submit { [self] _ in job.runSynchronously(on: asUnownedTaskExecutor()) }
    }

    /// Runs `body` with this executor preferred; where task executors are missing (macOS
    /// before 15) on the caller's executor.
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        if #available(macOS 15.0, *) {
            return try await withTaskExecutorPreference(shared) { try await body() }
        }
        return try await body()
    }
}
