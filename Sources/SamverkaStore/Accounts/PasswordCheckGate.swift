import Foundation

/// Bounds how many password checks (Bcrypt plus the sign-in's database work) run at once
/// in this process. Bcrypt runs on NIO's thread pool, which SQLite's queries use too, and
/// every check holds database connections: a flood of anonymous sign-ins once took the
/// whole pool and stalled signed-in pages for seconds. Over the bound a few wait their
/// turn (FIFO); beyond that the answer is at once "busy", without touching the database.
/// Per process on purpose: it protects this process's threads and pool; the throttle
/// counts in the database are what hold across instances.
public actor PasswordCheckGate {
    public let slots: Int
    public let queueLimit: Int
    private var running = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Half the cores (at least one) leaves thread-pool threads for the database.
    public init(slots: Int = max(1, ProcessInfo.processInfo.activeProcessorCount / 2), queueLimit: Int? = nil) {
        self.slots = max(1, slots)
        self.queueLimit = max(0, queueLimit ?? 16 * max(1, slots))
    }

    private func enter() async -> Bool {
        if running < slots {
            running += 1
            return true
        }
        guard waiters.count < queueLimit else { return false }
        // The slot is handed over by `leave`, so `running` stays as it is.
        await withCheckedContinuation { waiters.append($0) }
        return true
    }

    private func leave() {
        if waiters.isEmpty {
            running -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Runs `body` in a slot; nil, at once, when every slot and the queue are taken.
    public nonisolated func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T? {
        guard await enter() else { return nil }
        do {
            let result = try await body()
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }
}
