import NIOConcurrencyHelpers

/// The connections to one SQLite file: one writer, used only under the write gate, and
/// readers, which refuse changes (WAL lets them read while the writer writes). A reader is
/// opened when none is free, so a request never waits for one; at most `idleReaders` are
/// kept, each with its own statement cache and page cache.
final class SQLiteConnections: Sendable {
    let path: String
    let writer: SQLiteHandle
    private let idle: NIOLockedValueBox<[SQLiteHandle]>
    private let idleReaders: Int

    init(path: String, idleReaders: Int) throws {
        self.path = path
        self.idleReaders = idleReaders
        writer = try SQLiteHandle(path: path, readOnly: false)
        // journal_mode=WAL is a property of the file: set it once, before any reader opens.
        try writer.execute("PRAGMA journal_mode=WAL", []) { _ in }
        idle = NIOLockedValueBox([])
    }

    /// The reader is taken on the executor's thread, not before: requests queued for the
    /// executor would each hold one, and readers past the idle bound are closed and opened
    /// anew (reading the schema again), which cost more than the trivial route's own work
    /// (bench/README.md, 2026-12-02).
    func withReader<T>(_ body: (SQLiteHandle) async throws -> T) async throws -> T {
        try await SQLiteExecutor.run {
            let reader = try idle.withLockedValue { $0.popLast() } ?? SQLiteHandle(path: path, readOnly: true)
            defer { release(reader) }
            return try await body(reader)
        }
    }

    private func release(_ reader: SQLiteHandle) {
        let kept = idle.withLockedValue { readers in
            guard readers.count < idleReaders else { return false }
            readers.append(reader)
            return true
        }
        if !kept { reader.close() }
    }

    func close() {
        for reader in idle.withLockedValue({ readers in defer { readers = [] }; return readers }) { reader.close() }
        writer.close()
    }
}
